// Assessment files (YAML) in the language server, as in the extension: completion of element IDs
// as keys and of levels in current:/target:, hover on an entry's ID or on a score.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Hover } from 'vscode-languageserver/node';
import { assessmentCompletions, assessmentHover, type AssessmentCompletion } from '../../language/index';
import type { At, ServerContext } from '../context';

const KIND: Record<AssessmentCompletion['kind'], CompletionItemKind> = {
  id: CompletionItemKind.Reference,
  level: CompletionItemKind.EnumMember,
  key: CompletionItemKind.Property,
};

export async function assessmentHoverAt(ctx: ServerContext, at: At): Promise<Hover | null> {
  const h = assessmentHover(at.project, at.uri, at.pos);
  if (!h) return null;
  const markdown = ctx.capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false;
  const range = (await ctx.positions.mapper([at.uri])).range(at.uri, h.range);
  return { contents: markdown ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: plain(h.markdown) }, range };
}

export async function assessmentCompletionAt(ctx: ServerContext, at: At): Promise<CompletionList | null> {
  const text = await ctx.textOf(at.uri);
  if (text === undefined) return null;
  const result = assessmentCompletions(at.project, at.uri, text, at.pos);
  if (!result?.items.length) return null;
  const caps = ctx.capabilities.textDocument?.completion?.completionItem;
  const markdown = caps?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;
  const snippets = caps?.snippetSupport ?? false;
  const range = (await ctx.positions.mapper([at.uri])).range(at.uri, result.range);
  const items = result.items.map((c): CompletionItem => {
    const item: CompletionItem = { label: c.label, kind: KIND[c.kind], sortText: c.sortText, detail: c.detail };
    // Typing part of a title or a level's name finds the item too.
    if (c.detail) item.filterText = `${c.label} ${c.detail}`;
    if (c.documentation) item.documentation = markdown ? { kind: MarkupKind.Markdown, value: c.documentation } : { kind: MarkupKind.PlainText, value: plain(c.documentation) };
    let newText = c.insertText ?? c.label;
    if (c.snippet && snippets) item.insertTextFormat = InsertTextFormat.Snippet;
    // Without snippet support: the text without its tab stops.
    else if (c.snippet) newText = newText.replace(/\$\{\d+(?::([^}]*))?\}|\$\d+/g, (_m, placeholder: string | undefined) => placeholder ?? '');
    item.textEdit = { range, newText };
    return item;
  });
  return { isIncomplete: false, items };
}

/** The engine's Markdown as plain text: no emphasis markers, no escapes. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*|__/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}
