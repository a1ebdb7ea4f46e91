// Builds the playbook site in memory: every page as a hast tree, then HTML, CSS, scripts and the
// search index. The caller decides whether and where to write it (see writeSite.ts).
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import MiniSearch from 'minisearch';
import { URI, Utils } from 'vscode-uri';
import { decodeText, hashText, inverseRelations, LineIndex, listElements, matrix, measuresOf, raciMatrix, roleAssignments, roleTitle, ROLE_FIELDS, type ElementInfo, type Matrix, type ParsedDocument, type Project } from '../language/index';
import { CSS, miniSearchBrowserJs, SEARCH_JS } from './assets';
import { ASSESSMENT_CSS, assessmentContent, assessmentList, latestScoreCell } from './assessmentPages';
import { h, root, walkElements, type Child } from './hast';
import { insertMeasures } from './measuresSection';
import { metricDictionary } from './metricDictionary';
import { PageRenderer } from './pageRenderer';
import { raciPage, roleAnchor } from './raciPage';
import { OPERATING_CALENDAR_KEY, planSite, type BuildProblem, type SitePage, type SitePlan } from './plan';
import { relHref, splitFragment } from './sitePaths';
import { checkSiteLinks } from './linkCheck';
import { bodyFallback, DEFAULT_TITLE, elementDocs, inheritedField, siteBrand, tailoringNote, unlinkedTitle, type SiteBrand } from './clientSite';
import { crosswalkContent, schemeAnchor } from './crosswalkPage';
import { dropImages, isImageLink, notCopied, repointImage, SiteImages } from './images';

export type { BuildProblem, SitePage } from './plan';

export interface BuiltSite {
  /** Site path ("elements/OM1.html") -> file content (bytes for copied images). */
  files: Map<string, string | Uint8Array>;
  pages: SitePage[];
  /** Page trees as written, for the link check and for tests. */
  trees: Map<string, HastRoot>;
  problems: BuildProblem[];
}

interface Rendered {
  page: SitePage;
  doc: ParsedDocument;
  heading: ElementContent[] | undefined;
  body: ElementContent[];
}

export const SITE_MARKER = '.opmodel-site';

/** The generated site failed its own link check: a builder bug, reported rather than written. */
export class SiteCheckError extends Error {}

export interface BuildOptions {
  /** Named in every page's footer, e.g. "opmodel build 0.1.0". */
  generator?: string;
}

