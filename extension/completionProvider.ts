// Completion of element IDs (in prose and relation lists) and of system/discipline/part/type keys.
import * as vscode from 'vscode';
import { completions, type CompletionCandidate, type Project } from '../language/index';
import { fromPosition, toRange } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

/** First letters of the family prefixes (typed in capitals), plus "-" for CORE-B4-style IDs. */
export function triggerCharacters(prefixes: string[]): string[] {
  return [...new Set(prefixes.map((p) => p[0]!).filter(Boolean)), '-'];
}

const KIND: Record<CompletionCandidate['kind'], vscode.CompletionItemKind> = {
  id: vscode.CompletionItemKind.Reference,
  system: vscode.CompletionItemKind.EnumMember,
  discipline: vscode.CompletionItemKind.EnumMember,
  part: vscode.CompletionItemKind.EnumMember,
  type: vscode.CompletionItemKind.EnumMember,
};

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly manager: ProjectManager) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionList | undefined {
    return guard('Completion', doc.uri, undefined, () => {
      const project = this.manager.projectFor(doc.uri);
      if (!project) return undefined;
      const result = completions(project, doc.uri.toString(), doc.getText(), fromPosition(pos));
      if (!result) return undefined;
      const range = toRange(result.range);
      return new vscode.CompletionList(result.items.map((c) => toItem(project, c, range)), false);
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

/** "First Line Management × Organization & Management", or the leadership part. */
export function placeOf(project: Project, c: { system?: string; discipline?: string; family?: string }): string | undefined {
  const cfg = project.config;
  const sys = cfg.systems.find((s) => s.key === c.system)?.title ?? c.system;
  const disc = cfg.disciplines.find((d) => d.key === c.discipline)?.title ?? c.discipline;
  if (sys || disc) return `${sys ?? '?'} × ${disc ?? '?'}`;
  return cfg.leadership.find((p) => c.family && p.families.includes(c.family))?.title;
}
