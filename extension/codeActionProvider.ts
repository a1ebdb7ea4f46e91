// Quick fixes: one per fix the engine attaches to a diagnostic, plus "Create missing element"
// for an unknown ID (a new file from the element template, opened).
import * as vscode from 'vscode';
import { hashText, type Diagnostic, type WorkspaceEdit } from '../language/index';
import { toRange, toWorkspaceEdit } from './convert';
import { takenRenameTargets } from './fileRenameGuard';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly manager: ProjectManager) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions = this.actions(doc, ctx);
    const out: vscode.CodeAction[] = [];
    // A fix that renames a file onto one that exists (not indexed, so the engine did not see it) is left out.
    for (const { action, edit } of actions) if (!edit?.renames || !(await takenRenameTargets(edit)).length) out.push(action);
    return out;
  }

  private actions(doc: vscode.TextDocument, ctx: vscode.CodeActionContext): { action: vscode.CodeAction; edit?: WorkspaceEdit }[] {
    return guard('Quick fixes', doc.uri, [], () => {
      const project = this.manager.projectFor(doc.uri);
      if (!project) return [];
      const uri = doc.uri.toString();
      const ours = ctx.diagnostics.filter((d) => d.source === 'opmodel');
      if (!ours.length) return [];
      // Fixes are computed against the indexed text; an editor that is ahead gets none until the index catches up.
      if (project.versionOf(uri) !== hashText(doc.getText())) return [];
      const engine = project.diagnostics(uri);
      const out: { action: vscode.CodeAction; edit?: WorkspaceEdit }[] = [];
      for (const vd of ours) {
        const d = engine.find((e) => sameDiagnostic(e, vd));
        if (!d) continue;
        for (const fix of d.fixes ?? []) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [vd];
          action.isPreferred = !!fix.preferred;
          action.edit = toWorkspaceEdit(fix.edit);
          out.push({ action, edit: fix.edit });
        }
        if (d.code === 'unknown-id') {
          const id = doc.getText(vd.range);
          if (project.syntax.isCanonical(id)) {
            const action = new vscode.CodeAction(`Create missing element ${id}`, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [vd];
            action.command = { title: action.title, command: 'opmodel.createMissingElement', arguments: [project.rootUri, id] };
            out.push({ action });
          }
        }
      }
      return out;
    });
  }
}

function sameDiagnostic(e: Diagnostic, vd: vscode.Diagnostic): boolean {
  return e.code === vd.code && e.message === vd.message && toRange(e.range).isEqual(vd.range);
}
