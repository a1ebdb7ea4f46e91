// IDs as semantic tokens, so that themes colour them: `enumMember` (an element of the framework's
// closed set of IDs), `readonly`, plus `declaration` on the `id:` value a document defines.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams, type SemanticTokensRangeParams } from 'vscode-languageserver/node';
import { idOccurrences, type Range } from '../../language/index';
import { normalizeUri } from '../documents';
import type { ServerContext } from '../context';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: ['enumMember'], tokenModifiers: ['declaration', 'readonly'] };
const DECLARATION = 1 << 0;
const READONLY = 1 << 1;

export async function semanticTokens(ctx: ServerContext, params: SemanticTokensParams | SemanticTokensRangeParams): Promise<SemanticTokens> {
  const uri = normalizeUri(params.textDocument.uri);
  await ctx.frameworks.current();
  const project = ctx.frameworks.projectFor(uri);
  const builder = new SemanticTokensBuilder();
  if (!project) return { data: [] };
  let occurrences = idOccurrences(project, uri);
  if ('range' in params) {
    const r: Range = { start: await ctx.positions.toEngine(uri, params.range.start), end: await ctx.positions.toEngine(uri, params.range.end) };
    occurrences = occurrences.filter((o) => o.range.end.line >= r.start.line && o.range.start.line <= r.end.line);
  }
  const m = await ctx.positions.mapper([uri]);
  for (const o of occurrences) {
    // A token never spans lines; an ID never does either.
    if (o.range.start.line !== o.range.end.line) continue;
    const r = m.range(uri, o.range);
    builder.push(r.start.line, r.start.character, r.end.character - r.start.character, 0, READONLY | (o.kind === 'definition' ? DECLARATION : 0));
  }
  // No result id: the server offers no deltas, so there is nothing to refer back to.
  return { data: builder.build().data };
}
