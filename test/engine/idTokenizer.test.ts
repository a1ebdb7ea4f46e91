// The hand-written ID tokenizer finds exactly what the ID regex finds (same tokens, same order,
// same classification): on the framework's families and on others (groups that prefix one
// another, stems with K and S, which the regex's Unicode case folding also matches as the
// Kelvin sign and the long s), on hostile text and on the benchmark corpora.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FamilyConfig } from '../../language/config/config';
import { defaultConfig } from '../../language/config/defaults';
import { IdSyntax } from '../../language/ids/idSyntax';
import { corpusFiles } from '../../scripts/bench/generate.mjs';
import { documentText } from '../fuzz/documents';

const family = (prefix: string, groups: string[] = [], key = prefix.replace(/-$/, '')): FamilyConfig => ({ key, title: key, prefix, groups });
const SYNTAXES: [string, IdSyntax][] = [
  ['the default families', new IdSyntax(defaultConfig().families)],
  ['stems with K and S, groups that prefix each other, a stem with a digit', new IdSyntax([family('KPI'), family('SK-', ['A', 'AB', 'ABC']), family('S'), family('K2'), family('SKA')])],
  ['one-letter stems', new IdSyntax([family('A-', ['B']), family('B'), family('CORE-', ['A', 'B'])])],
];

const same = (syntax: IdSyntax, text: string, from = 0, to = text.length) => expect(syntax.scan(text, from, to)).toEqual(syntax.scanWithRegex(text, from, to));

const piece = fc.oneof(
  fc.constantFrom('FLM', 'flm', 'Flm', 'CORE', 'core', 'CORE-', 'CORE ', 'A', 'B', 'C', 'AB', 'ABC', 'KPI', 'kpi', '\u212aPI', 'S', 's', '\u017f', 'SK', 's\u212a', 'K2', 'EE', 'LP', 'LC', 'OM', 'UM', 'GOV'),
  fc.constantFrom(' ', '-', '  ', '--', '_', '.', '/', '\n', '\t', '`', '0', '00', '1', '12', '999999999999999999999', '7'),
  fc.constantFrom('é', 'ß', '日', '😀', '\ud835\udfd8', '\u0660', '\u00b2', '\ud83d', '\udc00', '\u0130', '\u0131', 'x', 'Z', '9'),
);
const text = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));

describe('ID tokenizer', () => {
  it.each(SYNTAXES)('equals the regex on random text (%s)', (_name, syntax) => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        same(syntax, t);
        const from = a % (t.length + 1);
        same(syntax, t, from, from + (b % (t.length - from + 1)));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it.each(SYNTAXES)('equals the regex on generated Markdown (%s)', (_name, syntax) => {
    for (const t of fc.sample(documentText, { numRuns: 500, seed: 17 })) same(syntax, t);
  });

  it('equals the regex on the benchmark corpora', () => {
    const syntax = SYNTAXES[0]![1];
    let tokens = 0;
    for (const shape of ['standard', 'deep'] as const) {
      for (const [, t] of corpusFiles(300, 7, shape)) {
        same(syntax, t);
        tokens += syntax.scan(t).length;
      }
    }
    expect(tokens).toBeGreaterThan(10_000);
  });

  it('reads what the regex reads at the edges', () => {
    const syntax = SYNTAXES[1]![1];
    const hits = (t: string) => syntax.scan(t).map((m) => [m.text, m.canonical, m.isCanonical]);
    // The Kelvin sign matches K for the regex, but no classification accepts it: not an ID; nor
    // is a spaced spelling in lower case.
    expect(hits('\u212aPI3 KPI3 kpi 4 SKAB2 SK-ABC3 SK A 1 K23 S5')).toEqual([
      ['KPI3', 'KPI3', true],
      ['SKAB2', 'SK-AB2', false],
      ['SK-ABC3', 'SK-ABC3', true],
      ['SK A 1', 'SK-A1', false],
      ['K23', 'K23', true],
      ['S5', 'S5', true],
    ]);
    // A letter or number (any script, either half of a surrogate pair) before or after: no ID.
    expect(syntax.scan('éKPI3 KPI3é \ud835\udfd8KPI3 KPI3\ud835\udfd8 \ud83dKPI3').map((m) => m.start)).toEqual([27]);
  });
});
