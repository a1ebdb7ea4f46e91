// Output formats of `opmodel assess`: text, Markdown, CSV and JSON of an assessment report.
import type { Aggregate, AssessmentReport, OpmodelConfig, ReportElement } from '../language/index';
import { neutralise } from './neutralise';

/** The report as `opmodel assess --format json` prints it: files relative to the current folder. */
export function reportJson(r: AssessmentReport, file: (uri: string) => string): unknown {
  const row = (e: ReportElement) => ({
    id: e.id, title: e.title, system: e.system, discipline: e.discipline, part: e.part, applicable: e.applicable,
    current: e.current, target: e.target, gap: e.gap, due: e.due, owner: e.owner, evidence: e.evidence,
  });
  return {
    assessment: { ...r.assessment, file: file(r.assessment.file) },
    elements: r.elements.map(row),
    cells: r.cells,
    systems: r.systems,
    leadership: r.leadership,
    gaps: r.gaps.map((e) => ({ id: e.id, title: e.title, current: e.current, target: e.target, gap: e.gap })),
    roadmap: r.roadmap,
    compare: r.compare ? { file: file(r.compare.file), date: r.compare.date, changes: r.compare.changes } : null,
  };
}

// Text from the repository is printed inert (see neutralise.ts): no terminal control, no forged
// workflow command, no reordering.
const plain = neutralise;
const num = (x: number | null) => (x === null ? '–' : x.toFixed(2));
const lvl = (x: number | null) => (x === null ? '–' : String(x));
const agg = (a: Aggregate) => (a.assessed ? `${num(a.current)} → ${num(a.target)} (${a.assessed} assessed)` : 'not assessed');

function heading(r: AssessmentReport): string {
  const a = r.assessment;
  return [a.client, a.title].filter(Boolean).map((s) => plain(s!)).join(' — ') + (a.date ? ` (${a.date})` : '') || 'Assessment';
}

function counts(r: AssessmentReport): string {
  const na = r.elements.filter((e) => !e.applicable).length;
  return `${r.elements.length - na} scored, ${na} n/a`;
}

export function reportText(r: AssessmentReport, config: OpmodelConfig, file: (uri: string) => string): string {
  const out: string[] = [heading(r), `${plain(file(r.assessment.file))}${r.assessment.assessors.length ? ` · assessed by ${r.assessment.assessors.map(plain).join(', ')}` : ''} · ${counts(r)}`, ''];
  const idW = Math.max(4, ...r.elements.map((e) => plain(e.id).length));
  out.push('Elements (current → target, gap)');
  for (const e of r.elements) {
    const score = e.applicable ? `${lvl(e.current)} → ${lvl(e.target)}`.padEnd(7) + `  ${e.gap === null ? ' ' : e.gap}` : 'n/a'.padEnd(10);
    out.push(`  ${plain(e.id).padEnd(idW)}  ${score}  ${plain(e.title)}${e.due ? `  (due ${e.due})` : ''}`);
  }
  const sysW = Math.max(6, ...config.systems.map((s) => plain(s.title).length), ...config.disciplines.map((d) => plain(d.title).length + 2), ...config.leadership.map((p) => plain(p.title).length));
  out.push('', 'Systems × disciplines (average current → target, elements assessed)');
  for (const s of config.systems) {
    out.push(`  ${plain(s.title).padEnd(sysW)}  ${agg(r.systems[s.key]!)}`);
    for (const d of config.disciplines) out.push(`    ${plain(d.title).padEnd(sysW - 2)}  ${agg(r.cells[s.key]![d.key]!)}`);
  }
  if (config.leadership.length) {
    out.push('', 'Leadership');
    for (const p of config.leadership) out.push(`  ${plain(p.title).padEnd(sysW)}  ${agg(r.leadership[p.key]!)}`);
  }
  out.push('', 'Largest gaps');
  if (!r.gaps.length) out.push('  none: every scored element is at its target');
  for (const e of r.gaps) out.push(`  ${plain(e.id).padEnd(idW)}  ${e.current} → ${e.target}  gap ${e.gap}  ${plain(e.title)}`);
  out.push('', 'Roadmap');
  if (!r.roadmap.length) out.push('  nothing to do');
  for (const w of r.roadmap) out.push(`  Wave ${w.wave} — ${w.label}: ${w.ids.map(plain).join(', ')}`);
  if (r.compare) {
    out.push('', `Since ${plain(file(r.compare.file))}${r.compare.date ? ` (${r.compare.date})` : ''}`);
    const group = (dir: string, label: string) => {
      const list = r.compare!.changes.filter((c) => c.direction === dir);
      if (list.length) out.push(`  ${label} (${list.length}): ${list.map((c) => `${plain(c.id)} ${lvl(c.from)} → ${lvl(c.to)}`).join(', ')}`);
    };
    group('up', 'Up');
    group('down', 'Down');
    group('added', 'Newly scored');
    group('dropped', 'No longer scored');
    if (!r.compare.changes.length) out.push('  no element moved');
  }
  return out.join('\n') + '\n';
}