export async function buildSite(project: Project, options: BuildOptions = {}): Promise<BuiltSite> {
  const problems: BuildProblem[] = [];
  const plan = planSite(project, problems);
  const elements = listElements(project);
  const infoById = new Map(elements.map((e) => [e.id, e]));
  const grid = matrix(project, elements);
  const docPaths = new Map([...project.index.docs.keys(), ...project.assessments.files.keys()].map((u) => [URI.parse(u).path, u]));

  // Pass 1: bodies. Relative .md links are recorded as links between documents for backlinks.
  const linksTo = new Map<string, Set<string>>();
  const rendered = new Map<string, Rendered>();
  const images = new SiteImages(project);
  const renderer = new PageRenderer();
  for (const page of plan.pages) {
    if (!page.uri || page.kind === 'assessment') continue;
    let doc = project.index.docs.get(page.uri)!;
    let text = await readText(project, doc, problems);
    if (text === undefined) continue;
    // A tailored element that only changes front matter shows the framework's text.
    const fallback = page.kind === 'element' ? bodyFallback(project, doc) : undefined;
    if (fallback && !bodyOf(doc, text).trim()) {
      const baseText = await readText(project, fallback, problems);
      if (baseText !== undefined) [doc, text] = [fallback, baseText];
    }
    const lines = new LineIndex(text);
    const refs = doc.references
      .filter((r) => r.field === undefined)
      .map((r) => ({ id: r.id, start: lines.offset(r.range.start), end: lines.offset(r.range.end) }))
      .sort((a, b) => a.start - b.start);
    const { tree, refused } = await renderer.render({
      text,
      bodyStart: doc.frontMatter ? lines.offset(doc.frontMatter.range.end) : 0,
      refs,
      selfId: page.kind === 'element' ? page.id : undefined,
      idTarget: (id) => {
        const target = plan.byId.get(id);
        return target && { href: relHref(page.path, target.path), title: target.title };
      },
      unlinkedTitle: (id) => unlinkedTitle(project, id),
      rewriteLink: (url, line, kind) => {
        const where = { uri: doc.uri, line: Math.max(0, line - 1) };
        if (kind === 'image' || isImageLink(url)) {
          const img = images.plan(doc.uri, url, where.line, kind === 'link');
          if ('sitePath' in img) return relHref(page.path, img.sitePath);
          problems.push({ severity: 'warning', ...where, message: notCopied(url, img.reason, kind === 'link') });
          return undefined;
        }
        const [file, frag] = splitFragment(url);
        const targetUri = resolveDocLink(doc.uri, file, docPaths);
        const target = targetUri && plan.byUri.get(targetUri);
        if (!target) {
          problems.push({ severity: 'warning', ...where, message: `link "${url}" does not point to a document of the framework; it is shown as text` });
          return undefined;
        }
        if (target.uri !== doc.uri) (linksTo.get(target.uri!) ?? linksTo.set(target.uri!, new Set()).get(target.uri!)!).add(doc.uri);
        return relHref(page.path, target.path + (frag ? '#' + frag : ''));
      },
    });
    // Over the page budget (size, nesting, time): shown as source, and said so.
    if (refused) problems.push({ severity: 'warning', uri: doc.uri, line: refused.line === undefined ? undefined : refused.line - 1, message: refused.message });
    // A tailored element without measures of its own keeps the ones it tailors.
    if (page.kind === 'element') insertMeasures(tree.children as ElementContent[], elementDocs(project, page.id!).map(measuresOf).find((m) => m.length) ?? []);
    addHeadingIds(tree);
    const body = tree.children as ElementContent[];
    const firstIdx = body.findIndex((n) => !(n.type === 'text' && !n.value.trim()));
    const first = body[firstIdx];
    let heading: ElementContent[] | undefined;
    if (first?.type === 'element' && first.tagName === 'h1') {
      heading = first.children;
      body.splice(firstIdx, 1);
    }
    rendered.set(page.path, { page, doc, heading, body });
  }
  renderer.close();

  const media = await images.load(problems);
  for (const r of rendered.values()) dropImages({ type: 'root', children: r.body }, r.page.path, media.failed);

  const ctx: PageContext = { project, plan, grid, infoById, rendered, linksTo, brand: siteBrand(project, options.generator) };
  const trees = new Map<string, HastRoot>();
  for (const page of plan.pages) {
    if (page.kind === 'handout') continue;
    trees.set(page.path, buildPage(ctx, page));
  }
  trees.set('handout.html', buildHandout(ctx, trees));
  const anchors = anchorsOf(trees);
  fixFragments(trees, anchors, plan, problems);

  const files = new Map<string, string | Uint8Array>(media.files);
  for (const [p, tree] of trees) files.set(p, toHtml(tree) + '\n');
  files.set('assets/playbook.css', CSS + ASSESSMENT_CSS);
  files.set('assets/search.js', SEARCH_JS);
  files.set('assets/minisearch.js', miniSearchBrowserJs());
  files.set('assets/search-index.js', searchIndexJs(ctx));
  files.set(SITE_MARKER, 'This folder was generated by "opmodel build"; the next build replaces it.\n');

  // Warnings about an extended framework's own files are its maintainers' business, not the client's.
  const own = problems.filter((p) => p.severity === 'error' || !p.uri || !project.isBaseDocument(p.uri));
  problems.length = 0;
  problems.push(...own);
  const broken = checkSiteLinks(trees, new Set(files.keys()), anchors);
  if (broken.length) {
    throw new SiteCheckError(`the generated site has ${broken.length} broken internal link${broken.length === 1 ? '' : 's'}:\n` + broken.slice(0, 20).map((b) => `  ${b.page}: ${b.href} (${b.reason})`).join('\n'));
  }
  return { files, pages: plan.pages, trees, problems };
}

/** The text after the front matter. */
function bodyOf(doc: ParsedDocument, text: string): string {
  return doc.frontMatter ? text.slice(new LineIndex(text).offset(doc.frontMatter.range.end)) : text;
}

async function readText(project: Project, doc: ParsedDocument, problems: BuildProblem[]): Promise<string | undefined> {
  try {
    const decoded = decodeText(await project.layerOf(doc.uri).workspace.readFile(doc.uri), project.config.maxFileSize);
    if ('text' in decoded && hashText(decoded.text) === doc.version) return decoded.text;
    problems.push({ severity: 'error', uri: doc.uri, message: 'the file changed while the site was being built; run the build again' });
  } catch (e) {
    problems.push({ severity: 'error', uri: doc.uri, message: `could not be read (${(e as Error).message})` });
  }
  return undefined;
}

/** A relative link as written in `fromUri` -> the URI of the framework document it names. */
function resolveDocLink(fromUri: string, file: string, docPaths: Map<string, string>): string | undefined {
  if (!file) return fromUri;
  let decoded: string;
  try {
    decoded = decodeURIComponent(file.split('?')[0]!);
  } catch {
    return undefined;
  }
  const base = Utils.dirname(URI.parse(fromUri));
  const target = decoded.startsWith('/') ? undefined : Utils.resolvePath(base, decoded).path;
  if (!target) return undefined;
  const candidates = /\.(md|ya?ml)$/i.test(target) ? [target] : [target.replace(/\/$/, '') + '/README.md', target.replace(/\/$/, '') + '/index.md'];
  for (const c of candidates) {
    const u = docPaths.get(c);
    if (u) return u;
  }
  return undefined;
}

