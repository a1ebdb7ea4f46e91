import { parseArgs } from 'node:util';
import { listElements, matrix, raciMatrix, type Matrix } from '../../language/index';
import type { Io } from '../main';
import { neutralise as n, safeJson } from '../neutralise';
import { describeFramework, openProjects, relFile, reportConfigProblems, reportFrameworks } from '../openProjects';
import { raciCsv, raciJson, raciMarkdown, raciText } from '../raciFormatters';
import { oneOf, UsageError } from '../usage';

export async function matrixCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, raci: { type: 'boolean' } } });
  const format = oneOf(values.format, ['text', 'markdown', 'csv', 'json'] as const, '--format', 'text');
  if (positionals.length > 1) throw new UsageError('matrix takes at most one folder');
  const opened = await openProjects(positionals, io);
  if (reportConfigProblems(opened, io)) return 2;
  if (format === 'text') reportFrameworks(opened, io);
  if (values.raci) {
    // Roles × elements: one table per framework, named when there are several.
    opened.forEach(({ project }, i) => {
      const r = raciMatrix(project, listElements(project));
      if (opened.length > 1 && format !== 'json') io.out(`${i ? '\n' : ''}${format === 'markdown' ? '## ' : '# '}${describeFramework(io, project)}\n${format === 'markdown' ? '\n' : ''}`);
      io.out(format === 'json' ? raciJson(r) : format === 'csv' ? raciCsv(r) : format === 'markdown' ? raciMarkdown(r) : raciText(r));
    });
    return 0;
  }
  const json = (m: Matrix) => ({ systems: m.systems.map((s) => s.key), disciplines: m.disciplines.map((d) => d.key), cells: m.cells, unplaced: m.unplaced, leadership: m.leadership });
  const grids = opened.map(({ project }) => ({ project, m: matrix(project, listElements(project)) }));
  // One framework: the grid as it always was. Several (a repository): one grid each, named.
  if (format === 'json') {
    const out = grids.length === 1 ? json(grids[0]!.m) : grids.map(({ project, m }) => ({ framework: relFile(io, project.rootUri) || '.', ...json(m) }));
    io.out(safeJson(out) + '\n');
    return 0;
  }
  grids.forEach(({ project, m }, i) => {
    if (grids.length > 1) io.out(`${i ? '\n' : ''}${format === 'markdown' ? '## ' : '# '}${describeFramework(io, project)}\n${format === 'markdown' ? '\n' : ''}`);
    io.out(format === 'csv' ? toCsv(m) : format === 'markdown' ? toMarkdown(m) : toText(m));
  });
  return 0;
}

// Cells are neutralised first: a quoted line break would still start a new line in a CI log.
const csvCell = (raw: string) => {
  const s = n(raw);
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function toCsv(m: Matrix): string {
  const rows = [['system', ...m.disciplines.map((d) => d.key)]];
  for (const s of m.systems) rows.push([s.key, ...m.disciplines.map((d) => m.cells[s.key]![d.key]!.join(' '))]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function toMarkdown(m: Matrix): string {
  const esc = (s: string) => n(s).replace(/\|/g, '\\|');
  const lines = [`| System | ${m.disciplines.map((d) => esc(d.title)).join(' | ')} |`, `| --- |${m.disciplines.map(() => ' --- |').join('')}`];
  for (const s of m.systems) lines.push(`| ${esc(s.title)} | ${m.disciplines.map((d) => esc(m.cells[s.key]![d.key]!.join(', ')) || '—').join(' | ')} |`);
  for (const p of m.leadership.parts) lines.push('', `**${esc(p.title)}:** ${esc(p.ids.join(', ')) || '—'}`);
  return lines.join('\n') + '\n';
}

function toText(m: Matrix): string {
  const width = 26;
  const count = (key: string) => m.disciplines.reduce((n, d) => n + m.cells[key]![d.key]!.length, 0);
  const label = Math.max(...m.systems.map((s) => `${n(s.title)} (${count(s.key)})`.length)) + 2;
  const clip = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w));
  const head = clip('', label) + m.disciplines.map((d) => clip(n(d.title), width)).join('');
  const out = [head];
  for (const s of m.systems) {
    const cols = m.disciplines.map((d) => wrap(m.cells[s.key]![d.key]!.map(n), width - 2));
    const height = Math.max(1, ...cols.map((c) => c.length));
    for (let i = 0; i < height; i++) {
      out.push(clip(i === 0 ? `${n(s.title)} (${count(s.key)})` : '', label) + cols.map((c) => clip(c[i] ?? (i === 0 ? '—' : ''), width)).join(''));
    }
    out.push('');
  }
  for (const p of m.leadership.parts) out.push(`${n(p.title)} (${p.ids.length}): ${p.ids.map(n).join(' ')}`);
  if (m.unplaced.length) out.push('', `Not placed in the grid (missing or unknown system/discipline): ${m.unplaced.map(n).join(' ')}`);
  return out.join('\n') + '\n';
}

function wrap(ids: string[], width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const id of ids) {
    if (cur && cur.length + 1 + id.length > width) { lines.push(cur); cur = id; }
    else cur = cur ? `${cur} ${id}` : id;
  }
  if (cur) lines.push(cur);
  return lines;
}
