// The engine's diff as the documented JSON shape of `opmodel diff --format json`
// (schemas/opmodel-diff.schema.json): files relative to the current folder, lines and columns
// 1-based. The text and Markdown reports are made from this same shape.
import type { FrameworkDiff, Location, Project } from '../../language/index';
import type { SideInfo } from './openSides';

export interface Where {
  file: string;
  line: number;
}

export interface ElementEntry {
  title: string;
  system: string | null;
  discipline: string | null;
  base: Where | null;
  head: Where | null;
}

export interface DiffReport {
  base: SideInfo;
  head: SideInfo;
  /** The docs root on the HEAD side, relative to the current folder ("." for itself). */
  root: string;
  summary: Record<'added' | 'removed' | 'renamed' | 'retitled' | 'moved' | 'relations' | 'changed' | 'broken' | 'fixed' | 'impact', number>;
  added: string[];
  removed: string[];
  renamed: ({ from: string; to: string; because: string; fromFile: string; fromLine: number } & Where)[];
  retitled: ({ id: string; from: string; to: string } & Where)[];
  moved: ({ id: string; from: { system: string | null; discipline: string | null }; to: { system: string | null; discipline: string | null } } & Where)[];
  relations: ({ id: string; field: string; added: string[]; removed: string[] } & Where)[];
  changed: ({ id: string; fields: string[]; body: boolean } & Where)[];
  broken: ({ id: string; column: number; field?: string; reason: 'removed' | 'renamed'; renamedTo?: string } & Where)[];
  fixed: ({ id: string; column: number; field?: string; side: 'base' | 'head'; reason: 'defined' | 'removed' } & Where)[];
  impact: ({ id: string; title: string; because: string[]; reasons: ({ id: string; via: string } & Where)[]; inChange: boolean } & Where)[];
  /** Every element the report names, with where it is on each side. */
  elements: Record<string, ElementEntry>;
  notes: string[];
}

export function diffReport(diff: FrameworkDiff, sides: { base: { info: SideInfo; project: Project }; head: { info: SideInfo; project: Project } }, rel: (uri: string) => string, root: string, notes: string[]): DiffReport {
  const at = (l: Location): Where => ({ file: rel(l.uri), line: l.range.start.line + 1 });
  const col = (l: Location) => l.range.start.character + 1;
  const elements: Record<string, ElementEntry> = {};
  const note = (id: string) => {
    if (Object.prototype.hasOwnProperty.call(elements, id)) return;
    const def = (p: Project) => p.index.definitions(id)[0];
    const b = def(sides.base.project);
    const h = def(sides.head.project);
    const doc = h ?? b;
    elements[id] = {
      title: doc?.title ?? '',
      system: doc?.system ?? null,
      discipline: doc?.discipline ?? null,
      base: b?.definition ? at({ uri: b.uri, range: b.definition.range }) : null,
      head: h?.definition ? at({ uri: h.uri, range: h.definition.range }) : null,
    };
  };
  const report: DiffReport = {
    base: sides.base.info,
    head: sides.head.info,
    root,
    summary: {
      added: diff.added.length,
      removed: diff.removed.length,
      renamed: diff.renamed.length,
      retitled: diff.retitled.length,
      moved: diff.moved.length,
      relations: diff.relations.length,
      changed: diff.changed.length,
      broken: diff.broken.length,
      fixed: diff.fixed.length,
      impact: diff.impact.length,
    },
    added: diff.added.map((e) => e.id),
    removed: diff.removed.map((e) => e.id),
    renamed: diff.renamed.map((r) => ({ from: r.from.id, to: r.to.id, because: r.because, ...at(r.to.location), fromFile: at(r.from.location).file, fromLine: at(r.from.location).line })),
    retitled: diff.retitled.map((r) => ({ id: r.id, from: r.from, to: r.to, ...at(r.location) })),
    moved: diff.moved.map((m) => ({ id: m.id, from: m.from, to: m.to, ...at(m.location) })),
    relations: diff.relations.map((r) => ({ id: r.id, field: r.field, added: r.added, removed: r.removed, ...at(r.location) })),
    changed: diff.changed.map((c) => ({ id: c.id, fields: c.fields, body: c.body, ...at(c.location) })),
    broken: diff.broken.map((b) => ({ id: b.id, ...at(b.location), column: col(b.location), ...(b.field ? { field: b.field } : {}), reason: b.reason, ...(b.renamedTo ? { renamedTo: b.renamedTo } : {}) })),
    fixed: diff.fixed.map((f) => ({ id: f.id, ...at(f.location), column: col(f.location), ...(f.field ? { field: f.field } : {}), side: f.side, reason: f.reason })),
    impact: diff.impact.map((i) => ({ id: i.id, title: i.title, ...at(i.location), because: i.because, reasons: i.reasons.map((r) => ({ id: r.id, via: r.via, ...at(r.location) })), inChange: i.inChange })),
    elements,
    notes,
  };
  for (const id of report.added) note(id);
  for (const id of report.removed) note(id);
  for (const r of report.renamed) (note(r.from), note(r.to));
  for (const x of [...report.retitled, ...report.moved, ...report.relations, ...report.changed]) note(x.id);
  for (const x of report.relations) for (const id of [...x.added, ...x.removed]) note(id);
  for (const x of [...report.broken, ...report.fixed]) note(x.id);
  for (const i of report.impact) for (const id of [i.id, ...i.because]) note(id);
  return report;
}

/** "2 added, 1 removed, ..." with only the kinds that occur; "no changes" when none do. */
export function summaryLine(r: DiffReport): string {
  const s = r.summary;
  const n = (k: number, one: string, many = one) => (k ? `${k} ${k === 1 ? one : many}` : '');
  const parts = [
    n(s.added, 'added'),
    n(s.removed, 'removed'),
    n(s.renamed, 'renamed'),
    n(s.retitled, 'retitled'),
    n(s.moved, 'moved'),
    n(s.relations, 'relation change', 'relation changes'),
    n(s.changed, 'changed'),
    n(s.broken, 'broken reference', 'broken references'),
    n(s.fixed, 'reference fixed', 'references fixed'),
    n(s.impact, 'to review'),
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes to elements';
}
