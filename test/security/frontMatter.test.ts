// Front matter is data: no language that runs code, no YAML tag that builds objects, no key
// that reaches Object.prototype, and no alias bomb that costs more than its own size.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  completions,
  elementInfo,
  hover,
  listElements,
  matrix,
  MemoryWorkspace,
  Project,
  readFrontMatter,
  workspaceSymbols,
  type Diagnostic,
} from '../../language/index';
import { checkJson, goodElement, removeCliBundle, runCli, tempTree } from './cli';
import { DocumentPart } from '../../language/parse/located';
import { LineMap } from '../../language/text/lineMap';

afterAll(removeCliBundle);

const ROOT = 'file:///sec';
const TRACE_GLOBAL = '__opmodelFrontMatterTrace';
const g = globalThis as Record<string, unknown>;
const traceFile = path.join(os.tmpdir(), `opmodel-trace-${process.pid}-${Date.now()}`);

/** JavaScript that, if anything evaluated it, would set a global and write a file. */
const payloadJs = `{
  title: (function () {
    globalThis.${TRACE_GLOBAL} = 'front matter ran';
    process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(traceFile)}, 'front matter ran');
    return 'pwned';
  })(),
  id: 'FLM1'
}`;
/** The same in CoffeeScript (an object literal and a call, also valid JavaScript). */
const payloadCoffee = `title: do -> globalThis.${TRACE_GLOBAL} = 'coffee ran'; process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(traceFile)}, 'coffee ran'); 'pwned'`;

async function open(files: Record<string, string>) {
  const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [`${ROOT}/${p}`, t])));
  return Project.open({ workspace: ws, rootUri: ROOT });
}
const only = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

afterEach(() => {
  delete g[TRACE_GLOBAL];
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('front matter that names a language is refused, never run', () => {
  for (const [opener, payload] of [
    ['---js', payloadJs],
    ['---javascript', payloadJs],
    ['--- js', payloadJs],
    ['---coffee', payloadCoffee],
  ] as const) {
    it(`${JSON.stringify(opener)}: nothing runs, invalid-front-matter is reported`, async () => {
      const text = `${opener}\n${payload}\n---\n\nSee FLM2.\n`;
      const project = await open({ 'evil.md': text, 'FLM2.md': goodElement('FLM2', 'Cites FLM77.') });
      expect(g[TRACE_GLOBAL]).toBeUndefined();
      expect(existsSync(traceFile)).toBe(false);
      const evil = project.diagnostics(`${ROOT}/evil.md`);
      const fm = only(evil, 'invalid-front-matter');
      expect(fm).toHaveLength(1);
      expect(fm[0]!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: opener.length } });
      expect(fm[0]!.message).toContain('never runs code');
      // Nothing from the payload became data.
      expect(project.document(`${ROOT}/evil.md`)!.title).toBeUndefined();
      expect(project.document(`${ROOT}/evil.md`)!.definition).toBeUndefined();
      // The rest of the workspace is still checked.
      expect(only(project.diagnostics(`${ROOT}/FLM2.md`), 'unknown-id').map((d) => d.message)).toEqual([
        'Unknown ID FLM77: no document defines it. Create it or correct the reference.',
      ]);
    });
  }

  it('through the CLI (check, list, show, matrix) on a real folder: no trace, a diagnostic', async () => {
    const { dir, cleanup } = tempTree({
      'evil.md': `---js\n${payloadJs}\n---\n`,
      'coffee.md': `---coffee\n${payloadCoffee}\n---\n`,
      'FLM2.md': goodElement('FLM2', 'Cites FLM77.'),
    });
    try {
      const check = await checkJson(dir);
      expect(check.code).toBe(1);
      expect(check.brief).toContain('evil.md:1:1 invalid-front-matter');
      expect(check.brief).toContain('coffee.md:1:1 invalid-front-matter');
      expect(check.brief).toContain('FLM2.md:9:7 unknown-id');
      for (const args of [['list', '.'], ['show', 'FLM1', '--dir', '.'], ['matrix', '.']]) {
        const r = await runCli(args, dir);
        expect(r.stderr).not.toContain('internal error');
      }
      expect(existsSync(traceFile)).toBe(false);
    } finally {
      cleanup();
    }
  });
});

