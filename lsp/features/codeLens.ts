// "N references" above the ID a document defines. The command carries the locations, as
// editors' own "show references" commands expect (uri, position, locations); a client without
// such a command can map it (see the README's Neovim config) or run it on the server, which
// answers with the same locations.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { referenceLenses } from '../../language/index';
import { normalizeUri } from '../documents';
import type { ServerContext } from '../context';
import { toLspLocation } from '../convert';

export const SHOW_REFERENCES = 'opmodel.showReferences';

export async function codeLenses(ctx: ServerContext, params: CodeLensParams): Promise<CodeLens[] | null> {
  const uri = normalizeUri(params.textDocument.uri);
  await ctx.frameworks.current();
  const project = ctx.frameworks.projectFor(uri);
  if (!project) return null;
  const lenses = referenceLenses(project, uri);
  const m = await ctx.positions.mapper([uri, ...lenses.flatMap((l) => l.references.map((r) => r.uri))]);
  return lenses.map((l) => {
    const range = m.range(uri, l.range);
    const n = l.references.length;
    const title = `${n === 0 ? 'no references' : n === 1 ? '1 reference' : `${n} references`}${l.definitions > 1 ? ` · defined ${l.definitions} times` : ''}`;
    return { range, command: { title, command: SHOW_REFERENCES, arguments: [uri, range.start, l.references.map((r) => toLspLocation(r, m))] } };
  });
}
