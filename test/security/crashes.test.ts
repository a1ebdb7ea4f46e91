// Crashes: input that used to end in "internal error" with a stack trace. Deep nesting in
// opmodel.json is a reported problem with file, line and column; a page the site builder cannot
// render is reported with its file and shown as source while the rest of the site is built;
// names of built-in object properties are plain names everywhere; thousands of definitions of
// one ID give messages of bounded size.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { listElements, loadConfig, matrix, MemoryWorkspace, Project } from '../../language/index';
import { parseHtml, $, $$, text } from '../playbook/helpers';
import { PageRenderer } from '../../playbook/pageRenderer';
import { goodElement, removeCliBundle, runCli, tempTree } from './cli';

afterAll(removeCliBundle);

describe('deep nesting in opmodel.json', () => {
  const deep = (n: number) => `{\n  "severity": ${'['.repeat(n)}${']'.repeat(n)}\n}\n`;

  it('engine: 20,000 levels are one problem at the first level too deep, no stack overflow', () => {
    const text = deep(20_000);
    const { problems } = loadConfig(text);
    // Independent arithmetic: depth 1 is the object, so the 64th "[" reaches depth 65.
    const col = text.split('\n')[1]!.indexOf('[') + 63;
    expect(problems.map((p) => `${p.range.start.line}:${p.range.start.character} ${p.message}`)).toEqual([
      `1:${col} the config nests deeper than 64 levels; nothing in opmodel.json needs more than a few`,
    ]);
  });

  it('64 levels are still parsed (and reported for what they are)', () => {
    const { problems } = loadConfig(deep(63));
    expect(problems.map((p) => p.message)).toEqual(['severity must be an object, e.g. { "malformed-id": "error" }']);
  });

  it('CLI: exit 2 with file, line and column, for every command', async () => {
    const t = tempTree({ 'opmodel.json': deep(50_000), 'a.md': goodElement('FLM1') });
    try {
      for (const cmd of [['check', '.'], ['list'], ['build', '--out', 'site']]) {
        const r = await runCli(cmd, t.dir);
        expect(r.stderr).not.toContain('internal error');
        expect(r.stderr).toContain('opmodel.json:2:78 error invalid-config the config nests deeper than 64 levels');
        expect(r.code).toBe(2);
      }
    } finally {
      t.cleanup();
    }
  });
});

describe('invalid family names (found by the config fuzz test)', () => {
  it('are reported and left out; they never become an ID pattern', async () => {
    const text = '{"families":{"- ":{}, "a(b": {}, "OK": {}}}';
    expect(loadConfig(text).problems.map((p) => p.message)).toEqual(['family name "- " must be upper-case letters and digits', 'family name "a(b" must be upper-case letters and digits']);
    expect(loadConfig(text).config.families.map((f) => f.key)).toEqual(['OK']);
    const p = await Project.open({ workspace: new MemoryWorkspace({ 'file:///f/opmodel.json': text, 'file:///f/a.md': 'OK1 and - 1' }), rootUri: 'file:///f' });
    expect(p.configProblems).toHaveLength(2);
  });
});

