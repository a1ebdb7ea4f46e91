// The maturity model as data: `## Maturity levels` read with exact ranges, the scale from
// opmodel.json, and the maturity-levels rule firing and staying quiet.
import { describe, expect, it } from 'vitest';
import { applyTextEdits, documentMaturity, loadConfig, parseMaturity, type Diagnostic } from '../../language/index';
import { brief, element, openMemory, range, rangeOf, u } from '../helpers';

const BRIEF_FORMAT = `## Maturity levels

**Assessment question:** Does the team run a fixed, chartered meeting rhythm that produces tracked actions?

1. **Ad hoc** — Meetings are called as problems arise; no agendas.
   - No recurring meeting has a written purpose or agenda.
   - Actions from meetings are not written down.
2. **Repeatable** — A regular huddle and team meeting exist.
   - A huddle happens most days.
   - Content varies with who chairs.
3. **Defined** — A chartered rhythm from daily to monthly.
   - Every recurring meeting has a charter.
   - One action log.
4. **Optimising** — Meeting time is measured and reduced.
   - Low-value meetings are retired each quarter.
   - The rhythm follows the shift pattern.

## Common pitfalls
- Reading the dashboard aloud.
`;

const flm3 = (body: string, extra = '') => element('FLM3', 'first-line-management', 'organization-management', body, extra);

async function parsed(body: string, files: Record<string, string> = {}) {
  const text = flm3(body);
  const { project } = await openMemory({ ...files, 'flm/FLM3.md': text });
  return { text, doc: project.document(u('flm/FLM3.md'))!, diagnostics: project.diagnostics(u('flm/FLM3.md')), project };
}

describe('the maturity section parser', () => {
  it('reads the question, each level and its criteria with exact ranges', async () => {
    const { text, doc } = await parsed(BRIEF_FORMAT);
    const m = documentMaturity(doc)!;
    expect(m.headingRange).toEqual(rangeOf(text, 'Maturity levels'));
    expect(m.question).toEqual({ text: 'Does the team run a fixed, chartered meeting rhythm that produces tracked actions?', range: rangeOf(text, 'Does the team run a fixed, chartered meeting rhythm that produces tracked actions?') });
    expect(m.levels.map((l) => [l.level, l.name, l.description, l.criteria.map((c) => c.text)])).toEqual([
      [1, 'Ad hoc', 'Meetings are called as problems arise; no agendas.', ['No recurring meeting has a written purpose or agenda.', 'Actions from meetings are not written down.']],
      [2, 'Repeatable', 'A regular huddle and team meeting exist.', ['A huddle happens most days.', 'Content varies with who chairs.']],
      [3, 'Defined', 'A chartered rhythm from daily to monthly.', ['Every recurring meeting has a charter.', 'One action log.']],
      [4, 'Optimising', 'Meeting time is measured and reduced.', ['Low-value meetings are retired each quarter.', 'The rhythm follows the shift pattern.']],
    ]);
    const two = m.levels[1]!;
    expect(two.numberRange).toEqual(range(15, 0, 15, 1));
    expect(text.split('\n')[15]!.startsWith('2. **Repeatable**')).toBe(true);
    expect(two.nameRange).toEqual(rangeOf(text, 'Repeatable'));
    expect(two.range).toEqual(rangeOf(text, '2. **Repeatable** — A regular huddle and team meeting exist.'));
    expect(two.criteria[1]!.range).toEqual(rangeOf(text, 'Content varies with who chairs.'));
    // The list ends at the next heading: the pitfall bullet is no criterion.
    expect(m.levels[3]!.criteria).toHaveLength(2);
  });

  it('accepts the separators in use today: en dash, em dash, a colon inside or after the bold, and plain names', async () => {
    const body = '## Maturity levels\n1. **Ad hoc** – first.\n2. **Repeatable:** second.\n3. **Defined**: third.\n4. Optimising — fourth.\n';
    const { text, doc, diagnostics } = await parsed(body);
    expect(documentMaturity(doc)!.levels.map((l) => [l.name, l.description])).toEqual([['Ad hoc', 'first.'], ['Repeatable', 'second.'], ['Defined', 'third.'], ['Optimising', 'fourth.']]);
    expect(documentMaturity(doc)!.levels[1]!.nameRange).toEqual(rangeOf(text, 'Repeatable'));
    expect(documentMaturity(doc)!.levels[3]!.nameRange).toEqual(rangeOf(text, 'Optimising'));
    expect(diagnostics).toEqual([]);
  });

  it('joins hard-wrapped lines to the description or the criterion they continue', async () => {
    const body = '## Maturity levels\n\n1. **Ad hoc** — Meetings are\n   called as problems arise.\n   - No agenda is\n     ever written.\n   - Actions are forgotten.\n2. **Repeatable** — Two.\n3. **Defined** — Three.\n4. **Optimising** — Four.\n';
    const { text, doc } = await parsed(body);
    const one = documentMaturity(doc)!.levels[0]!;
    expect(one.description).toBe('Meetings are called as problems arise.');
    expect(one.criteria.map((c) => c.text)).toEqual(['No agenda is ever written.', 'Actions are forgotten.']);
    expect(one.criteria[0]!.range).toEqual({ start: rangeOf(text, 'No agenda is').start, end: rangeOf(text, 'ever written.').end });
  });

  it('ignores code blocks inside the section, and a Maturity heading inside code', async () => {
    const body = '## Maturity levels\n\n```\n1. **Wrong** — in code\n```\n\n1. **Ad hoc** — One.\n2. **Repeatable** — Two.\n3. **Defined** — Three.\n4. **Optimising** — Four.\n';
    const { doc } = await parsed(body);
    expect(documentMaturity(doc)!.levels.map((l) => l.name)).toEqual(['Ad hoc', 'Repeatable', 'Defined', 'Optimising']);
    const inCode = await parsed('```\n## Maturity levels\n1. **Nope** — x\n```\n');
    expect(documentMaturity(inCode.doc)).toBeUndefined();
    expect(inCode.diagnostics).toEqual([]);
  });

  it('keeps ranges exact with CRLF line endings and a BOM', async () => {
    const text = '\ufeff' + flm3(BRIEF_FORMAT).replace(/\n/g, '\r\n');
    const { project } = await openMemory({ 'flm/FLM3.md': text });
    const m = documentMaturity(project.document(u('flm/FLM3.md')))!;
    expect(m.levels[2]!.nameRange).toEqual(rangeOf(text, 'Defined'));
    expect(m.levels[3]!.criteria[1]!.range).toEqual(rangeOf(text, 'The rhythm follows the shift pattern.'));
    expect(m.levels[3]!.range.end.character).toBe('4. **Optimising** — Meeting time is measured and reduced.'.length);
  });

  it('finds nothing in a document without the section', async () => {
    const { doc } = await parsed('## Purpose\n1. **Ad hoc** — not a maturity level here.\n');
    expect(documentMaturity(doc)).toBeUndefined();
  });
});

