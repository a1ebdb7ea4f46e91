// The crosswalk and dependency data in the shipped framework: every management element maps onto
// all three schemes and declares what it depends on; leadership is mapped exactly where the
// crosswalk guide says; hover, show and the site's crosswalk page carry the data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementInfo, hover, listElements, Project } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { fileUri } from '../../language/workspace/uris';
import { buildSite } from '../../playbook/build';

const here = path.dirname(fileURLToPath(import.meta.url));
const docsRoot = path.resolve(here, '../../framework-docs');
let project: Project;

beforeAll(async () => {
  project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(docsRoot) });
}, 120_000);

const MANAGEMENT = /^(FLM|UM|GOV|EE|CORE-[ABC]|OM)\d+$/;
const guide = () => readFileSync(path.join(docsRoot, 'guides/using-the-crosswalk.md'), 'utf8');
const idsIn = (line: string) => [...line.matchAll(/\bLC\d+\b/g)].map((m) => m[0]);

describe('crosswalk data', () => {
  it('maps every management element onto ITIL 4, COBIT 2019 and ISO/IEC 20000-1, and gives it depends_on', () => {
    const elements = listElements(project).filter((e) => MANAGEMENT.test(e.id));
    expect(elements).toHaveLength(82);
    for (const e of elements) {
      expect(e.crosswalk.map((c) => c.scheme), e.id).toEqual(['itil4', 'cobit2019', 'iso20000']);
      for (const c of e.crosswalk) expect(c.items.length, `${e.id} ${c.scheme}`).toBeGreaterThan(0);
      expect(project.document(e.location.uri)!.fields.has('depends_on'), e.id).toBe(true);
    }
  });

  it('maps the four principles, and exactly the characteristics the crosswalk guide names', () => {
    for (const lp of ['LP1', 'LP2', 'LP3', 'LP4']) expect(elementInfo(project, lp)!.crosswalk.length, lp).toBe(3);
    const text = guide();
    const mapped = idsIn(text.split('\n').find((l) => l.startsWith('- **Ten characteristics** map'))!);
    const unmapped = idsIn(text.split('\n').find((l) => l.startsWith('- **The other ten characteristics**'))!);
    expect(mapped).toHaveLength(10);
    expect(unmapped).toHaveLength(10);
    for (const lc of mapped) expect(elementInfo(project, lc)!.crosswalk.length, lc).toBe(3);
    for (const lc of unmapped) expect(elementInfo(project, lc)!.crosswalk, lc).toEqual([]);
  });

  it('shows the crosswalk in hover on a reference', () => {
    const readme = [...project.index.docs.values()].find((d) => d.uri.endsWith('/framework-docs/README.md'))!;
    const ref = readme.references.find((r) => r.id === 'FLM3' && !r.field)!;
    const h = hover(project, readme.uri, ref.range.start)!;
    expect(h.markdown).toContain('ITIL 4: Measurement and reporting, Workforce and talent management\\');
    expect(h.markdown).toContain('COBIT 2019: APO01, MEA01\\');
    expect(h.markdown).toContain('ISO/IEC 20000-1:2018: 7.4, 9.1');
  });

  it('lists every mapped element on the site\'s crosswalk page, both ways', async () => {
    const site = await buildSite(project);
    const page = site.trees.get('crosswalk.html') as Root;
    const rows: Element[] = [];
    const walk = (n: Root | Element) => { for (const c of n.children) if (c.type === 'element') { if (c.tagName === 'tr' && c.properties['dataId']) rows.push(c); walk(c); } };
    walk(page);
    const mapped = listElements(project).filter((e) => e.crosswalk.length).map((e) => e.id);
    expect(rows.map((r) => String(r.properties['dataId']))).toEqual(mapped);
    expect(mapped.length).toBe(82 + 4 + 10);
    expect(toString(page)).toContain('By ITIL 4');
  }, 120_000);
});
