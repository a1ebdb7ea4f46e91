// Crosswalks: the `crosswalks` config section, the `invalid-crosswalk` rule with exact ranges and
// fixes, the nested front matter it reads, and the crosswalk in hover and element info.
import { describe, expect, it } from 'vitest';
import { applyTextEdits, defaultConfig, elementInfo, hover, loadConfig, type Diagnostic } from '../../language/index';
import { brief, element, openMemory, range, rangeOf, u } from '../helpers';

const CONFIG = JSON.stringify({
  crosswalks: {
    itil4: { title: 'ITIL 4', values: ['Incident management', 'Problem management', 'Service desk'] },
    cobit2019: { title: 'COBIT 2019', values: { DSS02: 'Managed service requests and incidents', DSS03: 'Managed problems' } },
    free: { title: 'Free text' },
  },
}, null, 2);

const fm = (extra: string) => element('FLM3', 'first-line-management', 'organization-management', '# FLM3\n', extra);

async function check(text: string, config = CONFIG): Promise<Diagnostic[]> {
  const { project } = await openMemory({ 'opmodel.json': config, 'flm/FLM3.md': text });
  expect(project.configProblems).toEqual([]);
  return project.diagnostics(u('flm/FLM3.md'));
}

describe('crosswalks config', () => {
  it('reads schemes with a list of values, an object of labelled values, or none', () => {
    const { config, problems } = loadConfig(CONFIG);
    expect(problems).toEqual([]);
    expect(config.crosswalks.map((c) => [c.key, c.title, [...c.values.entries()]])).toEqual([
      ['itil4', 'ITIL 4', [['Incident management', ''], ['Problem management', ''], ['Service desk', '']]],
      ['cobit2019', 'COBIT 2019', [['DSS02', 'Managed service requests and incidents'], ['DSS03', 'Managed problems']]],
      ['free', 'Free text', []],
    ]);
  });

  it('ships ITIL 4, COBIT 2019 and ISO/IEC 20000-1:2018 by default, and a declared section replaces them', () => {
    const d = defaultConfig().crosswalks;
    expect(d.map((c) => [c.key, c.title, c.values.size])).toEqual([['itil4', 'ITIL 4', 34], ['cobit2019', 'COBIT 2019', 40], ['iso20000', 'ISO/IEC 20000-1:2018', 58]]);
    expect(d[1]!.values.get('DSS02')).toBe('Managed service requests and incidents');
    expect(d[2]!.values.get('8.6.1')).toBe('Incident management');
    expect(loadConfig('{ "crosswalks": {} }').config.crosswalks).toEqual([]);
  });

  it('reports each problem at its exact range', () => {
    const text = '{ "crosswalks": { "ITIL": {}, "a": [], "b": { "title": 3, "values": [1, "x", "x"], "extra": true }, "c": { "values": { "k": 2 } }, "d": { "values": "x" } } }';
    expect(loadConfig(text).problems).toEqual([
      { message: 'crosswalk scheme "ITIL" must be lower-case letters, digits, "-" or "_", starting with a letter', range: rangeOf(text, '"ITIL"') },
      { message: 'crosswalks.a must be an object, e.g. { "title": "ITIL 4" }', range: rangeOf(text, '[]') },
      { message: 'unknown property "extra" in crosswalks.b; expected title, values', range: rangeOf(text, '"extra"') },
      { message: 'crosswalks.b.title must be a non-empty string', range: rangeOf(text, '3') },
      { message: 'crosswalks.b.values: every item must be a non-empty string', range: rangeOf(text, '1') },
      { message: 'crosswalks.b.values: "x" is declared twice', range: rangeOf(text, '"x"', 1) },
      { message: 'crosswalks.c.values.k: the label must be a string', range: rangeOf(text, '2') },
      { message: 'crosswalks.d.values must be a list of items or an object of item -> label', range: rangeOf(text, '"x"', 2) },
    ]);
    expect(loadConfig('{ "crosswalks": [] }').problems.map((p) => p.message)).toEqual(['crosswalks must be an object keyed by scheme, e.g. { "itil4": { "title": "ITIL 4" } }']);
  });
});

