// Assessment pages of the built site, read back with a real HTML parser and compared with the
// engine's report: heatmap cells, one radar axis per element, the gap table, the roadmap, progress
// since the previous round, the latest scores on element pages, the handout, and the link check.
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentReport, matrix, Project, type AssessmentReport, type Matrix } from '../../language/index';
import { fileUri } from '../../language/workspace/uris';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { anchorsOf } from '../../playbook/build';
import { checkSiteLinks } from '../../playbook/linkCheck';
import { $, $$, attr, FRAMEWORK, frameworkCopy, listFiles, readPage, runCli, tempDir, text } from './helpers';

const DAY90 = 'assessments/2026-12-harbourline-day-90.html';
const BASELINE = 'assessments/2026-09-harbourline-baseline.html';
let site: string;
let project: Project;
let grid: Matrix;
let day90: AssessmentReport;
let baseline: AssessmentReport;
let page: Root;

beforeAll(async () => {
  site = path.join(tempDir('assess-site'), 'site');
  const build = await runCli(['build', FRAMEWORK, '--out', site]);
  expect(build.code).toBe(0);
  project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(FRAMEWORK) });
  grid = matrix(project);
  const [newest, older] = project.assessments.newestFirst();
  day90 = assessmentReport(project, newest!, older);
  baseline = assessmentReport(project, older!);
  page = readPage(site, DAY90);
}, 180_000);

const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

