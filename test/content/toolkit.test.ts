// The consulting toolkit in the shipped framework, checked as content: assessment criteria on
// every maturity level, behavioural anchors for every characteristic, how each principle is
// assessed, templates linked from the elements that use them, the glossary, the diagrams (and
// their copies in the built site), the adoption roadmap against depends_on, and original prose.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Heading, List, ListItem, Node as MdNode, Paragraph, Parent, Root as MdRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultConfig, listElements, loadConfig, Project, readFrontMatter, type ParsedDocument } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { fileUri, fsPath, relativeUri } from '../../language/workspace/uris';
import { anchorsOf, buildSite } from '../../playbook/build';
import { checkSiteLinks } from '../../playbook/linkCheck';
import { dependencyProblems, roadmapOrder, seedShingles, shinglesIn } from './toolkitChecks';

const here = path.dirname(fileURLToPath(import.meta.url));
const docsRoot = path.resolve(here, '../../framework-docs');
const catalog = parse(readFileSync(path.join(here, 'catalog.yaml'), 'utf8')) as { elements: Record<string, string>; systems: { title: string }[]; disciplines: { title: string }[]; leadership: { title: string }[] };
// A copy of the source article the taxonomy comes from (../shared/seed), for the 8-word check.
const seed = readFileSync(path.join(here, 'seed.txt'), 'utf8');

let project: Project;
const texts = new Map<string, string>();
const trees = new Map<string, MdRoot>();
const md = unified().use(remarkParse).use(remarkGfm);

beforeAll(async () => {
  project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(docsRoot) });
  for (const uri of project.index.docs.keys()) {
    const text = await fs.readFile(fsPath(uri), 'utf8');
    texts.set(uri, text);
    const fm = readFrontMatter(text);
    trees.set(uri, md.parse(fm ? text.slice(fm.end) : text) as MdRoot);
  }
}, 120_000);

const rel = (uri: string) => relativeUri(fileUri(docsRoot), uri)!;
const docOf = (id: string): ParsedDocument => project.document(project.index.definitions(id)[0]!.uri)!;
const plain = (n: MdNode): string => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? (n as Parent).children.map(plain).join('') : '');

/** The blocks of a `##` section, up to the next `##` heading. */
function section(uri: string, title: string): MdNode[] | undefined {
  const nodes = trees.get(uri)!.children;
  const at = nodes.findIndex((n) => n.type === 'heading' && (n as Heading).depth === 2 && plain(n) === title);
  if (at < 0) return undefined;
  const end = nodes.findIndex((n, i) => i > at && n.type === 'heading' && (n as Heading).depth === 2);
  return nodes.slice(at + 1, end < 0 ? undefined : end);
}
const h2s = (uri: string) => trees.get(uri)!.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).map(plain);

const SCALE = ['Ad hoc', 'Repeatable', 'Defined', 'Optimising'];
const ids = (prefixes: string[]) => Object.keys(catalog.elements).filter((id) => prefixes.some((p) => id.startsWith(p)));
const MANAGEMENT = ids(['FLM', 'UM', 'GOV', 'EE', 'CORE', 'OM']);
const CHARACTERISTICS = ids(['LC']);
const PRINCIPLES = ids(['LP']);

