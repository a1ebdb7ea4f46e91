// Engine plain data -> LSP types, with ranges in the client's encoding (see positions.ts).
import { DiagnosticSeverity, type ClientCapabilities, type Diagnostic as LspDiagnostic, type Location as LspLocation, type RenameFile, type TextDocumentEdit, type WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageserver/node';
import type { Diagnostic, Location, Severity, WorkspaceEdit } from '../language/index';
import type { OpenDocuments } from './documents';
import type { RangeMapper } from './positions';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every URI whose text a diagnostic's ranges refer to. */
export function diagnosticUris(d: Diagnostic): string[] {
  return [d.uri, ...(d.related ?? []).map((r) => r.location.uri)];
}

export function toLspDiagnostic(d: Diagnostic, m: RangeMapper, withRelated: boolean): LspDiagnostic {
  const out: LspDiagnostic = { range: m.range(d.uri, d.range), severity: SEVERITY[d.severity], code: d.code, source: 'opmodel', message: d.message };
  if (withRelated && d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: toLspLocation(r.location, m), message: r.message }));
  return out;
}

export function toLspLocation(l: Location, m: RangeMapper): LspLocation {
  return { uri: l.uri, range: m.range(l.uri, l.range) };
}

/**
 * An engine edit for the client. With `documentChanges`, every file carries the version it was
 * computed against (the open buffer's version, or null for a file on disk), so that a client
 * holding newer text refuses the edit instead of applying it to the wrong place.
 */
export function toLspWorkspaceEdit(edit: WorkspaceEdit, m: RangeMapper, docs: OpenDocuments, documentChanges: boolean): LspWorkspaceEdit {
  const uris = Object.keys(edit.changes).sort();
  const edits = (uri: string) => edit.changes[uri]!.map((e) => ({ range: m.range(uri, e.range), newText: e.newText }));
  // Link edits that name a renamed file are half an edit without the rename: callers ask the
  // engine for no file renames when the client cannot do them (canRenameFiles).
  if (edit.renames?.length && !documentChanges) throw new Error('a file rename needs documentChanges');
  if (!documentChanges) return { changes: Object.fromEntries(uris.map((u) => [u, edits(u)])) };
  const out: (TextDocumentEdit | RenameFile)[] = uris.map((uri) => ({ textDocument: { uri, version: docs.get(uri)?.version ?? null }, edits: edits(uri) }));
  // After the text edits, which name documents by their URIs before the rename. Never over a file.
  for (const r of edit.renames ?? []) out.push({ kind: 'rename', oldUri: r.oldUri, newUri: r.newUri, options: { overwrite: false, ignoreIfExists: false } });
  return { documentChanges: out };
}

/** Whether the client applies file renames in a workspace edit (after text edits, in order). */
export function canRenameFiles(caps: ClientCapabilities): boolean {
  const we = caps.workspace?.workspaceEdit;
  return !!we?.documentChanges && !!we.resourceOperations?.includes('rename');
}
