// What an assessment says, as plain data: per element, per cell, per system and leadership part,
// the largest gaps, a roadmap in waves, and what moved since an earlier round. `opmodel assess`,
// the site and the editor all read these figures from here.
import { elementInfo, type ElementInfo } from '../features/elements';
import type { Project } from '../project';
import type { AssessmentEntry, ParsedAssessment } from './model';
import { assessmentScope } from './scope';

export interface ReportElement {
  id: string;
  title: string;
  system: string | null;
  discipline: string | null;
  /** The leadership part, for leadership elements. */
  part: string | null;
  /** False for `n/a`. */
  applicable: boolean;
  current: number | null;
  target: number | null;
  /** target − current, when both are known. */
  gap: number | null;
  due: string | null;
  owner: string | null;
  evidence: string | null;
}

export interface Aggregate {
  /** Averages rounded to two decimals; null when nothing in the group is scored. */
  current: number | null;
  target: number | null;
  /** Elements of the group with a current level (n/a and invalid scores are left out). */
  assessed: number;
}

export interface Wave {
  wave: number;
  /** "2027 Q1 (due by 2027-03-31)" or "Gap of 2 levels". */
  label: string;
  /** The end of the wave's quarter, for waves made from due dates. */
  due: string | null;
  ids: string[];
}

export interface Change {
  id: string;
  title: string;
  /** Current level in the older round; null when it was not scored (absent or n/a). */
  from: number | null;
  to: number | null;
  direction: 'up' | 'down' | 'added' | 'dropped';
}