/**
 * GitHub-style heading anchors, so that "file.md#some-heading" links keep working. Unique on the
 * page: ids already in the body (footnotes) are taken, and "intro-1" is never given twice. The
 * layout's own ids (LAYOUT_IDS) contain capitals, which a heading id never does.
 */
function addHeadingIds(tree: HastRoot): void {
  const taken = new Set<string>(LAYOUT_IDS);
  // An id written twice in raw HTML is kept on its first element only: ids are unique on a page.
  walkElements(tree, (el) => {
    const id = el.properties['id'];
    if (typeof id !== 'string') return;
    if (taken.has(id)) delete el.properties['id'];
    else taken.add(id);
  });
  const next = new Map<string, number>();
  walkElements(tree, (el) => {
    // A heading with an id of its own (the footnotes' label, which aria-describedby names) keeps it.
    if (!/^h[1-6]$/.test(el.tagName) || typeof el.properties['id'] === 'string') return;
    const base = toString(el).toLowerCase().trim().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-') || 'section';
    let n = next.get(base) ?? 0;
    let id = n ? `${base}-${n}` : base;
    while (taken.has(id)) id = `${base}-${++n}`;
    next.set(base, n + 1);
    taken.add(id);
    el.properties['id'] = id;
  });
}

/** Ids of the page layout: camel case, so that no heading id (always lower case) can equal one. */
const LAYOUT_IDS = ['searchBox', 'searchResults', 'mainContent'] as const;

// ---------------------------------------------------------------------------------------------
// Pages

interface PageContext {
  project: Project;
  plan: SitePlan;
  grid: Matrix;
  infoById: Map<string, ElementInfo>;
  rendered: Map<string, Rendered>;
  linksTo: Map<string, Set<string>>;
  brand: SiteBrand;
}

const NAV: [string, string][] = [
  ['index.html', 'Home'],
  ['matrix.html', 'Matrix'],
  ['leadership.html', 'Leadership'],
  ['handout.html', 'Print handout'],
];

/** The fixed links, with the RACI and metric dictionary pages when the framework has them. */
function navOf(plan: SitePlan): [string, string][] {
  const nav = NAV.slice(0, 3);
  if (plan.raci) nav.push([plan.raci.path, 'Roles']);
  if (plan.metrics) nav.push([plan.metrics.path, 'Measures']);
  const crosswalk = plan.pages.find((p) => p.kind === 'crosswalk');
  if (crosswalk) nav.push([crosswalk.path, 'Crosswalk']);
  // The newest assessment (pages are planned newest first).
  const assessment = plan.pages.find((p) => p.kind === 'assessment');
  if (assessment) nav.push([assessment.path, 'Assessment']);
  return [...nav, NAV[3]!];
}

