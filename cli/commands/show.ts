import { parseArgs } from 'node:util';
import { dependentsOf, elementInfo, frameworkLabel, maturityOf, referencesOf } from '../../language/index';
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
  const raw = positionals[0]!;
  // In a repository of several frameworks: the one that defines the ID.
  const pick = opened.find(({ project }) => project.index.isDefined(project.syntax.classify(raw.trim())?.canonical ?? raw)) ?? opened[0]!;
  const { project } = pick;
  const hit = project.syntax.classify(raw.trim());
  const id = hit?.canonical ?? raw;
  const info = elementInfo(project, id);
  const refs = referencesOf(project, id, false).map((l) => ({ file: relFile(io, l.uri), line: l.range.start.line + 1, column: l.range.start.character + 1 }));
  const defs = project.index.allDefinitions(id).map((d) => ({ file: relFile(io, d.uri), line: d.definition!.range.start.line + 1, layer: project.isBaseDocument(d.uri) ? 'base' : 'own' }));
  const dependents = dependentsOf(project, id).map((d) => ({ id: d.id, file: relFile(io, d.location.uri), line: d.location.range.start.line + 1, column: d.location.range.start.character + 1 }));
  const fw = info?.framework;
  const maturity = maturityOf(project, id);
  if (format === 'json') {
    io.out(safeJson({
      id, defined: Boolean(info), title: info?.title ?? null, summary: info?.summary ?? null, system: info?.system ?? null, discipline: info?.discipline ?? null,
      crosswalk: Object.fromEntries((info?.crosswalk ?? []).map((c) => [c.scheme, c.items.map((i) => i.value)])),
      origin: info?.origin ?? null, tailored: Boolean(info?.tailors), inScope: info?.inScope ?? null,
      framework: fw ? { name: fw.name, version: fw.version ?? null } : null,
      definitions: defs, references: refs, dependents,
      assessmentQuestion: maturity?.question ?? null, maturity: maturity?.levels ?? [],
    }) + '\n');
    return info ? 0 : 1;
  }
  if (!info) {
    const where = n(relFile(io, project.rootUri)) || 'this folder';
    if (!hit) {
      const families = project.syntax.families.map((f) => f.prefix + (f.groups[0] ?? '') + '1').join(', ');
      io.err(`"${n(raw)}" is not an ID of any family in ${where}: IDs look like ${n(families)}.\n`);
      return 1;
    }
    const near = project.index.suggestionsFor(id).map((s) => `${s} (${n(elementInfo(project, s)?.title || 'untitled')})`);
    io.err(`${n(id)} is not defined in ${where}${refs.length ? ` (but it is referenced ${refs.length} times)` : ''}.${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}\n`);
    for (const r of refs) io.out(`  ${n(r.file)}:${r.line}:${r.column}\n`);
    return 1;
  }
  io.out(`${n(info.id)} · ${n(info.title)}\n`);
  if (info.summary) io.out(`${n(info.summary)}\n`);
  io.out(`${[info.system ?? info.part, info.discipline].filter((x): x is string => Boolean(x)).map(n).join(' × ')}\n`);
  if (info.tailors && fw) io.out(`tailored here from ${n(frameworkLabel(fw))}\n`);
  else if (info.origin === 'base' && fw) io.out(`from ${n(frameworkLabel(fw))} (read-only)\n`);
  if (!info.inScope) io.out(`out of scope: ${n(project.index.scope.outOfScope(id)?.reason ?? 'the scope leaves it out')}\n`);
  for (const d of defs) io.out(`defined at ${n(d.file)}:${d.line}${defs.length > 1 ? (d.layer === 'base' ? ' (framework)' : ' (this client)') : ''}\n`);
  for (const [k, ids] of Object.entries(info.relations)) io.out(`${n(k)}: ${ids.map(n).join(', ')}\n`);
  if (dependents.length) io.out(`depended on by: ${dependents.map((d) => n(d.id)).join(', ')}\n`);
  for (const c of info.crosswalk) io.out(`${n(c.title)}: ${c.items.map((i) => n(i.value)).join(', ')}\n`);
  if (maturity) {
    io.out('\nMaturity levels:\n');
    if (maturity.question) io.out(`  Assessment question: ${n(maturity.question)}\n`);
    for (const l of maturity.levels) {
      io.out(`  ${l.level}. ${n(l.name)}${l.description ? ` — ${n(l.description)}` : ''}\n`);
      for (const c of l.criteria) io.out(`     - ${n(c)}\n`);
    }
  }
  io.out(`\n${refs.length} reference${refs.length === 1 ? '' : 's'}:\n`);
  for (const r of refs) io.out(`  ${n(r.file)}:${r.line}:${r.column}\n`);
  return 0;
}