describe('invalid-crosswalk', () => {
  it('stays quiet on declared schemes and items, in flow and block style, and on free-text schemes', async () => {
    expect(await check(fm('crosswalk: { itil4: [Incident management, Service desk], cobit2019: [DSS02], free: [anything at all] }\n'))).toEqual([]);
    expect(await check(fm('crosswalk:\n  itil4:\n    - Problem management\n  cobit2019: [DSS03]\n  free: one item\n'))).toEqual([]);
    expect(await check(fm('crosswalk: { itil4: [] }\n'))).toEqual([]);
  });

  it('reports an unknown scheme on its key, with the closest scheme as a fix', async () => {
    const text = fm('crosswalk: { ITIL 4: [Service desk], cobit: [DSS02] }\n');
    const ds = await check(text);
    expect(ds.map(brief)).toEqual([
      `flm/FLM3.md:6:13-6:19 warning invalid-crosswalk Unknown crosswalk scheme "ITIL 4": did you mean "itil4"?`,
      `flm/FLM3.md:6:37-6:42 warning invalid-crosswalk Unknown crosswalk scheme "cobit": did you mean "cobit2019"?`,
    ]);
    expect(ds[0]!.range).toEqual(rangeOf(text, 'ITIL 4'));
    const fix = ds[0]!.fixes![0]!;
    expect([fix.title, fix.safe, fix.preferred]).toEqual(['Change to "itil4"', false, true]);
    expect(applyTextEdits(text, fix.edit.changes[u('flm/FLM3.md')]!, fix.edit.versions[u('flm/FLM3.md')])).toBe(text.replace('ITIL 4:', 'itil4:'));
  });

  it('reports items that the scheme does not declare, with suggestions; a case-only slip is a safe fix', async () => {
    const text = fm('crosswalk:\n  itil4: [incident management, Incident managment, Catering]\n  cobit2019: [DSS2]\n');
    const ds = await check(text);
    expect(ds.map((d) => [d.range, d.message, d.fixes?.map((f) => [f.title, f.safe]) ?? []])).toEqual([
      [rangeOf(text, 'incident management'), '"incident management" is not an item of ITIL 4: did you mean "Incident management"?', [['Change to "Incident management"', true]]],
      [rangeOf(text, 'Incident managment'), '"Incident managment" is not an item of ITIL 4: did you mean "Incident management"?', [['Change to "Incident management"', false]]],
      [rangeOf(text, 'Catering'), '"Catering" is not an item of ITIL 4: see "crosswalks.itil4.values" in opmodel.json.', []],
      [rangeOf(text, 'DSS2'), '"DSS2" is not an item of COBIT 2019: did you mean "DSS02" or "DSS03"?', [['Change to "DSS02"', false], ['Change to "DSS03"', false]]],
    ]);
  });

  it('reports a crosswalk that is not a mapping, a scheme whose value is not a list, empty and repeated items', async () => {
    let text = fm('crosswalk: ITIL\n');
    expect((await check(text)).map((d) => [d.range, d.message])).toEqual([[rangeOf(text, 'ITIL'), 'crosswalk must map each scheme to a list of items, e.g. crosswalk: { itil4: [Incident management] }']]);
    text = fm('crosswalk:\n');
    expect((await check(text)).map((d) => d.range)).toEqual([rangeOf(text, 'crosswalk')]);
    text = fm('crosswalk: { itil4: { a: b }, cobit2019: }\n');
    expect((await check(text)).map((d) => [d.range, d.message])).toEqual([
      [rangeOf(text, '{ a: b }'), 'crosswalk.itil4 must be a list of items of ITIL 4, e.g. [Incident management]'],
      [rangeOf(text, 'cobit2019'), 'crosswalk.cobit2019 must be a list of items of COBIT 2019, e.g. [DSS02]'],
    ]);
    text = fm('crosswalk: { itil4: [Service desk, "", Service desk] }\n');
    expect((await check(text)).map((d) => [d.range, d.message])).toEqual([
      [range(6, 35, 6, 35), 'An empty item in crosswalk.itil4: remove it or name an item of ITIL 4.'],
      [rangeOf(text, 'Service desk', 1), '"Service desk" is listed twice in crosswalk.itil4.'],
    ]);
  });

  it('reports a crosswalk when the framework declares no schemes', async () => {
    const text = fm('crosswalk: { itil4: [Service desk] }\n');
    expect((await check(text, '{ "crosswalks": {} }')).map((d) => [d.range, d.message])).toEqual([
      [rangeOf(text, 'crosswalk'), 'crosswalk: no crosswalk schemes are declared; declare them under "crosswalks" in opmodel.json'],
    ]);
  });

  it('can be switched off like any rule', async () => {
    const { project } = await openMemory({ 'opmodel.json': '{ "severity": { "invalid-crosswalk": "off" } }', 'flm/FLM3.md': fm('crosswalk: nonsense\n') });
    expect(project.diagnostics(u('flm/FLM3.md'))).toEqual([]);
  });
});

