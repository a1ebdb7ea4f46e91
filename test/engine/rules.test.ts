// Every rule fires where it should: exact code, severity, range, message, related locations, fixes.
import { describe, expect, it } from 'vitest';
import { applyTextEdits, type Diagnostic } from '../../language/index';
import { brief, element, openMemory, range, rangeOf, u } from '../helpers';

const base = {
  'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management', '# FLM1\n'),
  'flm/FLM2.md': element('FLM2', 'first-line-management', 'processes-procedures', '# FLM2\n'),
  'flm/FLM8.md': element('FLM8', 'first-line-management', 'technology-tools', '# FLM8\n'),
  'ee/EE17.md': element('EE17', 'people-management', 'mindsets-behaviours', '# EE17\n'),
  'om/CORE-B4.md': element('CORE-B4', 'operational-management', 'technology-tools', '# CORE-B4\n'),
};

async function diagnosticsOf(path: string, text: string, extra: Record<string, string> = {}): Promise<Diagnostic[]> {
  const { project } = await openMemory({ ...base, ...extra, [path]: text });
  // The base documents are clean on their own.
  for (const p of Object.keys(base)) if (p !== path && !(p in extra)) expect(project.diagnostics(u(p))).toEqual([]);
  return project.diagnostics(u(path));
}

const only = (ds: Diagnostic[]) => {
  expect(ds.map(brief)).toEqual([expect.any(String)]);
  return ds[0]!;
};

describe('unknown-id', () => {
  it('fires on a body reference with did-you-mean fixes that are not safe', async () => {
    const text = '# Notes\n\nThe huddle (see FLM9) feeds the review.\n';
    const d = only(await diagnosticsOf('notes.md', text));
    expect(d.code).toBe('unknown-id');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(range(2, 16, 2, 20));
    expect(d.range).toEqual(rangeOf(text, 'FLM9'));
    expect(d.message).toBe('Unknown ID FLM9: no document defines it. Did you mean FLM8 (Title of FLM8) or FLM2 (Title of FLM2) or FLM1 (Title of FLM1)?');
    expect(d.fixes!.map((f) => [f.title, f.safe, f.preferred])).toEqual([
      ['Change to FLM8', false, true],
      ['Change to FLM2', false, false],
      ['Change to FLM1', false, false],
    ]);
    expect(d.fixes![0]!.edit.changes).toEqual({ [u('notes.md')]: [{ range: range(2, 16, 2, 20), newText: 'FLM8' }] });
    expect(applyTextEdits(text, d.fixes![0]!.edit.changes[u('notes.md')]!, d.fixes![0]!.edit.versions[u('notes.md')])).toBe(text.replace('FLM9', 'FLM8'));
  });

  it('fires on a relation item and names the field', async () => {
    const text = element('FLM3', 'first-line-management', 'organization-management', '', 'related: [FLM1, FLM12]\n');
    const d = only(await diagnosticsOf('flm/FLM3.md', text));
    expect(d.code).toBe('unknown-id');
    expect(d.range).toEqual(range(6, 16, 6, 21));
    expect(d.message).toBe('Unknown ID FLM12 in related: no document defines it. Did you mean FLM2 (Title of FLM2) or FLM1 (Title of FLM1)?');
  });

  it('fires in block-style relation lists, headings, tables and link text', async () => {
    const text = element('FLM3', 'first-line-management', 'organization-management', '## About FLM4\n\n| a | b |\n| --- | --- |\n| FLM5 | x |\n\n[FLM6](https://example.com/FLM16)\n', 'supports:\n  - FLM1\n  - UM3\n');
    const ds = await diagnosticsOf('flm/FLM3.md', text);
    expect(ds.map((d) => [d.code, d.range])).toEqual([
      ['unknown-id', rangeOf(text, 'UM3')],
      ['unknown-id', rangeOf(text, 'FLM4')],
      ['unknown-id', rangeOf(text, 'FLM5')],
      ['unknown-id', rangeOf(text, 'FLM6')],
    ]);
    expect(ds[0]!.range).toEqual(range(8, 4, 8, 7));
  });

  it('says so when there is nothing close', async () => {
    const d = only(await diagnosticsOf('notes.md', 'See GOV42.\n'));
    expect(d.message).toBe('Unknown ID GOV42: no document defines it. Create it or correct the reference.');
    expect(d.fixes).toBeUndefined();
  });
});

