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