/** Checks one `## Maturity levels` section, read by the real Markdown parser and as source lines. */
function checkMaturity(id: string): { criteria: number[] } {
  const doc = docOf(id);
  const blocks = section(doc.uri, 'Maturity levels');
  expect(blocks, `${id} has a Maturity levels section`).toBeDefined();
  const [question, list, ...rest] = blocks!;
  expect(rest, id).toEqual([]);
  expect(question?.type, id).toBe('paragraph');
  const q = question as Paragraph;
  expect(q.children[0]?.type === 'strong' && plain(q.children[0]) === 'Assessment question:', `${id} starts with the assessment question`).toBe(true);
  expect(plain(q).trim(), id).toMatch(/^Assessment question: \S.*\?$/);
  expect(list?.type, id).toBe('list');
  const levels = (list as List).children as ListItem[];
  expect((list as List).ordered, id).toBe(true);
  expect(levels.map((l) => {
    const head = l.children[0] as Paragraph;
    return head.children[0]?.type === 'strong' ? plain(head.children[0]) : '';
  }), id).toEqual(SCALE);
  const criteria = levels.map((l, i) => {
    const head = plain(l.children[0]!);
    expect(head, `${id} level ${i + 1}`).toMatch(new RegExp(`^${SCALE[i]} — \\S`));
    const nested = l.children.slice(1);
    expect(nested.map((n) => n.type), `${id} level ${i + 1}`).toEqual(['list']);
    const items = (nested[0] as List).children;
    for (const c of items) expect(plain(c).trim().length, `${id} level ${i + 1} criterion`).toBeGreaterThan(20);
    return items.length;
  });
  // The exact source form the assessment parser reads: "1. **Ad hoc** — ..." and 3-space bullets.
  const text = texts.get(doc.uri)!;
  for (let i = 0; i < 4; i++) expect(text, `${id} level ${i + 1} line`).toMatch(new RegExp(`^${i + 1}\\. \\*\\*${SCALE[i]}\\*\\* — \\S`, 'm'));
  return { criteria };
}

describe('assessment criteria', () => {
  it('gives every management element a question and 2-4 observable criteria on each of the four levels', () => {
    expect(MANAGEMENT).toHaveLength(82);
    let total = 0;
    for (const id of MANAGEMENT) {
      const { criteria } = checkMaturity(id);
      for (const [i, n] of criteria.entries()) expect(n, `${id} level ${i + 1} criteria`).toBeGreaterThanOrEqual(2);
      for (const [i, n] of criteria.entries()) expect(n, `${id} level ${i + 1} criteria`).toBeLessThanOrEqual(4);
      total += criteria.reduce((a, b) => a + b, 0);
    }
    expect(total).toBeGreaterThanOrEqual(82 * 4 * 2);
  });

  it('writes one separator style on every maturity level: the em dash with spaces', () => {
    for (const [uri, text] of texts) {
      for (const line of text.split('\n').filter((l) => /^[1-4]\. \*\*(Ad hoc|Repeatable|Defined|Optimising)\*\*/.test(l))) {
        expect(line, rel(uri)).toMatch(/^[1-4]\. \*\*[^*]+\*\* — /);
      }
    }
  });

  it('gives every characteristic behavioural anchors per level, right before "Signals it is missing"', () => {
    expect(CHARACTERISTICS).toHaveLength(20);
    for (const id of CHARACTERISTICS) {
      const { criteria } = checkMaturity(id);
      for (const n of criteria) expect(n, id).toBeGreaterThanOrEqual(2);
      for (const n of criteria) expect(n, id).toBeLessThanOrEqual(4);
      const heads = h2s(docOf(id).uri);
      expect(heads[heads.indexOf('Maturity levels') + 1], id).toBe('Signals it is missing');
    }
  });

  it('says how every principle is assessed, from each of the characteristics that support it', () => {
    for (const id of PRINCIPLES) {
      const uri = docOf(id).uri;
      const heads = h2s(uri);
      expect(heads.at(-2), `${id}: "How it is assessed" sits right before the last section`).toBe('How it is assessed');
      const body = section(uri, 'How it is assessed')!.map(plain).join('\n');
      const supporters = CHARACTERISTICS.filter((lc) => docOf(lc).references.some((r) => r.field === 'supports' && r.id === id));
      expect(supporters.length, id).toBeGreaterThan(1);
      for (const lc of supporters) expect(body, `${id} names ${lc}`).toMatch(new RegExp(`\\b${lc}\\b`));
    }
  });
});