function layout(ctx: PageContext, page: SitePage, content: Child[], opts: { wide?: boolean; title?: string; nav?: [string, string][] } = {}): HastRoot {
  const { brand } = ctx;
  const href = (to: string) => relHref(page.path, to);
  const rootPrefix = page.path.includes('/') ? '../' : '';
  const title = opts.title ?? (page.id ? `${page.id} · ${page.title}` : page.title);
  return root(
    h('html', { lang: 'en' },
      h('head', null,
        h('meta', { charSet: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { httpEquiv: ['Content-Security-Policy'], content: "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'" }),
        h('title', null, page.kind === 'index' && brand.title !== DEFAULT_TITLE ? brand.title : `${title} — ${brand.title}`),
        h('link', { rel: ['icon'], href: 'data:,' }),
        h('link', { rel: ['stylesheet'], href: href('assets/playbook.css') }),
      ),
      h('body', { dataRoot: rootPrefix, dataPage: page.kind },
        h('header', { className: ['site-header'] },
          h('a', { className: ['brand'], href: href('index.html') }, brand.title, brand.subtitle ? h('span', { className: ['brand-subtitle'] }, brand.subtitle) : null),
          h('nav', { className: ['site-nav'], ariaLabel: 'Site' }, (opts.nav ?? NAV).map(([to, label]) => h('a', { href: href(to), ariaCurrent: to === page.path ? 'page' : undefined }, label))),
          h('div', { className: ['search'], role: 'search' },
            h('input', { id: 'searchBox', type: 'search', placeholder: 'Search the playbook…', autoComplete: ['off'], ariaLabel: 'Search the playbook' }),
            h('ol', { id: 'searchResults', className: ['search-results'], hidden: true }),
          ),
        ),
        h('main', { id: 'mainContent', className: opts.wide ? ['wide'] : undefined }, content),
        h('footer', null, `${brand.footer} Print this page, or the handout, with your browser’s “Save as PDF”.`),
        ['assets/minisearch.js', 'assets/search-index.js', 'assets/search.js'].map((s) => h('script', { src: href(s) })),
      ),
    ),
  );
}

/** A link to a page with an ID: the ID as text, the title as tooltip. */
function idLink(from: SitePage, target: SitePage): Element {
  return h('a', { className: ['idref'], href: relHref(from.path, target.path), title: `${target.id} · ${target.title}` }, target.id!);
}

/** "OM1 Growth Management" for an element, the title for any other page. */
function pageLink(from: SitePage, target: SitePage): Child[] {
  if (target.kind === 'element') return [idLink(from, target), ' ', h('span', { className: ['t'] }, target.title)];
  return [h('a', { href: relHref(from.path, target.path) }, target.title)];
}

function idItem(ctx: PageContext, from: SitePage, id: string): Child[] {
  const target = ctx.plan.byId.get(id);
  if (!target) return [h('span', { className: ['idref', 'missing'], title: unlinkedTitle(ctx.project, id) }, id)];
  return pageLink(from, target);
}

function buildPage(ctx: PageContext, page: SitePage): HastRoot {
  switch (page.kind) {
    case 'index': return indexPage(ctx, page);
    case 'matrix': return matrixPage(ctx, page);
    case 'leadership': return leadershipPage(ctx, page);
    case 'assessment': return layout(ctx, page, [assessmentContent(ctx, page)], { wide: true, nav: navOf(ctx.plan) });
    case 'raci': return raciPage(page, raciMatrix(ctx.project, [...ctx.infoById.values()]), new Map(ctx.project.config.roles.filter((r) => r.description).map((r) => [r.key, r.description!])),
      (id) => idItem(ctx, page, id), (id) => linkOnly(ctx, page, id), (content) => layout(ctx, page, content, { wide: true, nav: navOf(ctx.plan) }));
    case 'metrics': return layout(ctx, page, [h('h1', null, page.title), metricDictionary(ctx.project, (id) => linkOnly(ctx, page, id))], { wide: true, nav: navOf(ctx.plan) });
    case 'crosswalk': return layout(ctx, page, crosswalkContent(ctx.project, ctx.plan, page, [...ctx.infoById.values()]), { wide: true, nav: navOf(ctx.plan) });
    default: return documentPage(ctx, page);
  }
}

function heading(r: Rendered | undefined, page: SitePage): Element {
  if (r?.heading) return h('h1', null, r.heading);
  return h('h1', null, page.id ? `${page.id} · ${page.title}` : page.title);
}

function documentPage(ctx: PageContext, page: SitePage): HastRoot {
  const r = ctx.rendered.get(page.path);
  const note = page.kind === 'element' ? tailoringNote(ctx.project, page.id!) : undefined;
  const content: Child[] = [
    heading(r, page),
    note ? h('p', { className: ['tailoring-note'] }, note) : null,
    page.kind === 'element' ? elementCard(ctx, page) : page.summary ? h('p', { className: ['summary'] }, page.summary) : null,
    r ? h('div', { className: ['doc-body'] }, r.body) : null,
    page.kind === 'system' || page.kind === 'discipline' ? groupedElements(ctx, page) : null,
    page.kind === 'part' ? partElements(ctx, page) : null,
    ctx.plan.metrics === page ? metricDictionary(ctx.project, (id) => linkOnly(ctx, page, id)) : null,
    backlinks(ctx, page),
  ];
  return layout(ctx, page, [h('article', { className: ['page', page.kind], dataId: page.id ?? undefined }, content)], { nav: navOf(ctx.plan) });
}

function fieldValue(docs: ParsedDocument[], key: string): Child | undefined {
  // A tailored element's card: each field from the tailored document, else from what it tailors.
  const f = inheritedField(docs, key);
  if (!f) return undefined;
  if (f.kind === 'list') {
    const items = f.items.filter((i) => i.value);
    return items.length ? h('ul', null, items.map((i) => h('li', null, i.value!))) : undefined;
  }
  return f.value ? f.value : undefined;
}

function elementCard(ctx: PageContext, page: SitePage): Element {
  const info = ctx.infoById.get(page.id!)!;
  const docs = elementDocs(ctx.project, page.id!);
  const rows: [string, Child, string][] = [];
  const row = (label: string, value: Child | undefined, key: string) => { if (value) rows.push([label, value, key]); };
  const keyed = (kind: 'system' | 'discipline' | 'part', key: string | undefined): Child | undefined => {
    if (!key) return undefined;
    const target = ctx.plan.byKey[kind].get(key);
    return target ? h('a', { href: relHref(page.path, target.path) }, target.title) : key;
  };
  row('ID', h('code', null, page.id!), 'id');
  row('Title', page.title, 'title');
  row('System', keyed('system', info.system), 'system');
  row('Discipline', keyed('discipline', info.discipline), 'discipline');
  row('Part', keyed('part', info.part), 'part');
  row('Summary', info.summary, 'summary');
  for (const field of ROLE_FIELDS) {
    // A tailored element's roles: each field from the tailored document, else from what it tailors.
    const from = docs.find((d) => d.fields.has(field));
    const named = from ? roleAssignments(from).filter((a) => a.field === field) : [];
    if (!named.length) continue;
    const label = field[0]!.toUpperCase() + field.slice(1);
    row(label, named.flatMap((a, i) => {
      const title = roleTitle(ctx.project.config.roles, a.role);
      return [i ? ', ' : '', ctx.plan.raci ? h('a', { href: relHref(page.path, `${ctx.plan.raci.path}#${roleAnchor(a.role)}`) }, title) : title];
    }), field);
  }
  const calendar = ctx.plan.references.get(OPERATING_CALENDAR_KEY);
  const cadence = fieldValue(docs, 'cadence');
  row('Cadence', cadence && calendar ? [cadence, ' ', h('a', { className: ['see-also'], href: relHref(page.path, calendar.path) }, '(operating calendar)')] : cadence, 'cadence');
  row('Crosswalk', crosswalkRow(ctx, page, info), 'crosswalk');
  row('Assessed', latestScoreCell(ctx, page, page.id!), 'assessed');
  for (const rel of ctx.project.config.relations) {
    const ids = info.relations[rel.key];
    if (ids?.length) row(rel.title, relList(ctx, page, ids), rel.key);
  }
  // Relations written on the other side ("Related from", "Supported by").
  for (const inv of inverseRelations(ctx.project, page.id!)) row(inv.title, relList(ctx, page, inv.ids), `${inv.key}-inverse`);
  return h('section', { className: ['card'], ariaLabel: 'Element card' },
    h('dl', null, rows.map(([label, value, key]) => [h('dt', { dataField: key }, label), h('dd', { dataField: key }, value)])));
}

function crosswalkRow(ctx: PageContext, page: SitePage, info: ElementInfo): Child | undefined {
  const cw = info.crosswalk.filter((c) => c.items.length);
  const all = ctx.plan.pages.find((p) => p.kind === 'crosswalk');
  if (!cw.length || !all) return undefined;
  return h('ul', { className: ['rel-list'] }, cw.map((c) => h('li', null,
    h('a', { href: relHref(page.path, `${all.path}#${schemeAnchor(c.scheme)}`) }, c.title), ': ',
    c.items.flatMap((i, n) => [n ? ', ' : '', i.label ? h('abbr', { title: i.label }, i.value) : i.value]))));
}

function relList(ctx: PageContext, page: SitePage, ids: string[]): Element {
  return h('ul', { className: ['rel-list'] }, ids.map((id) => h('li', null, idItem(ctx, page, id))));
}

function backlinks(ctx: PageContext, page: SitePage): Element {
  const from = new Set<string>(ctx.linksTo.get(page.uri ?? '') ?? []);
  if (page.kind === 'element') for (const u of ctx.project.index.referrers(page.id!)) from.add(u);
  if (page.uri) from.delete(page.uri);
  const pages = [...from].map((u) => ctx.plan.byUri.get(u)).filter((p): p is SitePage => !!p).sort(comparePages);
  return h('section', { className: ['backlinks'], ariaLabel: 'Referenced by' },
    h('h2', null, 'Referenced by'),
    pages.length ? h('ul', null, pages.map((p) => h('li', null, pageLink(page, p)))) : h('p', { className: ['empty'] }, 'No other page refers to this one.'));
}

const KIND_ORDER = ['system', 'discipline', 'part', 'element', 'page'];
function comparePages(a: SitePage, b: SitePage): number {
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k) return k;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function groupedElements(ctx: PageContext, page: SitePage): Element {
  const { grid } = ctx;
  const groups = page.kind === 'system'
    ? grid.disciplines.map((d) => ({ title: d.title, key: d.key, kind: 'discipline' as const, ids: grid.cells[page.key!]?.[d.key] ?? [] }))
    : grid.systems.map((s) => ({ title: s.title, key: s.key, kind: 'system' as const, ids: grid.cells[s.key]?.[page.key!] ?? [] }));
  const total = groups.reduce((n, g) => n + g.ids.length, 0);
  return h('section', { className: ['elements'] },
    h('h2', null, `Elements (${total})`),
    groups.map((g) => {
      const target = ctx.plan.byKey[g.kind].get(g.key);
      return [
        h('h3', null, target ? h('a', { href: relHref(page.path, target.path) }, g.title) : g.title, ` (${g.ids.length})`),
        g.ids.length ? h('ul', { className: ['plain-list'] }, g.ids.map((id) => h('li', null, idItem(ctx, page, id)))) : h('p', { className: ['empty'] }, 'None.'),
      ];
    }));
}

function partElements(ctx: PageContext, page: SitePage): Element | null {
  const part = ctx.grid.leadership.parts.find((p) => p.key === page.key);
  if (!part) return null;
  return h('section', { className: ['elements'] },
    h('h2', null, `${part.title} (${part.ids.length})`),
    h('ul', { className: ['plain-list'] }, part.ids.map((id) => h('li', null, idItem(ctx, page, id), supportLine(ctx, page, id)))));
}

function supportLine(ctx: PageContext, page: SitePage, id: string): Child {
  const supports = ctx.infoById.get(id)?.relations['supports'] ?? [];
  const by = ctx.grid.leadership.supportedBy[id] ?? [];
  const list = (label: string, ids: string[]) => ids.length ? [h('br'), h('span', { className: ['t'] }, `${label}: `), ids.flatMap((x, i) => [i ? ', ' : '', ...linkOnly(ctx, page, x)])] : [];
  return [list('Supports', supports), list('Supported by', by)];
}

function linkOnly(ctx: PageContext, page: SitePage, id: string): Child[] {
  const target = ctx.plan.byId.get(id);
  return [target ? idLink(page, target) : h('span', { className: ['idref', 'missing'], title: unlinkedTitle(ctx.project, id) }, id)];
}

function matrixPage(ctx: PageContext, page: SitePage): HastRoot {
  const { grid, plan } = ctx;
  const keyedLink = (kind: 'system' | 'discipline', key: string, title: string) => {
    const t = plan.byKey[kind].get(key);
    return t ? h('a', { href: relHref(page.path, t.path) }, title) : title;
  };
  const table = h('table', { className: ['matrix'] },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'System \\ Discipline'), grid.disciplines.map((d) => h('th', { scope: 'col', dataDiscipline: d.key }, keyedLink('discipline', d.key, d.title))))),
    h('tbody', null, grid.systems.map((s) => {
      const count = grid.disciplines.reduce((n, d) => n + (grid.cells[s.key]?.[d.key]?.length ?? 0), 0);
      return h('tr', { dataSystem: s.key },
        h('th', { scope: 'row' }, keyedLink('system', s.key, s.title), h('span', { className: ['count'] }, `${count} element${count === 1 ? '' : 's'}`)),
        grid.disciplines.map((d) => {
          const ids = grid.cells[s.key]?.[d.key] ?? [];
          return h('td', { dataSystem: s.key, dataDiscipline: d.key }, ids.length ? h('ul', null, ids.map((id) => h('li', null, idItem(ctx, page, id)))) : h('span', { className: ['empty'] }, '—'));
        }));
    })));
  return layout(ctx, page, [
    h('h1', null, 'Systems × disciplines'),
    h('p', { className: ['summary'] }, 'Every element of the four management systems, placed by its system (rows) and discipline (columns). Leadership principles and characteristics follow below the grid.'),
    table,
    grid.unplaced.length ? [h('h2', null, 'Not placed in the grid'), h('p', null, 'These elements have no valid system or discipline:'), h('ul', { className: ['plain-list'] }, grid.unplaced.map((id) => h('li', null, idItem(ctx, page, id))))] : null,
    h('h2', null, h('a', { href: 'leadership.html' }, 'Leadership')),
    grid.leadership.parts.map((p) => h('p', { dataPart: p.key }, h('strong', null, `${p.title}: `), p.ids.flatMap((id, i) => [i ? ' ' : '', ...linkOnly(ctx, page, id)]))),
  ], { wide: true, nav: navOf(ctx.plan) });
}

