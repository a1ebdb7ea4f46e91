// Assessment files: read as data with exact ranges, and each assessment code firing and staying quiet.
import { describe, expect, it } from 'vitest';
import { applyTextEdits, type Diagnostic } from '../../language/index';
import { brief, element, openMemory, range, rangeOf, u } from '../helpers';

const LEVELS = `## Maturity levels

1. **Ad hoc** — One.
   - First criterion of one.
2. **Repeatable** — Two.
   - First criterion of two.
3. **Defined** — Three.
   - First criterion of three.
4. **Optimising** — Four.
   - First criterion of four.
`;
const THREE_LEVELS = '## Maturity levels\n\n1. **Ad hoc** — One.\n2. **Repeatable** — Two.\n3. **Defined** — Three.\n';

const base: Record<string, string> = {
  'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management', LEVELS),
  'flm/FLM2.md': element('FLM2', 'first-line-management', 'processes-procedures', ''),
  'um/UM1.md': element('UM1', 'upline-management', 'technology-tools', LEVELS),
  'lp/LP1.md': '---\nid: LP1\ntitle: A principle\ntype: principle\npart: leadership-principles\n---\n',
  'lc/LC1.md': '---\nid: LC1\ntitle: A characteristic\ntype: characteristic\npart: leadership-characteristics\nsupports: [LP1]\n---\n',
};
/** Every expected element scored: the other codes can be looked at alone. */
const ALL = '  FLM1: { current: 2, target: 3 }\n  FLM2: n/a\n  UM1: { current: 1, target: 2 }\n  LC1: { current: 2, target: 2 }\n';
const HEAD = 'client: Acme Bank\ntitle: Baseline\ndate: 2026-11-30\nassessors: [Consultant A, Consultant B]\nelements:\n';
const PATH = 'assessments/baseline.yaml';

async function check(text: string, extra: Record<string, string> = {}) {
  const { project, ws } = await openMemory({ ...base, ...extra, [PATH]: text });
  for (const p of Object.keys(base)) if (!(p in extra)) expect(project.diagnostics(u(p)).map(brief)).toEqual([]);
  return { project, ws, ds: project.diagnostics(u(PATH)), a: project.assessment(u(PATH))! };
}

const only = (ds: Diagnostic[], code: string) => {
  expect(ds.map(brief)).toEqual([expect.stringContaining(` ${code} `)]);
  return ds[0]!;
};