describe('templates', () => {
  const templates = () => [...project.index.docs.values()].filter((d) => d.type === 'template');

  it('ships at least 12 templates, each with fill-in fields and a worked example', () => {
    expect(templates().length).toBeGreaterThanOrEqual(12);
    for (const t of templates()) {
      const heads = h2s(t.uri);
      expect(heads, rel(t.uri)).toContain('Worked example');
      // Fill-in fields: a table of fields, or a blank form to copy.
      const tables = trees.get(t.uri)!.children.filter((n) => n.type === 'table').length;
      expect(tables, rel(t.uri)).toBeGreaterThan(0);
      expect(t.summary, rel(t.uri)).toBeTruthy();
      expect(section(t.uri, 'Worked example')!.map(plain).join(' ').split(/\s+/).length, rel(t.uri)).toBeGreaterThan(40);
    }
  });

  it('links every template from at least one element, in a Templates section right after Maturity levels', () => {
    const linkedFrom = new Map<string, string[]>();
    for (const e of listElements(project)) {
      const uri = e.location.uri;
      const heads = h2s(uri);
      if (!heads.includes('Templates')) continue;
      expect(heads[heads.indexOf('Templates') - 1], e.id).toBe('Maturity levels');
      const links: string[] = [];
      const walk = (n: MdNode) => { if (n.type === 'link') links.push((n as unknown as { url: string }).url); if ('children' in n) (n as Parent).children.forEach(walk); };
      section(uri, 'Templates')!.forEach(walk);
      expect(links.length, e.id).toBeGreaterThan(0);
      for (const l of links) {
        const target = fileUri(path.resolve(path.dirname(fsPath(uri)), l));
        expect(project.index.docs.get(target)?.type, `${e.id} -> ${l}`).toBe('template');
        linkedFrom.set(target, [...(linkedFrom.get(target) ?? []), e.id]);
      }
    }
    for (const t of templates()) expect(linkedFrom.get(t.uri)?.length ?? 0, `${rel(t.uri)} is linked from an element`).toBeGreaterThan(0);
  });
});

describe('glossary', () => {
  const glossary = () => {
    const docs = [...project.index.docs.values()].filter((d) => d.type === 'glossary');
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    const nodes = trees.get(doc.uri)!.children;
    const terms: { heading: string; forms: string[]; definition: string; where: string }[] = [];
    nodes.forEach((n, i) => {
      if (n.type !== 'heading' || (n as Heading).depth !== 3) return;
      const heading = plain(n);
      const m = /^(.*?)(?: \((.*)\))?$/.exec(heading)!;
      const forms = [...m[1]!.split(', ').flatMap((f) => f.split(' to ')), ...(m[2] ? [m[2]] : [])];
      const end = nodes.findIndex((x, j) => j > i && x.type === 'heading');
      const next = nodes.slice(i + 1, end < 0 ? undefined : end);
      terms.push({ heading, forms, definition: next[0] ? plain(next[0]) : '', where: next.map(plain).find((t) => t.startsWith('Where it matters:')) ?? '' });
    });
    return { doc, terms };
  };

  it('defines at least 40 terms, each with a short definition and the elements where it matters', () => {
    const { doc, terms } = glossary();
    expect(terms.length).toBeGreaterThanOrEqual(40);
    expect(new Set(terms.map((t) => t.heading.toLowerCase())).size).toBe(terms.length);
    for (const t of terms) {
      const words = t.definition.split(/\s+/).length;
      expect(words, t.heading).toBeGreaterThanOrEqual(8);
      expect(words, t.heading).toBeLessThanOrEqual(90);
      const cited = [...t.where.matchAll(/\b(?:CORE-[ABC]|FLM|UM|GOV|EE|OM|LP|LC)\d+\b/g)].map((m) => m[0]);
      expect(cited.length, `${t.heading} names elements`).toBeGreaterThan(0);
      for (const id of cited) expect(project.index.definitions(id).length, `${t.heading}: ${id}`).toBe(1);
    }
    // The issue's own examples are all there.
    const all = terms.flatMap((t) => t.forms.map((f) => f.toLowerCase()));
    for (const must of ['tower', 'hypercare', 'ola', 'earn-back', 'gp', 'rfs', 'shrinkage', 'e1', 'p1', 'tier 1']) expect(all, must).toContain(must);
    expect(doc.definition).toBeUndefined();
  });

  it('uses every term in at least one other document', () => {
    const { doc, terms } = glossary();
    const others = [...texts].filter(([u]) => u !== doc.uri).map(([, t]) => t);
    for (const t of terms) {
      const used = t.forms.some((f) => {
        const exactCase = /[A-Z]{2}|\d/.test(f);
        const re = new RegExp(`(?<![\\w-])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:s|es)?(?![\\w-])`, exactCase ? '' : 'i');
        return others.some((o) => re.test(o));
      });
      expect(used, `${t.heading} is used elsewhere`).toBe(true);
    }
  });
});

