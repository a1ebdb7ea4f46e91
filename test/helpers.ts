// Shared helpers for the engine suites: an in-memory framework and independent position maths.
import { MemoryWorkspace, Project, type Diagnostic, type Range, type SeveritySetting } from '../language/index';

export const ROOT = 'file:///ws';
export const u = (path: string): string => `${ROOT}/${path}`;

export async function openMemory(files: Record<string, string>, severityOverrides?: Record<string, SeveritySetting>) {
  const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [u(p), t])));
  const project = await Project.open({ workspace: ws, rootUri: ROOT, severityOverrides });
  return { ws, project };
}

/** An element document with the given front-matter lines and body. */
export function element(id: string, system: string, discipline: string, body = '', extra = ''): string {
  return `---\nid: ${id}\ntitle: Title of ${id}\ntype: element\nsystem: ${system}\ndiscipline: ${discipline}\n${extra}---\n\n${body}`;
}

/**
 * The range of the `occurrence`-th `needle` in `text`, computed by counting line breaks here
 * (not with the engine's LineIndex), so that the engine's ranges are checked independently.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  return { start: pos(text, at), end: pos(text, at + needle.length) };
}

export function pos(text: string, offset: number) {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length, character: offset - (lastBreak + 1) };
}

export const range = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

/** Diagnostics reduced to comparable, deterministic data (fixes and related included). */
export function normalise(ds: Diagnostic[]): unknown[] {
  return ds
    .map((d) => JSON.parse(JSON.stringify(d)) as Diagnostic)
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}

export const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

/** Suites whose elements live in a.md, b.md: their file names are not what they test. */
export const ignoringFileNames = (ds: Diagnostic[]) => ds.filter((d) => d.code !== 'file-name-mismatch');

/** One line per diagnostic, for debugging and for readable snapshots of small cases. */
export function brief(d: Diagnostic): string {
  const r = d.range;
  return `${d.uri.slice(ROOT.length + 1)}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity} ${d.code} ${d.message}`;
}