describe('maturity-levels', () => {
  const levels = (lines: string[]) => `## Maturity levels\n\n${lines.join('\n')}\n`;
  const one = (ds: Diagnostic[]) => {
    expect(ds.map(brief)).toEqual([expect.any(String)]);
    expect(ds[0]!.code).toBe('maturity-levels');
    expect(ds[0]!.severity).toBe('warning');
    return ds[0]!;
  };

  it('stays quiet for the brief format and for a document without levels', async () => {
    expect((await parsed(BRIEF_FORMAT)).diagnostics).toEqual([]);
    expect((await parsed('## Purpose\nText.\n')).diagnostics).toEqual([]);
    // A heading with nothing under it is a section still to be written.
    expect((await parsed('## Maturity levels\n\n## Common pitfalls\n')).diagnostics).toEqual([]);
  });

  it('reports a missing level on the heading', async () => {
    const { text, diagnostics } = await parsed(levels(['1. **Ad hoc** — One.', '2. **Repeatable** — Two.', '4. **Optimising** — Four.']));
    const d = one(diagnostics);
    expect(d.range).toEqual(rangeOf(text, 'Maturity levels'));
    expect(d.message).toBe('Level 3 Defined is missing from the maturity levels (scale: 1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising).');
    const two = await parsed(levels(['1. **Ad hoc** — One.', '2. **Repeatable** — Two.']));
    expect(one(two.diagnostics).message).toBe('Levels 3 Defined and 4 Optimising are missing from the maturity levels (scale: 1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising).');
  });

  it('reports a level out of order on its number', async () => {
    const { text, diagnostics } = await parsed(levels(['1. **Ad hoc** — One.', '3. **Defined** — Three.', '2. **Repeatable** — Two.', '4. **Optimising** — Four.']));
    const d = one(diagnostics);
    expect(d.range).toEqual(range(rangeOf(text, '2. **Repeatable**').start.line, 0, rangeOf(text, '2. **Repeatable**').start.line, 1));
    expect(d.message).toBe('Level 2 comes after level 3: list the levels in order (1, 2, 3, 4).');
  });

  it('reports a duplicated level with the first as related information', async () => {
    const { text, diagnostics } = await parsed(levels(['1. **Ad hoc** — One.', '2. **Repeatable** — Two.', '2. **Repeatable** — Again.', '3. **Defined** — Three.', '4. **Optimising** — Four.']));
    const d = one(diagnostics);
    const line = rangeOf(text, '2. **Repeatable** — Again.').start.line;
    expect(d.range).toEqual(range(line, 0, line, 1));
    expect(d.message).toBe('Level 2 is listed twice; each level of the scale appears once.');
    expect(d.related).toEqual([{ location: { uri: u('flm/FLM3.md'), range: range(line - 1, 0, line - 1, 1) }, message: 'level 2 is first listed here' }]);
  });

  it('reports a level that is not on the scale', async () => {
    const { text, diagnostics } = await parsed(levels(['1. **Ad hoc** — One.', '2. **Repeatable** — Two.', '3. **Defined** — Three.', '4. **Optimising** — Four.', '5. **Transcendent** — Five.']));
    const d = one(diagnostics);
    expect(d.range).toEqual(rangeOf(text, '5'));
    expect(d.message).toBe('Level 5 is not on the maturity scale (1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising).');
  });

  it('reports a wrong name with a fix that is safe only when the name is merely spelt differently', async () => {
    const { text, diagnostics } = await parsed(levels(['1. **Ad-Hoc** — One.', '2. **Repeatable** — Two.', '3. **Managed** — Three.', '4. **Optimizing** — Four.']));
    expect(diagnostics.map((d) => [d.range, d.message, d.fixes!.map((f) => [f.title, f.safe])])).toEqual([
      [rangeOf(text, 'Ad-Hoc'), 'Level 1 is named "Ad-Hoc"; the scale calls it "Ad hoc".', [['Rename to "Ad hoc"', true]]],
      [rangeOf(text, 'Managed'), 'Level 3 is named "Managed"; the scale calls it "Defined".', [['Rename to "Defined"', false]]],
      [rangeOf(text, 'Optimizing'), 'Level 4 is named "Optimizing"; the scale calls it "Optimising".', [['Rename to "Optimising"', true]]],
    ]);
    const fix = diagnostics[2]!.fixes![0]!;
    expect(applyTextEdits(text, fix.edit.changes[u('flm/FLM3.md')]!, fix.edit.versions[u('flm/FLM3.md')])).toBe(text.replace('Optimizing', 'Optimising'));
  });

  it('names the level a misplaced name belongs to', async () => {
    const { diagnostics } = await parsed(levels(['1. **Ad hoc** — One.', '2. **Defined** — Two.', '3. **Defined** — Three.', '4. **Optimising** — Four.']));
    expect(one(diagnostics).message).toBe('Level 2 is named "Defined"; the scale calls it "Repeatable" ("Defined" is level 3).');
  });

  it('reports a level without a name or a description, and an empty section', async () => {
    const { text, diagnostics } = await parsed(levels(['1. One without a name.', '2. **Repeatable**', '3. **Defined** — Three.', '4. **Optimising** — Four.']));
    expect(diagnostics.map((d) => [d.range, d.message])).toEqual([
      [rangeOf(text, '1. One without a name.'), 'Level 1 has no name: write it as "1. **Ad hoc** — description".'],
      [rangeOf(text, '2. **Repeatable**'), 'Level 2 Repeatable has no description: say what the element looks like at this level after " — ".'],
    ]);
    const empty = await parsed('## Maturity levels\n\nTo be written.\n');
    expect(one(empty.diagnostics).message).toBe('The maturity levels section lists no levels: write the scale (1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising) as a numbered list, e.g. "1. **Ad hoc** — …".');
  });

  it('checks against the scale declared in opmodel.json', async () => {
    const config = JSON.stringify({ maturity: { levels: [{ level: 0, name: 'Absent' }, { level: 1, name: 'Emerging' }, { level: 2, name: 'Embedded' }] } });
    const body = levels(['0. **Absent** — None.', '1. **Emerging** — Some.', '2. **Embedded** — All.']);
    expect((await parsed(body, { 'opmodel.json': config })).diagnostics).toEqual([]);
    const { diagnostics } = await parsed(BRIEF_FORMAT, { 'opmodel.json': config });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Level 0 Absent is missing from the maturity levels (scale: 0 Absent, 1 Emerging, 2 Embedded).',
      'Level 1 is named "Ad hoc"; the scale calls it "Emerging".',
      'Level 2 is named "Repeatable"; the scale calls it "Embedded".',
      'Level 3 is not on the maturity scale (0 Absent, 1 Emerging, 2 Embedded).',
      'Level 4 is not on the maturity scale (0 Absent, 1 Emerging, 2 Embedded).',
    ]);
  });

  it('is switched off by a suppression comment or the severity setting', async () => {
    const body = '<!-- opmodel-disable maturity-levels -->\n' + levels(['1. **Ad hoc** — One.']);
    expect((await parsed(body)).diagnostics).toEqual([]);
    const { project } = await openMemory({ 'opmodel.json': '{ "severity": { "maturity-levels": "off" } }', 'flm/FLM3.md': flm3(levels(['1. **Ad hoc** — One.'])) });
    expect(project.diagnostics(u('flm/FLM3.md'))).toEqual([]);
  });
});

