// Go to definition: the file(s) that define the ID under the cursor. Clients that take links
// get the whole ID as the origin, so that it is what they underline.
import type { DefinitionParams, Location, LocationLink } from 'vscode-languageserver/node';
import { definition as engineDefinition, idAtPosition } from '../../language/index';
import { requestAt, type ServerContext } from '../context';
import { toLspLocation } from '../convert';

export async function definition(ctx: ServerContext, params: DefinitionParams): Promise<Location[] | LocationLink[] | null> {
  const at = await requestAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const defs = engineDefinition(at.project, at.uri, at.pos);
  if (!defs.length) return null;
  const m = await ctx.positions.mapper([at.uri, ...defs.map((d) => d.uri)]);
  const origin = idAtPosition(at.project, at.uri, at.pos);
  if (ctx.capabilities.textDocument?.definition?.linkSupport && origin) {
    const originSelectionRange = m.range(at.uri, origin.range);
    return defs.map((d) => {
      const r = m.range(d.uri, d.range);
      return { originSelectionRange, targetUri: d.uri, targetRange: r, targetSelectionRange: r };
    });
  }
  return defs.map((d) => toLspLocation(d, m));
}
