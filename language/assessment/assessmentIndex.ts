// The assessments of a framework, with their diagnostics cached per file. An assessment's answer
// depends on the definitions (IDs, titles, types, maturity levels) of the framework; the Project
// drops every cached answer when one of those changes (assessments are few, so that is cheap).
import type { ParsedDocument } from '../parse/document';
import type { Diagnostic } from '../types';
import type { AssessmentEntry, ParsedAssessment } from './model';

export class AssessmentIndex {
  readonly files = new Map<string, ParsedAssessment>();
  private readonly cache = new Map<string, Diagnostic[]>();

  constructor(private readonly compute: (a: ParsedAssessment) => Diagnostic[]) {}

  set(a: ParsedAssessment): Set<string> {
    this.files.set(a.uri, a);
    this.cache.delete(a.uri);
    return new Set([a.uri]);
  }

  delete(uri: string): Set<string> {
    this.cache.delete(uri);
    return this.files.delete(uri) ? new Set([uri]) : new Set();
  }

  /** Drops every cached answer; returns the assessments whose diagnostics may have changed. */
  invalidateAll(): Set<string> {
    this.cache.clear();
    return new Set(this.files.keys());
  }

  diagnostics(uri: string): Diagnostic[] {
    let d = this.cache.get(uri);
    if (d) return d;
    const a = this.files.get(uri);
    d = a ? this.compute(a) : [];
    this.cache.set(uri, d);
    return d;
  }

  /** The entries that score `id`, in file order (with `misspelt`, also keys like `flm3`): renames and references include them. */
  entriesOf(id: string, misspelt = false): { uri: string; entry: AssessmentEntry }[] {
    const out: { uri: string; entry: AssessmentEntry }[] = [];
    for (const uri of [...this.files.keys()].sort()) {
      for (const entry of this.files.get(uri)!.entries) if (entry.id === id && (entry.canonical || (misspelt && entry.key !== entry.id))) out.push({ uri, entry });
    }
    return out;
  }

  /** Every assessment, the newest first (by `date`, then by file); undated ones last. */
  newestFirst(): ParsedAssessment[] {
    return [...this.files.values()].sort(compareNewestFirst);
  }
}

export function compareNewestFirst(a: ParsedAssessment, b: ParsedAssessment): number {
  const da = a.date?.value ?? '';
  const db = b.date?.value ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/**
 * True when a Markdown document's change can change an assessment's diagnostics: its ID, title
 * or type (unknown-id, unassessed-element and their messages) or its maturity levels (invalid-score).
 */
export function affectsAssessments(old: ParsedDocument | undefined, now: ParsedDocument | undefined): boolean {
  if (!old?.definition && !now?.definition) return false;
  // Any edit inside the maturity section counts: comparing its text is cheaper than reading it.
  return old?.definition?.id !== now?.definition?.id || old?.title !== now?.title || old?.type !== now?.type || old?.maturitySource?.text !== now?.maturitySource?.text;
}
