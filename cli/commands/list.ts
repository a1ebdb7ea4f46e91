import { parseArgs } from 'node:util';
import { listElements } from '../../language/index';
import type { Io } from '../main';
import { neutralise, safeJson } from '../neutralise';
import { describeFramework, openProjects, relFile, reportConfigProblems, reportFrameworks } from '../openProjects';
import { oneOf, UsageError } from '../usage';

export async function listCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f' } } });
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  if (positionals.length > 1) throw new UsageError('list takes at most one folder');
  const opened = await openProjects(positionals, io);
  if (reportConfigProblems(opened, io)) return 2;
  if (format === 'text') reportFrameworks(opened, io);
  const all = opened.map(({ project }) => ({
    project,
    rows: listElements(project).map((e) => ({
      id: e.id,
      title: e.title,
      type: e.type ?? null,
      system: e.system ?? e.part ?? null,
      discipline: e.discipline ?? null,
      file: relFile(io, e.location.uri),
      line: e.location.range.start.line + 1,
      references: e.references,
      // "own": this framework's file; "base": the extended framework's, adopted as it is.
      origin: e.origin,
      tailored: Boolean(e.tailors),
    })),
  }));
  if (format === 'json') io.out(safeJson(all.flatMap((a) => a.rows.map((r) => (opened.length > 1 ? { ...r, framework: relFile(io, a.project.rootUri) || '.' } : r)))) + '\n');
  else {
    const n = (s: string | null) => (s === null ? '-' : neutralise(s));
    for (const { project, rows } of all) {
      if (opened.length > 1) io.out(`${rows === all[0]!.rows ? '' : '\n'}# ${describeFramework(io, project)}\n`);
      const w = Math.max(2, ...rows.map((r) => n(r.id).length));
      const mark = (r: (typeof rows)[number]) => (r.tailored ? '  [tailored]' : r.origin === 'base' ? '  [framework]' : '');
      for (const r of rows) io.out(`${n(r.id).padEnd(w)}  ${n(r.title)}  (${n(r.system)} / ${n(r.discipline)})  ${n(r.file)}:${r.line}  ${r.references} refs${mark(r)}\n`);
    }
  }
  return 0;
}
