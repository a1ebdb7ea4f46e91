// The shipped framework, checked as content: every catalog ID once with its catalog title,
// every grid cell filled, real bodies, cross-references that resolve, no orphans, no findings.
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assessmentReport, listElements, matrix, Project, readFrontMatter } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { fileUri, fsPath, relativeUri } from '../../language/workspace/uris';

const here = path.dirname(fileURLToPath(import.meta.url));
const docsRoot = path.resolve(here, '../../framework-docs');
// A copy of the team's catalog (IDs and titles as the source names them).
const catalog = parse(readFileSync(path.join(here, 'catalog.yaml'), 'utf8')) as {
  elements: Record<string, string>;
  systems: { key: string; families: string[] }[];
  disciplines: { key: string }[];
  leadership: { key: string; families: string[] }[];
};

let project: Project;
const texts = new Map<string, string>();

beforeAll(async () => {
  project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(docsRoot) });
  for (const uri of project.index.docs.keys()) texts.set(uri, await fs.readFile(fsPath(uri), 'utf8'));
});

const body = (uri: string) => {
  const text = texts.get(uri)!;
  const fm = readFrontMatter(text);
  return fm ? text.slice(fm.end) : text;
};
const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('framework-docs', () => {
  it('defines every catalog ID exactly once, with the catalog title, and nothing else', () => {
    const ids = Object.keys(catalog.elements);
    expect(ids).toHaveLength(106);
    for (const id of ids) {
      const defs = project.index.definitions(id);
      expect(defs.map((d) => d.uri), id).toHaveLength(1);
      expect(defs[0]!.title, id).toBe(catalog.elements[id]);
    }
    expect(project.index.definedIds().sort()).toEqual([...ids].sort());
  });

  it('keeps each element in its system folder (or leadership/), named after its ID', () => {
    const folderOf = new Map<string, string>();
    for (const s of catalog.systems) for (const f of s.families) folderOf.set(f, s.key);
    for (const p of catalog.leadership) for (const f of p.families) folderOf.set(f, 'leadership');
    for (const e of listElements(project)) {
      const rel = relativeUri(fileUri(docsRoot), e.location.uri)!;
      expect(rel, e.id).toBe(`${folderOf.get(e.family!)}/${e.id}.md`);
    }
  });

  it('fills every system × discipline cell and places every management element', () => {
    const m = matrix(project);
    expect(m.unplaced).toEqual([]);
    for (const s of catalog.systems) for (const d of catalog.disciplines) expect(m.cells[s.key]![d.key]!.length, `${s.key} × ${d.key}`).toBeGreaterThan(0);
  });

  it('gives every element a body of at least 250 words and at least 3 cross-references', () => {
    for (const e of listElements(project)) {
      const doc = project.document(e.location.uri)!;
      expect(words(body(doc.uri)), e.id).toBeGreaterThanOrEqual(250);
      const others = new Set(doc.references.map((r) => r.id).filter((id) => id !== e.id));
      expect(others.size, e.id).toBeGreaterThanOrEqual(3);
      expect(doc.summary, e.id).toBeTruthy();
    }
  });

  it('leaves no element orphaned: each is referenced from another document', () => {
    for (const id of project.index.definedIds()) {
      const own = project.index.definitions(id)[0]!.uri;
      expect(project.index.referrers(id).filter((u) => u !== own).length, id).toBeGreaterThan(0);
    }
  });

  it('has the system, discipline, part and overview documents', () => {
    const byType = (t: string) => [...project.index.docs.values()].filter((d) => d.type === t).map((d) => d.fields.get('key')?.value ?? d.title);
    expect(byType('system').sort()).toEqual(catalog.systems.map((s) => s.key).sort());
    expect(byType('discipline').sort()).toEqual(catalog.disciplines.map((d) => d.key).sort());
    expect(byType('part').sort()).toEqual(catalog.leadership.map((p) => p.key).sort());
    expect(byType('overview')).toHaveLength(1);
    expect(byType('guide').length).toBeGreaterThanOrEqual(2);
    expect(byType('playbook').length).toBeGreaterThanOrEqual(1);
  });

  it('links every characteristic to the principles it supports, and every principle is supported', () => {
    const m = matrix(project);
    for (const id of Object.keys(catalog.elements).filter((x) => x.startsWith('LC'))) {
      const supports = project.document(project.index.definitions(id)[0]!.uri)!.references.filter((r) => r.field === 'supports').map((r) => r.id);
      expect(supports.length, id).toBeGreaterThan(0);
      for (const s of supports) expect(s, id).toMatch(/^LP[1-4]$/);
    }
    for (const lp of ['LP1', 'LP2', 'LP3', 'LP4']) expect(m.leadership.supportedBy[lp]?.length, lp).toBeGreaterThan(1);
  });

  it('has relative links between documents that all resolve', async () => {
    const broken: string[] = [];
    for (const [uri, text] of texts) {
      for (const m of text.matchAll(/\]\(([^)\s#]+\.md)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(m[1]!)) continue;
        const target = path.resolve(path.dirname(fsPath(uri)), decodeURIComponent(m[1]!));
        if (!(await fs.stat(target).catch(() => undefined))) broken.push(`${relativeUri(fileUri(docsRoot), uri)} -> ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('assesses its worked example\'s client twice, as the playbook tells it', () => {
    const [day90, baseline] = project.assessments.newestFirst();
    expect([baseline?.date?.value, day90?.date?.value]).toEqual(['2026-09-14', '2026-12-14']);
    const r0 = assessmentReport(project, baseline!);
    const r1 = assessmentReport(project, day90!, baseline);
    // Every element and characteristic is scored (or n/a) in both rounds; principles through their characteristics.
    const expected = listElements(project).filter((e) => e.type === 'element' || e.type === 'characteristic').map((e) => e.id).sort();
    for (const r of [r0, r1]) expect(r.elements.map((e) => e.id).sort()).toEqual(expected);
    const level = (r: typeof r0, id: string) => r.elements.find((e) => e.id === id)!.current;
    // "Maturity scores were level 1 for CORE-A1, CORE-A2, OM18 and OM16, and level 2 for CORE-B1,
    // CORE-B3, FLM3 and FLM5. Nothing scored level 3."
    for (const id of ['CORE-A1', 'CORE-A2', 'OM18', 'OM16']) expect(level(r0, id), id).toBe(1);
    for (const id of ['CORE-B1', 'CORE-B3', 'FLM3', 'FLM5']) expect(level(r0, id), id).toBe(2);
    expect(r0.elements.filter((e) => (e.current ?? 0) >= 3)).toEqual([]);
    // Step 19: "CORE-B1, CORE-B3, CORE-A1, OM18 and FLM5 assessed at level 3".
    for (const id of ['CORE-B1', 'CORE-B3', 'CORE-A1', 'OM18', 'FLM5']) expect(level(r1, id), id).toBe(3);
    // Something to compare: elements moved both ways.
    expect(r1.compare!.changes.some((c) => c.direction === 'up')).toBe(true);
    expect(r1.compare!.changes.some((c) => c.direction === 'down')).toBe(true);
  });

  it('passes opmodel check with no errors and no warnings', () => {
    expect(project.configProblems).toEqual([]);
    expect(project.allDiagnostics().map((d) => `${relativeUri(fileUri(docsRoot), d.uri)}:${d.range.start.line + 1} ${d.code} ${d.message}`)).toEqual([]);
  });
});
