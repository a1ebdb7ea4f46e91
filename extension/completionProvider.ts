// Completion of element IDs (in prose and relation lists) and of system/discipline/part/type keys.
import * as vscode from 'vscode';
import { completions, type CompletionCandidate, type Project } from '../language/index';
import { fromPosition, toRange } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

/**
 * Characters that open the list by themselves. Letters cannot be used: VS Code counts a typed
 * letter as word typing (quick suggestions, off in Markdown by default), so IDs complete on
 * Ctrl+Space, while typing when quick suggestions are on, and after "CORE-" style prefixes.
 * "[", "," and the space after them open it in front-matter relation lists: a list opened at
 * the comma would take the space typed next as filter text, and re-sort itself by title.
 */
export const TRIGGER_CHARACTERS = ['-', '[', ',', ' '];

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
      const triggered = ctx.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter;
      // Every space typed asks: only one that starts a list item ("[ ", ", ") is for us.
      if (triggered && ctx.triggerCharacter === ' ' && !/[[,] $/.test(doc.lineAt(pos.line).text.slice(0, pos.character))) return undefined;
      // Titles only on request (Ctrl+Space, or as the user goes on typing into an open list).
      const result = completions(project, uri, doc.getText(), fromPosition(pos), { titles: !triggered });
      if (!result) return undefined;
      if (triggered) {
        // A list item's "-" or a comma in prose is no request for IDs; a family prefix or front matter is.
        const fm = project.document(uri)?.frontMatter?.range;
        const inFrontMatter = !!fm && pos.line > fm.start.line && pos.line < fm.end.line;
        const typedPrefix = result.range.start.character < result.range.end.character;
        if (!inFrontMatter && !(ctx.triggerCharacter === '-' && typedPrefix)) return undefined;
      }
      const range = toRange(result.range);
      return new vscode.CompletionList(result.items.map((c) => toItem(project, c, range)), !this.manager.isReady(project));
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

/** "First Line Management × Organization & Management", or the leadership part. */
export function placeOf(project: Project, c: { system?: string; discipline?: string; family?: string }): string | undefined {
  const cfg = project.config;
  const sys = cfg.systems.find((s) => s.key === c.system)?.title ?? c.system;
  const disc = cfg.disciplines.find((d) => d.key === c.discipline)?.title ?? c.discipline;
  if (sys || disc) return `${sys ?? '?'} × ${disc ?? '?'}`;
  return cfg.leadership.find((p) => c.family && p.families.includes(c.family))?.title;
}
