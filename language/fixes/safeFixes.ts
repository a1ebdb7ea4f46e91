// The safe fixes of a set of documents gathered per file: the first safe fix of every
// diagnostic, overlapping edits dropped, so that applying them in one pass never corrupts text.
// The language server offers them as "fix all"; `opmodel check --fix` drops overlaps the same way.
import type { Project } from '../project';
import type { TextEdit } from '../types';

export interface FileEdits {
  /** Version (content hash) of the text the edits were computed against. */
  version: string;
  edits: TextEdit[];
}

export function safeFixEdits(project: Project, uris: Iterable<string>): Map<string, FileEdits> {
  const perFile = new Map<string, FileEdits>();
  for (const uri of uris) {
    for (const d of project.diagnostics(uri)) {
      const fix = d.fixes?.find((f) => f.safe);
      if (!fix) continue;
      for (const [u, list] of Object.entries(fix.edit.changes)) {
        const entry = perFile.get(u) ?? { version: fix.edit.versions[u]!, edits: [] };
        entry.edits.push(...list);
        perFile.set(u, entry);
      }
    }
  }
  for (const entry of perFile.values()) entry.edits = withoutOverlaps(entry.edits);
  return perFile;
}

/** Drops edits that overlap an earlier one, so that one pass never corrupts text. */
export function withoutOverlaps(edits: TextEdit[]): TextEdit[] {
  const key = (e: TextEdit) => e.range.start.line * 1e6 + e.range.start.character;
  const sorted = [...edits].sort((a, b) => key(a) - key(b));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && (last.range.end.line > e.range.start.line || (last.range.end.line === e.range.start.line && last.range.end.character > e.range.start.character))) continue;
    out.push(e);
  }
  return out;
}
