// Rename an ID across the framework (F2; Shift+Enter shows VS Code's refactor preview).
//
// VS Code asks rename providers in turn: a provider whose prepareRename throws, or whose
// provideRenameEdits throws or returns nothing, hands the rename to the next one. For Markdown
// that is the built-in provider, which takes "[FLM5, FLM7]" for a link reference and rewrites the
// whole relation list. So: positions that are not ours return undefined (headings and links stay
// with the Markdown provider), and once a position is ours every answer is ours too: a refusal is
// an edit that changes nothing plus the reason, shown the way VS Code shows its own.
import * as vscode from 'vscode';
import { basename, hashText, prepareRename, rename, type Project } from '../language/index';
import { fromPosition, toRange, toWorkspaceEdit } from './convert';
import { takenRenameTargets } from './fileRenameGuard';
import { logError } from './log';
import type { ProjectManager } from './projectManager';

const FAILED = 'opmodel could not rename here; see the "opmodel" output for details.';

export class RenameProvider implements vscode.RenameProvider {
  constructor(private readonly manager: ProjectManager) {}

  async prepareRename(doc: vscode.TextDocument, pos: vscode.Position): Promise<{ range: vscode.Range; placeholder: string } | undefined> {
    await this.manager.whenReady();
    const project = this.manager.projectFor(doc.uri);
    if (!project) return undefined;
    try {
      const r = prepareRename(project, doc.uri.toString(), fromPosition(pos));
      return 'error' in r ? undefined : { range: toRange(r.range), placeholder: r.placeholder };
    } catch (e) {
      logError('Rename', doc.uri, e);
      // Keep the position (provideRenameEdits will refuse) rather than hand it to another provider.
      const word = doc.getWordRangeAtPosition(pos);
      return word && { range: word, placeholder: doc.getText(word) };
    }
  }

  async provideRenameEdits(doc: vscode.TextDocument, pos: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    await this.manager.whenReady();
    const project = this.manager.projectFor(doc.uri);
    const uri = doc.uri.toString();
    let answer: vscode.WorkspaceEdit | string | undefined;
    try {
      answer = project && (await this.edits(project, uri, pos, newName));
    } catch (e) {
      logError('Rename', doc.uri, e);
      answer = FAILED;
    }
    // Not ours (no provider claimed the position and VS Code asks everyone in turn).
    if (answer === undefined) return undefined;
    if (answer instanceof vscode.WorkspaceEdit) return answer;
    // VS Code shows a provider's refusal as an information message: so do we, with only our reason.
    void vscode.window.showInformationMessage(answer);
    return new vscode.WorkspaceEdit();
  }

  /** The edit, a refusal (its reason), or undefined for a position that is not ours. */
  private async edits(project: Project, uri: string, pos: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | string | undefined> {
    const at = fromPosition(pos);
    if ('error' in prepareRename(project, uri, at)) return undefined;
    let r = rename(project, uri, at, newName);
    if ('error' in r) return r.error;
    const taken = await takenRenameTargets(r.edit);
    if (taken.length) {
      // The ID is renamed; its file keeps its name (and the links to it stay right).
      r = rename(project, uri, at, newName, { files: false });
      if ('error' in r) return r.error;
      void vscode.window.showInformationMessage(`The file keeps its name: ${basename(taken[0]!)} already exists beside it.`);
    }
    // Edits are computed against the indexed text; refuse when an editor holds something else.
    for (const [u, version] of Object.entries(r.edit.versions)) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u);
      if (open && hashText(open.getText()) !== version) return `${vscode.workspace.asRelativePath(open.uri)} changed while renaming; try again.`;
    }
    return toWorkspaceEdit(r.edit);
  }
}
