// Hover on an ID: the engine's text (title, summary, place, crosswalk, file, reference count);
// failing that, on a glossary term: its definition and where it matters.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { glossaryHover, hover as engineHover, type GlossaryHover, type HoverInfo } from '../../language/index';
import { requestAt, type ServerContext } from '../context';
import { assessmentHoverAt } from './assessments';

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const at = await requestAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  if (at.project.isAssessment(at.uri)) return assessmentHoverAt(ctx, at);
  // Editors open "file#L12" at line 12.
  const link = (l: { uri: string; range: { start: { line: number } } }) => `${l.uri}#L${l.range.start.line + 1}`;
  let h: HoverInfo | GlossaryHover | undefined = engineHover(at.project, at.uri, at.pos, link);
  if (!h) {
    const text = await ctx.textOf(at.uri);
    h = text === undefined ? undefined : glossaryHover(at.project, at.uri, text, at.pos, link);
  }
  if (!h) return null;
  const markdown = ctx.capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false;
  const range = (await ctx.positions.mapper([at.uri])).range(at.uri, h.range);
  return { contents: markdown ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: 'term' in h ? plainGlossary(h) : plainText(h) }, range };
}

function plainText(h: HoverInfo): string {
  if (!h.defined) return `${h.id} is not defined in this framework.`;
  const where = h.system || h.discipline ? `${h.system?.title ?? '?'} × ${h.discipline?.title ?? '?'}` : h.part?.title;
  const file = h.definitions[0]?.uri.split('/').slice(-2).map(decodeURIComponent).join('/');
  const defined = h.definitions.length > 1 ? ` · defined ${h.definitions.length} times` : '';
  const crosswalk = (h.crosswalk ?? []).filter((c) => c.items.length).map((c) => `${c.title}: ${c.items.map((i) => i.value).join(', ')}`).join('\n');
  return [`${h.id} · ${h.title || 'untitled'}`, h.summary, where, crosswalk, `${file} · referenced ${h.references} time${h.references === 1 ? '' : 's'}${defined}`].filter(Boolean).join('\n\n');
}

function plainGlossary(h: GlossaryHover): string {
  return [h.term, h.definition, h.where && `Where it matters: ${h.where.replace(/[*_]/g, '')}`].filter(Boolean).join('\n\n');
}
