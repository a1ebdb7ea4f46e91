// Property-based test of the site builder on generated frameworks (the engine fuzz test's
// documents, plus headings, links, footnotes, raw HTML and deep nesting):
// 1. buildSite never throws: no crash, and its own check finds no broken internal link;
// 2. every page's element ids are unique (headings never collide with the layout or each other);
// 3. every problem names a document of the framework (or none), and a page over its budget is
//    shown as source rather than failing the build.
// Each case builds a whole site, so CI runs a tenth of the engine campaign's cases.
import fc from 'fast-check';
import type { Root } from 'hast';
import { describe, it } from 'vitest';
import { MemoryWorkspace, Project } from '../../language/index';
import { walkElements } from '../../playbook/hast';
import { buildSite } from '../../playbook/build';
import { documentText, fileUriOf, ROOT_URI } from './documents';

const RUNS = Math.max(10, Math.round(Number(process.env.FUZZ_RUNS ?? 200) / 10));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const TIMEOUT = process.env.FUZZ_RUNS ? 0 : 120_000;

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('Search', 'Content', 'Search results', 'Intro', 'Intro 1', 'Footnotes', 'user-content-fn-1', 'FLM1', '', '日本')).map(([n, t]) => `${'#'.repeat(n)} ${t}`);
const link = fc.tuple(fc.constantFrom('a.md', 'b.md', 'sub/c.md', 'nowhere.md', '../x.md', 'https://e.org', '', '#search', '#intro-1', 'a.md#content', 'b.md#nope', 'javascript:alert(1)'), fc.constantFrom('', ' "t"')).map(([u, t]) => `[l](${u}${t})`);
const extra = fc.oneof(
  heading,
  link,
  fc.constantFrom('Note.[^1]\n\n[^1]: The note.', '<div id="searchBox">x</div>', '<a id="mainContent" href="#x">y</a>', '<h2 id="search">raw</h2>', '![img](i.png)', '| a | b |\n| - | - |\n| FLM1 | [x](b.md) |'),
  fc.integer({ min: 1, max: 300 }).map((n) => '> '.repeat(n) + 'deep'),
  fc.integer({ min: 1, max: 300 }).map((n) => '<div>'.repeat(n) + 'deep'),
  fc.integer({ min: 1, max: 200 }).map((n) => '*'.repeat(n) + 'x' + '*'.repeat(n)),
);
const page = fc.tuple(documentText, fc.array(extra, { maxLength: 6 })).map(([d, xs]) => [d, ...xs].join('\n\n'));
const element = (id: string) => fc.tuple(page, fc.constantFrom('first-line-management', 'people-management', 'nowhere')).map(([body, sys]) => `---\nid: ${id}\ntitle: Title of ${id}\ntype: element\nsystem: ${sys}\ndiscipline: technology-tools\nsupports: [LP1]\n---\n\n${body}`);
const framework = fc.record({ 'a.md': element('FLM1'), 'b.md': element('LC1'), 'sub/c.md': page, 'e.md': fc.oneof(page, element('LP1')) }, { requiredKeys: ['a.md'] });

function ids(tree: Root): string[] {
  const out: string[] = [];
  walkElements(tree, (el) => { if (typeof el.properties['id'] === 'string') out.push(el.properties['id']); });
  return out;
}

describe('opmodel build, fuzzed', () => {
  it(
    'builds every generated framework: no crash, no broken link, unique ids',
    async () => {
      await fc.assert(
        fc.asyncProperty(framework, async (files) => {
          const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([n, t]) => [fileUriOf(n), t])));
          const project = await Project.open({ workspace: ws, rootUri: ROOT_URI });
          const site = await buildSite(project);
          for (const [p, tree] of site.trees) {
            const list = ids(tree);
            const dup = list.find((x, i) => list.indexOf(x) !== i);
            if (dup !== undefined) throw new Error(`${p}: the id "${dup}" is used twice`);
          }
          for (const pr of site.problems) {
            if (pr.uri !== undefined && !project.index.docs.has(pr.uri) && pr.uri !== project.configUri) throw new Error(`problem about an unknown file: ${JSON.stringify(pr)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: false },
      );
    },
    TIMEOUT,
  );
});
