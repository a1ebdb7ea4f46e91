// Differential test: the ID references our single-pass Markdown scanner finds in a body must be
// exactly those remark (unified + remark-parse + remark-gfm + remark-frontmatter) puts in prose.
//
// Prose on the remark side = `text` nodes, except inside links that are autolinks (`<...>`) or
// GFM autolink literals (bare URLs, www., e-mail), plus the alt text of images: the engine counts
// `![FLM3](x.png)` like link text, deliberately, because alt text is read by people.
// html, code, inlineCode, definition, yaml nodes hold no text nodes, so they are skipped.
//
// Deliberate difference: a line holding only an unknown tag (`<custom-tag>`, HTML block type 7)
// continuing the text of a list item, a block quote or a footnote definition. CommonMark says a type 7 block cannot interrupt a paragraph,
// so the line is a lazy continuation of the item (markdown-it agrees, and so does our scanner);
// remark starts an HTML block inside the item instead. Such documents are left out below and the
// scanner's reading is pinned by its own test.
//
// Longer random runs: SCANNER_RUNS=3000 npx vitest run test/engine/scannerVsRemark.test.ts
// Both sides apply the same token rule (IdSyntax.scan over the source), so this compares
// only which regions of the source are prose.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Image, Link, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, IdSyntax, parseDocument } from '../../language/index';
import { pos } from '../helpers';

const config = defaultConfig();
const syntax = new IdSyntax(config.families);
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

type Hit = string; // "line:char-line:char text"

