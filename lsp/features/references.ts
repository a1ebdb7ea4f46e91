// Find references: body text and relation fields across the framework.
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import { references as engineReferences } from '../../language/index';
import { requestAt, type ServerContext } from '../context';
import { toLspLocation } from '../convert';

export async function references(ctx: ServerContext, params: ReferenceParams): Promise<Location[] | null> {
  const at = await requestAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const found = engineReferences(at.project, at.uri, at.pos, params.context?.includeDeclaration ?? true);
  const m = await ctx.positions.mapper(found.map((l) => l.uri));
  return found.map((l) => toLspLocation(l, m));
}