describe('the maturity scale in opmodel.json', () => {
  it('defaults to 1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising', () => {
    expect(loadConfig('{}').config.maturity.levels.map((l) => [l.level, l.name])).toEqual([[1, 'Ad hoc'], [2, 'Repeatable'], [3, 'Defined'], [4, 'Optimising']]);
  });

  it('reads a declared scale with descriptions', () => {
    const { config, problems } = loadConfig('{ "maturity": { "levels": [{ "level": 0, "name": "None", "description": "Nothing yet." }, { "level": 1, "name": "Some" }] } }');
    expect(problems).toEqual([]);
    expect(config.maturity.levels).toEqual([{ level: 0, name: 'None', description: 'Nothing yet.' }, { level: 1, name: 'Some' }]);
  });

  it('reports bad scales with their position and keeps the default', () => {
    const cases: [string, string][] = [
      ['{ "maturity": [] }', 'maturity must be an object, e.g. { "levels": [{ "level": 1, "name": "Ad hoc" }, { "level": 2, "name": "Repeatable" }] }'],
      ['{ "maturity": { "levels": [] } }', 'maturity.levels must be a non-empty array, e.g. { "levels": [{ "level": 1, "name": "Ad hoc" }, { "level": 2, "name": "Repeatable" }] }'],
      ['{ "maturity": { "levels": [{ "level": 1.5, "name": "A" }] } }', 'maturity.levels[0].level must be a whole number from 0 to 100'],
      ['{ "maturity": { "levels": [{ "level": 2, "name": "A" }, { "level": 1, "name": "B" }] } }', 'maturity.levels[1].level 1 must be greater than the level before it (2)'],
      ['{ "maturity": { "levels": [{ "level": 1, "name": "A" }, { "level": 2, "name": "a" }] } }', 'maturity.levels[1].name "a" is used by another level'],
      ['{ "maturity": { "levels": [{ "level": 1, "name": "" }] } }', 'maturity.levels[0].name must be a non-empty string'],
      ['{ "maturity": { "levels": [{ "level": 1, "name": "A", "colour": "red" }] } }', 'unknown property "maturity.levels[0].colour"; expected level, name, description'],
    ];
    for (const [text, message] of cases) {
      const { config, problems } = loadConfig(text);
      expect(problems.map((p) => p.message)).toEqual([message]);
      expect(config.maturity.levels.map((l) => l.name)).toEqual(['Ad hoc', 'Repeatable', 'Defined', 'Optimising']);
    }
    const { problems } = loadConfig('{\n  "maturity": { "levels": [{ "level": "one", "name": "A" }] }\n}');
    expect(problems[0]!.range).toEqual(range(1, 38, 1, 43));
  });
});