function engineHits(text: string): Hit[] {
  const doc = parseDocument('file:///x.md', text, config, syntax);
  const out: Hit[] = [];
  const r = (x: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
  for (const ref of doc.references) if (!ref.field) out.push(r(ref.range));
  for (const m of doc.malformed) if (!m.field && !m.isDefinition) out.push(r(m.range));
  return out.sort();
}

function isAutolink(node: Link, text: string): boolean {
  if (text.charCodeAt(node.position!.start.offset!) === 60 /* < */) return true;
  const label = toString(node);
  return node.url === label || node.url === `http://${label}` || node.url === `mailto:${label}`;
}

/** Offsets of the alt text of `![alt](...)` / `![alt][ref]`: from after "![" to its matching "]". */
function altSpan(node: Image, text: string): [number, number] | undefined {
  const s = node.position!.start.offset! + 2;
  let depth = 0;
  for (let i = s; i < node.position!.end.offset!; i++) {
    const c = text[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') depth++;
    else if (c === ']') { if (depth === 0) return [s, i]; depth--; }
  }
  return undefined;
}

function remarkHits(text: string): Hit[] {
  const tree = processor.parse(text) as Root;
  const out: Hit[] = [];
  const scan = (from: number, to: number) => {
    for (const m of syntax.scan(text, from, to)) {
      const a = pos(text, m.start);
      const b = pos(text, m.end);
      out.push(`${a.line}:${a.character}-${b.line}:${b.character}`);
    }
  };
  visitParents(tree, (node: Nodes, ancestors: Nodes[]) => {
    if (node.type === 'link' && isAutolink(node, text)) return 'skip';
    if (node.type === 'image') {
      const alt = altSpan(node, text);
      if (alt) scan(alt[0], alt[1]);
    }
    if (node.type === 'text' && node.position) scan(node.position.start.offset!, node.position.end.offset!);
    void ancestors;
    return undefined;
  });
  return out.sort();
}

const corpus: Record<string, string> = {
  'plain prose': 'FLM1 and UM2, EE 17, flm3 and COREB4.\n',
  'front matter is not body': '---\nid: FLM1\nrelated: [UM2]\n---\n\nText FLM2.\n',
  'emphasis and strong': '*FLM1* **UM2** _EE3_ __GOV4__ ~~OM5~~\n',
  'code spans': 'a `FLM1` b ``x ` FLM2`` c ```FLM3``` d `` `FLM4` ``\n',
  'unmatched backticks': 'a ``FLM1` b FLM2\n',
  'code span across lines': 'a `FLM1\nFLM2` FLM3\n',
  'fences': '```\nFLM1\n```\n\n~~~md\nFLM2\n~~~\n\nFLM3\n',
  'fence closed by longer run': '```\nFLM1\n`````\nFLM2\n',
  'fence not closed by shorter run': '````\nFLM1\n```\nFLM2\n````\nFLM3\n',
  'fence with backtick info string is not a fence': '```a`b\nFLM1\n```\n',
  'indented fence': '   ```\n   FLM1\n   ```\nFLM2\n',
  'four spaces is code, not a fence': '    ```\n    FLM1\n\nFLM2\n',
  'fence in list': '- a\n\n  ```\n  FLM1\n  ```\n- FLM2\n',
  'fence in block quote ends with the quote': '> ```\n> FLM1\n\nFLM2\n',
  'indented code after paragraph is continuation': 'para\n    FLM1\n',
  'indented code after blank': 'para\n\n    FLM1\n\nFLM2\n',
  'indented code in list item': '- item\n\n      FLM1\n\nFLM2\n',
  'list item continuation is not code': '- item\n\n    FLM1\n',
  'nested list': '1. one\n   - two FLM1\n\n         FLM2 code\n',
  'html comment inline': 'a <!-- FLM1 --> FLM2\n',
  'html comment block': '<!--\nFLM1\n-->\nFLM2\n',
  'html comment block then text on closing line': '<!-- a\nFLM1 --> FLM2\n\nFLM3\n',
  'html block div ends at blank line': '<div>\nFLM1\n\nFLM2\n',
  'html block pre ends at closing tag': '<pre>\nFLM1\n\nFLM2\n</pre>\nFLM3\n',
  'inline html': 'a <span class="FLM1">FLM2</span> b\n',
  'type 7 html block cannot interrupt paragraph': 'para\n<custom-tag>\nFLM1\n',
  'type 7 html block': '<custom-tag>\nFLM1\n\nFLM2\n',
  'not html': 'a < FLM1 > b <3 FLM2\n',
  'autolinks': '<https://x.org/FLM1> <mailto:FLM2@x.org> <FLM3@x.org> FLM4\n',
  'bare urls': 'https://x.org/FLM1 www.x.org/FLM2 http://x.org/a?b=FLM3. FLM4\n',
  'url punctuation': 'See https://x.org/FLM1). And (www.x.org/FLM2) FLM3\n',
  'email': 'FLM1@x.org a.FLM2@x.org FLM3\n',
  'links': '[FLM1](https://x.org/FLM2 "FLM3") [FLM4][ref] [FLM5] ![FLM6](FLM7.png)\n\n[ref]: https://x.org/FLM8 "FLM9"\n',
  'link destination with parens': '[a](https://x.org/(FLM1)) FLM2\n',
  'link destination in angle brackets': '[a](<x FLM1.md>) FLM2\n',
  'reference definition with title on next line': '[r]: /url\n  "FLM1"\n\nFLM2\n',
  'headings': '# FLM1 #\n\n## FLM2 ##  \n\nSetext FLM3\n---\n',
  'block quote': '> FLM1\n> > FLM2\n',
  'tables': '| FLM1 | `FLM2` |\n| --- | --- |\n| [x](FLM3) | FLM4 |\n',
  'escapes': '\\`FLM1\\` \\<FLM2> \\[FLM3](x)\n',
  'look-alikes': 'AFLM1 FLM1a FORUM 2 SEE 17 1FLM1 FLM1_\n',
  'hard break and entity': 'FLM1\\\nFLM2&amp;FLM3\n',
  'task list': '- [ ] FLM1\n- [x] FLM2\n',
  'thematic break in list': '- a\n* * *\n- FLM1\n',
  'crlf': 'a `FLM1`\r\nFLM2\r\n```\r\nFLM3\r\n```\r\nFLM4\r\n',
  'footnotes': 'Text[^1] FLM1.\n\n[^1]: FLM2 note.\n',
  'footnote definition with code': '[^n]: `FLM1` FLM2\n',
  'indented line after a title line is text': '[r]: /url\n"t"\n    FLM1\n',
  'title after a blank line is a paragraph': '[r]: /url\n\n"FLM1"\n',
  'definition with title is complete': '[r]: /url "t"\n"FLM1"\n',
  'html in list item': '- <div>\n  FLM1\n  </div>\n\nFLM2\n',
  'tab-indented code': '\tFLM1\n\nFLM2\n',
  'block quote with lazy continuation': '> a\nFLM1\n',
  'link text with code': '[`FLM1` FLM2](x)\n',
  'image inside link': '[![FLM1](a.png)](https://x.org) FLM2\n',
  'table row ending in an escape': '| a | b |\n| - | - |\n| FLM1 | `x` FLM2\\\n',
  'code span over lazy lines of a block quote': '> FLM1\na `FLM1\n> a\n[`FLM1` FLM2](x)\n',
  'a definition-like line in a table is a row': '| a | b |\n| - | - |\n[r]: /FLM1\n',
  'no table on lazy lines of a list item': '- a\n| FLM1 | y |\n| - | - |\nFLM2\n',
  'no table on lazy lines of a block quote': '> q\n| `FLM1 | FLM2` |\n| - | - |\n',
  'a list item ends a table': '| x | y |\n| - | - |\n- FLM1\n      FLM2\n',
  'a footnote definition ends a table': '| x | y |\n| - | - |\n[^1]: FLM1 note.\n         FLM2\n',
  'table interrupting a paragraph': 'a `FLM1\n| FLM2 | `FLM3` |\n| --- | --- |\n| `FLM4 | FLM5` |\n',
  'html block after a definition and a blank line': '[r]: /url\n\n<custom-tag>\nFLM1\n',
  'type 7 tag right after a definition continues it': '[r]: /url "t"\n<custom-tag>\nFLM1\n',
  'footnote continuation lines': '[^1]: FLM1 note.\n\n      FLM2\n',
  'lazy indented fence is text': '   - two FLM1\n    ```\nFLM2\n',
};

describe('scanner agrees with remark on a corpus of tricky snippets', () => {
  for (const [name, text] of Object.entries(corpus)) {
    it(name, () => {
      expect(engineHits(text)).toEqual(remarkHits(text));
    });
  }
});

const docsRoot = path.resolve(__dirname, '../../framework-docs');
const mdFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? mdFiles(p) : n.endsWith('.md') ? [p] : [];
  });

