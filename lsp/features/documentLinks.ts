// Every reference to a defined ID as a link to the file that defines it, at its `id:` line.
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver/node';
import { documentLinks as engineLinks } from '../../language/index';
import { normalizeUri } from '../documents';
import type { ServerContext } from '../context';

export async function documentLinks(ctx: ServerContext, params: DocumentLinkParams): Promise<DocumentLink[] | null> {
  const uri = normalizeUri(params.textDocument.uri);
  await ctx.frameworks.current();
  const project = ctx.frameworks.projectFor(uri);
  if (!project) return null;
  const m = await ctx.positions.mapper([uri]);
  // "#L<line>" (1-based) opens the file at that line in editors that follow links.
  return engineLinks(project, uri).map((l) => ({ range: m.range(uri, l.range), target: `${l.target.uri}#L${l.target.range.start.line + 1}`, tooltip: l.tooltip }));
}
