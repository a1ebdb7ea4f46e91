// Editor features of assessment files through the engine: completion, hover, the chosen assessment.
import { describe, expect, it } from 'vitest';
import { applyTextEdits, assessmentCompletions, assessmentHover, chosenAssessment, definition, hover, prepareRename, references, rename, scoreBadge, scoresOf, type Position } from '../../language/index';
import { element, openMemory, pos, u } from '../helpers';

const LEVELS = `## Maturity levels

**Assessment question:** Does the team keep one action log?

1. **Ad hoc** — Actions are remembered or forgotten.
   - No action log exists.
2. **Repeatable** — A log exists but is patchy.
   - Some meetings record actions.
   - Owners are often missing.
3. **Defined** — One log, every action owned.
   - Every action has an owner and a date.
4. **Optimising** — Closure rates drive the rhythm.
   - Overdue actions are reviewed weekly.
`;
const files: Record<string, string> = {
  'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management', LEVELS, 'summary: "Keeps one action log."\n'),
  'flm/FLM2.md': element('FLM2', 'first-line-management', 'processes-procedures', ''),
  'um/UM1.md': element('UM1', 'upline-management', 'technology-tools', ''),
  'assessments/old.yaml': 'client: Acme\ndate: 2026-06-30\nelements:\n  FLM1: { current: 1, target: 3 }\n',
};
const TEXT = `client: Acme
date: 2026-11-30
elements:
  FLM1: { current: 2, target: 3 }
  FLM2:
    current: 1
    target: 2
  UM1: n/a
`;
const PATH = 'assessments/now.yaml';

async function open(text = TEXT) {
  const { project, ws } = await openMemory({ ...files, [PATH]: text });
  return { project, ws };
}

/** The position just after the first `needle` in `text` (or at `offset` into it). */
const at = (text: string, needle: string, offset = needle.length): Position => pos(text, text.indexOf(needle) + offset);

describe('completion in an assessment file', () => {
  it('offers the levels in a flow entry, each with the element\'s own description and criteria', async () => {
    const text = TEXT.replace('FLM1: { current: 2, target: 3 }', 'FLM1: { current: 2, target: ');
    const { project } = await open();
    const r = assessmentCompletions(project, u(PATH), text, at(text, 'target: '))!;
    expect(r.range).toEqual({ start: at(text, 'target: '), end: at(text, 'target: ') });
    expect(r.items.map((i) => [i.label, i.detail, i.sortText])).toEqual([
      ['1', 'Ad hoc (below the current level)', '1000'],
      ['2', 'Repeatable', '0001'],
      ['3', 'Defined', '0002'],
      ['4', 'Optimising', '0003'],
    ]);
    expect(r.items[1]!.documentation).toBe('**2 · Repeatable** for FLM1\n\nA log exists but is patchy.\n\n- Some meetings record actions.\n- Owners are often missing.');
  });

  it('offers the levels in a block entry, with the scale\'s description where the element has none', async () => {
    const text = TEXT.replace('    current: 1\n', '    current: 1\n').replace('    target: 2', '    target: 2');
    const { project } = await open();
    const p = at(text, '    current: ', '    current: '.length);
    const r = assessmentCompletions(project, u(PATH), text.replace('    current: 1', '    current: '), p)!;
    expect(r.items.map((i) => i.label)).toEqual(['1', '2', '3', '4']);
    expect(r.items[0]!.documentation).toBe('**1 · Ad hoc** for FLM2\n\nHappens when someone remembers; results depend on who is on shift.');
    // The typed part is replaced.
    const typed = text.replace('    current: 1', '    current: 3');
    const r2 = assessmentCompletions(project, u(PATH), typed, at(typed, '    current: 3'))!;
    expect(r2.range.start.character).toBe('    current: '.length);
    expect(r2.range.end.character).toBe('    current: 3'.length);
  });

  it('offers the IDs not yet entered, with titles, as keys under elements', async () => {
    const text = TEXT + '  FL';
    const { project } = await open();
    const r = assessmentCompletions(project, u(PATH), text, pos(text, text.length))!;
    // FLM1, FLM2 and UM1 are entered; nothing else is defined.
    expect(r.items).toEqual([]);
    const { project: p2 } = await open(TEXT.replace('  UM1: n/a\n', ''));
    const r2 = assessmentCompletions(p2, u(PATH), text.replace('  UM1: n/a\n', ''), pos(text.replace('  UM1: n/a\n', ''), text.length - '  UM1: n/a\n'.length))!;
    expect(r2.items.map((i) => [i.label, i.detail, i.insertText, i.snippet, i.retrigger])).toEqual([['UM1', 'Title of UM1', 'UM1: { current: $1, target: $2 }$0', true, true]]);
    expect(r2.range.start.character).toBe(2);
    expect(r2.items[0]!.documentation).toBe('**UM1 · Title of UM1**\n\n_upline-management × technology-tools_');
  });

  it('replaces only the ID when completing on an existing key', async () => {
    const { project } = await open(TEXT.replace('  UM1: n/a\n', ''));
    const text = TEXT.replace('UM1: n/a', 'U: n/a');
    const r = assessmentCompletions(project, u(PATH), text, at(text, '  U'))!;
    expect(r.items.map((i) => [i.label, i.insertText])).toEqual([['UM1', undefined]]);
    expect(r.range).toEqual({ start: at(text, '  U', 2), end: at(text, '  U') });
  });

  it('offers the keys of a block entry and of the file', async () => {
    const { project } = await open();
    const text = TEXT.replace('    target: 2\n', '    target: 2\n    ev\n');
    const r = assessmentCompletions(project, u(PATH), text, at(text, '    ev'))!;
    expect(r.items.map((i) => i.label)).toEqual(['evidence', 'owner', 'due', 'notes']);
    const top = 'client: Acme\nda';
    expect(assessmentCompletions(project, u(PATH), top, pos(top, top.length))!.items.map((i) => i.label)).toEqual(['title', 'date', 'assessors', 'elements']);
  });

  it('offers nothing in free text, comments or values of other keys', async () => {
    const { project } = await open();
    for (const text of ['client: Ac', 'date: 2026', '# current: ', TEXT + '  FLM2: { evidence: "curr']) {
      const r = assessmentCompletions(project, u(PATH), text, pos(text, text.length));
      expect(r?.items ?? []).toEqual([]);
    }
  });
});