describe('the light pass of the rule', () => {
  const same = (body: string) => {
    const src = { text: body, line: 0, headingStart: 3, headingEnd: 18 };
    const full = parseMaturity(src);
    const light = parseMaturity(src, { criteria: false });
    expect(light.levels.map((l) => [l.level, l.name, l.nameRange, l.numberRange, l.range, l.description === ''])).toEqual(full.levels.map((l) => [l.level, l.name, l.nameRange, l.numberRange, l.range, l.description === '']));
    expect([light.hasContent, light.question, light.headingRange]).toEqual([full.hasContent, full.question, full.headingRange]);
    expect(light.levels.every((l) => l.criteria.length === 0)).toBe(true);
    return full;
  };

  it('reads the same levels as the full pass, on tricky sections', () => {
    same(BRIEF_FORMAT.replace('## Common pitfalls\n- Reading the dashboard aloud.\n', ''));
    const indented = same('## Maturity levels\n\n 1. **Ad hoc** — One.\n   - a\n 2. **Repeatable**\n    described on the next line\n  3. **Defined** — Three.\n   4. **Optimising** — Four.\n');
    expect(indented.levels.map((l) => [l.level, l.description])).toEqual([[1, 'One.'], [2, 'described on the next line'], [3, 'Three.'], [4, 'Four.']]);
    same('## Maturity levels\n\n1. **Ad hoc** — One.\n   - a\n     wrapped\n   ```\n2. **In code** — x\n   ```\n2. **Repeatable** — Two.\n- margin bullet\n3. **Defined** — Three.\n');
    same('## Maturity levels\r\n\r\n1. **Ad hoc:** one\r\n2. Repeatable – two\r\n\r\n**Assessment question:** Why?\r\n');
  });

  it('agrees with the full pass on every element of the shipped framework', async () => {
    const { fileUri } = await import('../../language/workspace/uris');
    const { NodeWorkspace } = await import('../../language/workspace/nodeWorkspace');
    const { Project } = await import('../../language/index');
    const root = new URL('../../framework-docs', import.meta.url).pathname;
    const project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(root) });
    let n = 0;
    for (const doc of project.index.docs.values()) {
      if (!doc.maturitySource) continue;
      const full = documentMaturity(doc)!;
      const light = documentMaturity(doc, { criteria: false })!;
      expect(light.levels.map((l) => [l.level, l.name, l.range, !l.description]), doc.uri).toEqual(full.levels.map((l) => [l.level, l.name, l.range, !l.description]));
      n++;
    }
    expect(n).toBeGreaterThanOrEqual(82);
  });
});

