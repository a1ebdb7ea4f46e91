// The bundled framework built into a temp folder, its HTML read back with rehype-parse and
// compared with what the engine says about the same documents.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementInfo, listElements, matrix, measuresOf, Project, roleAssignments, roleTitle, type Matrix } from '../../language/index';
import { fileUri } from '../../language/workspace/uris';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { $, $$, attr, FRAMEWORK, listFiles, parseHtml, readPage, runCli, tempDir, text } from './helpers';

let site: string;
let project: Project;
let grid: Matrix;
let files: string[];
let build: { code: number; out: string; err: string };

beforeAll(async () => {
  site = path.join(tempDir('site'), 'site');
  build = await runCli(['build', FRAMEWORK, '--out', site]);
  project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(FRAMEWORK) });
  grid = matrix(project);
  files = listFiles(site);
}, 180_000);

const titleOf = (id: string) => elementInfo(project, id)!.title;
const pageOfUri = (uri: string): string => {
  const doc = project.index.docs.get(uri)!;
  if (doc.definition) return `elements/${doc.definition.id}.html`;
  const key = doc.fields.get('key')?.value;
  const keyed = { system: `systems/${key}.html`, discipline: `disciplines/${key}.html`, part: `parts/${key}.html` }[doc.type ?? ''];
  return keyed ?? `pages/${path.posix.basename(uri).replace(/\.md$/, '')}.html`;
};