describe('reading an assessment file', () => {
  it('reads the issue example with exact ranges', async () => {
    const text = `client: Acme Bank
title: Baseline assessment
date: 2026-11-30
assessors: [Consultant A, Consultant B]
elements:
  FLM1: { current: 2, target: 3, evidence: "Huddles happen but no action log; see interview notes 14 Nov", owner: Team Lead, due: 2027-03-31 }
  UM1:
    current: 1
    target: 3
    evidence: "Escalations tracked in email only"
  FLM2: n/a
  LC1: { current: 2, target: 2 }
`;
    const { a, ds } = await check(text);
    expect(ds).toEqual([]);
    expect(a.client).toEqual({ value: 'Acme Bank', range: rangeOf(text, 'Acme Bank') });
    expect(a.title?.value).toBe('Baseline assessment');
    expect(a.date).toEqual({ value: '2026-11-30', range: rangeOf(text, '2026-11-30') });
    expect(a.assessors.map((x) => [x.value, x.range])).toEqual([['Consultant A', rangeOf(text, 'Consultant A')], ['Consultant B', rangeOf(text, 'Consultant B')]]);
    expect(a.entries.map((e) => [e.id, e.na, e.current?.level, e.target?.level])).toEqual([['FLM1', false, 2, 3], ['UM1', false, 1, 3], ['FLM2', true, undefined, undefined], ['LC1', false, 2, 2]]);
    const [flm1, um1] = a.entries;
    expect(flm1!.keyRange).toEqual(rangeOf(text, 'FLM1'));
    expect(flm1!.current!.range).toEqual(rangeOf(text, '2', text.slice(0, text.indexOf('current: 2')).split('2').length - 1));
    expect(flm1!.current!.range).toEqual(range(5, 19, 5, 20));
    expect(flm1!.evidence).toEqual({ value: 'Huddles happen but no action log; see interview notes 14 Nov', range: rangeOf(text, 'Huddles happen but no action log; see interview notes 14 Nov') });
    expect(flm1!.owner!.value).toBe('Team Lead');
    expect(flm1!.due).toEqual({ value: '2027-03-31', range: rangeOf(text, '2027-03-31') });
    expect(um1!.target!.range).toEqual(range(8, 12, 8, 13));
    expect(um1!.target!.keyRange).toEqual(range(8, 4, 8, 10));
    expect(a.elements!.keyRange).toEqual(rangeOf(text, 'elements'));
    // A new entry goes after the last line, indented like the others.
    expect(a.elements!.insert).toEqual({ at: { line: 11, character: 'LC1: { current: 2, target: 2 }'.length + 2 }, indent: '  ' });
  });

  it('keeps ranges exact with a BOM and CRLF line endings', async () => {
    const text = '\ufeff' + (HEAD + ALL + '  EE9: { current: 2 }\n').replace(/\n/g, '\r\n');
    const { ds, a } = await check(text);
    expect(a.date!.range).toEqual(rangeOf(text, '2026-11-30'));
    const d = only(ds, 'unknown-id');
    expect(d.range).toEqual(rangeOf(text, 'EE9'));
  });

  it('reports a file with nothing in it', async () => {
    const { ds } = await check('# just a comment\n');
    expect(only(ds, 'invalid-assessment').message).toBe('Invalid assessment: the assessment is empty: it needs at least `date:` and `elements:`.');
  });
});