describe('the well-formed fast path of the rule', () => {
  const scale = [{ level: 1, name: 'Ad hoc' }, { level: 2, name: 'Repeatable' }, { level: 3, name: 'Defined' }, { level: 4, name: 'Optimising' }];
  const quiet = (src: { text: string; line: number; headingStart: number; headingEnd: number }) => {
    const s = parseMaturity(src, { criteria: false });
    return s.levels.length === scale.length && s.levels.every((l, i) => l.level === scale[i]!.level && l.name === scale[i]!.name && l.description !== '');
  };

  it('says a section conforms only when the full reading finds nothing to report', async () => {
    const fc = (await import('fast-check')).default;
    const { conformsToScale } = await import('../../language/parse/maturity');
    const names = ['Ad hoc', 'Repeatable', 'Defined', 'Optimising', 'Managed'];
    const item = fc.tuple(fc.constantFrom('', ' ', '   ', '    ', '\t'), fc.integer({ min: 0, max: 5 }), fc.constantFrom('.', ')'), fc.constantFrom(...names), fc.constantFrom(' — ', ' – ', ': ', ':** ', '** x', '**', ' - ', '— '), fc.constantFrom('Text.', '', '  '))
      .map(([ind, n, dot, name, sep, desc]) => sep.startsWith(':**') ? `${ind}${n}${dot} **${name}${sep}${desc}` : `${ind}${n}${dot} **${name}**${sep}${desc}`);
    const other = fc.constantFrom('   - a criterion', '     wrapped', '', 'A paragraph.', '```', '~~~', '1.', '**Assessment question:** Why?', '- margin bullet', 'x\u2028 1. **Ad hoc** — y', '   continued');
    const canonical = scale.map((l) => `${l.level}. **${l.name}** — Text.`);
    // The canonical section, changed in a few places: inserted lines, replaced items, swaps, deletions.
    const op = fc.tuple(fc.constantFrom('insert', 'replace', 'swap', 'delete'), fc.nat(), fc.nat(), fc.oneof(item, other));
    let conforming = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r'), (ops, nl) => {
        const lines = [...canonical];
        for (const [kind, a, b, text] of ops) {
          const i = a % (lines.length + 1);
          if (kind === 'insert') lines.splice(i, 0, text);
          else if (!lines.length) continue;
          else if (kind === 'replace') lines[i % lines.length] = text;
          else if (kind === 'delete') lines.splice(i % lines.length, 1);
          else [lines[i % lines.length], lines[b % lines.length]] = [lines[b % lines.length]!, lines[i % lines.length]!];
        }
        const src = { text: ['## Maturity levels', ...lines].join(nl) + nl, line: 0, headingStart: 3, headingEnd: 18 };
        if (conformsToScale(src, scale)) {
          conforming++;
          expect(quiet(src)).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 12 },
    );
    // Also with the canonical section itself, and a good share of cases.
    expect(conformsToScale({ text: ['## Maturity levels', '', ...canonical, ''].join('\n'), line: 0, headingStart: 3, headingEnd: 18 }, scale)).toBe(true);
    expect(conforming).toBeGreaterThan(300);
  });
});