function leadershipPage(ctx: PageContext, page: SitePage): HastRoot {
  const { grid, plan } = ctx;
  const sections = grid.leadership.parts.map((part) => {
    const t = plan.byKey.part.get(part.key);
    return h('section', { dataPart: part.key },
      h('h2', null, t ? h('a', { href: relHref(page.path, t.path) }, part.title) : part.title),
      part.ids.map((id) => {
        const info = ctx.infoById.get(id);
        const target = plan.byId.get(id);
        const by = grid.leadership.supportedBy[id] ?? [];
        const supports = info?.relations['supports'] ?? [];
        return h('div', { className: ['principle'], dataId: id },
          h('h3', null, target ? idLink(page, target) : id, ' · ', info?.title ?? ''),
          info?.summary ? h('p', { className: ['summary'] }, info.summary) : null,
          by.length ? [h('p', null, h('strong', null, `Supported by ${by.length} characteristic${by.length === 1 ? '' : 's'}:`)), h('ul', { className: ['plain-list', 'supported-by'] }, by.map((x) => h('li', null, idItem(ctx, page, x))))] : null,
          supports.length ? h('p', { className: ['supports'] }, h('strong', null, 'Supports: '), supports.flatMap((x, i) => [i ? ', ' : '', ...idItem(ctx, page, x)])) : null);
      }));
  });
  return layout(ctx, page, [
    h('h1', null, 'Leadership'),
    h('p', { className: ['summary'] }, 'The leadership half of the framework: each principle with the characteristics that support it, then each characteristic with the principles it supports.'),
    sections,
  ], { nav: navOf(ctx.plan) });
}