const md = (s: string) => plain(s).replace(/[\\`*_{}[\]<>|#]/g, '\\$&');

export function reportMarkdown(r: AssessmentReport, config: OpmodelConfig, file: (uri: string) => string): string {
  const out: string[] = [`## ${md(heading(r))}`, '', `${md(file(r.assessment.file))}${r.assessment.assessors.length ? ` · assessed by ${r.assessment.assessors.map(md).join(', ')}` : ''} · ${counts(r)}`, ''];
  const cell = (a: Aggregate) => (a.assessed ? `${num(a.current)} → ${num(a.target)} (${a.assessed})` : '—');
  out.push('### Systems × disciplines', '', `| System | ${config.disciplines.map((d) => md(d.title)).join(' | ')} | All |`, `| --- |${config.disciplines.map(() => ' --- |').join('')} --- |`);
  for (const s of config.systems) out.push(`| ${md(s.title)} | ${config.disciplines.map((d) => cell(r.cells[s.key]![d.key]!)).join(' | ')} | ${cell(r.systems[s.key]!)} |`);
  if (config.leadership.length) {
    out.push('', '| Leadership | Current → target (assessed) |', '| --- | --- |');
    for (const p of config.leadership) out.push(`| ${md(p.title)} | ${cell(r.leadership[p.key]!)} |`);
  }
  out.push('', '### Elements', '', '| ID | Title | Current | Target | Gap | Due | Owner |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const e of r.elements) {
    out.push(`| ${md(e.id)} | ${md(e.title)} | ${e.applicable ? lvl(e.current) : 'n/a'} | ${e.applicable ? lvl(e.target) : 'n/a'} | ${e.gap ?? ''} | ${e.due ?? ''} | ${e.owner ? md(e.owner) : ''} |`);
  }
  out.push('', '### Largest gaps', '');
  if (!r.gaps.length) out.push('None: every scored element is at its target.');
  for (const e of r.gaps) out.push(`- **${md(e.id)}** ${md(e.title)}: ${e.current} → ${e.target} (gap ${e.gap})`);
  out.push('', '### Roadmap', '');
  if (!r.roadmap.length) out.push('Nothing to do.');
  for (const w of r.roadmap) out.push(`${w.wave}. **${md(w.label)}:** ${w.ids.map(md).join(', ')}`);
  if (r.compare) {
    out.push('', `### Since ${md(file(r.compare.file))}${r.compare.date ? ` (${r.compare.date})` : ''}`, '');
    if (!r.compare.changes.length) out.push('No element moved.');
    else {
      out.push('| ID | Title | Before | Now | |', '| --- | --- | --- | --- | --- |');
      for (const c of r.compare.changes) out.push(`| ${md(c.id)} | ${md(c.title)} | ${lvl(c.from)} | ${lvl(c.to)} | ${c.direction} |`);
    }
  }
  return out.join('\n') + '\n';
}

// A cell that starts like a formula is opened as one by spreadsheets: text from the assessment
// file gets a leading apostrophe there (OWASP's advice on CSV injection).
const csvCell = (v: string | number | null | boolean): string => {
  let s = v === null ? '' : neutralise(String(v));
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const CSV_HEADER = ['file', 'date', 'id', 'title', 'system', 'discipline', 'part', 'current', 'target', 'gap', 'due', 'owner', 'evidence'];

export function reportCsvRows(r: AssessmentReport, file: (uri: string) => string): string {
  return r.elements
    .map((e) => [file(r.assessment.file), r.assessment.date, e.id, e.title, e.system, e.discipline, e.part, e.applicable ? e.current : 'n/a', e.applicable ? e.target : 'n/a', e.gap, e.due, e.owner, e.evidence].map(csvCell).join(','))
    .map((l) => l + '\n')
    .join('');
}