describe('invalid-assessment', () => {
  const cases: [string, string, string, string?][] = [
    ['a list', '- FLM1\n- FLM2\n', 'Invalid assessment: an assessment must be a mapping (client:, title:, date:, assessors:, elements:), not a list.', '- FLM1\n- FLM2'],
    ['a single value', 'just text\n', 'Invalid assessment: an assessment must be a mapping (client:, title:, date:, assessors:, elements:), not a single value.', 'just text'],
    ['no date', 'client: Acme\nelements:\n' + ALL, 'Invalid assessment: the assessment has no date: add `date: YYYY-MM-DD`, the day it was made.', 'client'],
    ['a date that is no date', HEAD.replace('2026-11-30', '2026-02-30') + ALL, 'Invalid assessment: date "2026-02-30" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30.', '2026-02-30'],
    ['a date in another form', HEAD.replace('2026-11-30', '30/11/2026') + ALL, 'Invalid assessment: date "30/11/2026" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30.', '30/11/2026'],
    ['no elements', 'date: 2026-11-30\n', 'Invalid assessment: the assessment has no elements: add `elements:` with one entry per element, e.g. `FLM3: { current: 2, target: 3 }`.', 'date'],
    ['elements that are a list', 'date: 2026-11-30\nelements: [FLM1]\n', 'Invalid assessment: elements must be a mapping of element IDs to scores, e.g. `FLM3: { current: 2, target: 3 }`.', '[FLM1]'],
    ['an unknown key', HEAD + ALL + 'scope: all\n', 'Invalid assessment: unknown key "scope"; an assessment has client, title, date, assessors, elements.', 'scope'],
    ['a misspelt key in an entry', HEAD + ALL.replace('target: 3', 'targt: 3'), 'Invalid assessment: unknown key "targt" in FLM1; an entry has current, target, evidence, owner, due, notes.', 'targt'],
    ['a bad due date', HEAD + ALL.replace('target: 3', 'target: 3, due: next spring'), 'Invalid assessment: FLM1 due "next spring" is not a date: write it as YYYY-MM-DD, e.g. 2027-03-31.', 'next spring'],
    ['an entry with a bare number', HEAD + ALL.replace('FLM1: { current: 2, target: 3 }', 'FLM1: 2'), 'Invalid assessment: FLM1: "2" is not a score: write `FLM1: { current: 2, target: 3 }` or `FLM1: n/a`.', ': 2\n'],
    ['an entry with no value', HEAD + ALL.replace('FLM1: { current: 2, target: 3 }', 'FLM1:'), 'Invalid assessment: FLM1 has no score: write `FLM1: { current: 2, target: 3 }` or `FLM1: n/a`.', 'FLM1'],
    ['an entry without a current level', HEAD + ALL.replace('current: 2, target: 3', 'target: 3'), 'Invalid assessment: FLM1 has a target but no current level: add `current:`.', '{ target: 3 }'],
    ['a YAML tag', HEAD + ALL.replace('target: 3', 'target: !!js/function 3'), 'Invalid assessment: the YAML tag !!js/function is not supported: an assessment holds plain text, numbers and lists, and opmodel never builds objects from tags.', '!'],
    ['an alias', 'date: &d 2026-11-30\nelements:\n' + ALL.replace('target: 3', 'target: 3, notes: *d'), 'Invalid assessment: YAML aliases (*d) are not supported in assessments: write the value out.', '*d'],
    ['a repeated top-level key', HEAD + ALL + 'date: 2026-12-01\n', 'Invalid assessment: "date" is given twice; the first one counts.', 'date'],
  ];
  for (const [what, text, message, needle] of cases) {
    it(`fires on ${what}`, async () => {
      const { ds } = await check(text);
      const d = only(ds.filter((x) => x.code !== 'unassessed-element'), 'invalid-assessment');
      expect(d.severity).toBe('error');
      expect(d.message).toBe(message);
      if (needle === ': 2\n') expect(d.range).toEqual(range(5, 8, 5, 9));
      else if (needle === 'date' && what === 'a repeated top-level key') expect(d.range).toEqual(rangeOf(text, 'date', 1));
      else if (needle === '!') expect(d.range).toEqual(rangeOf(text, '!!js/function'));
      else if (needle) expect(d.range).toEqual(rangeOf(text, needle));
    });
  }

  it('points at the YAML error', async () => {
    const text = HEAD + '  FLM1: { current: 2, target: 3\n  FLM2: n/a\n';
    const { ds, a } = await check(text);
    expect(a.broken).toBe(true);
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => d.code === 'invalid-assessment')).toBe(true);
    expect(ds[0]!.message).toMatch(/^Invalid assessment: not valid YAML: /);
    expect(ds[0]!.range.start.line).toBeGreaterThanOrEqual(5);
  });

  it('refuses nesting no assessment needs, before the YAML library sees it', async () => {
    const deep = 'date: 2026-11-30\nelements: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n';
    const { ds } = await check(deep);
    const d = only(ds, 'invalid-assessment');
    expect(d.message).toBe('Invalid assessment: brackets are nested more than 64 deep; an assessment needs two levels at most.');
    expect(d.range).toEqual(range(1, 10 + 64, 1, 10 + 65));
  });

  it('stays quiet for a complete file with comments, quotes and both mapping styles', async () => {
    const text = `# Baseline for Acme
client: "Acme Bank"
title: 'Baseline'
date: 2026-11-30 # the last workshop
assessors:
  - Consultant A
elements:
  FLM1: { current: 2, target: 3, notes: "n/a for now: see below" }
  FLM2: N/A
  UM1:
    current: 1 # weak
    target: 2
    owner: "Head of Service"
    due: 2027-06-30
  LC1: {current: 2, target: 2}
`;
    expect((await check(text)).ds).toEqual([]);
  });
});

