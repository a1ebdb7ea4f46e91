// Assessment pages of the playbook site, for a steering committee: the systems × disciplines
// heatmap (current and target, a legend that does not rely on colour alone), a radar chart per
// system, the gap table, the roadmap by wave, and progress since the previous assessment. Also
// the latest scores on element pages and the list of assessments on the home page.
import type { Element } from 'hast';
import {
  assessmentReport,
  basename,
  previousAssessment,
  type Aggregate,
  type AssessmentReport,
  type Matrix,
  type ParsedAssessment,
  type Project,
  type ReportElement,
} from '../language/index';
import { h, type Child } from './hast';
import type { SitePage, SitePlan } from './plan';
import { radarChart } from './radarChart';
import { isSafeName, relHref, slugFromFile } from './sitePaths';

/** Pages for the assessments, the newest first: `assessments/<file name>.html`. */
export function planAssessmentPages(project: Project, taken: Set<string>): SitePage[] {
  const out: SitePage[] = [];
  for (const a of project.assessments.newestFirst()) {
    const base = slugFromFile(basename(a.uri).replace(/\.ya?ml$/i, '.md'));
    let p = `assessments/${isSafeName(base) ? base : 'assessment'}.html`;
    for (let n = 2; taken.has(p.toLowerCase()); n++) p = `assessments/${base}-${n}.html`;
    taken.add(p.toLowerCase());
    out.push({ path: p, kind: 'assessment', title: assessmentTitle(a), uri: a.uri, summary: a.date ? `Assessed on ${a.date.value}` : undefined });
  }
  return out;
}

export function assessmentTitle(a: ParsedAssessment): string {
  return [a.client?.value, a.title?.value].filter(Boolean).join(' — ') || basename(a.uri);
}

export interface AssessmentContext {
  project: Project;
  plan: SitePlan;
  grid: Matrix;
}

/** The content of an assessment page (the caller wraps it in the site's layout). */
export function assessmentContent(ctx: AssessmentContext, page: SitePage): Element {
  const { project } = ctx;
  const a = project.assessment(page.uri!)!;
  const prev = previousAssessment(project, a);
  const r = assessmentReport(project, a, prev);
  const na = r.elements.filter((e) => !e.applicable).length;
  const levels = project.config.maturity.levels;
  return h('article', { className: ['page', 'assessment'], dataFile: basename(a.uri) },
    h('h1', null, page.title),
    h('p', { className: ['summary'] },
      [a.date ? `Assessed on ${a.date.value}` : 'Undated', a.assessors.length ? ` by ${a.assessors.map((x) => x.value).join(', ')}` : '', `. ${r.elements.length - na} elements scored, ${na} not applicable. `],
      'Levels: ', levels.map((l) => `${l.level} ${l.name}`).join(', '), '.'),
    tocNav(),
    heatmapSection(ctx, page, r),
    radarSection(ctx, page, r),
    gapSection(ctx, page, r),
    roadmapSection(ctx, page, r),
    progressSection(ctx, page, r, prev),
    scoresSection(ctx, page, r),
  );
}

function tocNav(): Element {
  const items: [string, string][] = [['heatmap', 'Heatmap'], ['radar', 'Radar charts'], ['gaps', 'Gaps'], ['roadmap', 'Roadmap'], ['progress', 'Progress'], ['scores', 'All scores']];
  return h('nav', { className: ['toc', 'no-print'], ariaLabel: 'On this page' }, items.flatMap(([id, label], i) => [i ? ' · ' : '', h('a', { href: `#${id}` }, label)]));
}

// ---------------------------------------------------------------------------------------------

/** The heat class of an average level: ten steps from the lowest level of the scale to the highest. */
function heatClass(project: Project, avg: number | null): string {
  if (avg === null) return 'heat-none';
  const lv = project.config.maturity.levels;
  const lo = lv[0]!.level;
  const hi = lv[lv.length - 1]!.level;
  const step = hi === lo ? 9 : Math.round(((avg - lo) / (hi - lo)) * 9);
  return `heat-${Math.max(0, Math.min(9, step))}`;
}

const two = (n: number | null) => (n === null ? '–' : n.toFixed(2));

