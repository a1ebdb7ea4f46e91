// Hover on an ID: the engine's text (title, summary, place, file, reference count).
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hover as engineHover, type HoverInfo } from '../../language/index';
import { requestAt, type ServerContext } from '../context';

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const at = await requestAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  // Editors open "file#L12" at line 12.
  const h = engineHover(at.project, at.uri, at.pos, (l) => `${l.uri}#L${l.range.start.line + 1}`);
  if (!h) return null;
  const markdown = ctx.capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false;
  const range = (await ctx.positions.mapper([at.uri])).range(at.uri, h.range);
  return { contents: markdown ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: plainText(h) }, range };
}

function plainText(h: HoverInfo): string {
  if (!h.defined) return `${h.id} is not defined in this framework.`;
  const where = h.system || h.discipline ? `${h.system?.title ?? '?'} × ${h.discipline?.title ?? '?'}` : h.part?.title;
  const file = h.definitions[0]?.uri.split('/').slice(-2).map(decodeURIComponent).join('/');
  const defined = h.definitions.length > 1 ? ` · defined ${h.definitions.length} times` : '';
  return [`${h.id} · ${h.title || 'untitled'}`, h.summary, where, `${file} · referenced ${h.references} time${h.references === 1 ? '' : 's'}${defined}`].filter(Boolean).join('\n\n');
}
