import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyTextEdits, StaleEditError, type Diagnostic, type TextEdit } from '../../language/index';
import { fsPath } from '../../language/workspace/uris';
import { atomicWrite } from '../atomicWrite';
import { formatGithub, formatJson, formatSarif, formatText, summary, type CheckReport, type CliDiagnostic } from '../formatters';
import { VERSION, type Io } from '../main';
import { isUnder, openProjects, relFile, reportConfigProblems, type Opened } from '../openProjects';
import { oneOf } from '../usage';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, fix: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
  });
  const format = oneOf(values.format, FORMATS, '--format', 'text');
  const opened = await openProjects(positionals, io);
  if (reportConfigProblems(opened, io)) return 2;
  let fixesRefused = 0;
  if (values.fix) {
    const fixed = await applySafeFixes(opened, io);
    fixesRefused = fixed.refused;
    if (fixed.files) io.err(`Fixed ${fixed.edits} problem${fixed.edits === 1 ? '' : 's'} in ${fixed.files} file${fixed.files === 1 ? '' : 's'}.\n`);
  }
  const report = buildReport(opened, io);
  if (format === 'json') io.out(formatJson(report));
  else if (format === 'sarif') io.out(formatSarif(report, VERSION));
  else if (format === 'github') io.out(formatGithub(report));
  else {
    io.out(formatText(report, io.isTTY));
    if (!values.quiet) io.err(summary(report) + '\n');
  }
  // A fix that could not be applied is a failure of what was asked, even when only warnings remain.
  return report.diagnostics.some((d) => d.severity === 'error') || fixesRefused ? 1 : 0;
}

export function buildReport(opened: Opened[], io: Io): CheckReport {
  const diagnostics: CliDiagnostic[] = [];
  let files = 0;
  let elements = 0;
  for (const { project, targets } of opened) {
    const uris = project.uris().filter((u) => isUnder(u, targets));
    files += uris.length;
    for (const uri of uris) {
      if (project.index.docs.get(uri)?.definition) elements++;
      for (const d of project.diagnostics(uri)) {
        diagnostics.push({ ...d, file: relFile(io, d.uri), relatedFiles: (d.related ?? []).map((r) => relFile(io, r.location.uri)) });
      }
    }
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
    const perFile = new Map<string, { version: string; edits: TextEdit[] }>();
    for (const uri of project.uris()) {
      if (!isUnder(uri, targets)) continue;
      for (const d of project.diagnostics(uri) as Diagnostic[]) {
        const fix = d.fixes?.find((f) => f.safe);
        if (!fix) continue;
        for (const [u, list] of Object.entries(fix.edit.changes)) {
          const entry = perFile.get(u) ?? { version: fix.edit.versions[u]!, edits: [] };
          entry.edits.push(...list);
          perFile.set(u, entry);
        }
      }
    }
    for (const [uri, { version, edits: list }] of perFile) {
      const file = fsPath(uri);
      try {
        const text = await fs.readFile(file, 'utf8');
        const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
        const next = applyTextEdits(bom ? text.slice(1) : text, dedupe(list), version);
        await atomicWrite(file, bom + next);
        await project.readAndIndex(uri);
        files++;
        edits += list.length;
      } catch (e) {
        const why = e instanceof StaleEditError ? e.message : `could not write it (${(e as Error).message}); the file is unchanged`;
        io.err(`${relFile(io, uri)}: not fixed: ${why}\n`);
        refused++;
      }
    }
  }
  return { files, edits, refused };
}

/** Drops edits that overlap an earlier one, so that one pass never corrupts text. */
function dedupe(edits: TextEdit[]): TextEdit[] {
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