describe('duplicate-id', () => {
  it('is reported on each id value with the others as related locations and a next-free-ID fix', async () => {
    const copy = element('FLM2', 'first-line-management', 'processes-procedures', 'copy\n');
    const { project } = await openMemory({ ...base, 'flm/copy.md': copy });
    const a = only(project.diagnostics(u('flm/FLM2.md')));
    const b = only(project.diagnostics(u('flm/copy.md')));
    for (const [d, other] of [[a, 'flm/copy.md'], [b, 'flm/FLM2.md']] as const) {
      expect(d.code).toBe('duplicate-id');
      expect(d.severity).toBe('error');
      expect(d.range).toEqual(range(1, 4, 1, 8));
      expect(d.message).toBe(`Duplicate ID FLM2: also defined in ${other}. Each ID must be defined once; the next free ID is FLM3.`);
      expect(d.related).toEqual([{ location: { uri: u(other), range: range(1, 4, 1, 8) }, message: 'FLM2 is also defined here' }]);
      expect(d.fixes!.map((f) => [f.title, f.safe, f.preferred])).toEqual([['Renumber this document to FLM3', false, true]]);
      expect(d.fixes![0]!.edit.changes[d.uri]).toEqual([{ range: range(1, 4, 1, 8), newText: 'FLM3' }]);
    }
  });

  it('lists every other definition when there are three, and keeps the group in the next free ID', async () => {
    const c = (n: string) => element('CORE-B4', 'operational-management', 'technology-tools', n);
    const { project } = await openMemory({ ...base, 'om/x.md': c('x'), 'om/y.md': c('y') });
    const d = only(project.diagnostics(u('om/x.md')));
    expect(d.related!.map((r) => r.location.uri)).toEqual([u('om/CORE-B4.md'), u('om/y.md')]);
    expect(d.message).toContain('the next free ID is CORE-B1');
  });
});

describe('missing-id', () => {
  it('fires on the title key of a framework document without an id and offers the next free ID', async () => {
    const text = '---\ntitle: Shift handover\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n\nText.\n';
    const d = only(await diagnosticsOf('flm/handover.md', text));
    expect(d.code).toBe('missing-id');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(range(1, 0, 1, 5));
    expect(d.message).toContain('"Shift handover" has front matter but no id');
    expect(d.message).toContain('the next free ID is FLM3');
    expect(d.fixes![0]!.safe).toBe(false);
    expect(applyTextEdits(text, d.fixes![0]!.edit.changes[u('flm/handover.md')]!)).toBe(text.replace('title:', 'id: FLM3\ntitle:'));
  });

  it('stays quiet for types that need no id and for plain pages', async () => {
    expect(await diagnosticsOf('guide.md', '---\ntitle: A guide\ntype: guide\nsystem: first-line-management\n---\n')).toEqual([]);
    expect(await diagnosticsOf('readme.md', '---\ntitle: Readme\n---\n# Hello\n')).toEqual([]);
    expect(await diagnosticsOf('plain.md', '# Hello\n')).toEqual([]);
  });
});

