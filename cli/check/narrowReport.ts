// Narrows a check report to what a change introduced: `--changed-since REV` keeps the findings
// in files changed since REV (with `--format github`, only on the lines it touched), and
// `--baseline FILE` drops the findings a previous run already had. Fingerprints are given to
// every finding first (when the output or the baseline needs them), so that they do not depend
// on what is left out.
import type { CheckReport } from '../formatters';
import type { Io } from '../main';
import type { Opened } from '../openProjects';
import { newSinceBaseline, readBaseline } from './baseline';
import { changedSince, isChangedFile, onTouchedLine } from './changedSince';
import { addFingerprints } from './fingerprints';

export interface NarrowOptions {
  changedSince?: string;
  baseline?: string;
  /** Only the touched lines, not whole changed files (annotations on a pull request's diff). */
  touchedLinesOnly: boolean;
  /** The output carries fingerprints (JSON, SARIF): computed even without a baseline. */
  fingerprints: boolean;
}

/** The narrowed report and one sentence per narrowing, for the summary. */
export async function narrowReport(report: CheckReport, opened: Opened[], opts: NarrowOptions, io: Io): Promise<{ report: CheckReport; notes: string[] }> {
  if (opts.fingerprints || opts.baseline !== undefined) await addFingerprints(report.diagnostics, opened);
  const notes: string[] = [];
  let out = report;
  if (opts.changedSince !== undefined) {
    const changed = await changedSince(opts.changedSince, opened);
    let files = 0;
    let elements = 0;
    for (const { project } of opened) {
      for (const uri of [...project.index.docs.keys(), ...project.index.skipped.keys()]) {
        if (!isChangedFile(changed, uri)) continue;
        files++;
        if (project.index.docs.get(uri)?.definition) elements++;
      }
    }
    const keep = opts.touchedLinesOnly ? (d: CheckReport['diagnostics'][number]) => onTouchedLine(changed, d) : (d: CheckReport['diagnostics'][number]) => isChangedFile(changed, d.uri);
    out = { files, elements, diagnostics: out.diagnostics.filter(keep) };
    notes.push(`Only files changed since ${opts.changedSince} (merge base ${changed.commit.slice(0, 12)})${opts.touchedLinesOnly ? ', on the lines the change touched' : ''}.`);
  }
  if (opts.baseline !== undefined) {
    const baseline = await readBaseline(opts.baseline, io);
    const { fresh, known } = newSinceBaseline(out.diagnostics, baseline);
    out = { ...out, diagnostics: fresh };
    notes.push(`${known} finding${known === 1 ? '' : 's'} already in the baseline ${opts.baseline} left out.${baseline.lineMatched ? ' (Some baseline entries have no fingerprint, from an older opmodel: those were matched by line.)' : ''}`);
  }
  return { report: out, notes };
}