function indexPage(ctx: PageContext, page: SitePage): HastRoot {
  const { plan, project } = ctx;
  const overview = plan.pages.find((p) => p.kind === 'page' && p.uri && ctx.rendered.get(p.path)?.doc.type === 'overview');
  const tiles = (list: SitePage[], note: (p: SitePage) => string | undefined) =>
    h('ul', { className: ['tiles'] }, list.map((p) => h('li', null, h('a', { href: relHref(page.path, p.path) }, h('strong', null, p.title)), p.summary || note(p) ? h('p', null, [note(p) ? `${note(p)}. ` : '', p.summary ?? '']) : null)));
  const count = (kind: 'system' | 'discipline', key: string) => {
    const n = kind === 'system'
      ? Object.values(ctx.grid.cells[key] ?? {}).reduce((a, ids) => a + ids.length, 0)
      : Object.values(ctx.grid.cells).reduce((a, row) => a + (row[key]?.length ?? 0), 0);
    return `${n} element${n === 1 ? '' : 's'}`;
  };
  const systems = project.config.systems.map((s) => plan.byKey.system.get(s.key)).filter((p): p is SitePage => !!p);
  const disciplines = project.config.disciplines.map((d) => plan.byKey.discipline.get(d.key)).filter((p): p is SitePage => !!p);
  const parts = project.config.leadership.map((d) => plan.byKey.part.get(d.key)).filter((p): p is SitePage => !!p);
  const others = plan.pages.filter((p) => p.kind === 'page');
  const elements = plan.pages.filter((p) => p.kind === 'element');
  const site = project.config.site;
  return layout(ctx, page, [
    h('h1', null, site?.title ?? overview?.title ?? 'Playbook'),
    site?.subtitle ? h('p', { className: ['subtitle'] }, site.subtitle) : null,
    overview?.summary ? h('p', { className: ['summary'] }, overview.summary) : null,
    h('p', null, 'Browse by ', h('a', { href: 'matrix.html' }, 'the systems × disciplines matrix'), ', read ', h('a', { href: 'leadership.html' }, 'the leadership principles'), ', search with the box at the top, or print ', h('a', { href: 'handout.html' }, 'the handout'), '.',
      plan.pages.some((p) => p.kind === 'crosswalk') ? [' ', h('a', { href: 'crosswalk.html' }, 'The crosswalk'), ` maps every element onto ${project.config.crosswalks.map((c) => c.title).join(', ')}.`] : null),
    h('h2', null, 'Management systems'), tiles(systems, (p) => count('system', p.key!)),
    h('h2', null, 'Disciplines'), tiles(disciplines, (p) => count('discipline', p.key!)),
    h('h2', null, 'Leadership'), tiles(parts, (p) => { const n = ctx.grid.leadership.parts.find((x) => x.key === p.key)?.ids.length ?? 0; return `${n} element${n === 1 ? '' : 's'}`; }),
    others.length ? [h('h2', null, 'Overview, guides and playbooks'), tiles(others, () => undefined)] : null,
    assessmentList(plan, page),
    h('h2', null, `All elements (${elements.length})`),
    h('ul', { className: ['plain-list', 'all-elements'] }, elements.map((p) => h('li', null, pageLink(page, p)))),
  ], { nav: navOf(ctx.plan) });
}