function heatCell(project: Project, agg: Aggregate, label: string, attrs: Record<string, string>): Element {
  const props = { ...attrs, className: ['heat', heatClass(project, agg.current)], dataCurrent: agg.current === null ? '' : String(agg.current), dataTarget: agg.target === null ? '' : String(agg.target), dataAssessed: String(agg.assessed) };
  if (!agg.assessed) return h('td', props, h('span', { className: ['none'] }, 'not assessed'));
  return h('td', { ...props, title: `${label}: average current ${two(agg.current)}, target ${two(agg.target)}, ${agg.assessed} assessed` },
    h('span', { className: ['cur'] }, two(agg.current)),
    h('span', { className: ['arrow'], ariaHidden: 'true' }, ' → '),
    h('span', { className: ['tgt'] }, two(agg.target)),
    h('span', { className: ['n'] }, `${agg.assessed} assessed`));
}

function heatmapSection(ctx: AssessmentContext, page: SitePage, r: AssessmentReport): Element {
  const { project, grid, plan } = ctx;
  const keyed = (kind: 'system' | 'discipline' | 'part', key: string, title: string): Child => {
    const t = plan.byKey[kind].get(key);
    return t ? h('a', { href: relHref(page.path, t.path) }, title) : title;
  };
  const table = h('table', { className: ['heatmap'] },
    h('caption', null, 'Average current level → target per cell; the number of elements assessed below.'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'System \\ Discipline'), grid.disciplines.map((d) => h('th', { scope: 'col' }, keyed('discipline', d.key, d.title))), h('th', { scope: 'col' }, 'All disciplines'))),
    h('tbody', null, grid.systems.map((s) =>
      h('tr', { dataSystem: s.key },
        h('th', { scope: 'row' }, keyed('system', s.key, s.title)),
        grid.disciplines.map((d) => heatCell(project, r.cells[s.key]![d.key]!, `${s.title} × ${d.title}`, { dataSystem: s.key, dataDiscipline: d.key })),
        heatCell(project, r.systems[s.key]!, s.title, { dataSystem: s.key, dataDiscipline: '*' })))),
  );
  // Principles are assessed through their characteristics: only parts with scores are shown.
  const parts = project.config.leadership.filter((p) => r.leadership[p.key]!.assessed);
  const leadership = parts.length
    ? h('table', { className: ['heatmap', 'leadership'] },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Leadership'), h('th', { scope: 'col' }, 'Current → target'))),
      h('tbody', null, parts.map((p) => h('tr', { dataPart: p.key }, h('th', { scope: 'row' }, keyed('part', p.key, p.title)), heatCell(project, r.leadership[p.key]!, p.title, { dataPart: p.key })))))
    : null;
  return h('section', { id: 'heatmap', className: ['heatmap-section'] },
    h('h2', null, 'Systems × disciplines'),
    table,
    leadership,
    legend(project));
}

/** Swatches with the level's number and name: the numbers in the cells say the same without colour. */
function legend(project: Project): Element {
  const levels = project.config.maturity.levels;
  return h('figure', { className: ['legend'] },
    h('figcaption', null, 'Colour follows the average current level; every cell also gives it as a number.'),
    h('ul', null, levels.map((l) => h('li', null, h('span', { className: ['swatch', 'heat', heatClass(project, l.level)], ariaHidden: 'true' }), h('span', { className: ['lv'] }, String(l.level)), ` ${l.name}`)),
      h('li', null, h('span', { className: ['swatch', 'heat', 'heat-none'], ariaHidden: 'true' }), 'not assessed')));
}