describe('unknown-id', () => {
  it('fires on an ID no document defines, with did-you-mean fixes', async () => {
    const text = HEAD + ALL + '  FLM3: { current: 1, target: 2 }\n';
    const d = only((await check(text)).ds, 'unknown-id');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOf(text, 'FLM3'));
    expect(d.message).toBe('Unknown ID FLM3: no document defines it. Did you mean FLM2 (Title of FLM2) or FLM1 (Title of FLM1)?');
    expect(d.fixes!.map((f) => [f.title, f.safe, f.preferred])).toEqual([['Change to FLM2', false, true], ['Change to FLM1', false, false]]);
    expect(applyTextEdits(text, d.fixes![0]!.edit.changes[u(PATH)]!, d.fixes![0]!.edit.versions[u(PATH)])).toBe(text.replace('FLM3:', 'FLM2:'));
  });

  it('fires on a key that is no element ID', async () => {
    const text = HEAD + ALL + '  Meetings: { current: 1, target: 2 }\n';
    const d = only((await check(text)).ds, 'unknown-id');
    expect(d.message).toBe('"Meetings" is not an element ID: entries under elements are keyed by ID, e.g. FLM3.');
    expect(d.range).toEqual(rangeOf(text, 'Meetings'));
  });

  it('stays quiet for defined IDs, n/a entries and IDs in comments', async () => {
    expect((await check(HEAD + ALL + '  # FLM9 comes later\n')).ds).toEqual([]);
  });
});

describe('malformed-id', () => {
  it('fires on an ID written non-canonically, with a safe fix', async () => {
    const text = HEAD + ALL.replace('FLM1:', 'flm01:');
    const d = only((await check(text)).ds, 'malformed-id');
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('"flm01" is not how IDs are written: use FLM1.');
    expect(d.range).toEqual(rangeOf(text, 'flm01'));
    expect(d.fixes!.map((f) => [f.title, f.safe])).toEqual([['Write FLM1', true]]);
  });
});

describe('duplicate-entry', () => {
  it('fires on the second entry of an element, with the first as related information', async () => {
    const text = HEAD + ALL + '  FLM1: { current: 3, target: 3 }\n';
    const d = only((await check(text)).ds, 'duplicate-entry');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOf(text, 'FLM1', 1));
    expect(d.message).toBe('FLM1 is assessed twice in this file; only the first entry (line 6) counts: merge the two.');
    expect(d.related).toEqual([{ location: { uri: u(PATH), range: rangeOf(text, 'FLM1', 0) }, message: 'FLM1 is first assessed here' }]);
  });

  it('counts differently written keys for the same ID as one element', async () => {
    const text = HEAD + ALL + '  flm1: n/a\n';
    const { ds } = await check(text);
    expect(ds.map((d) => d.code)).toEqual(['duplicate-entry', 'malformed-id']);
  });

  it('stays quiet for distinct elements', async () => {
    expect((await check(HEAD + ALL)).ds).toEqual([]);
  });
});

