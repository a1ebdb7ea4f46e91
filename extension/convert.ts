// Engine plain data <-> VS Code types.
import * as vscode from 'vscode';
import type { Diagnostic, Location, Position, Range, Severity, WorkspaceEdit } from '../language/index';

export const toPosition = (p: Position) => new vscode.Position(p.line, p.character);
export const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
export const fromPosition = (p: vscode.Position): Position => ({ line: p.line, character: p.character });
export const toUri = (uri: string) => vscode.Uri.parse(uri);
export const toLocation = (l: Location) => new vscode.Location(toUri(l.uri), toRange(l.range));

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = 'opmodel';
  out.code = d.code;
  if (d.related?.length) out.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(toLocation(r.location), r.message));
  return out;
}

export function toWorkspaceEdit(edit: WorkspaceEdit): vscode.WorkspaceEdit {
  const out = new vscode.WorkspaceEdit();
  for (const [uri, edits] of Object.entries(edit.changes)) {
    for (const e of edits) out.replace(toUri(uri), toRange(e.range), e.newText);
  }
  // After the text edits, which name the files by their old URIs; one edit, so one undo.
  // A file that appeared at the new name meanwhile is left alone (file-name-mismatch says so).
  for (const r of edit.renames ?? []) out.renameFile(toUri(r.oldUri), toUri(r.newUri), { overwrite: false, ignoreIfExists: true });
  return out;
}

/** A command link (for hovers and the webview) that opens a location. */
export function openLocationHref(l: Location): string {
  return `command:opmodel.openLocation?${encodeURIComponent(JSON.stringify([l.uri, l.range.start.line, l.range.start.character]))}`;
}