/** Every element on one page, one per printed page; links point inside the handout. */
function buildHandout(ctx: PageContext, trees: Map<string, HastRoot>): HastRoot {
  const page = ctx.plan.pages.find((p) => p.kind === 'handout')!;
  const elements = ctx.plan.pages.filter((p) => p.kind === 'element');
  const assessments = ctx.plan.pages.filter((p) => p.kind === 'assessment');
  const anchorOf = (p: SitePage) => (p.kind === 'element' ? p.id! : `assessment-${p.path.slice(p.path.indexOf('/') + 1, -'.html'.length)}`);
  const inHandout = new Map([...elements, ...assessments].map((p) => [p.path, anchorOf(p)]));
  const sections = [...elements, ...assessments].map((el) => {
    const article = findArticle(trees.get(el.path)!);
    const copy = structuredClone(article.children.filter((c) => !(c.type === 'element' && (c.properties['className'] as string[] | undefined)?.includes('backlinks')))) as ElementContent[];
    const wrapper: HastRoot = { type: 'root', children: copy };
    walkElements(wrapper, (n, parent, index) => {
      delete n.properties['id'];
      delete n.properties['ariaLabelledBy'];
      repointImage(n, el.path, page.path);
      const href = n.properties['href'];
      if (n.tagName !== 'a' || typeof href !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
      const [file] = splitFragment(href);
      if (!file) { // an in-page anchor: the heading ids are gone, so keep the text only
        parent.children.splice(index, 1, ...n.children);
        return index;
      }
      const sitePath = new URL(file, `http://site/${el.path}`).pathname.slice(1);
      const id = inHandout.get(sitePath);
      n.properties['href'] = id ? `#${id}` : relHref(page.path, sitePath);
      return undefined;
    });
    return h('section', { className: ['handout-element'], id: anchorOf(el) }, copy);
  });
  return layout(ctx, page, [
    h('div', { className: ['handout-title'] },
      h('h1', null, `${ctx.brand.title} — all elements`),
      ctx.brand.subtitle ? h('p', { className: ['subtitle'] }, ctx.brand.subtitle) : null,
      h('p', { className: ['summary'] }, `${elements.length} elements, one per printed page. Use your browser’s print command (“Save as PDF”) for a handout.`),
      h('ol', { className: ['plain-list', 'toc'] }, elements.map((p) => h('li', null, h('a', { className: ['idref'], href: `#${p.id}`, title: `${p.id} · ${p.title}` }, p.id!), ' ', h('span', { className: ['t'] }, p.title)))),
      assessments.length ? [h('h2', null, 'Assessments'), h('ol', { className: ['plain-list', 'toc'] }, assessments.map((p) => h('li', null, h('a', { href: `#${anchorOf(p)}` }, p.title), p.summary ? h('span', { className: ['t'] }, ` — ${p.summary}`) : null)))] : null),
    sections,
  ], { title: 'Printable handout', nav: navOf(ctx.plan) });
}

function findArticle(tree: HastRoot): Element {
  const html = tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'html')!;
  const body = html.children.find((n): n is Element => n.type === 'element' && n.tagName === 'body')!;
  const main = body.children.find((n): n is Element => n.type === 'element' && n.tagName === 'main')!;
  return main.children.find((n): n is Element => n.type === 'element' && n.tagName === 'article')!;
}