describe('diagrams', () => {
  const DIAGRAMS = ['system-map', 'governance-ladder', 'escalation-ladder', 'monthly-reporting-flow'];

  it('ships the four SVG diagrams with a title and a description for screen readers', async () => {
    for (const name of DIAGRAMS) {
      const svg = await fs.readFile(path.join(docsRoot, 'diagrams', `${name}.svg`), 'utf8');
      expect(svg, name).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="title desc"/);
      expect(svg, name).toMatch(/<title id="title">[^<]{20,}<\/title>/);
      expect(svg, name).toMatch(/<desc id="desc">[^<]{100,}<\/desc>/);
      expect(svg, name).not.toMatch(/<script|\son[a-z]+=|href=|<foreignObject/i);
    }
  });

  it('references every diagram from a document, with alt text wherever it is shown as an image', () => {
    const used = new Map<string, number>();
    for (const [uri, tree] of trees) {
      const walk = (n: MdNode) => {
        if (n.type === 'image' || n.type === 'link') {
          const url = (n as unknown as { url: string }).url;
          const m = /diagrams\/([a-z-]+)\.svg$/.exec(url);
          if (m) {
            used.set(m[1]!, (used.get(m[1]!) ?? 0) + 1);
            expect(existsSync(path.resolve(path.dirname(fsPath(uri)), url)), `${rel(uri)} -> ${url}`).toBe(true);
            if (n.type === 'image') expect(((n as unknown as { alt?: string }).alt ?? '').length, `${rel(uri)} alt text for ${url}`).toBeGreaterThan(30);
          }
        }
        if ('children' in n) (n as Parent).children.forEach(walk);
      };
      walk(tree);
    }
    for (const name of DIAGRAMS) expect(used.get(name) ?? 0, name).toBeGreaterThan(0);
  });

  it('copies every diagram into the built site, byte for byte, and the site passes its own link check', async () => {
    const site = await buildSite(project);
    expect(site.problems.filter((p) => /image/.test(p.message))).toEqual([]);
    for (const name of DIAGRAMS) {
      const copied = site.files.get(`media/diagrams/${name}.svg`);
      expect(copied, name).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(copied as Uint8Array).equals(await fs.readFile(path.join(docsRoot, 'diagrams', `${name}.svg`))), name).toBe(true);
    }
    const imgs: string[] = [];
    for (const [page, tree] of site.trees) {
      const walk = (n: { type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
        if (n.tagName === 'img') imgs.push(new URL(String(n.properties!['src']), `http://site/${page}`).pathname.slice(1));
        (n.children as typeof n[] | undefined)?.forEach(walk);
      };
      walk(tree as never);
    }
    expect(new Set(imgs.filter((i) => i.startsWith('media/diagrams/')))).toEqual(new Set(DIAGRAMS.map((d) => `media/diagrams/${d}.svg`)));
    expect(checkSiteLinks(site.trees, new Set(site.files.keys()), anchorsOf(site.trees))).toEqual([]);
  }, 120_000);
});