export interface AssessmentReport {
  assessment: { client: string | null; title: string | null; date: string | null; file: string; assessors: string[] };
  /** Every usable entry, in framework order. */
  elements: ReportElement[];
  cells: Record<string, Record<string, Aggregate>>;
  systems: Record<string, Aggregate>;
  leadership: Record<string, Aggregate>;
  /** The largest gaps (at most ten), largest first. */
  gaps: ReportElement[];
  roadmap: Wave[];
  compare: null | { file: string; date: string | null; changes: Change[] };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const MAX_GAPS = 10;

/**
 * The report for `a`, compared with `older` when given. Entries that cannot count (unknown IDs,
 * second entries for an ID, scores off the scale) are left out; the diagnostics say why.
 */
export function assessmentReport(project: Project, a: ParsedAssessment, older?: ParsedAssessment): AssessmentReport {
  const elements = reportElements(project, a);
  const { systems, disciplines, leadership } = project.config;
  const group = (pick: (e: ReportElement) => boolean): Aggregate => aggregate(elements.filter((e) => e.applicable && pick(e)));
  const cells: AssessmentReport['cells'] = Object.create(null);
  const sys: AssessmentReport['systems'] = Object.create(null);
  const lead: AssessmentReport['leadership'] = Object.create(null);
  for (const s of systems) {
    const row: Record<string, Aggregate> = (cells[s.key] = Object.create(null));
    for (const d of disciplines) row[d.key] = group((e) => e.system === s.key && e.discipline === d.key);
    sys[s.key] = group((e) => e.system === s.key);
  }
  for (const p of leadership) lead[p.key] = group((e) => e.part === p.key);
  const order = new Map(elements.map((e, i) => [e.id, i]));
  const gaps = elements.filter((e) => (e.gap ?? 0) > 0).sort((x, y) => y.gap! - x.gap! || order.get(x.id)! - order.get(y.id)!).slice(0, MAX_GAPS);
  return {
    assessment: { client: a.client?.value ?? null, title: a.title?.value ?? null, date: a.date?.value ?? null, file: a.uri, assessors: a.assessors.map((x) => x.value) },
    elements,
    cells,
    systems: sys,
    leadership: lead,
    gaps,
    roadmap: roadmap(project, elements),
    compare: older ? { file: older.uri, date: older.date?.value ?? null, changes: changes(project, elements, reportElements(project, older)) } : null,
  };
}

/** The usable entries of `a` as report rows, in framework order. */
export function reportElements(project: Project, a: ParsedAssessment): ReportElement[] {
  const scope = assessmentScope(project.index, project.config);
  const levels = new Set(project.config.maturity.levels.map((l) => l.level));
  const level = (s: AssessmentEntry['current']) => (s && s.level !== undefined && !s.quoted && levels.has(s.level) ? s.level : null);
  const rank = new Map(project.index.definedIds().map((id, i) => [id, i]));
  const seen = new Set<string>();
  const out: ReportElement[] = [];
  for (const e of a.entries) {
    if (seen.has(e.id) || !scope.includes(e.id)) continue;
    seen.add(e.id);
    const info = elementInfo(project, e.id);
    if (!info) continue;
    const current = e.na ? null : level(e.current);
    if (!e.na && current === null) continue; // no usable current level: invalid-score or invalid-assessment says why
    let target = e.na ? null : level(e.target);
    if (target !== null && current !== null && target < current) target = null;
    out.push({
      id: e.id,
      title: info.title,
      ...place(project, info),
      applicable: !e.na,
      current,
      target,
      gap: current !== null && target !== null ? target - current : null,
      due: e.due?.value ?? null,
      owner: e.owner?.value ?? null,
      evidence: e.evidence?.value ?? null,
    });
  }
  return out.sort((x, y) => rank.get(x.id)! - rank.get(y.id)!);
}

function place(project: Project, info: ElementInfo): Pick<ReportElement, 'system' | 'discipline' | 'part'> {
  const { systems, disciplines, leadership } = project.config;
  const part = leadership.some((p) => p.key === info.part) ? info.part! : null;
  if (part) return { system: null, discipline: null, part };
  return {
    system: systems.some((s) => s.key === info.system) ? info.system! : null,
    discipline: disciplines.some((d) => d.key === info.discipline) ? info.discipline! : null,
    part: null,
  };
}

function aggregate(list: ReportElement[]): Aggregate {
  const cur = list.filter((e) => e.current !== null);
  const tgt = cur.filter((e) => e.target !== null);
  const avg = (xs: number[]) => (xs.length ? round2(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
  return { current: avg(cur.map((e) => e.current!)), target: avg(tgt.map((e) => e.target!)), assessed: cur.length };
}

/**
 * Waves of work. Elements with a due date are grouped by its quarter, earliest first; the others
 * follow, largest gap first. Then every element that one depends on (`depends_on`, followed through
 * elements that need no work too) is moved up to that one's wave when it sat later, so that no
 * element comes before what it depends on; inside a wave, dependencies come first.
 */
export function roadmap(project: Project, elements: ReportElement[]): Wave[] {
  const todo = elements.filter((e) => e.applicable && (e.gap ?? 0) > 0);
  if (!todo.length) return [];
  const keyOf = (e: ReportElement) => (e.due ? `d:${quarterOf(e.due)}` : `g:${String(100 - e.gap!).padStart(3, '0')}`);
  const keys = [...new Set(todo.map(keyOf))].sort();
  const wave = new Map(todo.map((e) => [e.id, keys.indexOf(keyOf(e))]));
  const deps = dependencyClosure(project, new Set(wave.keys()));
  for (const e of todo) for (const d of deps.get(e.id)!) if (wave.get(d)! > wave.get(e.id)!) wave.set(d, wave.get(e.id)!);
  const rank = new Map(elements.map((e, i) => [e.id, i]));
  const byId = new Map(todo.map((e) => [e.id, e]));
  const out: Wave[] = [];
  keys.forEach((key, i) => {
    const members = todo.filter((e) => wave.get(e.id) === i).map((e) => e.id);
    if (!members.length) return;
    const ordered = dependencyOrder(members, deps, (x, y) => byId.get(y)!.gap! - byId.get(x)!.gap! || rank.get(x)! - rank.get(y)!);
    const quarter = key.startsWith('d:') ? key.slice(2) : undefined;
    const gap = quarter ? 0 : 100 - Number(key.slice(2));
    out.push({
      wave: out.length + 1,
      label: quarter ? `${quarter.replace('-', ' ')} (due by ${quarterEnd(quarter)})` : `Gap of ${gap} level${gap === 1 ? '' : 's'}`,
      due: quarter ? quarterEnd(quarter) : null,
      ids: ordered,
    });
  });
  return out;
}

const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
const quarterEnd = (q: string) => `${q.slice(0, 4)}-${['03-31', '06-30', '09-30', '12-31'][Number(q.slice(6)) - 1]}`;

/** For each element of `ids`, the members of `ids` it depends on, directly or through others. */
function dependencyClosure(project: Project, ids: Set<string>): Map<string, Set<string>> {
  const direct = (id: string) => project.index.definitions(id)[0]?.references.filter((r) => r.field === 'depends_on').map((r) => r.id) ?? [];
  const out = new Map<string, Set<string>>();
  for (const id of ids) {
    const found = new Set<string>();
    const seen = new Set<string>([id]);
    const stack = direct(id);
    while (stack.length) {
      const d = stack.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      if (ids.has(d)) found.add(d);
      stack.push(...direct(d));
    }
    out.set(id, found);
  }
  return out;
}

/** `members` with every dependency before its dependants; `better` breaks ties (and cycles). */
function dependencyOrder(members: string[], deps: Map<string, Set<string>>, better: (x: string, y: string) => number): string[] {
  const left = new Set(members);
  const out: string[] = [];
  while (left.size) {
    const ready = [...left].filter((m) => ![...deps.get(m)!].some((d) => left.has(d) && !deps.get(d)!.has(m)));
    const pick = (ready.length ? ready : [...left]).sort(better)[0]!;
    out.push(pick);
    left.delete(pick);
  }
  return out;
}

function changes(project: Project, now: ReportElement[], before: ReportElement[]): Change[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const cur = new Map(now.map((e) => [e.id, e]));
  const rank = new Map(project.index.definedIds().map((id, i) => [id, i]));
  const ids = [...new Set([...cur.keys(), ...old.keys()])].sort((x, y) => rank.get(x)! - rank.get(y)!);
  const out: Change[] = [];
  for (const id of ids) {
    const from = old.get(id)?.current ?? null;
    const to = cur.get(id)?.current ?? null;
    if (from === to) continue;
    const direction = from === null ? 'added' : to === null ? 'dropped' : to > from ? 'up' : 'down';
    out.push({ id, title: (cur.get(id) ?? old.get(id))!.title, from, to, direction });
  }
  return out;
}

/** The assessment just before `a` in time (by date; the same client when both name one). */
export function previousAssessment(project: Project, a: ParsedAssessment): ParsedAssessment | undefined {
  if (!a.date) return undefined;
  return project.assessments
    .newestFirst()
    .find((o) => o !== a && o.date && o.date.value < a.date!.value && (!a.client || !o.client || o.client.value === a.client.value));
}