function radarSection(ctx: AssessmentContext, page: SitePage, r: AssessmentReport): Element {
  const { project, grid, plan } = ctx;
  const byId = new Map(r.elements.map((e) => [e.id, e]));
  const levels = project.config.maturity.levels.map((l) => l.level);
  const href = (id: string) => {
    const t = plan.byId.get(id);
    return t && relHref(page.path, t.path);
  };
  const chart = (title: string, key: string, ids: string[]) => {
    const axes = ids.map((id) => {
      const e = byId.get(id);
      return { id, title: plan.byId.get(id)?.title ?? id, current: e?.applicable ? e.current : null, target: e?.applicable ? e.target : null };
    });
    return h('figure', { className: ['radar-figure'], dataGroup: key },
      radarChart(axes, { levels, title: `${title}: current and target levels`, href }),
      h('figcaption', null, h('strong', null, title), ` — ${axes.filter((x) => x.current !== null).length} of ${axes.length} elements scored. Filled: current level; dashed: target; “–” after an ID: not scored.`));
  };
  // Axes in framework order (CORE-A1, CORE-A2, …, OM1, …), as in every list of the site.
  const rank = new Map(project.index.definedIds().map((id, i) => [id, i]));
  const systems = grid.systems.map((s) => chart(s.title, s.key, grid.disciplines.flatMap((d) => grid.cells[s.key]?.[d.key] ?? []).sort((x, y) => rank.get(x)! - rank.get(y)!)));
  const parts = grid.leadership.parts.filter((p) => p.ids.some((id) => byId.get(id)?.applicable)).map((p) => chart(p.title, p.key, p.ids));
  return h('section', { id: 'radar', className: ['radar-section'] }, h('h2', null, 'Radar charts'), h('div', { className: ['radars'] }, systems, parts));
}

function levelName(project: Project, n: number | null): string {
  if (n === null) return '–';
  const l = project.config.maturity.levels.find((x) => x.level === n);
  return l ? `${n} ${l.name}` : String(n);
}

function idCell(ctx: AssessmentContext, page: SitePage, e: { id: string; title: string }): Child[] {
  const t = ctx.plan.byId.get(e.id);
  return [t ? h('a', { className: ['idref'], href: relHref(page.path, t.path), title: `${e.id} · ${t.title}` }, e.id) : e.id, ' ', h('span', { className: ['t'] }, e.title)];
}

function placeOf(ctx: AssessmentContext, e: ReportElement): string {
  const c = ctx.project.config;
  if (e.part) return c.leadership.find((p) => p.key === e.part)?.title ?? e.part;
  return [c.systems.find((s) => s.key === e.system)?.title, c.disciplines.find((d) => d.key === e.discipline)?.title].filter(Boolean).join(' × ');
}

function gapSection(ctx: AssessmentContext, page: SitePage, r: AssessmentReport): Element {
  const gaps = r.elements.filter((e) => (e.gap ?? 0) > 0).sort((x, y) => y.gap! - x.gap! || r.elements.indexOf(x) - r.elements.indexOf(y));
  return h('section', { id: 'gaps' },
    h('h2', null, `Gaps (${gaps.length})`),
    gaps.length
      ? h('table', { className: ['gaps'] },
        h('thead', null, h('tr', null, ['Element', 'Where', 'Current', 'Target', 'Gap', 'Owner', 'Due', 'Evidence'].map((x) => h('th', { scope: 'col', className: x === 'Where' ? ['where'] : undefined }, x)))),
        h('tbody', null, gaps.map((e) => h('tr', { dataId: e.id, dataGap: String(e.gap) },
          h('td', null, idCell(ctx, page, e)), h('td', { className: ['where'] }, placeOf(ctx, e)),
          h('td', { className: ['num'] }, levelName(ctx.project, e.current)), h('td', { className: ['num'] }, levelName(ctx.project, e.target)),
          h('td', { className: ['num'] }, String(e.gap)), h('td', null, e.owner ?? ''), h('td', { className: ['date'] }, e.due ?? ''), h('td', null, e.evidence ?? '')))))
      : h('p', { className: ['empty'] }, 'Every scored element is at its target.'));
}

function roadmapSection(ctx: AssessmentContext, page: SitePage, r: AssessmentReport): Element {
  const byId = new Map(r.elements.map((e) => [e.id, e]));
  return h('section', { id: 'roadmap' },
    h('h2', null, 'Roadmap'),
    h('p', null, 'Waves by the quarter an element is due, then by the size of its gap; an element never comes before what it depends on.'),
    r.roadmap.length
      ? h('ol', { className: ['waves'] }, r.roadmap.map((w) => h('li', { dataWave: String(w.wave) },
        h('h3', null, `Wave ${w.wave}: ${w.label}`),
        h('ul', { className: ['plain-list'] }, w.ids.map((id) => {
          const e = byId.get(id)!;
          return h('li', null, idCell(ctx, page, e), ` — ${levelName(ctx.project, e.current)} → ${levelName(ctx.project, e.target)}${e.owner ? `; ${e.owner}` : ''}${e.due ? `; due ${e.due}` : ''}`);
        })))))
      : h('p', { className: ['empty'] }, 'Nothing to do: no element has a gap.'));
}