describe('invalid-score', () => {
  const score = async (entry: string) => {
    const text = HEAD + ALL.replace('FLM1: { current: 2, target: 3 }', entry);
    return { text, ds: (await check(text)).ds };
  };

  it('fires on a level that is not on the scale', async () => {
    const { text, ds } = await score('FLM1: { current: 5, target: 3 }');
    const d = only(ds, 'invalid-score');
    expect(d.range).toEqual(rangeOf(text, '5'));
    expect(d.message).toBe('The current level 5 is not on the maturity scale (1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising).');
    expect(only((await score('FLM1: { current: 2, target: 2.5 }')).ds, 'invalid-score').message).toBe('The target level 2.5 is not on the maturity scale (1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising).');
    expect(only((await score('FLM1: { current: 0, target: 3 }')).ds, 'invalid-score').message).toMatch(/^The current level 0 is not on the maturity scale/);
  });

  it('fires on a target below the current level', async () => {
    const { text, ds } = await score('FLM1: { current: 3, target: 2 }');
    const d = only(ds, 'invalid-score');
    expect(d.range).toEqual(rangeOf(text, '2', text.slice(0, text.indexOf('target: 2')).split('2').length - 1));
    expect(d.message).toBe('FLM1: the target (2 Repeatable) is below the current level (3 Defined); a target is where the element must get to.');
  });

  it('offers the number for a level written by name or in quotes', async () => {
    const { text, ds } = await score('FLM1: { current: Repeatable, target: "3" }');
    expect(ds.map((d) => [d.code, d.range, d.message, d.fixes!.map((f) => [f.title, f.safe])])).toEqual([
      ['invalid-score', rangeOf(text, 'Repeatable'), 'A current level is written as its number: "Repeatable" is level 2.', [['Write 2 (Repeatable)', true]]],
      ['invalid-score', rangeOf(text, '"3"'), 'A target level is a number: write 3 without quotes.', [['Write 3', true]]],
    ]);
    const fixed = applyTextEdits(text, [...ds[0]!.fixes![0]!.edit.changes[u(PATH)]!, ...ds[1]!.fixes![0]!.edit.changes[u(PATH)]!], ds[0]!.fixes![0]!.edit.versions[u(PATH)]);
    expect(fixed).toBe(text.replace('current: Repeatable, target: "3"', 'current: 2, target: 3'));
    expect((await check(fixed)).ds).toEqual([]);
  });

  it('fires on n/a used for one score', async () => {
    expect(only((await score('FLM1: { current: n/a }')).ds, 'invalid-score').message).toBe('n/a applies to a whole entry, not to its current: write the entry as `ID: n/a`.');
  });

  it('fires on a level the element does not describe', async () => {
    const text = HEAD + ALL.replace('UM1: { current: 1, target: 2 }', 'UM1: { current: 1, target: 4 }');
    const { ds } = await check(text, { 'um/UM1.md': element('UM1', 'upline-management', 'technology-tools', THREE_LEVELS) });
    const d = only(ds, 'invalid-score');
    expect(d.range).toEqual(rangeOf(text, '4'));
    expect(d.message).toBe('UM1 does not describe level 4 in its maturity levels (it describes 1, 2, 3), so a target of 4 cannot be judged against it.');
  });

  it('follows the scale declared in opmodel.json', async () => {
    const config = JSON.stringify({ maturity: { levels: [{ level: 0, name: 'None' }, { level: 1, name: 'Some' }, { level: 2, name: 'All' }] } });
    const text = HEAD + '  FLM1: { current: 0, target: 2 }\n  FLM2: { current: 1, target: 3 }\n  UM1: n/a\n  LC1: n/a\n';
    const { ds } = await check(text, {
      'opmodel.json': config,
      'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management', ''),
      'um/UM1.md': element('UM1', 'upline-management', 'technology-tools', ''),
    });
    expect(ds.map((d) => d.message)).toEqual(['The target level 3 is not on the maturity scale (0 None, 1 Some, 2 All).']);
  });

  it('stays quiet for levels on the scale with the target at or above the current level', async () => {
    expect((await score('FLM1: { current: 4, target: 4 }')).ds).toEqual([]);
    expect((await score('FLM1: { current: 1 }')).ds).toEqual([]);
  });
});