describe('adoption roadmap and depends_on', () => {
  const roadmap = () => {
    const doc = [...project.index.docs.values()].find((d) => d.title === 'Adoption Roadmap')!;
    return roadmapOrder(texts.get(doc.uri)!);
  };
  const dependsOn = () => new Map(listElements(project).map((e) => [e.id, e.relations['depends_on'] ?? []]));

  it('places every management element exactly once, under its catalog title, in numbered order', () => {
    const rows = roadmap();
    expect(rows.map((r) => r.order)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.id).sort()).toEqual([...MANAGEMENT].sort());
    for (const r of rows) expect(r.title, r.id).toBe(catalog.elements[r.id]);
  });

  it('has no cycles in depends_on, and lists no element before what it depends on', () => {
    expect(dependencyProblems(dependsOn(), roadmap().map((r) => r.id))).toEqual([]);
  });

  it('the checks find a cycle and an element listed before its dependency', () => {
    const deps = new Map([['A', ['B']], ['B', ['C']], ['C', ['A']], ['D', ['E']], ['E', []]]);
    expect(dependencyProblems(deps, ['D', 'E', 'A', 'B', 'C'])).toEqual([
      'depends_on has a cycle: A -> B -> C -> A',
      'D is listed before E, which it depends on',
      'A is listed before B, which it depends on',
      'B is listed before C, which it depends on',
    ]);
  });
});

describe('original prose', () => {
  const vocabulary = (): Set<string> => {
    const words = new Set(['and', 'the', 'of', 'a', 'to']);
    for (const [id, title] of Object.entries(catalog.elements)) for (const w of `${id} ${title}`.toLowerCase().match(/[a-z0-9]+/g) ?? []) words.add(w);
    for (const x of [...catalog.systems, ...catalog.disciplines, ...catalog.leadership]) for (const w of x.title.toLowerCase().match(/[a-z0-9]+/g) ?? []) words.add(w);
    return words;
  };

  it('shares no 8-word sequence with the source article outside its ID and title lists', async () => {
    const shingles = seedShingles(seed, vocabulary());
    expect(shingles.size).toBeGreaterThan(500);
    const hits: string[] = [];
    const files = [...texts.entries()].map(([u, t]) => [rel(u), t] as const);
    for (const name of await fs.readdir(path.join(docsRoot, 'diagrams'))) files.push([`diagrams/${name}`, await fs.readFile(path.join(docsRoot, 'diagrams', name), 'utf8')]);
    for (const [file, text] of files) for (const s of shinglesIn(text, shingles)) hits.push(`${file}: ${s}`);
    expect(hits).toEqual([]);
  });

  it('the check finds a copied sentence, and ignores a list of IDs and titles', () => {
    const shingles = seedShingles(seed, vocabulary());
    expect(shinglesIn('As the article says, it is not necessary to be an effective leader in order to be an effective manager.', shingles)).toEqual([
      'it is not necessary to be an effective',
      'is not necessary to be an effective leader',
      'not necessary to be an effective leader in',
      'necessary to be an effective leader in order',
      'to be an effective leader in order to',
      'be an effective leader in order to be',
      'an effective leader in order to be an',
      'effective leader in order to be an effective',
      'leader in order to be an effective manager',
    ]);
    expect(shinglesIn('FLM1 – Roles & Responsibilities Management, FLM2 – Processes & Procedures Management, FLM3 – Meetings Management', shingles)).toEqual([]);
  });
});

describe('config', () => {
  it('declares the template and glossary types and the crosswalk schemes, equal to the shipped defaults', () => {
    const { config, problems } = loadConfig(readFileSync(path.join(docsRoot, 'opmodel.json'), 'utf8'));
    expect(problems).toEqual([]);
    for (const t of ['template', 'glossary']) expect(config.types.find((x) => x.key === t), t).toEqual({ key: t, requiresId: false });
    const plainSchemes = (c: typeof config.crosswalks) => c.map((s) => ({ key: s.key, title: s.title, values: [...s.values] }));
    expect(plainSchemes(config.crosswalks)).toEqual(plainSchemes(defaultConfig().crosswalks));
  });
});
