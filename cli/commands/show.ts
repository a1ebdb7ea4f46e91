import { parseArgs } from 'node:util';
import { dependentsOf, elementInfo, referencesOf } from '../../language/index';
import type { Io } from '../main';
import { neutralise as n, safeJson } from '../neutralise';
import { openProjects, relFile, reportConfigProblems } from '../openProjects';
import { oneOf, UsageError } from '../usage';

export async function showCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { dir: { type: 'string', short: 'd' }, format: { type: 'string', short: 'f' } } });
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  if (positionals.length !== 1) throw new UsageError('show takes exactly one ID, e.g. "opmodel show FLM3"');
  const opened = await openProjects(values.dir ? [values.dir] : [], io);
  if (reportConfigProblems(opened, io)) return 2;
  const { project } = opened[0]!;
  const raw = positionals[0]!;
  const id = project.syntax.classify(raw.trim())?.canonical ?? raw;
  const info = elementInfo(project, id);
  const refs = referencesOf(project, id, false).map((l) => ({ file: relFile(io, l.uri), line: l.range.start.line + 1, column: l.range.start.character + 1 }));
  const defs = project.index.definitions(id).map((d) => ({ file: relFile(io, d.uri), line: d.definition!.range.start.line + 1 }));
  const dependents = dependentsOf(project, id).map((d) => ({ id: d.id, file: relFile(io, d.location.uri), line: d.location.range.start.line + 1, column: d.location.range.start.character + 1 }));
  if (format === 'json') {
    io.out(safeJson({ id, defined: Boolean(info), title: info?.title ?? null, summary: info?.summary ?? null, system: info?.system ?? null, discipline: info?.discipline ?? null, crosswalk: Object.fromEntries((info?.crosswalk ?? []).map((c) => [c.scheme, c.items.map((i) => i.value)])), definitions: defs, references: refs, dependents }) + '\n');
    return info ? 0 : 1;
  }
  if (!info) {
    io.err(`${n(id)} is not defined in ${n(relFile(io, project.rootUri)) || 'this folder'}${refs.length ? ` (but it is referenced ${refs.length} times)` : ''}.\n`);
    for (const r of refs) io.out(`  ${n(r.file)}:${r.line}:${r.column}\n`);
    return 1;
  }
  io.out(`${n(info.id)} · ${n(info.title)}\n`);
  if (info.summary) io.out(`${n(info.summary)}\n`);
  io.out(`${[info.system ?? info.part, info.discipline].filter((x): x is string => Boolean(x)).map(n).join(' × ')}\n`);
  for (const d of defs) io.out(`defined at ${n(d.file)}:${d.line}\n`);
  for (const [k, ids] of Object.entries(info.relations)) io.out(`${n(k)}: ${ids.map(n).join(', ')}\n`);
  if (dependents.length) io.out(`depended on by: ${dependents.map((d) => n(d.id)).join(', ')}\n`);
  for (const c of info.crosswalk) io.out(`${n(c.title)}: ${c.items.map((i) => n(i.value)).join(', ')}\n`);
  io.out(`\n${refs.length} reference${refs.length === 1 ? '' : 's'}:\n`);
  for (const r of refs) io.out(`  ${n(r.file)}:${r.line}:${r.column}\n`);
  return 0;
}
