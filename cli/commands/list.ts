import { parseArgs } from 'node:util';
import { listElements } from '../../language/index';
import type { Io } from '../main';
import { neutralise, safeJson } from '../neutralise';
import { openProjects, relFile, reportConfigProblems } from '../openProjects';
import { oneOf, UsageError } from '../usage';

export async function listCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f' } } });
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  if (positionals.length > 1) throw new UsageError('list takes at most one folder');
  const opened = await openProjects(positionals, io);
  if (reportConfigProblems(opened, io)) return 2;
  const { project } = opened[0]!;
  const rows = listElements(project).map((e) => ({
    id: e.id,
    title: e.title,
    type: e.type ?? null,
    system: e.system ?? e.part ?? null,
    discipline: e.discipline ?? null,
    file: relFile(io, e.location.uri),
    line: e.location.range.start.line + 1,
    references: e.references,
  }));
  if (format === 'json') io.out(safeJson(rows) + '\n');
  else {
    const n = (s: string | null) => (s === null ? '-' : neutralise(s));
    const w = Math.max(2, ...rows.map((r) => n(r.id).length));
    for (const r of rows) io.out(`${n(r.id).padEnd(w)}  ${n(r.title)}  (${n(r.system)} / ${n(r.discipline)})  ${n(r.file)}:${r.line}  ${r.references} refs\n`);
  }
  return 0;
}