describe('the assessment page', () => {
  it('is built for each assessment, newest first on the home page', () => {
    const files = listFiles(site).filter((f) => f.startsWith('assessments/'));
    expect(files).toEqual([BASELINE, DAY90]);
    const home = readPage(site, 'index.html');
    expect($$(home, 'ul.assessments a').map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['Harbourline Freight — Day-90 reassessment', DAY90],
      ['Harbourline Freight — Baseline assessment', BASELINE],
    ]);
    // The navigation leads to the newest one from every page.
    expect($$(home, 'nav.site-nav a').filter((a) => text(a) === 'Assessment').map((a) => attr(a, 'href'))).toEqual([DAY90]);
    expect($$(readPage(site, 'elements/FLM3.html'), 'nav.site-nav a').filter((a) => text(a) === 'Assessment').map((a) => attr(a, 'href'))).toEqual([`../${DAY90}`]);
    expect(text($(page, 'h1'))).toBe('Harbourline Freight — Day-90 reassessment');
    expect(text($(page, 'p.summary'))).toBe('Assessed on 2026-12-14 by Engagement lead, Incident Process Owner. 98 elements scored, 4 not applicable. Levels: 1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising.');
  });

  it('carries the engine\'s averages in every heatmap cell: current, target and the number assessed', () => {
    let cells = 0;
    for (const s of grid.systems) {
      for (const d of [...grid.disciplines.map((x) => x.key), '*']) {
        const td = $(page, `table.heatmap td[data-system="${s.key}"][data-discipline="${d}"]`)!;
        const want = d === '*' ? day90.systems[s.key]! : day90.cells[s.key]![d]!;
        expect([num(attr(td, 'dataCurrent')), num(attr(td, 'dataTarget')), num(attr(td, 'dataAssessed'))], `${s.key} × ${d}`).toEqual([want.current, want.target, want.assessed]);
        expect(text($(td, '.cur'))).toBe(want.current!.toFixed(2));
        expect(text($(td, '.tgt'))).toBe(want.target!.toFixed(2));
        expect(text($(td, '.n'))).toBe(`${want.assessed} assessed`);
        cells++;
      }
    }
    expect(cells).toBe(4 * 5);
    // Spot values worked out by hand from the two YAML files.
    expect(day90.cells['first-line-management']!['organization-management']).toEqual({ current: 2.5, target: 3, assessed: 2 });
    expect(day90.systems['operational-management']).toEqual({ current: 1.87, target: 2.53, assessed: 38 });
    const lc = $(page, 'table.heatmap.leadership td[data-part="leadership-characteristics"]')!;
    expect([num(attr(lc, 'dataCurrent')), num(attr(lc, 'dataTarget')), num(attr(lc, 'dataAssessed'))]).toEqual([1.9, 2.4, 20]);
    // Principles are assessed through their characteristics and are not shown as "not assessed".
    expect($(page, 'table.heatmap.leadership tr[data-part="leadership-principles"]')).toBeUndefined();
  });

  it('colours cells by level with a legend that names every level by number, not by colour alone', () => {
    const td = $(page, 'td[data-system="first-line-management"][data-discipline="organization-management"]')!;
    expect(attr(td, 'className')).toBe('heat heat-5');
    const items = $$(page, 'figure.legend li');
    expect(items.map((li) => text(li))).toEqual(['1 Ad hoc', '2 Repeatable', '3 Defined', '4 Optimising', 'not assessed']);
    expect(items.map((li) => attr($(li, '.swatch'), 'className'))).toEqual(['swatch heat heat-0', 'swatch heat heat-3', 'swatch heat heat-6', 'swatch heat heat-9', 'swatch heat heat-none']);
    const css = fs.readFileSync(path.join(site, 'assets/playbook.css'), 'utf8');
    for (let i = 0; i < 10; i++) expect(css).toMatch(new RegExp(`\\.heat-${i} \\{ background: #[0-9a-f]{6}; \\}`));
    expect(css).toMatch(/\.heat \{ -webkit-print-color-adjust: exact; print-color-adjust: exact; \}/);
  });

  it('draws a radar chart per system with one axis per element of the system, as inline SVG', () => {
    for (const s of grid.systems) {
      const fig = $(page, `figure.radar-figure[data-group="${s.key}"]`)!;
      const svg = $(fig, 'svg.radar')!;
      const ids = grid.disciplines.flatMap((d) => grid.cells[s.key]![d.key]!).sort();
      expect($$(svg, 'line.axis').map((l) => attr(l, 'dataId')).sort(), s.key).toEqual(ids);
      expect($$(svg, 'text.axis-label').length).toBe(ids.length);
      expect($$(svg, 'polygon.ring')).toHaveLength(4);
      expect(attr($(svg, 'polygon.current'), 'points')!.split(' ')).toHaveLength(ids.length);
      expect(text($(svg, 'title'))).toBe(`${s.title}: current and target levels`);
      expect(attr(svg, 'role')).toBe('img');
    }
    // Upline Management has four elements not applicable: their labels say so.
    const um = $(page, 'figure.radar-figure[data-group="upline-management"]')!;
    expect(text($(um, 'figcaption'))).toMatch(/^Upline Management — 16 of 20 elements scored\./);
    expect($$(um, 'text.axis-label').map((t) => text(t)).filter((t) => t.includes('–')).map((t) => t.split(':')[0]!.trim())).toHaveLength(4);
    // No script and no style attribute anywhere: the Content-Security-Policy allows neither inline.
    const html = fs.readFileSync(path.join(site, DAY90), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('lists every gap, largest first, with owner, due date and evidence', () => {
    const rows = $$(page, 'table.gaps tbody tr');
    const gaps = day90.elements.filter((e) => (e.gap ?? 0) > 0);
    expect(rows).toHaveLength(gaps.length);
    expect(rows.map((r) => Number(attr(r, 'dataGap')))).toEqual([...gaps.map((g) => g.gap!)].sort((a, b) => b - a));
    const cells = (id: string) => $$(rows.find((r) => attr(r, 'dataId') === id)!, 'td').map((td) => text(td));
    expect(cells('OM3')).toEqual(['OM3 Skills / Training Management', 'Operational Management × Mindsets & Behaviours', '1 Ad hoc', '3 Defined', '2', '', '', 'Training plan lapsed while team leads were absorbed by the queue clean-up']);
    expect(cells('OM20').slice(2, 7)).toEqual(['2 Repeatable', '3 Defined', '1', 'Service Desk Manager', '2027-03-31']);
    expect(attr($(rows[0]!, 'a.idref'), 'href')).toBe('../elements/OM3.html');
  });

  it('shows the roadmap wave by wave, as the engine orders it', () => {
    const waves = $$(page, 'ol.waves > li');
    expect(waves.map((w) => text($(w, 'h3')))).toEqual(day90.roadmap.map((w) => `Wave ${w.wave}: ${w.label}`));
    expect(waves.map((w) => $$(w, 'a.idref').map((a) => text(a)))).toEqual(day90.roadmap.map((w) => w.ids));
    expect(text($(waves[0]!, 'h3'))).toBe('Wave 1: 2027 Q1 (due by 2027-03-31)');
  });

  it('shows progress since the previous assessment, and says when there is none', () => {
    const section = $(page, '#progress')!;
    expect(attr($(section, 'p a'), 'href')).toBe('2026-09-harbourline-baseline.html');
    const rows = $$(section, 'table.changes tbody tr');
    expect(rows.map((r) => [attr(r, 'dataId'), attr(r, 'dataDirection')])).toEqual(day90.compare!.changes.map((c) => [c.id, c.direction]));
    expect(rows.filter((r) => attr(r, 'dataDirection') === 'down').map((r) => attr(r, 'dataId'))).toEqual(['EE6', 'EE15', 'OM3']);
    const fm = $$(section, 'table.progress-systems tbody tr').find((r) => text($(r, 'th')) === 'First Line Management')!;
    expect($$(fm, 'td').map((td) => text(td))).toEqual([baseline.systems['first-line-management']!.current!.toFixed(2), '2.29', `+${(2.29 - baseline.systems['first-line-management']!.current!).toFixed(2)}`]);
    const first = readPage(site, BASELINE);
    expect(text($(first, '#progress p'))).toBe('This is the first assessment of this client in the framework.');
  });

  it('is where links to the assessment files in the Markdown lead', () => {
    const playbook = readPage(site, 'pages/service-desk-in-90-days.html');
    expect($$(playbook, '.doc-body a').map((a) => attr(a, 'href')).filter((h) => h!.includes('assessments/'))).toEqual([`../${BASELINE}`, `../${DAY90}`]);
  });

  it('passes the site\'s own link check', () => {
    const files = new Set(listFiles(site));
    const trees = new Map<string, Root>([...files].filter((f) => f.endsWith('.html')).map((f) => [f, readPage(site, f)]));
    expect(checkSiteLinks(new Map([[DAY90, page], [BASELINE, readPage(site, BASELINE)]]), files, anchorsOf(trees))).toEqual([]);
    // The in-page contents reach every section.
    expect($$(page, 'nav.toc a').map((a) => attr(a, 'href'))).toEqual(['#heatmap', '#radar', '#gaps', '#roadmap', '#progress', '#scores']);
  });

  it('puts the latest scores on element pages, linked to the assessment', () => {
    const card = $(readPage(site, 'elements/OM3.html'), 'section.card')!;
    expect(text($(card, 'dd[data-field="assessed"]'))).toBe('1 Ad hoc → 3 Defined (Harbourline Freight — Day-90 reassessment, 2026-12-14)');
    expect(attr($(card, 'dd[data-field="assessed"] a'), 'href')).toBe(`../${DAY90}`);
    expect(text($(readPage(site, 'elements/UM9.html'), 'dd[data-field="assessed"]'))).toBe('not applicable (Harbourline Freight — Day-90 reassessment, 2026-12-14)');
    expect(text($(readPage(site, 'elements/FLM4.html'), 'dd[data-field="assessed"]'))).toBe('2 Repeatable, at its target (Harbourline Freight — Day-90 reassessment, 2026-12-14)');
    expect($(readPage(site, 'elements/LP1.html'), 'dd[data-field="assessed"]')).toBeUndefined();
  });

  it('is in the handout, with its links kept inside the handout', () => {
    const handout = readPage(site, 'handout.html');
    const section = $(handout, 'section#assessment-2026-12-harbourline-day-90')!;
    expect(text($(section, 'h1'))).toBe('Harbourline Freight — Day-90 reassessment');
    expect($$(section, 'svg.radar').length).toBe(5);
    expect(attr($(section, 'table.gaps a.idref'), 'href')).toBe('#OM3');
    expect($$(handout, '.handout-title ol.toc a').map((a) => attr(a, 'href')).slice(-2)).toEqual(['#assessment-2026-12-harbourline-day-90', '#assessment-2026-09-harbourline-baseline']);
  });
});

describe('assessment pages of another framework', () => {
  it('follow a scale declared in opmodel.json', async () => {
    const dir = frameworkCopy({
      'opmodel.json': fs.readFileSync(path.join(FRAMEWORK, 'opmodel.json'), 'utf8').replace('"families"', '"maturity": { "levels": [{ "level": 0, "name": "Absent" }, { "level": 1, "name": "Emerging" }, { "level": 2, "name": "Embedded" }] },\n  "families"'),
      'assessments/2026-09-harbourline-baseline.yaml': 'date: 2026-01-01\nelements:\n  FLM3: { current: 0, target: 2 }\n',
      'assessments/2026-12-harbourline-day-90.yaml': 'client: Test\ndate: 2026-02-01\nelements:\n  FLM3: { current: 1, target: 2 }\n  FLM5: { current: 2 }\n',
    });
    // The shipped maturity levels do not follow this scale: build with --force to look at the pages.
    const out = path.join(tempDir('scale-site'), 'site');
    const r = await runCli(['build', dir, '--out', out, '--force']);
    expect(r.code).toBe(0);
    const p = readPage(out, DAY90);
    expect($$(p, 'figure.legend li').map((li) => text(li))).toEqual(['0 Absent', '1 Emerging', '2 Embedded', 'not assessed']);
    const td = $(p, 'td[data-system="first-line-management"][data-discipline="*"]')!;
    expect([attr(td, 'dataCurrent'), attr(td, 'dataTarget'), attr(td, 'className')]).toEqual(['1.5', '2', 'heat heat-7']);
    expect($$($(p, 'figure.radar-figure[data-group="first-line-management"]')!, 'polygon.ring')).toHaveLength(3);
    expect(text($(readPage(out, 'elements/FLM3.html'), 'dd[data-field="assessed"]'))).toBe('1 Emerging → 2 Embedded (Test, 2026-02-01)');
  });
});