describe('hover in an assessment file', () => {
  it('on an ID: title, summary, question, the levels with current and target marked, the previous round', async () => {
    const { project } = await open();
    const h = assessmentHover(project, u(PATH), at(TEXT, 'FLM1', 2))!;
    expect(h.range).toEqual({ start: at(TEXT, 'FLM1', 0), end: at(TEXT, 'FLM1') });
    expect(h.markdown).toBe([
      '**FLM1 · Title of FLM1**',
      '',
      'Keeps one action log.',
      '',
      '_Assessment question:_ Does the team keep one action log?',
      '',
      '- 1 Ad hoc — Actions are remembered or forgotten.',
      '- **2 Repeatable** ← _current_ — A log exists but is patchy.',
      '- **3 Defined** ← _target_ — One log, every action owned.',
      '- 4 Optimising — Closure rates drive the rhythm.',
      '',
      '_Previous round (2026-06-30): 1 → 3_',
    ].join('\n'));
  });

  it('on a score: that level\'s description and criteria', async () => {
    const { project } = await open();
    const h = assessmentHover(project, u(PATH), at(TEXT, 'target: 3', 'target: '.length))!;
    expect(h.range).toEqual({ start: at(TEXT, 'target: 3', 'target: '.length), end: at(TEXT, 'target: 3') });
    expect(h.markdown).toBe('**FLM1 target: 3 · Defined**\n\nOne log, every action owned.\n\n_What an assessor looks for:_\n\n- Every action has an owner and a date.');
    const scale = assessmentHover(project, u(PATH), at(TEXT, '    current: 1', '    current: '.length))!;
    expect(scale.markdown).toBe("**FLM2 current: 1 · Ad hoc**\n\nHappens when someone remembers; results depend on who is on shift.\n\n_FLM2 does not describe this level itself; this is the scale's description._");
  });

  it('on n/a, on a level off the scale, and nowhere else', async () => {
    const text = TEXT.replace('current: 2, target: 3', 'current: 7, target: 3');
    const { project } = await open(text);
    expect(assessmentHover(project, u(PATH), at(text, 'n/a', 1))!.markdown).toMatch(/^\*\*UM1: not applicable\*\*/);
    expect(assessmentHover(project, u(PATH), at(text, '7', 0))!.markdown).toBe('**7** is not a level of the maturity scale (1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising).');
    expect(assessmentHover(project, u(PATH), at(text, 'client', 2))).toBeUndefined();
  });

  it('an ID in Markdown shows the latest assessment\'s scores in its hover', async () => {
    const { project } = await open();
    project.updateText(u('notes.md'), '# Notes\n\nSee FLM1.\n');
    const h = hover(project, u('notes.md'), { line: 2, character: 5 })!;
    expect(h.markdown).toContain('\n\n_Assessed 2 Repeatable → 3 Defined \\(Acme, 2026-11-30\\)_');
    expect(hover(project, u('notes.md'), { line: 0, character: 0 })).toBeUndefined();
  });
});

