// The front-matter fast path must give exactly what the yaml library gives, wherever it answers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../language/parse/frontMatter';
import { readSimpleFrontMatter } from '../../language/parse/simpleFrontMatter';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../framework-docs');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : n.endsWith('.md') ? [path.join(d, n)] : []));

const both = (text: string) => {
  const fast = readFrontMatter(text, true);
  const slow = readFrontMatter(text, false);
  return { fast, slow };
};

describe('front matter fast path', () => {
  it.each([
    ['plain values and mappings in one list', 'measures:\n  - plain\n  - name: x\n'],
    ['a nested list in a mapping', 'measures:\n  - name: x\n    tags:\n      - a\n'],
    ['an empty value in a mapping', 'measures:\n  - name: x\n    target:\n'],
    ['a repeated key in a mapping', 'measures:\n  - name: x\n    name: y\n'],
    ['a key deeper than the mapping', 'measures:\n  - name: x\n      target: y\n'],
  ])('leaves %s to yaml, which reads it the same way', (_name, yaml) => {
    expect(readSimpleFrontMatter(yaml, 4)).toBeUndefined();
  });

  it('reads every document of the shipped framework itself, exactly as yaml does', () => {
    const files = walk(docs);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const { fast, slow } = both(text);
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
      // The fast path must answer for our own documents, or it speeds nothing up.
      expect(readSimpleFrontMatter(m[1]!, 4), f).toBeDefined();
      expect(fast, f).toEqual(slow);
    }
  });

  it.each([
    ['plain, quoted, null and empty values', 'a: x y\nb: "q: r"\nc: \'s\'\nd:\ne: ~\nf: null\ng: 12\nh: true\n'],
    ['flow lists', 'related: [FLM1, EE11,GOV4]\nempty: []\nspaced: [ A , B ]\n'],
    ['block lists at two indents', 'related:\n  - FLM1\n  - EE11\nsupports:\n- LP1\n- LP2\nnext: x\n'],
    ['CRLF', 'id: FLM1\r\nrelated: [A, B]\r\nlist:\r\n  - x\r\n'],
    ['trailing spaces', 'id: FLM1   \nrelated: [A]  \n'],
    ['a block list of flat mappings', 'measures:\n  - name: On time\n    definition: "Weekly: by Monday"\n    target: 95%\n  - name: Second\n    target: \'set with the client\'\nrelated: [A]\n'],
    ['mappings at the left margin', 'measures:\n- name: A\n  target: 1\n- name: B\n'],
    ['a mapping of flow lists', 'crosswalk:\n  itil4: [Incident management, Service desk]\n  iso20000: ["8.6.1", \'9.4\', 10]\n  none: []\nnext: x\n'],
    ['a mapping of flow lists at the end', 'id: FLM1\ncrosswalk:\n    cobit2019: [DSS02]\n'],
  ])('agrees with yaml on %s', (_name, yaml) => {
    const text = `---\n${yaml}---\nbody\n`;
    expect(readSimpleFrontMatter(yaml, 4)).toBeDefined();
    const { fast, slow } = both(text);
    expect(fast).toEqual(slow);
  });

  it.each([
    ['a comment', '# note\nid: FLM1\n'],
    ['a trailing comment', 'id: FLM1 # x\n'],
    ['a multi-line value', 'summary: one\n  two\n'],
    ['a duplicate key', 'id: A\nid: B\n'],
    ['an escape', 'title: "a\\"b"\n'],
    ['a nested map', 'meta:\n  a: 1\n'],
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a tab', 'a:\tb\n'],
    ['a quoted flow item', 'related: ["A", B]\n'],
    ['a quoted flow item with a comma, in a mapping', 'crosswalk:\n  a: ["x, y"]\n'],
    ['a mapping of flow lists at two indents', 'crosswalk:\n  a: [x]\n    b: [y]\n'],
    ['a mapping of flow lists followed by a blank line', 'crosswalk:\n  a: [x]\n\nb: y\n'],
    ['a repeated key in a mapping of flow lists', 'crosswalk:\n  a: [x]\n  a: [y]\n'],
    ['a block scalar', 'summary: |\n  text\n'],
    ['a sequence document', '- a\n- b\n'],
  ])('defers to yaml on %s', (_name, yaml) => {
    expect(readSimpleFrontMatter(yaml, 4)).toBeUndefined();
  });

  it('never disagrees with yaml on generated front matter', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 .,:#'"&!?\-\[\]{}~*|>@%`]{0,12}$/);
    const key = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/);
    const value = fc.oneof(
      word,
      word.map((w) => `"${w}"`),
      word.map((w) => `'${w}'`),
      fc.array(word, { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((a) => '\n' + a.map((x) => `  - ${x}`).join('\n')),
      fc.array(fc.tuple(key, fc.array(fc.oneof(word, word.map((w) => `"${w}"`)), { maxLength: 3 })), { minLength: 1, maxLength: 3 })
        .map((es) => '\n' + es.map(([k, a]) => `  ${k}: [${a.join(', ')}]`).join('\n')),
      fc.constant(''),
    );
    const line = fc.tuple(key, value, fc.constantFrom('\n', '\r\n', '  \n')).map(([k, v, nl]) => `${k}: ${v}${nl}`);
    const runs = Number(process.env.FM_RUNS ?? 3000);
    let answered = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const yaml = lines.join('');
        if (readSimpleFrontMatter(yaml, 4)) answered++;
        const { fast, slow } = both(`---\n${yaml}---\nbody\n`);
        expect(fast).toEqual(slow);
      }),
      { numRuns: runs },
    );
    // The comparison means something only if the fast path answers for a good share of cases.
    expect(answered).toBeGreaterThan(runs * 0.1);
  });
});
