import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyTextEdits, StaleEditError, withoutOverlaps, type Diagnostic, type TextEdit } from '../../language/index';
import { fsPath } from '../../language/workspace/uris';
import { formatGithub, formatJson, formatSarif, formatText, summary, type CheckReport, type CliDiagnostic } from '../formatters';
import { VERSION, type Io } from '../main';
import { neutralise } from '../neutralise';
import { frameworkJson, isUnder, openProjects, relFile, reportConfigProblems, reportFrameworks, type Opened } from '../openProjects';
import { narrowReport } from '../check/narrowReport';
import { GitError } from '../git/git';
import { FileChangedError, RefusedWriteError, rewriteFile } from '../rewriteFile';
import { oneOf } from '../usage';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, fix: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' }, 'changed-since': { type: 'string' }, baseline: { type: 'string' } },
  });
  const format = oneOf(values.format, FORMATS, '--format', 'text');
  const opened = await openProjects(positionals, io);
  if (reportConfigProblems(opened, io)) return 2;
  if (format === 'text' && !values.quiet) reportFrameworks(opened, io);
  let fixesRefused = 0;
  if (values.fix) {
    const fixed = await applySafeFixes(opened, io);
    fixesRefused = fixed.refused;
    if (fixed.files) io.err(`Fixed ${fixed.edits} problem${fixed.edits === 1 ? '' : 's'} in ${fixed.files} file${fixed.files === 1 ? '' : 's'}.\n`);
  }
  let narrowed: Awaited<ReturnType<typeof narrowReport>>;
  try {
    narrowed = await narrowReport(buildReport(opened, io), opened, { changedSince: values['changed-since'], baseline: values.baseline, touchedLinesOnly: format === 'github', fingerprints: format === 'json' || format === 'sarif' }, io);
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    io.err(`opmodel check: --changed-since: ${neutralise(e.message)}\n`);
    return 2;
  }
  const report = narrowed.report;
  if (format === 'json') io.out(formatJson(report, opened.map((o) => frameworkJson(io, o))));
  else if (format === 'sarif') io.out(formatSarif(report, VERSION));
  else if (format === 'github') io.out(formatGithub(report));
  else {
    io.out(formatText(report, io.isTTY));
    if (!values.quiet) io.err(summary(report) + '\n' + narrowed.notes.map((n) => neutralise(n) + '\n').join(''));
  }
  // A fix that could not be applied is a failure of what was asked, even when only warnings remain.
  return report.diagnostics.some((d) => d.severity === 'error') || fixesRefused ? 1 : 0;
}

export function buildReport(opened: Opened[], io: Io): CheckReport {
  const diagnostics: CliDiagnostic[] = [];
  let files = 0;
  let elements = 0;
  for (const { project, targets } of opened) {
    // The project's own files only: an extended framework is indexed, never reported.
    const uris = project.uris().filter((u) => isUnder(u, targets));
    files += uris.length;
    // Elements, not definitions: a duplicated ID is one element (reported as a duplicate).
    const ids = new Set<string>();
    for (const uri of uris) {
      const def = project.index.docs.get(uri)?.definition;
      if (def) ids.add(def.id);
      for (const d of project.diagnostics(uri)) {
        diagnostics.push({ ...d, file: relFile(io, d.uri), relatedFiles: (d.related ?? []).map((r) => relFile(io, r.location.uri)) });
      }
    }
    elements += ids.size;
  }
  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
  return { files, elements, diagnostics };
}

/** Applies the first safe fix of every diagnostic, file by file, each file written atomically. */
async function applySafeFixes(opened: Opened[], io: Io): Promise<{ files: number; edits: number; refused: number }> {
  let files = 0;
  let edits = 0;
  let refused = 0;
  for (const { project, targets } of opened) {
    const root = fsPath(project.rootUri);
    // Keyed by the file's real path: a symbolic link and its target are one file, written once.
    const perFile = new Map<string, { uris: string[]; version: string; edits: TextEdit[] }>();
    const realPaths = new Map<string, string>();
    const realOf = async (u: string) => {
      let r = realPaths.get(u);
      if (r === undefined) realPaths.set(u, (r = await fs.realpath(fsPath(u)).catch(() => fsPath(u))));
      return r;
    };
    for (const uri of project.uris()) {
      if (!isUnder(uri, targets)) continue;
      for (const d of project.diagnostics(uri) as Diagnostic[]) {
        const fix = d.fixes?.find((f) => f.safe);
        if (!fix) continue;
        for (const [u, list] of Object.entries(fix.edit.changes)) {
          const real = await realOf(u);
          const entry = perFile.get(real) ?? { uris: [], version: fix.edit.versions[u]!, edits: [] };
          if (!entry.uris.includes(u)) {
            // The same text seen under a second name carries the same edits: keep one copy.
            if (entry.uris.length) continue;
            entry.uris.push(u);
          }
          entry.edits.push(...list);
          perFile.set(real, entry);
        }
      }
    }
    for (const [real, { uris, version, edits: list }] of perFile) {
      const uri = uris[0]!;
      try {
        await rewriteFile(fsPath(uri), root, (text) => {
          const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
          return bom + applyTextEdits(bom ? text.slice(1) : text, withoutOverlaps(list), version);
        });
        // Every name of the file is read again (a link outside the fixed paths too).
        for (const u of project.uris()) if ((await realOf(u)) === real) await project.readAndIndex(u);
        files++;
        edits += list.length;
      } catch (e) {
        const why = e instanceof StaleEditError || e instanceof FileChangedError || e instanceof RefusedWriteError ? e.message : `could not write it (${(e as Error).message}); the file is unchanged`;
        io.err(`${neutralise(relFile(io, uri))}: not fixed: ${neutralise(why)}\n`);
        refused++;
      }
    }
  }
  return { files, edits, refused };
}