describe('malformed-id', () => {
  const cases: [string, string][] = [
    ['EE 17', 'EE17'],
    ['CORE B4', 'CORE-B4'],
    ['COREB4', 'CORE-B4'],
    ['CORE-b4', 'CORE-B4'],
    ['flm1', 'FLM1'],
    ['FLM01', 'FLM1'],
    ['Flm2', 'FLM2'],
    ['EE-17', 'EE17'],
  ];
  for (const [written, canonical] of cases) {
    it(`"${written}" -> ${canonical} with a safe fix`, async () => {
      const text = `# Notes\n\nAs in ${written}, we act.\n`;
      const d = only(await diagnosticsOf('notes.md', text));
      expect(d.code).toBe('malformed-id');
      expect(d.severity).toBe('warning');
      expect(d.range).toEqual({ start: { line: 2, character: 6 }, end: { line: 2, character: 6 + written.length } });
      expect(d.message).toBe(`"${written}" is not how IDs are written: use ${canonical}.`);
      expect(d.fixes!.map((f) => [f.title, f.safe, f.preferred])).toEqual([[`Write ${canonical}`, true, true]]);
      expect(applyTextEdits(text, d.fixes![0]!.edit.changes[u('notes.md')]!, d.fixes![0]!.edit.versions[u('notes.md')])).toBe(text.replace(written, canonical));
    });
  }

  it('says when the canonical form is not defined either', async () => {
    const d = only(await diagnosticsOf('notes.md', 'See um 3.\n'.replace('um 3', 'UM03')));
    expect(d.message).toBe('"UM03" is not how IDs are written: use UM3 (UM3 is not defined yet).');
  });

  it('fires on the id value and relation items in front matter', async () => {
    const text = element('flm3', 'first-line-management', 'organization-management', '', 'related: [FLM01, EE 17]\n');
    const ds = await diagnosticsOf('flm/FLM3.md', text);
    expect(ds.map((d) => [d.code, d.range, d.fixes![0]!.edit.changes[u('flm/FLM3.md')]![0]!.newText])).toEqual([
      ['malformed-id', range(1, 4, 1, 8), 'FLM3'],
      ['malformed-id', range(6, 10, 6, 15), 'FLM1'],
      ['malformed-id', range(6, 17, 6, 22), 'EE17'],
    ]);
  });

  it('leaves lower-case spaced words alone ("see 17", "forum 2")', async () => {
    expect(await diagnosticsOf('notes.md', 'We see 17 teams; the forum 2 times; ee 17 too.\n')).toEqual([]);
  });
});

describe('invalid-front-matter', () => {
  it('points at the YAML error', async () => {
    const text = '---\nid: FLM3\ntitle: "unterminated\n---\n';
    const d = only(await diagnosticsOf('flm/x.md', text));
    expect(d.code).toBe('invalid-front-matter');
    expect(d.severity).toBe('error');
    // yaml reports a missing quote at the end of the YAML text: the range is its last character,
    // not the closing delimiter.
    expect(d.range).toEqual(range(2, 19, 2, 20));
    expect(d.message).toBe('Invalid front matter: front matter is not valid YAML: Missing closing "quote.');
  });

  it('refuses front matter that is a list, never closed, or not YAML', async () => {
    const list = only(await diagnosticsOf('a.md', '---\n- a\n- b\n---\n'));
    expect([list.code, list.range]).toEqual(['invalid-front-matter', range(1, 0, 3, 0)]);
    expect(list.message).toContain('must be a mapping');
    const open = only(await diagnosticsOf('b.md', '---\ntitle: x\n\nbody\n'));
    expect([open.code, open.range]).toEqual(['invalid-front-matter', range(0, 0, 0, 3)]);
    expect(open.message).toContain('never closed');
    const js = only(await diagnosticsOf('c.md', '---js\n{ id: "FLM3" }\n---\n'));
    expect([js.code, js.range]).toEqual(['invalid-front-matter', range(0, 0, 0, 5)]);
    expect(js.message).toContain('never runs code');
  });

  it('reports duplicate keys', async () => {
    const d = only(await diagnosticsOf('a.md', '---\nid: FLM3\nid: FLM4\n---\n'));
    expect(d.code).toBe('invalid-front-matter');
    expect(d.range.start.line).toBe(2);
  });
});

describe('unknown-system and unknown-discipline', () => {
  it('suggest the closest key with the exact value range', async () => {
    const text = element('FLM3', 'first-line-managment', 'Technology & Tools');
    const ds = await diagnosticsOf('flm/FLM3.md', text);
    expect(ds.map((d) => [d.code, d.severity, d.range, d.message])).toEqual([
      ['unknown-system', 'error', range(4, 8, 4, 28), 'Unknown system "first-line-managment": did you mean "first-line-management"?'],
      ['unknown-discipline', 'error', range(5, 12, 5, 30), 'Unknown discipline "Technology & Tools": did you mean "technology-tools"?'],
    ]);
    // A misspelling is a guess (not safe); the same key spelt as its title is safe.
    expect(ds[0]!.fixes!.map((f) => [f.title, f.safe])).toEqual([['Change to "first-line-management"', false]]);
    expect(ds[1]!.fixes!.map((f) => [f.title, f.safe])).toEqual([['Change to "technology-tools"', true]]);
    expect(ds[1]!.fixes![0]!.edit.changes[u('flm/FLM3.md')]).toEqual([{ range: range(5, 12, 5, 30), newText: 'technology-tools' }]);
  });

  it('lists the keys when nothing is close', async () => {
    const d = only(await diagnosticsOf('flm/FLM3.md', element('FLM3', 'first-line-management', 'zzz')));
    expect(d.message).toBe('Unknown discipline "zzz": use one of organization-management, processes-procedures, technology-tools, mindsets-behaviours.');
  });
});

