// A nested front-matter value is kept as its source lines and read again when asked for: the
// tree read again must be exactly the tree the whole front matter gives.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../language/parse/frontMatter';
import { locatedTree, type FieldTree } from '../../language/parse/frontMatterTree';
import { NestedValue } from '../../language/parse/nestedValue';
import { LineMap } from '../../language/text/lineMap';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : n.endsWith('.md') ? [path.join(d, n)] : []));

/** The tree as plain data: kinds, values, keys and every range. */
function plain(t: FieldTree | undefined): unknown {
  if (!t) return undefined;
  switch (t.kind) {
    case 'scalar': return { kind: t.kind, value: t.value, range: t.range };
    case 'seq': return { kind: t.kind, range: t.range, items: t.items.map(plain) };
    case 'map': return { kind: t.kind, range: t.range, entries: t.entries.map((e) => ({ key: e.key, keyRange: e.keyRange, value: plain(e.value) })) };
    default: return { kind: t.kind, range: t.range };
  }
}

/** For each nested field of `text`: the tree from the whole front matter, and the one read again (undefined when kept as a tree). */
function compare(text: string): { key: string; whole: unknown; again: unknown }[] {
  const lines = LineMap.of(text);
  const out: { key: string; whole: unknown; again: unknown }[] = [];
  for (const f of readFrontMatter(text)?.fields.values() ?? []) {
    if (f.value.kind === 'scalar' || !f.value.tree) continue;
    const lazy = NestedValue.of(lines, text, f);
    out.push({ key: f.key, whole: plain(locatedTree(f.value.tree, lines)), again: lazy && plain(lazy.tree) });
  }
  return out;
}

describe('nested front-matter values read again', () => {
  it('give the same trees for every document of the shipped framework and the test fixtures', () => {
    let kept = 0;
    for (const file of [...walk(path.join(root, 'framework-docs')), ...walk(path.join(root, 'test/fixtures'))]) {
      for (const c of compare(readFileSync(file, 'utf8'))) {
        if (c.again === undefined) continue;
        kept++;
        expect(c.again, `${path.relative(root, file)}: ${c.key}`).toEqual(c.whole);
      }
    }
    // The shipped framework's measures and crosswalks are all kept as source lines.
    expect(kept).toBeGreaterThan(80);
  });

  it.each([
    ['a list of mappings', 'measures:\n  - name: A\n    target: "At least 95%"\n  - plain\n'],
    ['a mapping of flow lists', 'crosswalk:\n  cobit: [APO01, "BAI 02"]\n  iso: []\n'],
    ['a flow mapping', 'crosswalk: {cobit: [APO01], iso: [x]}\n'],
    ['a kept block scalar last', 'measures:\n  - name: A\n    definition: |+\n      text\n\n'],
    ['a kept block scalar before another key', 'measures:\n  - definition: |+\n      text\n\nid: FLM1\n'],
    ['CRLF and a comment', 'measures:\r\n  - name: A # note\r\n    target: b\r\nsummary: T\r\n'],
    ['a lone CR', 'measures:\r  - name: A\r    target: b\rsummary: T\r'],
    ['wide characters', 'measures:\n  - name: Lead time \u2014 days \ud83d\udcc8\n    target: \u2264 5\n'],
    ['an empty entry value', 'measures:\n  - name:\n    target: ~\n'],
  ])('%s', (_name, yaml) => {
    const found = compare(`---\ntitle: x\n${yaml}---\n\nBody.\n`);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) {
      expect(c.again).toBeDefined();
      expect(c.again).toEqual(c.whole);
    }
  });

  it('keeps the tree itself when the lines would not read the same on their own', () => {
    // An alias may name an anchor in another field; an indented root mapping.
    for (const yaml of ['base: &b A\nmeasures:\n  - name: A\n    target: *b\n', '  measures:\n    - name: A\n']) {
      const found = compare(`---\n${yaml}---\n`).filter((c) => c.key === 'measures');
      expect(found.length).toBe(1);
      expect(found[0]!.again).toBeUndefined();
    }
  });

  it('never disagrees with the whole front matter on generated values', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 .,:#'"&!?\-\[\]{}~|>@%`\u2014]{0,12}$/);
    const scalar = fc.oneof(word, word.map((w) => `"${w}"`), word.map((w) => `'${w}'`), fc.constant(''), fc.constantFrom('|\n      a\n      b', '|+\n      a\n', '>-\n      a\n      b'));
    const entry = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_-]{0,5}$/), scalar).map(([k, v]) => `${k}: ${v}`);
    const item = fc.oneof(word.map((w) => `  - ${w}`), fc.array(entry, { minLength: 1, maxLength: 3 }).map((es) => es.map((e, i) => `${i ? '    ' : '  - '}${e}`).join('\n')));
    const nested = fc.oneof(
      fc.array(item, { minLength: 1, maxLength: 3 }).map((is) => `measures:\n${is.join('\n')}`),
      fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), fc.array(word, { maxLength: 3 })), { minLength: 1, maxLength: 3 }).map((es) => `crosswalk:\n${es.map(([k, a]) => `  ${k}: [${a.join(', ')}]`).join('\n')}`),
    );
    const runs = Number(process.env.FM_RUNS ?? 2000);
    let kept = 0;
    fc.assert(
      fc.property(nested, fc.constantFrom('\n', '\r\n', '\n\n', '  \n'), fc.boolean(), (yaml, nl, after) => {
        const text = `---\nid: FLM1\n${yaml.replace(/\n/g, nl)}${nl}${after ? `title: T${nl}` : ''}---\nbody\n`;
        for (const c of compare(text)) {
          if (c.again === undefined) continue;
          kept++;
          expect(c.again).toEqual(c.whole);
        }
      }),
      { numRuns: runs },
    );
    // About a quarter of the generated front matter is valid YAML with a kept value (the rest is
    // refused whole, or has a "*"): enough for the comparison to mean something.
    expect(kept).toBeGreaterThan(runs / 8);
  });
});