/** True when `v` holds only strings, numbers, booleans, null/undefined, arrays, Maps and plain objects. */
function isPlainData(v: unknown, seen = new Set<unknown>()): boolean {
  if (v === null || v === undefined) return true;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  if (t !== 'object') return false; // functions, symbols, bigints
  if (seen.has(v)) return true;
  seen.add(v);
  if (Array.isArray(v)) return v.every((x) => isPlainData(x, seen));
  if (v instanceof Map) return [...v.entries()].every(([k, x]) => typeof k === 'string' && isPlainData(x, seen));
  const proto = Object.getPrototypeOf(v);
  // RegExp, Date, Buffer, class instances; only the engine's own document parts (offsets and
  // strings, whose ranges are computed when read) and line maps are allowed, and checked inside.
  if (proto !== Object.prototype && proto !== null && !(v instanceof DocumentPart) && !(v instanceof LineMap)) return false;
  return Object.values(v as object).every((x) => isPlainData(x, seen));
}

describe('YAML tags construct nothing', () => {
  const tagged = [
    ['title', '!!js/function "function () { globalThis.__opmodelFrontMatterTrace = 1; return \'x\' }"', '!!js/function'],
    ['title', '!!js/regexp /(a+)+$/', '!!js/regexp'],
    ['title', '!!js/undefined ""', '!!js/undefined'],
    ['related', '!!python/object/apply:os.system ["touch /tmp/opmodel-pwned"]', '!!python/object/apply:os.system'],
    ['title', '!!python/object:__main__.Evil {}', '!!python/object:__main__.Evil'],
    ['title', '!foo bar', '!foo'],
    ['title', '!<tag:example.com,2000:app/thing> x', '!<tag:example.com,2000:app/thing>'],
    ['title', '!!binary aGVsbG8=', '!!binary'],
    ['related', '!!set { FLM2 }', '!!set'],
    ['title', '!!timestamp 2001-12-14', '!!timestamp'],
  ] as const;

  for (const [key, value, tag] of tagged) {
    it(`${tag}: reported with its exact range; the value stays text`, async () => {
      const text = `---\nid: FLM1\n${key}: ${value}\ntype: element\n---\nBody.\n`;
      const fm = readFrontMatter(text)!;
      expect(isPlainData(fm)).toBe(true);
      expect(g[TRACE_GLOBAL]).toBeUndefined();
      const project = await open({ 'a.md': text });
      const doc = project.document(`${ROOT}/a.md`)!;
      expect(isPlainData(doc)).toBe(true);
      expect(doc.definition?.id).toBe('FLM1');
      const d = only(project.diagnostics(`${ROOT}/a.md`), 'invalid-front-matter');
      expect(d).toHaveLength(1);
      const col = key.length + 2;
      expect(d[0]!.range).toEqual({ start: { line: 2, character: col }, end: { line: 2, character: col + tag.length } });
      expect(d[0]!.message).toContain(`the YAML tag ${tag} is not supported`);
      expect(isPlainData(listElements(project))).toBe(true);
    });
  }

  it('the YAML 1.2 core types are not tags: plain values raise nothing', async () => {
    const project = await open({ 'a.md': `---\nid: FLM1\ntitle: !!str 12\nsummary: 2001-12-14\nrelated: [FLM1]\n---\n` });
    expect(only(project.diagnostics(`${ROOT}/a.md`), 'invalid-front-matter')).toEqual([]);
    expect(project.document(`${ROOT}/a.md`)!.title).toBe('12');
    expect(project.document(`${ROOT}/a.md`)!.summary).toBe('2001-12-14');
  });
});