describe('id-family-mismatch', () => {
  it('fires on the id with the system as related location and a fix to the home system', async () => {
    const text = element('FLM3', 'upline-management', 'technology-tools');
    const d = only(await diagnosticsOf('flm/FLM3.md', text));
    expect(d.code).toBe('id-family-mismatch');
    expect(d.severity).toBe('warning');
    expect(d.range).toEqual(range(1, 4, 1, 8));
    expect(d.message).toBe('FLM3 is an FLM ID, but this document says system: upline-management, which holds UM, GOV IDs; FLM IDs belong to first-line-management.');
    expect(d.related).toEqual([{ location: { uri: u('flm/FLM3.md'), range: range(4, 8, 4, 25) }, message: 'system is set here' }]);
    expect(d.fixes!.map((f) => [f.title, f.safe])).toEqual([['Change system to "first-line-management"', false]]);
  });
});

describe('invalid-id, invalid-relation, missing-title', () => {
  it('invalid-id: an id of no family', async () => {
    const d = only(await diagnosticsOf('x.md', '---\nid: FOO1\ntitle: Foo\n---\n'));
    expect([d.code, d.severity, d.range]).toEqual(['invalid-id', 'error', range(1, 4, 1, 8)]);
    expect(d.message).toContain('"FOO1" is not an ID of any family');
  });

  it('invalid-relation: a relation item that is not an ID', async () => {
    const d = only(await diagnosticsOf('flm/FLM3.md', element('FLM3', 'first-line-management', 'processes-procedures', '', 'depends_on:\n  - FLM1\n  - the huddle\n')));
    expect([d.code, d.severity, d.range]).toEqual(['invalid-relation', 'warning', range(8, 4, 8, 14)]);
    expect(d.message).toBe('"the huddle" in depends_on is not an ID: list IDs only, such as FLM1.');
  });

  it('missing-title: an element without a title', async () => {
    const d = only(await diagnosticsOf('flm/FLM3.md', '---\nid: FLM3\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n'));
    expect([d.code, d.severity, d.range]).toEqual(['missing-title', 'warning', range(1, 4, 1, 8)]);
    expect(d.message).toContain('FLM3 has no title');
  });
});

describe('file-name-mismatch', () => {
  const reporting = element('FLM5', 'first-line-management', 'processes-procedures', '# FLM5\n');
  const guide = '# Guide\n\nRead [the reporting element](flm/reporting.md#purpose) first.\n';

  it('fires on the id of an element whose file is not named after it, with a rename that carries the links', async () => {
    const { project } = await openMemory({ ...base, 'flm/reporting.md': reporting, 'guide.md': guide });
    const d = only(project.diagnostics(u('flm/reporting.md')));
    expect([d.code, d.severity, d.range]).toEqual(['file-name-mismatch', 'warning', rangeOf(reporting, 'FLM5')]);
    expect(d.message).toBe('FLM5 is defined in reporting.md: name the file FLM5.md, after its ID.');
    expect(d.fixes).toHaveLength(1);
    const fix = d.fixes![0]!;
    // Renaming a file is not spelling: `opmodel check --fix` leaves it to the author.
    expect([fix.title, fix.safe, fix.preferred]).toEqual(['Rename the file to FLM5.md and update the links to it', false, true]);
    expect(fix.edit.renames).toEqual([{ oldUri: u('flm/reporting.md'), newUri: u('flm/FLM5.md') }]);
    expect(fix.edit.changes).toEqual({ [u('guide.md')]: [{ range: rangeOf(guide, 'reporting.md'), newText: 'FLM5.md' }] });
    expect(applyTextEdits(guide, fix.edit.changes[u('guide.md')]!, fix.edit.versions[u('guide.md')])).toBe(guide.replace('flm/reporting.md', 'flm/FLM5.md'));
  });

  it('offers no rename when a file of that name is there, and says so', async () => {
    const { project } = await openMemory({ ...base, 'flm/reporting.md': reporting, 'flm/FLM5.md': '# Notes for FLM5\n' });
    const d = only(project.diagnostics(u('flm/reporting.md')));
    expect(d.message).toBe('FLM5 is defined in reporting.md, not in a file named after it: FLM5.md in this folder is another file.');
    expect(d.fixes).toBeUndefined();
  });

  it('is quiet for files named after their ID, misspelt and unknown IDs, duplicates and documents without an id', async () => {
    const dup = element('FLM1', 'first-line-management', 'processes-procedures', 'copy\n');
    const { project } = await openMemory({ ...base, 'flm/copy.md': dup, 'flm/misspelt.md': element('flm6', 'first-line-management', 'processes-procedures'), 'x.md': '---\nid: FOO1\ntitle: Foo\n---\n', 'notes.md': '# Notes\n' });
    expect(project.allDiagnostics().filter((d) => d.code === 'file-name-mismatch')).toEqual([]);
    expect(project.diagnostics(u('flm/copy.md')).map((d) => d.code)).toEqual(['duplicate-id']);
  });

  it('keeps its link edits current when a linking document changes', async () => {
    const { project } = await openMemory({ ...base, 'flm/reporting.md': reporting, 'guide.md': guide });
    project.allDiagnostics();
    const moved = '# Guide\n\nIntro.\n\nRead [the reporting element](flm/reporting.md) first.\n';
    expect(project.updateText(u('guide.md'), moved)).toContain(u('flm/reporting.md'));
    const fix = project.diagnostics(u('flm/reporting.md'))[0]!.fixes![0]!;
    expect(fix.edit.changes[u('guide.md')]).toEqual([{ range: rangeOf(moved, 'reporting.md'), newText: 'FLM5.md' }]);
    expect(fix.edit.versions[u('guide.md')]).toBe(project.document(u('guide.md'))!.version);
  });
});

