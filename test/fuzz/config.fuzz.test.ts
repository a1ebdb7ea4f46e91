// Property-based test of opmodel.json: generated configs (right and wrong shapes, names of
// built-in properties, deep nesting, hostile globs) and mutations of their text.
// 1. loadConfig never throws, and every problem's range lies inside the text;
// 2. the config it returns is usable: a project opens with it over generated documents, nothing
//    throws, every diagnostic range lies inside its document, and no include/exclude pattern
//    takes more than the walk's budget without being reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex, loadConfig, MemoryWorkspace, Project, type Range } from '../../language/index';
import { documentText, FILE_NAMES, fileUriOf, ROOT_URI } from './documents';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const TIMEOUT = process.env.FUZZ_RUNS ? 0 : 60_000;

const name = fc.oneof(
  fc.constantFrom('FLM', 'RISK', 'CTL', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '', ' ', 'a b', 'first-line-management', 'x'.repeat(300), '\u202e', '\x1b[2J', '::error::x'),
  fc.string({ maxLength: 8 }),
);
const glob = fc.oneof(
  fc.constantFrom('**/*.md', 'drafts/**', '*.md', '{a,b}/*.md', '[a-z]*.md', '!x.md', '**/' + 'a*'.repeat(20) + 'b', 'a/**/'.repeat(12) + 'b', '+(a|b)', '{a,b}'.repeat(10), '[', '\\', './a.md', '/abs.md', '**'),
  fc.string({ maxLength: 12 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), fc.boolean(), fc.integer(), fc.double(), name, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(name, tie('v'), { maxKeys: 3 })),
})).v;

const family = fc.record({ prefix: fc.oneof(name, fc.constantFrom('FLM', 'CORE-', 'X1-')), groups: fc.oneof(fc.array(fc.constantFrom('A', 'B', 'ZZ', 'abcd', ''), { maxLength: 4 }), value), title: fc.oneof(name, value) }, { requiredKeys: [] });
const holder = fc.record({ key: fc.oneof(name, fc.constantFrom('first-line-management', 'technology-tools', 'constructor')), title: name, families: fc.oneof(fc.array(name, { maxLength: 3 }), value) }, { requiredKeys: [] });
const config = fc.record(
  {
    families: fc.oneof(fc.dictionary(name, fc.oneof(family, value), { maxKeys: 5 }), value),
    systems: fc.oneof(fc.array(fc.oneof(holder, value), { maxLength: 4 }), value),
    disciplines: fc.oneof(fc.array(fc.oneof(holder, value), { maxLength: 4 }), value),
    leadership: fc.oneof(fc.array(holder, { maxLength: 3 }), value),
    relations: fc.oneof(fc.dictionary(name, fc.oneof(fc.record({ title: name, inverse: name }, { requiredKeys: [] }), value), { maxKeys: 4 }), value),
    types: fc.oneof(fc.dictionary(name, fc.oneof(fc.record({ requiresId: fc.boolean() }), value), { maxKeys: 4 }), value),
    severity: fc.oneof(fc.dictionary(fc.oneof(name, fc.constantFrom('unknown-id', 'duplicate-id')), fc.oneof(fc.constantFrom('error', 'warning', 'off', 'loud'), value), { maxKeys: 4 }), value),
    include: fc.oneof(fc.array(glob, { maxLength: 3 }), value),
    exclude: fc.oneof(fc.array(glob, { maxLength: 3 }), value),
    maxFileSize: fc.oneof(fc.integer({ min: -10, max: 10_000_000 }), value),
    extra: value,
  },
  { requiredKeys: [] },
);

/** The text: JSON with any indentation, or deep nesting, or mutated (truncated, spliced, commented). */
const configText = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(config, fc.constantFrom(0, 1, 2, '\t')).map(([c, indent]) => JSON.stringify(c, null, indent)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 50, max: 5_000 }), fc.constantFrom('[', '{"a":')).map(([n, open]) => `{"x": ${open.repeat(n)}`) },
  {
    weight: 3,
    arbitrary: fc.tuple(config.map((c) => JSON.stringify(c, null, 2)), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', '"', ':', '//', '/*', '\n', '\\', '\ud800', '\ufeff', '{'.repeat(200))).map(([t, n, ins]) => {
      const at = t.length ? n % (t.length + 1) : 0;
      return t.slice(0, at) + ins + t.slice(at);
    }),
  },
);

function inside(text: string, r: Range): boolean {
  const lines = new LineIndex(text);
  return [r.start, r.end].every((p) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length);
}

describe('opmodel.json, fuzzed', () => {
  it(
    'loads or reports with exact ranges, and a project opens with whatever it gives',
    async () => {
      await fc.assert(
        fc.asyncProperty(configText, fc.dictionary(fc.constantFrom(...FILE_NAMES), documentText, { maxKeys: 3 }), async (text, docs) => {
          const { config, problems } = loadConfig(text);
          for (const p of problems) if (!inside(text, p.range)) throw new Error(`problem outside the text: ${JSON.stringify(p)}`);
          expect(Array.isArray(config.families) && Array.isArray(config.include) && Array.isArray(config.exclude)).toBe(true);
          const ws = new MemoryWorkspace({ [`${ROOT_URI}/opmodel.json`]: text, ...Object.fromEntries(Object.entries(docs).map(([n, t]) => [fileUriOf(n), t])) });
          const project = await Project.open({ workspace: ws, rootUri: ROOT_URI });
          for (const p of project.configProblems) if (!inside(text, p.range)) throw new Error(`config problem outside the text: ${JSON.stringify(p)}`);
          for (const d of project.allDiagnostics()) {
            if (d.code === 'skipped-file') expect(d.message).not.toMatch(/internal error/);
            const doc = docs[d.uri.slice(ROOT_URI.length + 1)];
            if (doc !== undefined && !inside(doc.replace(/^\ufeff/, ''), d.range)) throw new Error(`diagnostic outside its document: ${JSON.stringify(d)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: false },
      );
    },
    TIMEOUT,
  );
});