describe('unassessed-element', () => {
  it('reports each expected element without an entry on the elements key, with a fix that marks it n/a', async () => {
    const text = HEAD + '  FLM1: { current: 2, target: 3 }\n  UM1:\n    current: 1\n';
    const { ds, project, ws } = await check(text);
    expect(ds.map((d) => [d.code, d.severity, d.range, d.message])).toEqual([
      ['unassessed-element', 'info', rangeOf(text, 'elements'), 'FLM2 (Title of FLM2) is in scope but not assessed: add `FLM2: { current: …, target: … }`, or `FLM2: n/a` when it does not apply.'],
      ['unassessed-element', 'info', rangeOf(text, 'elements'), 'LC1 (A characteristic) is in scope but not assessed: add `LC1: { current: …, target: … }`, or `LC1: n/a` when it does not apply.'],
    ]);
    // Principles are assessed through their characteristics: never expected.
    expect(ds.some((d) => d.message.startsWith('LP1'))).toBe(false);
    const fix = ds[0]!.fixes![0]!;
    expect([fix.title, fix.safe]).toEqual(['Mark FLM2 as n/a', false]);
    const fixed = applyTextEdits(text, fix.edit.changes[u(PATH)]!, fix.edit.versions[u(PATH)]);
    expect(fixed).toBe(text + '  FLM2: n/a\n');
    ws.set(u(PATH), fixed);
    project.updateText(u(PATH), fixed);
    expect(project.diagnostics(u(PATH)).map((d) => d.message.split(' ')[0])).toEqual(['LC1']);
  });

  it('follows assessments.types and the severity setting, and a disable comment', async () => {
    const text = HEAD + '  FLM1: { current: 2, target: 3 }\n';
    const types = await check(text, { 'opmodel.json': '{ "assessments": { "types": ["characteristic"] } }' });
    expect(types.ds.map((d) => d.message.split(' ')[0])).toEqual(['LC1']);
    expect((await check(text, { 'opmodel.json': '{ "severity": { "unassessed-element": "off" } }' })).ds).toEqual([]);
    expect((await check('# opmodel-disable-file unassessed-element\n' + text)).ds).toEqual([]);
  });

  it('stays quiet when every expected element is scored or n/a, and for a file that cannot be read', async () => {
    expect((await check(HEAD + ALL)).ds).toEqual([]);
    const broken = await check('date: 2026-11-30\nelements: {\n');
    expect(broken.ds.every((d) => d.code === 'invalid-assessment')).toBe(true);
  });
});

describe('which files are assessments', () => {
  it('reads YAML under assessments/ by default, and what assessments.include names instead', async () => {
    const { project } = await openMemory({ ...base, 'assessments/a.yaml': HEAD + ALL, 'assessments/b.yml': HEAD + ALL, 'notes/c.yaml': 'nothing: here\n', 'assessments/readme.md': '# About\n' });
    expect([...project.assessments.files.keys()]).toEqual([u('assessments/a.yaml'), u('assessments/b.yml')]);
    expect(project.document(u('assessments/readme.md'))).toBeDefined();
    const custom = await openMemory({ ...base, 'opmodel.json': '{ "assessments": { "include": ["reviews/*.yaml"] } }', 'reviews/r.yaml': HEAD + ALL, 'assessments/a.yaml': HEAD + ALL });
    expect([...custom.project.assessments.files.keys()]).toEqual([u('reviews/r.yaml')]);
    expect(custom.project.isAssessment(u('reviews/other.yaml'))).toBe(true);
    expect(custom.project.isAssessment(u('reviews/other.md'))).toBe(false);
  });

  it('lists them the newest first', async () => {
    const { project } = await openMemory({ ...base, 'assessments/a.yaml': HEAD + ALL, 'assessments/b.yaml': HEAD.replace('2026-11-30', '2027-03-01') + ALL, 'assessments/c.yaml': 'elements:\n' + ALL });
    expect(project.assessments.newestFirst().map((a) => a.uri)).toEqual([u('assessments/b.yaml'), u('assessments/a.yaml'), u('assessments/c.yaml')]);
  });
});

describe('one problem for one mistake', () => {
  it('an empty current is reported once', async () => {
    const text = HEAD + ALL.replace('FLM1: { current: 2, target: 3 }', 'FLM1: { current: }');
    const d = only((await check(text)).ds, 'invalid-assessment');
    expect(d.message).toBe('Invalid assessment: FLM1 current needs a level, e.g. `current: 2`.');
  });
});