describe('ranges with CRLF, a BOM and characters outside the BMP', () => {
  it('give the same columns as LF', async () => {
    const lf = element('FLM3', 'first-line-managment', 'processes-procedures', 'Emoji 😀 then FLM9 and flm1.\n');
    const lfDiags = await diagnosticsOf('flm/FLM3.md', lf);
    const crlfDiags = await diagnosticsOf('flm/FLM3.md', lf.replace(/\n/g, '\r\n'));
    const bomDiags = await diagnosticsOf('flm/FLM3.md', '\ufeff' + lf.replace(/\n/g, '\r\n'));
    const strip = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range]);
    expect(strip(lfDiags)).toEqual([
      ['unknown-system', range(4, 8, 4, 28)],
      ['unknown-id', range(8, 14, 8, 18)],
      ['malformed-id', range(8, 23, 8, 27)],
    ]);
    expect(strip(crlfDiags)).toEqual(strip(lfDiags));
    // The BOM is not a character of the first line (editors drop it), so columns stay the same.
    expect(strip(bomDiags)).toEqual(strip(lfDiags));
  });
});

describe('leadership parts and quiet front matter', () => {
  it('id-family-mismatch also checks the leadership part, and is quiet when the family fits', async () => {
    const lc = '---\nid: LP3\ntitle: Candour\ntype: characteristic\npart: leadership-characteristics\n---\n';
    const d = only(await diagnosticsOf('lead/LP3.md', lc));
    expect([d.code, d.range]).toEqual(['id-family-mismatch', range(1, 4, 1, 7)]);
    expect(d.message).toBe('LP3 is an LP ID, but this document says part: leadership-characteristics, which holds LC IDs; LP IDs belong to leadership-principles.');
    expect(d.related).toEqual([{ location: { uri: u('lead/LP3.md'), range: range(4, 6, 4, 32) }, message: 'part is set here' }]);
    expect(await diagnosticsOf('lead/LC3.md', lc.replace('LP3', 'LC3'))).toEqual([]);
    expect(await diagnosticsOf('flm/FLM3.md', element('FLM3', 'first-line-management', 'technology-tools', 'Plain text.\n'))).toEqual([]);
  });

  it('missing-id in a leadership document offers that part\'s next free ID', async () => {
    const d = only(await diagnosticsOf('lead/new.md', '---\ntitle: Humility\ntype: principle\npart: leadership-principles\n---\n'));
    expect(d.code).toBe('missing-id');
    expect(d.message).toContain('the next free ID is LP1');
  });
});
