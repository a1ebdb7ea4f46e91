// Quick fixes: one per fix the engine attaches to a diagnostic under the cursor, and "fix all"
// (source.fixAll.opmodel): every safe fix of the document at once, as `opmodel check --fix` does.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import { safeFixEdits, type Range, type WorkspaceEdit } from '../../language/index';
import { requestAt, type ServerContext } from '../context';
import { canRenameFiles, diagnosticUris, toLspDiagnostic, toLspWorkspaceEdit } from '../convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.opmodel`;

export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[] | null> {
  const at = await requestAt(ctx, params.textDocument.uri, params.range.start);
  if (!at) return null;
  const { uri, project } = at;
  const range: Range = { start: at.pos, end: await ctx.positions.toEngine(uri, params.range.end) };
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const documentChanges = !!ctx.capabilities.workspace?.workspaceEdit?.documentChanges;
  const renames = canRenameFiles(ctx.capabilities);
  const related = !!ctx.capabilities.textDocument?.publishDiagnostics?.relatedInformation;
  const out: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const hits = project.diagnostics(uri).filter((d) => d.fixes?.length && touches(d.range, range));
    const m = await ctx.positions.mapper(hits.flatMap((d) => [...diagnosticUris(d), ...d.fixes!.flatMap((f) => Object.keys(f.edit.changes))]));
    for (const d of hits) {
      for (const fix of d.fixes!) {
        // A fix that renames a file (file-name-mismatch) only where the client can rename files.
        if (fix.edit.renames?.length && !renames) continue;
        out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(d, m, related)], isPreferred: !!fix.preferred, edit: toLspWorkspaceEdit(fix.edit, m, ctx.docs, documentChanges) });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const perFile = safeFixEdits(project, [uri]);
    if (perFile.size) {
      const edit: WorkspaceEdit = { changes: {}, versions: {} };
      for (const [u, f] of perFile) {
        edit.changes[u] = f.edits;
        edit.versions[u] = f.version;
      }
      const m = await ctx.positions.mapper(perFile.keys());
      const n = [...perFile.values()].reduce((a, f) => a + f.edits.length, 0);
      out.push({ title: `Fix all safe opmodel problems in this file (${n})`, kind: FIX_ALL_KIND, edit: toLspWorkspaceEdit(edit, m, ctx.docs, documentChanges) });
    }
  }
  return out;
}

/** True when the ranges overlap or touch (a cursor at either end of a diagnostic counts). */
function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