describe('__proto__, constructor and prototype keys pollute nothing', () => {
  const hostile = [
    '---',
    'id: FLM1',
    'title: Hostile',
    'type: element',
    'system: __proto__',
    'discipline: constructor',
    'summary: prototype',
    '__proto__:',
    '  polluted: yes',
    'constructor:',
    '  prototype:',
    '    polluted: yes',
    'prototype: { polluted: yes }',
    'related: [__proto__, constructor, FLM2]',
    'supports: __proto__',
    '---',
    'Body cites FLM2 and __proto__.',
    '',
  ].join('\n');

  it('indexing, features and the matrix leave Object.prototype alone and do not crash', async () => {
    const project = await open({
      'hostile.md': hostile,
      'constructor.md': goodElement('FLM2').replace('system: first-line-management', 'system: constructor').replace('discipline: technology-tools', 'discipline: __proto__'),
    });
    const uri = `${ROOT}/hostile.md`;
    const doc = project.document(uri)!;
    expect(doc.fields.get('__proto__')?.kind).toBe('other');
    expect(doc.system).toBe('__proto__');
    const info = elementInfo(project, 'FLM1')!;
    // No prototype at all: relation names from the config are only names.
    expect(Object.getPrototypeOf(info.relations)).toBe(null);
    expect(info.relations.related).toEqual(['FLM2']);
    const m = matrix(project);
    expect(m.unplaced).toEqual(['FLM1', 'FLM2']);
    expect(Object.keys(m.leadership.supportedBy)).toEqual([]);
    hover(project, uri, { line: 16, character: 11 });
    completions(project, uri, hostile, { line: 4, character: 10 });
    workspaceSymbols(project, '');
    expect(project.allDiagnostics().map((d) => d.code)).toContain('unknown-system');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    // The engine's own field table, as for any other document: no key reached its prototype.
    const fieldsProto = Object.getPrototypeOf(doc.fields) as object;
    expect(fieldsProto === Object.getPrototypeOf(project.document(`${ROOT}/constructor.md`)!.fields)).toBe(true);
    expect(Object.getOwnPropertyNames(fieldsProto).sort()).toEqual(['constructor', 'entries', 'forEach', 'get', 'has', 'keys', 'size', 'values'].sort());
    expect([...doc.fields.keys()]).toContain('__proto__');
  });

  it('opmodel.json keys named __proto__ or constructor pollute nothing', async () => {
    const config = JSON.stringify({
      severity: { __proto__: { polluted: 'yes' }, constructor: 'off', 'unknown-id': 'warning' },
      relations: { constructor: { title: 'C', inverse: 'c' } },
      types: { __proto__: { requiresId: true } },
    });
    const project = await open({ 'opmodel.json': config, 'a.md': hostile });
    project.allDiagnostics();
    matrix(project);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('through the CLI: check, list, show and matrix finish and report', async () => {
    const { dir, cleanup } = tempTree({ 'hostile.md': hostile });
    try {
      for (const args of [['check', '.'], ['list', '.', '--format', 'json'], ['show', 'FLM1', '--dir', '.', '--format', 'json'], ['matrix', '.', '--format', 'json'], ['matrix', '.']]) {
        const r = await runCli(args, dir);
        expect(r.stderr, args.join(' ')).not.toContain('internal error');
        expect([0, 1]).toContain(r.code);
      }
      const check = await runCli(['check', '.'], dir);
      expect(check.stdout).toContain('hostile.md:5:9 error unknown-system Unknown system "__proto__"');
    } finally {
      cleanup();
    }
  });
});

describe('YAML alias bombs cost their own size, not their expansion', () => {
  /** Billion laughs: `levels` levels of `width` aliases each, 10^9 leaves when expanded. */
  function bomb(levels = 9, width = 10): string {
    const lines = ['---', 'id: FLM1', 'title: Bomb', 'l0: &l0 "lol"'];
    for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
    lines.push(`related: *l${levels}`, `supports: [*l${levels}, *l${levels}]`, `summary: *l${levels}`, '---', 'Body FLM1.', '');
    return lines.join('\n');
  }

  it('is indexed without expanding the aliases (bounded heap, exact result)', async () => {
    const text = bomb();
    expect(text.length).toBeLessThan(1000);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const project = await open({ 'bomb.md': text, 'FLM2.md': goodElement('FLM2') });
    const doc = project.document(`${ROOT}/bomb.md`)!;
    const after = process.memoryUsage().heapUsed;
    // An expansion would need gigabytes; reading the tree needs a few megabytes at most.
    expect(after - before).toBeLessThan(64 * 1024 * 1024);
    expect(doc.definition?.id).toBe('FLM1');
    expect(doc.fields.get('related')?.kind).toBe('other');
    expect(doc.fields.get('supports')?.items).toEqual([]);
    expect(doc.references.map((r) => ({ id: r.id, field: r.field, range: r.range }))).toEqual([{ id: 'FLM1', range: { start: { line: 17, character: 5 }, end: { line: 17, character: 9 } } }]);
    expect(listElements(project).map((e) => e.id)).toEqual(['FLM1', 'FLM2']);
    expect(project.diagnostics(`${ROOT}/FLM2.md`)).toEqual([]);
  });

  it('through the CLI: check and list finish', async () => {
    const { dir, cleanup } = tempTree({ 'bomb.md': bomb(), 'FLM2.md': goodElement('FLM2', 'Cites FLM77.') });
    try {
      const r = await runCli(['list', '.', '--format', 'json'], dir);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { id: string }[]).map((e) => e.id)).toEqual(['FLM1', 'FLM2']);
      const c = await runCli(['check', '.'], dir);
      expect(c.stdout).toContain('FLM2.md:9:7 error unknown-id');
    } finally {
      cleanup();
    }
  });
});