describe('opmodel build on the bundled framework', () => {
  it('exits 0 and writes a page per element, system, discipline, part and other document', () => {
    expect(build.code).toBe(0);
    expect(build.err).toMatch(new RegExp(`^Built ${files.filter((f) => f.endsWith('.html')).length} pages into `, 'm'));
    const ids = listElements(project).map((e) => e.id);
    expect(ids).toHaveLength(106);
    expect(files.filter((f) => f.startsWith('elements/'))).toEqual(ids.map((id) => `elements/${id}.html`).sort());
    expect(files.filter((f) => f.startsWith('systems/'))).toEqual(['first-line-management', 'operational-management', 'people-management', 'upline-management'].map((k) => `systems/${k}.html`));
    expect(files.filter((f) => f.startsWith('disciplines/'))).toHaveLength(4);
    expect(files.filter((f) => f.startsWith('parts/'))).toEqual(['parts/leadership-characteristics.html', 'parts/leadership-principles.html']);
    // Every document without an ID or a system, discipline or part key is a page of its own.
    const plain = [...project.index.docs.values()].filter((d) => !d.definition && !['system', 'discipline', 'part'].includes(d.type ?? ''));
    expect(files.filter((f) => f.startsWith('pages/'))).toEqual(plain.map((d) => pageOfUri(d.uri)).sort());
    expect(files.filter((f) => f.startsWith('pages/'))).toEqual(expect.arrayContaining(['pages/README.html', 'pages/building-a-client-playbook.html', 'pages/change-history.html', 'pages/metric-dictionary.html', 'pages/operating-calendar.html', 'pages/roles.html', 'pages/thresholds.html', 'pages/risk-log.html', 'pages/glossary.html']));
    // The metric dictionary is appended to its reference document, not a page of its own.
    expect(files).not.toContain('metric-dictionary.html');
    for (const f of ['index.html', 'matrix.html', 'leadership.html', 'handout.html', 'raci.html', 'assets/playbook.css', 'assets/search.js', 'assets/search-index.js', 'assets/minisearch.js', '.opmodel-site']) expect(files).toContain(f);
  });

  it('shows the front matter of an element as a card', () => {
    const tree = readPage(site, 'elements/OM1.html');
    const card = $(tree, 'article.element section.card')!;
    const dd = (field: string) => $(card, `dd[data-field="${field}"]`);
    expect(text($(tree, 'h1'))).toBe('OM1 · Growth (Workloads / Transition) Management');
    expect(text(dd('id'))).toBe('OM1');
    expect(text(dd('title'))).toBe('Growth (Workloads / Transition) Management');
    expect(attr($(dd('system')!, 'a'), 'href')).toBe('../systems/operational-management.html');
    expect(text(dd('system'))).toBe('Operational Management');
    expect(attr($(dd('discipline')!, 'a'), 'href')).toBe('../disciplines/organization-management.html');
    expect(text(dd('summary'))).toBe(elementInfo(project, 'OM1')!.summary);
    const doc = project.index.docs.get(elementInfo(project, 'OM1')!.location.uri)!;
    const accountable = roleAssignments(doc).filter((a) => a.field === 'accountable').map((a) => roleTitle(project.config.roles, a.role));
    expect(accountable).toHaveLength(1);
    expect(text(dd('accountable'))).toBe(accountable[0]);
    // The cadence, with a link to the operating calendar that every cadence follows.
    expect(text(dd('cadence'))).toBe(`${doc.fields.get('cadence')!.value} (operating calendar)`);
    expect(attr($(dd('cadence')!, 'a.see-also'), 'href')).toBe('../pages/operating-calendar.html');
    // Measures are not a card row: the body shows them, as a table, from the front matter.
    expect(dd('measures')).toBeUndefined();
    expect($$(tree, '.doc-body table.measures tbody tr').map((tr) => text($(tr, 'td')))).toEqual(measuresOf(doc).map((m) => m.name));
    const related = $$(dd('related')!, 'a.idref');
    expect(related.map((a) => text(a))).toEqual(elementInfo(project, 'OM1')!.relations['related']);
    expect(related.map((a) => attr(a, 'href'))).toEqual(related.map((a) => `${text(a)}.html`));
    expect(attr(related[0], 'title')).toBe('UM10 · New Business / Growth / RFS Management');
  });

  it('shows principles, parts and the inverse relation on leadership elements', () => {
    const lc1 = readPage(site, 'elements/LC1.html');
    expect(text($(lc1, 'dd[data-field="part"]'))).toBe('Leadership Characteristics');
    expect($$(lc1, 'dd[data-field="supports"] a.idref').map((a) => text(a))).toEqual(['LP1', 'LP2']);
    const lp1 = readPage(site, 'elements/LP1.html');
    expect($$(lp1, 'dd[data-field="supports-inverse"] a.idref').map((a) => text(a))).toEqual(grid.leadership.supportedBy['LP1']);
    expect(text($(lp1, 'dt[data-field="supports-inverse"]'))).toBe('Supported by');
  });

  it('links every body reference the engine found, and nothing else, with its title as tooltip', () => {
    let total = 0;
    for (const e of listElements(project)) {
      const doc = project.index.docs.get(e.location.uri)!;
      const expected = doc.references.filter((r) => r.field === undefined && r.id !== e.id).map((r) => r.id);
      const body = $(readPage(site, `elements/${e.id}.html`), '.doc-body')!;
      const links = $$(body, 'a.idref');
      expect(links.map((a) => text(a)), e.id).toEqual(expected);
      for (const a of links) {
        expect(attr(a, 'href')).toBe(`${text(a)}.html`);
        expect(attr(a, 'title')).toBe(`${text(a)} · ${titleOf(text(a))}`);
      }
      total += links.length;
    }
    expect(total).toBeGreaterThan(1000);
  });

  it('lists the engine\'s referrers as "Referenced by" on every element page', () => {
    for (const e of listElements(project)) {
      const section = $(readPage(site, `elements/${e.id}.html`), 'section.backlinks')!;
      expect(text($(section, 'h2'))).toBe('Referenced by');
      const hrefs = $$(section, 'li > a').map((a) => attr(a, 'href'));
      const expected = project.index.referrers(e.id).filter((u) => u !== e.location.uri).map((u) => path.posix.relative('elements', pageOfUri(u)));
      expect(hrefs.sort(), e.id).toEqual(expected.sort());
    }
  });

  it('puts a "Referenced by" section on every document page, from links between documents too', () => {
    for (const f of files.filter((x) => /^(elements|systems|disciplines|parts|pages)\//.test(x))) {
      expect($(readPage(site, f), 'section.backlinks h2'), f).toBeTruthy();
    }
    // framework-docs/README.md links to guides/leading-versus-managing.md.
    const guide = readPage(site, 'pages/leading-versus-managing.html');
    expect($$(guide, 'section.backlinks a').map((a) => attr(a, 'href'))).toContain('README.html');
  });

  it('lists each matrix cell\'s elements as links, exactly as the engine places them', () => {
    const tree = readPage(site, 'matrix.html');
    for (const s of grid.systems) {
      for (const d of grid.disciplines) {
        const td = $(tree, `td[data-system="${s.key}"][data-discipline="${d.key}"]`)!;
        const links = $$(td, 'a.idref');
        expect(links.map((a) => text(a)), `${s.key} × ${d.key}`).toEqual(grid.cells[s.key]![d.key]);
        for (const a of links) expect(attr(a, 'href')).toBe(`elements/${text(a)}.html`);
      }
    }
    expect($$(tree, 'table.matrix thead th a').map((a) => text(a))).toEqual(grid.disciplines.map((d) => d.title));
  });

  it('lists the leadership principles with the characteristics that support them', () => {
    const tree = readPage(site, 'leadership.html');
    const principles = grid.leadership.parts.find((p) => p.key === 'leadership-principles')!.ids;
    expect(principles).toEqual(['LP1', 'LP2', 'LP3', 'LP4']);
    for (const lp of principles) {
      const box = $(tree, `.principle[data-id="${lp}"]`)!;
      expect($$(box, '.supported-by a.idref').map((a) => text(a))).toEqual(grid.leadership.supportedBy[lp]);
      expect(grid.leadership.supportedBy[lp]!.length).toBeGreaterThan(3);
    }
  });

  it('rewrites relative .md links between documents to the generated pages', () => {
    const readme = readPage(site, 'pages/README.html');
    const hrefs = $$(readme, '.doc-body a').map((a) => attr(a, 'href'));
    expect(hrefs).toContain('../systems/operational-management.html');
    expect(hrefs).toContain('../parts/leadership-principles.html');
    expect(hrefs).toContain('../disciplines/technology-tools.html');
    expect(hrefs).toContain('leading-versus-managing.html');
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      for (const a of $$(readPage(site, f), 'a[href]')) expect(attr(a, 'href'), f).not.toMatch(/\.md(#|$)/);
    }
  });

  it('has no broken internal link or fragment anywhere (read back from disk)', () => {
    const ids = new Map<string, Set<string>>();
    const trees = new Map(files.filter((f) => f.endsWith('.html')).map((f) => [f, readPage(site, f)]));
    for (const [f, t] of trees) ids.set(f, new Set($$(t, '[id]').map((n) => attr(n, 'id')!)));
    let checked = 0;
    for (const [f, t] of trees) {
      for (const n of $$(t, '[href], [src]')) {
        const v = attr(n, 'href') ?? attr(n, 'src')!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(v)) continue;
        const [file, frag] = v.split('#') as [string, string | undefined];
        const target = file ? path.posix.normalize(path.posix.join(path.posix.dirname(f), file)) : f;
        expect(fs.existsSync(path.join(site, target)), `${f} -> ${v}`).toBe(true);
        if (frag !== undefined) expect(ids.get(target)?.has(frag), `${f} -> ${v}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('ships a prebuilt search index that finds elements by word and by ID', () => {
    const sandbox: { window: { OPMODEL_SEARCH?: { options: never; index: never } } } = { window: {} };
    vm.runInNewContext(fs.readFileSync(path.join(site, 'assets/search-index.js'), 'utf8'), sandbox);
    const data = sandbox.window.OPMODEL_SEARCH!;
    const search = MiniSearch.loadJS(data.index, data.options);
    expect(search.search('hypercare').map((r) => r.id)).toContain('elements/OM1.html');
    expect(search.search('CORE-B4')[0]!.id).toBe('elements/CORE-B4.html');
    expect(search.search('steering committee', { combineWith: 'AND' })[0]!['ref']).toBe('GOV1');
  });

  it('makes a handout with every element on a page of its own, links kept inside it', () => {
    const tree = readPage(site, 'handout.html');
    const sections = $$(tree, 'section.handout-element');
    // Every element, then the assessments, the newest first.
    expect(sections.map((s) => attr(s, 'id'))).toEqual([...listElements(project).map((e) => e.id), 'assessment-2026-12-harbourline-day-90', 'assessment-2026-09-harbourline-baseline']);
    const om1 = sections.find((s) => attr(s, 'id') === 'OM1')!;
    expect($$(om1, '.doc-body a.idref').every((a) => attr(a, 'href') === `#${text(a)}`)).toBe(true);
    expect(attr($(om1, 'dd[data-field="system"] a'), 'href')).toBe('systems/operational-management.html');
  });

  it('styles print: page breaks between elements, navigation hidden, no URLs after links', () => {
    const css = fs.readFileSync(path.join(site, 'assets/playbook.css'), 'utf8');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.handout-element[^{]*\{[^}]*break-before: page/);
    expect(print).toMatch(/\.site-header, \.search[^{]*\{ display: none !important; \}/);
    expect(print).toMatch(/a\[href\]::after \{ content: none !important; \}/);
    const page = parseHtml(fs.readFileSync(path.join(site, 'index.html'), 'utf8'));
    expect($$(page, 'script').map((s) => attr(s, 'src'))).toEqual(['assets/minisearch.js', 'assets/search-index.js', 'assets/search.js']);
  });
});
