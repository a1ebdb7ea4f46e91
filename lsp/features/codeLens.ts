// "3 references · 1 depends on this" above the ID a document defines, in the engine's words (the
// VS Code extension shows the same). The command carries the locations, as editors' own "show
// references" commands expect (uri, position, locations); a client without such a command can
// map it (see the README's Neovim config) or run it on the server, which answers with them.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { elementLenses } from '../../language/index';
import { normalizeUri } from '../documents';
import type { ServerContext } from '../context';
import { toLspLocation } from '../convert';

export const SHOW_REFERENCES = 'opmodel.showReferences';

export async function codeLenses(ctx: ServerContext, params: CodeLensParams): Promise<CodeLens[] | null> {
  const uri = normalizeUri(params.textDocument.uri);
  await ctx.frameworks.current();
  const project = ctx.frameworks.projectFor(uri);
  if (!project) return null;
  const lenses = elementLenses(project, uri);
  const m = await ctx.positions.mapper([uri, ...lenses.flatMap((l) => l.references.map((r) => r.uri))]);
  return lenses.map((l) => {
    const range = m.range(uri, l.range);
    return { range, command: { title: l.label, command: SHOW_REFERENCES, arguments: [uri, range.start, l.references.map((r) => toLspLocation(r, m))] } };
  });
}