describe('crosswalk in element info and hover', () => {
  it('lists the declared schemes in config order, with labels, and shows them in hover', async () => {
    const text = fm('crosswalk:\n  cobit2019: [DSS02, DSS03]\n  itil4: [Incident management]\n  unknown: [x]\n');
    const ref = 'See FLM3.\n';
    const { project } = await openMemory({ 'opmodel.json': CONFIG, 'flm/FLM3.md': text, 'notes.md': ref });
    expect(elementInfo(project, 'FLM3')!.crosswalk).toEqual([
      { scheme: 'itil4', title: 'ITIL 4', items: [{ value: 'Incident management' }] },
      { scheme: 'cobit2019', title: 'COBIT 2019', items: [{ value: 'DSS02', label: 'Managed service requests and incidents' }, { value: 'DSS03', label: 'Managed problems' }] },
    ]);
    const h = hover(project, u('notes.md'), { line: 0, character: 5 })!;
    expect(h.markdown.split('\n')).toContain('ITIL 4: Incident management\\');
    expect(h.markdown.split('\n')).toContain('COBIT 2019: DSS02, DSS03');
    expect(h.crosswalk?.map((c) => c.scheme)).toEqual(['itil4', 'cobit2019']);
  });

  it('shows no crosswalk line for an element without one', async () => {
    const { project } = await openMemory({ 'flm/FLM3.md': fm(''), 'notes.md': 'See FLM3.\n' });
    const h = hover(project, u('notes.md'), { line: 0, character: 5 })!;
    expect(h.crosswalk).toEqual([]);
    expect(h.markdown).not.toMatch(/ITIL|COBIT|ISO/);
  });
});

describe('hostile crosswalk front matter', () => {
  it('reads prototype-like scheme names and deep nesting as data, with diagnostics and no crash', async () => {
    const deep = `x: ${'{a: '.repeat(2000)}1${'}'.repeat(2000)}\n`;
    const text = fm(`crosswalk: { __proto__: [x], constructor: { prototype: [y] }, itil4: [Service desk] }\n${deep}`);
    const ds = await check(text);
    expect(ds.map((d) => [d.range, d.message])).toEqual([
      [rangeOf(text, '__proto__'), 'Unknown crosswalk scheme "__proto__": declared schemes: itil4, cobit2019, free.'],
      [rangeOf(text, 'constructor'), 'Unknown crosswalk scheme "constructor": declared schemes: itil4, cobit2019, free.'],
    ]);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'prototype')).toBe(false);
  });
});
