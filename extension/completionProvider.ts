// Completion of element IDs (in prose and relation lists) and of system/discipline/part/type keys.
import * as vscode from 'vscode';
import { completions, completionWanted, COMPLETION_TRIGGER_CHARACTERS, placeOf, spaceStartsListItem, type CompletionCandidate, type Project } from '../language/index';
import { fromPosition, toRange } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

/**
 * Characters that open the list by themselves. Letters cannot be used: VS Code counts a typed
 * letter as word typing (quick suggestions, off in Markdown by default), so IDs complete on
 * Ctrl+Space, while typing when quick suggestions are on, and after "CORE-" style prefixes.
 * "[", "," and the space after them open it in front-matter relation lists (completionTrigger.ts).
 */
export const TRIGGER_CHARACTERS = [...COMPLETION_TRIGGER_CHARACTERS, ' '];

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
    // From what is read so far while the framework is being indexed (the list says it is incomplete).
    const project = await this.manager.projectSoon(doc.uri);
    return guard('Completion', doc.uri, undefined, () => {
      if (!project) return undefined;
      const uri = doc.uri.toString();
      const trigger = ctx.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter ? ctx.triggerCharacter : undefined;
      // Every space typed asks: only one that starts a list item is for us, and that is seen cheaply.
      const lineBefore = doc.lineAt(pos.line).text.slice(0, pos.character);
      if (trigger === ' ' && !spaceStartsListItem(lineBefore)) return undefined;
      // Titles only on request (Ctrl+Space, or as the user goes on typing into an open list).
      const result = completions(project, uri, doc.getText(), fromPosition(pos), { titles: trigger === undefined });
      if (!result) return undefined;
      if (!completionWanted(project, uri, fromPosition(pos), result, trigger, lineBefore)) return undefined;
      const range = toRange(result.range);
      // Incomplete while the framework is still being indexed, or when the list is a window of a
      // family of thousands: either way the editor asks again as the user types.
      return new vscode.CompletionList(result.items.map((c) => toItem(project, c, range)), result.isIncomplete || !this.manager.isReady(project));
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
  // The list row shows ID and title; the details show where it sits and the summary, once each.
  item.detail = placeOf(project, c);
  // Typing part of the title finds the ID too.
  item.filterText = `${c.label} ${c.detail ?? ''}`;
  if (c.documentation) item.documentation = new vscode.MarkdownString().appendText(c.documentation);
  return item;
}