describe('the assessment shown in the editor', () => {
  it('is the newest by date unless one is chosen, and gives each element a badge', async () => {
    const { project } = await open();
    expect(chosenAssessment(project)?.uri).toBe(u(PATH));
    expect(chosenAssessment(project, 'assessments/old.yaml')?.uri).toBe(u('assessments/old.yaml'));
    expect(chosenAssessment(project, './assessments/old.yaml')?.uri).toBe(u('assessments/old.yaml'));
    expect(chosenAssessment(project, 'assessments/missing.yaml')?.uri).toBe(u(PATH));
    const scores = scoresOf(project, chosenAssessment(project)!);
    expect([...scores].map(([id, s]) => [id, scoreBadge(s)])).toEqual([['FLM1', '2 → 3'], ['FLM2', '1 → 2'], ['UM1', 'n/a']]);
    expect(scoreBadge({ applicable: true, current: 3, target: 3 })).toBe('3');
    expect(scoreBadge({ applicable: true, current: 2, target: null })).toBe('2');
  });
});

describe('entry keys are references to the elements they score', () => {
  it('go to definition, find references and rename work on them, and renames reach them', async () => {
    const { project } = await open();
    const key = at(TEXT, 'FLM1', 1);
    expect(definition(project, u(PATH), key)).toEqual([{ uri: u('flm/FLM1.md'), range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } } }]);
    const refs = references(project, u(PATH), key, false);
    expect(refs).toEqual([
      { uri: u('assessments/now.yaml'), range: { start: at(TEXT, 'FLM1', 0), end: at(TEXT, 'FLM1') } },
      { uri: u('assessments/old.yaml'), range: { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } } },
    ]);
    expect(prepareRename(project, u(PATH), key)).toEqual({ range: { start: at(TEXT, 'FLM1', 0), end: at(TEXT, 'FLM1') }, placeholder: 'FLM1' });
    const r = rename(project, u(PATH), key, 'FLM7');
    if (!('edit' in r)) throw new Error(r.error);
    const apply = (uri: string, text: string) => applyTextEdits(text, r.edit.changes[uri]!, r.edit.versions[uri]);
    expect(Object.keys(r.edit.changes).sort()).toEqual([u('assessments/now.yaml'), u('assessments/old.yaml'), u('flm/FLM1.md')]);
    expect(apply(u(PATH), TEXT)).toBe(TEXT.replace('FLM1:', 'FLM7:'));
    expect(apply(u('assessments/old.yaml'), files['assessments/old.yaml']!)).toBe(files['assessments/old.yaml']!.replace('FLM1', 'FLM7'));
  });

  it('F2 on a misspelt key respells it, in the assessments too', async () => {
    const text = TEXT.replace('FLM1:', 'flm1:');
    const { project } = await open(text);
    const r = rename(project, u(PATH), at(text, 'flm1', 1), 'FLM1');
    if (!('edit' in r)) throw new Error(r.error);
    expect(r.edit.changes).toEqual({ [u(PATH)]: [{ range: { start: at(text, 'flm1', 0), end: at(text, 'flm1') }, newText: 'FLM1' }] });
  });
});