function progressSection(ctx: AssessmentContext, page: SitePage, r: AssessmentReport, prev: ParsedAssessment | undefined): Element {
  if (!prev || !r.compare) {
    return h('section', { id: 'progress' }, h('h2', null, 'Progress since the previous assessment'), h('p', { className: ['empty'] }, 'This is the first assessment of this client in the framework.'));
  }
  const before = assessmentReport(ctx.project, prev);
  const prevPage = ctx.plan.byUri.get(prev.uri);
  const arrow = { up: '▲ up', down: '▼ down', added: '+ newly scored', dropped: '– no longer scored' } as const;
  const systems = ctx.grid.systems.map((s) => [s.title, before.systems[s.key]!, r.systems[s.key]!] as const);
  const parts = ctx.project.config.leadership.map((p) => [p.title, before.leadership[p.key]!, r.leadership[p.key]!] as const).filter(([, b, n]) => b.assessed || n.assessed);
  return h('section', { id: 'progress' },
    h('h2', null, 'Progress since the previous assessment'),
    h('p', null, 'Compared with ', prevPage ? h('a', { href: relHref(page.path, prevPage.path) }, prevPage.title) : assessmentTitle(prev), prev.date ? ` (${prev.date.value})` : '', '.'),
    h('table', { className: ['progress-systems'] },
      h('thead', null, h('tr', null, ['', 'Then', 'Now', 'Change'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, [...systems, ...parts].map(([title, b, n]) => h('tr', null,
        h('th', { scope: 'row' }, title), h('td', { className: ['num'] }, two(b.current)), h('td', { className: ['num'] }, two(n.current)),
        h('td', { className: ['num'] }, b.current === null || n.current === null ? '–' : signed(n.current - b.current)))))),
    r.compare.changes.length
      ? h('table', { className: ['changes'] },
        h('thead', null, h('tr', null, ['Element', 'Then', 'Now', 'Movement'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', null, r.compare.changes.map((c) => h('tr', { dataId: c.id, dataDirection: c.direction },
          h('td', null, idCell(ctx, page, c)), h('td', { className: ['num'] }, levelName(ctx.project, c.from)), h('td', { className: ['num'] }, levelName(ctx.project, c.to)),
          h('td', { className: ['move', c.direction] }, arrow[c.direction])))))
      : h('p', { className: ['empty'] }, 'No element moved.'));
}

const signed = (x: number) => (Math.round(x * 100) / 100 > 0 ? '+' : '') + (Math.round(x * 100) / 100).toFixed(2);

function scoresSection(ctx: AssessmentContext, page: SitePage, r: AssessmentReport): Element {
  return h('section', { id: 'scores', className: ['all-scores'] },
    h('h2', null, `All scores (${r.elements.length})`),
    h('table', { className: ['scores'] },
      h('thead', null, h('tr', null, ['Element', 'Where', 'Current', 'Target'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, r.elements.map((e) => h('tr', { dataId: e.id },
        h('td', null, idCell(ctx, page, e)), h('td', null, placeOf(ctx, e)),
        e.applicable ? [h('td', { className: ['num'] }, levelName(ctx.project, e.current)), h('td', { className: ['num'] }, levelName(ctx.project, e.target))] : h('td', { colSpan: 2 }, 'not applicable'))))));
}

// ---------------------------------------------------------------------------------------------
// Elsewhere in the site

/** "2 Repeatable → 3 Defined", with the assessment it comes from, for an element's card. */
export function latestScoreCell(ctx: AssessmentContext, page: SitePage, id: string): Child | undefined {
  const a = ctx.project.assessments.newestFirst()[0];
  if (!a) return undefined;
  const e = assessmentReport(ctx.project, a).elements.find((x) => x.id === id);
  if (!e) return undefined;
  const target = ctx.plan.byUri.get(a.uri);
  const score = !e.applicable
    ? 'not applicable'
    : e.target === null
      ? levelName(ctx.project, e.current)
      : e.target === e.current
        ? `${levelName(ctx.project, e.current)}, at its target`
        : `${levelName(ctx.project, e.current)} → ${levelName(ctx.project, e.target)}`;
  const source = `${assessmentTitle(a)}${a.date ? `, ${a.date.value}` : ''}`;
  return [h('span', { className: ['score'] }, score), ' (', target ? h('a', { href: relHref(page.path, target.path) }, source) : source, ')'];
}

/** The list of assessments on the home page. */
export function assessmentList(plan: SitePlan, page: SitePage): Child {
  const pages = plan.pages.filter((p) => p.kind === 'assessment');
  if (!pages.length) return null;
  return [h('h2', null, `Assessments (${pages.length})`), h('ul', { className: ['plain-list', 'assessments'] }, pages.map((p) => h('li', null, h('a', { href: relHref(page.path, p.path) }, p.title), p.summary ? h('span', { className: ['t'] }, ` — ${p.summary}`) : null)))];
}

export const ASSESSMENT_CSS = `
.toc { margin: -.5rem 0 1rem; color: var(--muted); }
table.heatmap { width: 100%; table-layout: fixed; }
table.heatmap.leadership { width: auto; min-width: 24rem; }
table.heatmap td { text-align: center; vertical-align: middle; }
table.heatmap .cur { font-weight: 700; font-size: 1.15em; }
table.heatmap .tgt { font-weight: 600; }
table.heatmap .n { display: block; font-size: .8em; color: #2a3140; }
table.heatmap .none { color: var(--muted); font-style: italic; }
.heat { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.heat-none { background: #f4f6fa; }
.heat-0 { background: #f6c8bd; } .heat-1 { background: #f8d3b5; } .heat-2 { background: #fadfb0; } .heat-3 { background: #fbe9ad; }
.heat-4 { background: #f3efae; } .heat-5 { background: #e3efb1; } .heat-6 { background: #cfe9b5; } .heat-7 { background: #bce2b8; }
.heat-8 { background: #a9dabb; } .heat-9 { background: #96d1bd; }
.legend { margin: .5rem 0 1.5rem; }
.legend figcaption { color: var(--muted); font-size: .9em; }
.legend ul { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; list-style: none; padding: 0; margin: .4rem 0 0; }
.legend .swatch { display: inline-block; width: 1.6rem; height: 1rem; border: 1px solid #8a93a3; vertical-align: middle; margin-right: .35rem; }
.legend .lv { font-weight: 700; }
.radars { display: flex; flex-wrap: wrap; gap: 1rem; }
.radar-figure { margin: 0; flex: 1 1 30rem; max-width: 36rem; }
.radar-figure figcaption { font-size: .9em; color: var(--muted); }
svg.radar { width: 100%; height: auto; }
table.gaps, table.scores, table.changes { width: 100%; font-size: .92rem; }
td.date { white-space: nowrap; }
td.num { white-space: nowrap; }
.move.up { color: #22683a; } .move.down { color: var(--warn); }
.waves > li { margin-bottom: 1rem; }
.waves h3 { margin: .6rem 0 .3rem; }
.card .score { font-weight: 600; }
@media print {
  .assessment section { break-inside: auto; }
  .assessment h2 { break-before: auto; }
  #radar, #gaps, #roadmap { break-before: page; page-break-before: always; }
  .radar-figure { break-inside: avoid; max-width: 48%; flex-basis: 48%; }
  table.heatmap, .legend { break-inside: avoid; }
  table.heatmap { font-size: 9pt; }
  table.gaps, table.scores, table.changes { font-size: 8.5pt; }
  /* The heatmap says where each element sits: the gap table drops that column to fit the page. */
  table.gaps .where { display: none; }
  td.num, table.gaps a.idref { white-space: normal; }
  table.gaps tr, table.scores tr { break-inside: avoid; }
}
`;