describe('build: pages the renderer cannot take', () => {
  const pages: Record<string, { md: string; why: RegExp }> = {
    'deep-quotes.md': { md: '# Deep quotes\n\n' + '> '.repeat(10_000) + 'FLM1 at the bottom\n', why: /^deep-quotes\.md:3: warning .*: it nests deeper than 64 levels of block quotes and lists$/m },
    'deep-lists.md': { md: '# Deep lists\n\n' + Array.from({ length: 300 }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n') + '\n', why: /^deep-lists\.md:302: warning .*: it nests deeper than 64 levels of block quotes and lists$/m },
    // The stack overflows, or the tree is found too deep: either way, by nesting.
    'deep-html.md': { md: '# Deep HTML\n\n' + '<div>'.repeat(10_000) + 'x' + '</div>'.repeat(10_000) + '\n', why: /^deep-html\.md: warning .*: (it nests too deeply to render|its elements nest deeper than 200 levels)$/m },
    'deep-inline.md': { md: '# Deep inline\n\nText ' + '<span>'.repeat(20_000) + 'x\n', why: /^deep-inline\.md: warning .*: (it nests too deeply to render|its elements nest deeper than 200 levels)$/m },
    'nested-emphasis.md': { md: '# Nested emphasis\n\n' + '*'.repeat(2_000) + 'a' + '*'.repeat(2_000) + '\n', why: /^nested-emphasis\.md: warning .*: (it nests too deeply to render|its elements nest deeper than 200 levels)$/m },
    'large.md': { md: '# Large\n\n' + 'word '.repeat(210_000) + '\n', why: /^large\.md: warning .*: it is larger than the 1,000,000-character limit for one page \(1,050,010\)$/m },
  };

  it('each is reported with its file and shown as source; the rest of the site is built', async () => {
    const t = tempTree({ 'opmodel.json': '{}\n', 'a.md': goodElement('FLM1', 'See the [guide](guide.md).'), 'guide.md': '# Guide\n\nRead FLM1.\n', ...Object.fromEntries(Object.entries(pages).map(([f, p]) => [f, p.md])) });
    try {
      const r = await runCli(['build', '--out', 'site'], t.dir);
      expect(r.stderr).not.toContain('internal error');
      for (const { why } of Object.values(pages)) expect(r.stderr).toMatch(why);
      expect(r.stderr).toContain('Built 22 pages into site');
      expect(r.code).toBe(0);
      const site = path.join(t.dir, 'site');
      for (const [file, { md }] of Object.entries(pages)) {
        const page = parseHtml(readFileSync(path.join(site, 'pages', file.replace('.md', '.html')), 'utf8'));
        expect(text($(page, 'pre.page-source'))).toBe(md.slice(md.indexOf('\n\n') + 2).trim());
        expect(text($(page, '.page-source-note'))).toBe('This page is too complex to render, so it is shown as its Markdown source.');
        expect(text($(page, 'h1'))).toBe(md.slice(2, md.indexOf('\n')));
      }
      const guide = parseHtml(readFileSync(path.join(site, 'pages', 'guide.html'), 'utf8'));
      expect($$(guide, '.doc-body a.idref').map((a) => a.properties['href'])).toEqual(['../elements/FLM1.html']);
      const flm1 = parseHtml(readFileSync(path.join(site, 'elements', 'FLM1.html'), 'utf8'));
      expect($$(flm1, '.backlinks a').map((a) => a.properties['href'])).toEqual(['../pages/deep-quotes.html', '../pages/guide.html']);
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('without a worker (the sources under test) the same pages are refused by nesting, in this thread', async () => {
    const renderer = new PageRenderer(null);
    for (const file of ['deep-quotes.md', 'deep-html.md', 'deep-inline.md', 'nested-emphasis.md']) {
      const { md } = pages[file]!;
      const r = await renderer.render({ text: md, bodyStart: 0, refs: [], idTarget: () => undefined, rewriteLink: () => undefined });
      expect(r.refused?.message, file).toMatch(/^the page is shown as its Markdown source: (it nests|its elements nest)/);
    }
    const ok = await renderer.render({ text: '# Fine\n\n> quoted *and* **strong**\n', bodyStart: 0, refs: [], idTarget: () => undefined, rewriteLink: () => undefined });
    expect(ok.refused).toBeUndefined();
    expect(text($(ok.tree, 'blockquote strong'))).toBe('strong');
  });
});

// Every name a plain JavaScript object inherits.
const BUILTINS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', 'prototype'];

describe('names of built-in properties are plain names', () => {
  const relationNames = BUILTINS.filter((n) => /^[A-Za-z]/.test(n));
  const config = JSON.stringify({
    relations: Object.fromEntries(relationNames.map((n) => [n, { title: `Rel ${n}`, inverse: `Inverse ${n}` }])),
    types: Object.fromEntries(BUILTINS.map((n) => [n, { requiresId: false }])),
  });
  const files: Record<string, string> = {
    'opmodel.json': config,
    'a.md': `---\nid: FLM1\ntitle: One\ntype: element\nsystem: first-line-management\ndiscipline: technology-tools\n${relationNames.map((n) => `${n}: [FLM2]`).join('\n')}\n__proto__: [FLM2]\n---\n\nBody.\n`,
    'b.md': goodElement('FLM2'),
    ...Object.fromEntries(BUILTINS.map((n, i) => [`t${i}.md`, `---\ntitle: Type ${n}\ntype: ${n}\nkey: ${n}\nsystem: ${n}\ndiscipline: ${n}\npart: ${n}\n---\n\nText.\n`])),
    [`c.md`]: `---\nid: FLM3\ntitle: Three\ntype: element\nsystem: constructor\ndiscipline: __proto__\npart: toString\n---\n`,
  };

  it('engine: relations, types, systems and parts named like built-ins', async () => {
    const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [`file:///b/${p}`, t])));
    const p = await Project.open({ workspace: ws, rootUri: 'file:///b' });
    expect(p.configProblems).toEqual([]);
    const one = listElements(p).find((e) => e.id === 'FLM1')!;
    expect(Object.keys(one.relations).sort()).toEqual([...relationNames].sort());
    for (const n of relationNames) expect(one.relations[n]).toEqual(['FLM2']);
    const three = listElements(p).find((e) => e.id === 'FLM3')!;
    expect(three.relations['constructor']).toBeUndefined();
    const m = matrix(p);
    expect(m.unplaced).toEqual(['FLM3']);
    expect(p.allDiagnostics().map((d) => `${d.uri.slice('file:///b/'.length)} ${d.code}`)).toEqual(
      expect.arrayContaining(['c.md unknown-system', 'c.md unknown-discipline']),
    );
  });

  it('CLI: a command named like a built-in is an unknown command', async () => {
    for (const name of BUILTINS) {
      let err = '';
      const code = await main([name], { out: () => {}, err: (s) => void (err += s), isTTY: false, cwd: process.cwd() });
      expect(err).toContain(`opmodel: unknown command "${name}"`);
      expect(code).toBe(2);
    }
  });

  it('CLI: check, list, show, matrix and build all finish', async () => {
    const t = tempTree(files);
    try {
      for (const cmd of [['check', '.'], ['list'], ['show', 'FLM1'], ['show', 'FLM2'], ['matrix', '--format', 'json'], ['build', '--out', 'site', '--force']]) {
        const r = await runCli(cmd, t.dir);
        expect(r.stderr, cmd.join(' ')).not.toContain('internal error');
        expect(r.code, cmd.join(' ')).toBeLessThan(2);
      }
      const show = await runCli(['show', 'FLM1'], t.dir);
      for (const n of relationNames) expect(show.stdout).toContain(`${n}: FLM2\n`);
      const page = parseHtml(readFileSync(path.join(t.dir, 'site', 'elements', 'FLM1.html'), 'utf8'));
      for (const n of relationNames) expect(text($(page, `dd[data-field="${n}"]`))).toBe('FLM2 Title of FLM2');
      const two = parseHtml(readFileSync(path.join(t.dir, 'site', 'elements', 'FLM2.html'), 'utf8'));
      for (const n of relationNames) expect(text($(two, `dd[data-field="${n}-inverse"]`))).toBe('FLM1 One');
    } finally {
      t.cleanup();
    }
  }, 60_000);
});

describe('thousands of definitions of one ID', () => {
  it('each duplicate names a few others and counts the rest; output stays linear', async () => {
    const n = 5_000;
    const name = (i: number) => `d${String(i).padStart(4, '0')}.md`;
    const ws = new MemoryWorkspace(Object.fromEntries(Array.from({ length: n }, (_, i) => [`file:///d/${name(i)}`, '---\nid: FLM1\ntitle: Same\n---\n'])));
    const p = await Project.open({ workspace: ws, rootUri: 'file:///d' });
    const all = p.allDiagnostics().filter((d) => d.code === 'duplicate-id');
    expect(all).toHaveLength(n);
    const first = all.find((d) => d.uri === `file:///d/${name(0)}`)!;
    expect(first.message).toBe(`Duplicate ID FLM1: also defined in ${name(1)}, ${name(2)}, ${name(3)} and ${(n - 4).toLocaleString('en')} other files. Each ID must be defined once; the next free ID is FLM2.`);
    expect(first.related!.map((r) => r.location.uri.slice('file:///d/'.length))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(name));
    const last = all.find((d) => d.uri === `file:///d/${name(n - 1)}`)!;
    expect(last.message).toContain(`also defined in ${name(0)}, ${name(1)}, ${name(2)} and 4,996 other files.`);
    expect(Math.max(...all.map((d) => d.message.length))).toBeLessThan(200);
    expect(Math.max(...all.map((d) => d.related!.length))).toBe(10);
  });

  it('two and three definitions still name every other file', async () => {
    const ws = new MemoryWorkspace({ 'file:///d/a.md': '---\nid: FLM1\n---\n', 'file:///d/b.md': '---\nid: FLM1\n---\n', 'file:///d/c.md': '---\nid: FLM1\n---\n' });
    const p = await Project.open({ workspace: ws, rootUri: 'file:///d' });
    expect(p.diagnostics('file:///d/a.md').find((d) => d.code === 'duplicate-id')!.message).toBe('Duplicate ID FLM1: also defined in b.md, c.md. Each ID must be defined once; the next free ID is FLM2.');
  });
});