describe('scanner agrees with remark on every file of framework-docs', () => {
  const files = mdFiles(docsRoot);
  it('finds the files', () => expect(files.length).toBeGreaterThan(100));
  for (const file of files) {
    it(path.relative(docsRoot, file), () => {
      const text = readFileSync(file, 'utf8');
      expect(engineHits(text)).toEqual(remarkHits(text));
    });
  }
});

// Documents stitched together from the corpus' lines, so that constructs meet in new ways.
/** A lone unknown tag that lazily continues the paragraph of a list item, block quote or footnote. */
function remarkTypeSevenQuirk(lines: string[]): boolean {
  return lines.some((l, i) => {
    if (!/^<\/?[A-Za-z][\w-]*>$/.test(l)) return false;
    for (let k = i - 1; k >= 0 && lines[k]!.trim() !== ''; k--) if (/^\s*(?:[-*+]|\d+[.)]|>|\[\^[^\]]+\]:)(?:\s|$)/.test(lines[k]!)) return true;
    return false;
  });
}

it('after list item text, a lone unknown tag is a lazy continuation line (CommonMark), not HTML', () => {
  expect(engineHits('- item\n<custom-tag>\n    FLM1\n')).toEqual(['2:4-2:8']);
  expect(remarkTypeSevenQuirk(['- item', '<custom-tag>'])).toBe(true);
});

it('scanner agrees with remark on generated documents', () => {
  const lines = [...new Set(Object.values(corpus).flatMap((t) => t.replace(/\r/g, '').split('\n')))];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 12 }), (picked) => {
      fc.pre(!remarkTypeSevenQuirk(picked));
      // A first line "---" opens front matter for the engine (reported when never closed);
      // remark-frontmatter then sees a thematic break. Deliberate: see the front-matter tests.
      fc.pre(picked[0] !== '---');
      const text = picked.join('\n') + '\n';
      expect(engineHits(text)).toEqual(remarkHits(text));
    }),
    { numRuns: Number(process.env.SCANNER_RUNS ?? 500), seed: process.env.SCANNER_RUNS ? undefined : 7 },
  );
});