/** Fragments that name no anchor on their target page are dropped, with a warning. */
function fixFragments(trees: Map<string, HastRoot>, anchors: Map<string, Set<string>>, plan: SitePlan, problems: BuildProblem[]): void {
  const uriOf = new Map(plan.pages.map((p) => [p.path, p.uri]));
  for (const [p, tree] of trees) {
    walkElements(tree, (n) => {
      const href = n.properties['href'];
      if (n.tagName !== 'a' || typeof href !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
      const [file, frag] = splitFragment(href);
      if (frag === undefined) return;
      const target = file ? new URL(file, `http://site/${p}`).pathname.slice(1) : p;
      if (anchors.get(target)?.has(decodeURIComponent(frag))) return;
      if (p !== 'handout.html') {
        const uri = uriOf.get(p);
        problems.push({ severity: 'warning', uri, message: `${uri ? '' : `${p}: `}the link to "${href}" names no heading there; it points to the page instead` });
      }
      n.properties['href'] = file || relHref(p, p);
    });
  }
}

export function anchorsOf(trees: Map<string, HastRoot>): Map<string, Set<string>> {
  const anchors = new Map<string, Set<string>>();
  for (const [p, tree] of trees) {
    const set = new Set<string>();
    walkElements(tree, (n) => { if (typeof n.properties['id'] === 'string') set.add(n.properties['id']); });
    anchors.set(p, set);
  }
  return anchors;
}

function searchIndexJs(ctx: PageContext): string {
  const options = {
    idField: 'path',
    fields: ['ref', 'title', 'summary', 'text'],
    storeFields: ['path', 'ref', 'title', 'summary'],
    // Shipped with the index, so the page and any other reader of it rank hits the same way.
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { ref: 4, title: 2, summary: 1.5 } },
  };
  const search = new MiniSearch(options);
  const docs = ctx.plan.pages.filter((p) => p.uri && ctx.rendered.has(p.path)).map((p) => ({
    path: p.path,
    ref: p.kind === 'element' ? p.id : '',
    title: p.title,
    summary: p.summary ?? '',
    text: ctx.rendered.get(p.path)!.body.map((n) => toString(n)).join(' '),
  }));
  search.addAll(docs);
  return `window.OPMODEL_SEARCH = ${JSON.stringify({ options, index: search.toJSON() })};\n`;
}

