// Rename an ID across the framework. A refusal (no ID here, the new ID exists or is malformed)
// is an error carrying the engine's message, never an edit: a refused rename changes nothing.
// Edits are computed against the indexed text; files on disk that changed since they were
// indexed are read again first, and the edit carries each open buffer's version.
import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { hashText, prepareRename as enginePrepare, rename as engineRename } from '../../language/index';
import { readIndexedText, requestAt, type ServerContext } from '../context';
import { canRenameFiles, toLspWorkspaceEdit } from '../convert';
import { Refusal } from '../log';

const NOT_HERE = 'This file is not part of an opmodel framework.';

export async function prepareRename(ctx: ServerContext, params: PrepareRenameParams): Promise<{ range: Range; placeholder: string }> {
  const at = await requestAt(ctx, params.textDocument.uri, params.position);
  if (!at) throw new Refusal(NOT_HERE);
  const r = enginePrepare(at.project, at.uri, at.pos);
  if ('error' in r) throw new Refusal(r.error);
  return { range: (await ctx.positions.mapper([at.uri])).range(at.uri, r.range), placeholder: r.placeholder };
}

export async function rename(ctx: ServerContext, params: RenameParams): Promise<WorkspaceEdit> {
  const at = await requestAt(ctx, params.textDocument.uri, params.position);
  if (!at) throw new Refusal(NOT_HERE);
  for (let attempt = 0; ; attempt++) {
    // The element's file follows its ID where the client can rename files.
    const r = engineRename(at.project, at.uri, at.pos, params.newName, { files: canRenameFiles(ctx.capabilities) });
    if ('error' in r) throw new Refusal(r.error);
    const stale: string[] = [];
    for (const [uri, version] of Object.entries(r.edit.versions)) {
      if (ctx.docs.get(uri)) continue;
      const text = await readIndexedText(at.project, uri);
      if (text === undefined || hashText(text) !== version) stale.push(uri);
    }
    if (!stale.length) {
      const m = await ctx.positions.mapper(Object.keys(r.edit.changes));
      return toLspWorkspaceEdit(r.edit, m, ctx.docs, !!ctx.capabilities.workspace?.workspaceEdit?.documentChanges);
    }
    if (attempt > 0) throw new Refusal(`${stale.map((u) => u.split('/').slice(-2).map(decodeURIComponent).join('/')).join(', ')} changed on disk while renaming; try again.`);
    // The index missed a change on disk: read those files again, then compute the rename afresh.
    await ctx.frameworks.filesChanged(stale.map((uri) => ({ uri, kind: 'changed' })));
  }
}
