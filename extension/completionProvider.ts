// Completion of element IDs (in prose and relation lists) and of system/discipline/part/type keys.
import * as vscode from 'vscode';
import { completions, completionWanted, COMPLETION_TRIGGER_CHARACTERS, placeOf, type CompletionCandidate, type Project } from '../language/index';
import { fromPosition, toRange } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

/**
 * Characters that open the list by themselves. Letters cannot be used: VS Code counts a typed
 * letter as word typing (quick suggestions, off in Markdown by default), so IDs complete on
 * Ctrl+Space, while typing when quick suggestions are on, and after "CORE-" style prefixes.
 * "[" and "," open it in front-matter relation lists.
 */
export const TRIGGER_CHARACTERS = COMPLETION_TRIGGER_CHARACTERS;

const KIND: Record<CompletionCandidate['kind'], vscode.CompletionItemKind> = {
  id: vscode.CompletionItemKind.Reference,
  system: vscode.CompletionItemKind.EnumMember,
  discipline: vscode.CompletionItemKind.EnumMember,
  part: vscode.CompletionItemKind.EnumMember,
  type: vscode.CompletionItemKind.EnumMember,
};

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position, _token: vscode.CancellationToken, ctx: vscode.CompletionContext): Promise<vscode.CompletionList | undefined> {
    await this.manager.whenReady();
    return guard('Completion', doc.uri, undefined, () => {
      const project = this.manager.projectFor(doc.uri);
      if (!project) return undefined;
      const uri = doc.uri.toString();
      const result = completions(project, uri, doc.getText(), fromPosition(pos));
      if (!result) return undefined;
      const trigger = ctx.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter ? ctx.triggerCharacter : undefined;
      if (!completionWanted(project, uri, fromPosition(pos), result, trigger)) return undefined;
      const range = toRange(result.range);
      // An incomplete list (a window of a family of thousands) is asked for again as the user types.
      return new vscode.CompletionList(result.items.map((c) => toItem(project, c, range)), result.isIncomplete);
    });
  }
}

function toItem(project: Project, c: CompletionCandidate, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KIND[c.kind]);
  item.range = range;
  item.sortText = c.sortText;
  if (c.kind !== 'id') {
    item.detail = c.detail;
    return item;
  }
  const where = placeOf(project, c);
  item.detail = where ? `${c.detail ?? ''} · ${where}` : c.detail;
  // Typing part of the title finds the ID too.
  item.filterText = `${c.label} ${c.detail ?? ''}`;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${c.label} · `).appendText(c.detail ?? 'untitled').appendMarkdown('**');
  if (where) md.appendMarkdown('\n\n_').appendText(where).appendMarkdown('_');
  if (c.documentation) md.appendMarkdown('\n\n').appendText(c.documentation);
  item.documentation = md;
  return item;
}
