// Editor features as plain data: completion, hover, definition, references, rename, symbols,
// document links, the matrix and leadership.
import { describe, expect, it } from 'vitest';
import {
  applyTextEdits,
  completions,
  definition,
  documentLinks,
  hover,
  leadershipOf,
  matrix,
  prepareRename,
  references,
  rename,
  renameId,
  workspaceSymbols,
  type Position,
} from '../../language/index';
import { element, openMemory, pos, range, rangeOf, u } from '../helpers';

const files = {
  'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management', '# FLM1\n\nWorks with FLM2 and UM1.\n', 'summary: Runs the *team* day to day.\n'),
  'flm/FLM2.md': element('FLM2', 'first-line-management', 'processes-procedures', 'Builds on FLM1; FLM1 again.\n', 'related: [FLM1, UM1]\nsupports:\n  - FLM1\n'),
  'flm/FLM10.md': element('FLM10', 'first-line-management', 'processes-procedures'),
  'um/UM1.md': element('UM1', 'upline-management', 'technology-tools', 'Upline.\n'),
  'lead/LP1.md': '---\nid: LP1\ntitle: Own the outcome\ntype: principle\npart: leadership-principles\n---\n',
  'lead/LC1.md': '---\nid: LC1\ntitle: Ownership\ntype: characteristic\npart: leadership-characteristics\nsupports: [LP1]\n---\n',
  'lead/LC2.md': '---\nid: LC2\ntitle: Candour\ntype: characteristic\npart: leadership-characteristics\nsupports: [LP1]\n---\n',
  'notes.md': '# Notes\n\nSee FLM2, `FLM1` and flm10.\n',
};

/** Position of the `occurrence`-th `needle`, plus `shift` characters. */
const at = (text: string, needle: string, shift = 0, occurrence = 0): Position => {
  const p = rangeOf(text, needle, occurrence).start;
  return { line: p.line, character: p.character + shift };
};

describe('completion', () => {
  it('filters IDs by the typed prefix, in framework order, with details', async () => {
    const { project } = await openMemory(files);
    const text = '# Notes\n\nSee FL';
    const r = completions(project, u('new.md'), text, pos(text, text.length))!;
    expect(r.items.map((i) => i.label)).toEqual(['FLM1', 'FLM2', 'FLM10']);
    expect(r.range).toEqual(range(2, 4, 2, 6));
    expect(r.items[0]).toMatchObject({ kind: 'id', detail: 'Title of FLM1', documentation: 'Runs the *team* day to day.', family: 'FLM', system: 'first-line-management', discipline: 'organization-management' });
    const lower = 'um';
    expect(completions(project, u('new.md'), lower, pos(lower, 2))!.items.map((i) => i.label)).toEqual(['UM1']);
    const all = 'See ';
    expect(completions(project, u('new.md'), all, pos(all, 4))!.items.map((i) => i.label)).toEqual(['FLM1', 'FLM2', 'FLM10', 'UM1', 'LP1', 'LC1', 'LC2']);
  });

  it('offers nothing for a word that cannot start an ID, or inside code spans and fences', async () => {
    const { project } = await openMemory(files);
    const word = 'See Hello';
    expect(completions(project, u('new.md'), word, pos(word, word.length))).toBeUndefined();
    const span = 'See `FL` x';
    expect(completions(project, u('new.md'), span, { line: 0, character: 7 })).toBeUndefined();
    const fence = '```\nFL\n```\n';
    expect(completions(project, u('new.md'), fence, { line: 1, character: 2 })).toBeUndefined();
  });

  it('leaves out the document own ID', async () => {
    const { project } = await openMemory(files);
    const text = element('FLM1', 'first-line-management', 'organization-management', 'See FLM');
    const r = completions(project, u('flm/FLM1.md'), text, pos(text, text.length))!;
    expect(r.items.map((i) => i.label)).toEqual(['FLM2', 'FLM10']);
  });

  it('works in front-matter relation lists, flow and block style', async () => {
    const { project } = await openMemory(files);
    const flow = '---\nid: FLM3\nrelated: [FLM1, U\n---\n';
    const r1 = completions(project, u('flm/FLM3.md'), flow, { line: 2, character: 17 })!;
    expect(r1.items.map((i) => i.label)).toEqual(['UM1']);
    expect(r1.range).toEqual(range(2, 16, 2, 17));
    const block = '---\nid: FLM3\nsupports:\n  - FLM1\n  - FL\n---\n';
    const r2 = completions(project, u('flm/FLM3.md'), block, { line: 4, character: 6 })!;
    expect(r2.items.map((i) => i.label)).toEqual(['FLM1', 'FLM2', 'FLM10']);
    expect(r2.range).toEqual(range(4, 4, 4, 6));
    // Not in a field that holds no IDs.
    const title = '---\nid: FLM3\ntitle: FL\n---\n';
    expect(completions(project, u('flm/FLM3.md'), title, { line: 2, character: 9 })).toBeUndefined();
  });

  it('finds IDs by a word of their title when asked (Ctrl+Space), in prose and relation lists', async () => {
    const { project } = await openMemory({ ...files, 'um/UM2.md': element('UM2', 'upline-management', 'processes-procedures').replace('Title of UM2', 'Queue Reviews') });
    const prose = '# Notes\n\nThe queue';
    const r = completions(project, u('notes.md'), prose, pos(prose, prose.length), { titles: true })!;
    expect(r.items.map((i) => [i.label, i.detail])).toEqual([['UM2', 'Queue Reviews']]);
    expect(r.range).toEqual(rangeOf(prose, 'queue'));
    expect(r.byTitle).toBe(true);
    // Any word of the title, from its start, case aside; every element with such a word, in framework order.
    expect(completions(project, u('notes.md'), 'REVIEW', pos('REVIEW', 6), { titles: true })!.items.map((i) => i.label)).toEqual(['UM2']);
    expect(completions(project, u('notes.md'), 'title', pos('title', 5), { titles: true })!.items.map((i) => i.label)).toEqual(['FLM1', 'FLM2', 'FLM10', 'UM1']);
    const list = '---\nid: FLM3\nrelated: [FLM1, queue\n---\n';
    expect(completions(project, u('flm/FLM3.md'), list, { line: 2, character: 22 }, { titles: true })!.items.map((i) => i.label)).toEqual(['UM2']);
    // Not while typing (trigger characters, or no request for titles), nor for one or two letters.
    expect(completions(project, u('notes.md'), prose, pos(prose, prose.length))).toBeUndefined();
    expect(completions(project, u('notes.md'), 'qu', pos('qu', 2), { titles: true })).toBeUndefined();
    // A family prefix is an ID prefix, never a title word.
    expect(completions(project, u('notes.md'), 'UM', pos('UM', 2), { titles: true })!.items.map((i) => i.label)).toEqual(['UM1', 'UM2']);
  });

  it('offers system, discipline, part and type keys for those fields', async () => {
    const { project } = await openMemory(files);
    const sys = '---\nid: FLM3\nsystem: fir\n---\n';
    const r = completions(project, u('flm/FLM3.md'), sys, { line: 2, character: 11 })!;
    expect(r.items.map((i) => [i.label, i.kind])).toEqual([
      ['operational-management', 'system'],
      ['first-line-management', 'system'],
      ['upline-management', 'system'],
      ['people-management', 'system'],
    ]);
    expect(r.range).toEqual(range(2, 8, 2, 11));
    const disc = '---\ndiscipline: \n---\n';
    expect(completions(project, u('x.md'), disc, { line: 1, character: 12 })!.items.map((i) => i.label)).toEqual([
      'organization-management',
      'processes-procedures',
      'technology-tools',
      'mindsets-behaviours',
    ]);
    const part = '---\npart: \n---\n';
    expect(completions(project, u('x.md'), part, { line: 1, character: 6 })!.items.map((i) => i.label)).toEqual(['leadership-principles', 'leadership-characteristics']);
  });
});

describe('hover', () => {
  it('shows title, summary, system × discipline, where defined and how often referenced', async () => {
    const { project } = await openMemory(files);
    const text = files['notes.md'];
    const h = hover(project, u('notes.md'), at(text, 'FLM2', 2))!;
    // Referenced in FLM1's body and in notes.md.
    expect(h).toMatchObject({ id: 'FLM2', defined: true, title: 'Title of FLM2', references: 2, range: rangeOf(text, 'FLM2') });
    expect(h.definitions).toEqual([{ uri: u('flm/FLM2.md'), range: range(1, 4, 1, 8) }]);
    expect(h.markdown).toBe('**FLM2 · Title of FLM2**\n\n_First Line Management × Processes & Procedures_\n\n[flm/FLM2.md](file:///ws/flm/FLM2.md) · referenced 2 times');
    const h1 = hover(project, u('flm/FLM2.md'), { line: 6, character: 11 })!;
    expect(h1.id).toBe('FLM1');
    // Its own heading, FLM2's related and supports items and FLM2's body twice; not notes.md's code span.
    expect(h1.references).toBe(5);
    expect(h1.markdown).toContain('Runs the \\*team\\* day to day.');
    expect(h1.markdown).toContain('referenced 5 times');
  });

  it('on a misspelling, on an unknown ID, on the id value and nowhere else', async () => {
    const { project } = await openMemory({ ...files, 'x.md': 'See FLM7 and flm10.\n' });
    expect(hover(project, u('x.md'), { line: 0, character: 5 })!.markdown).toBe('**FLM7** is not defined in this framework.');
    expect(hover(project, u('x.md'), { line: 0, character: 15 })!.id).toBe('FLM10');
    expect(hover(project, u('flm/FLM1.md'), { line: 1, character: 5 })!.id).toBe('FLM1');
    expect(hover(project, u('x.md'), { line: 0, character: 1 })).toBeUndefined();
    expect(hover(project, u('notes.md'), at(files['notes.md'], '`FLM1`', 2))).toBeUndefined();
  });

  it('the leadership part instead of a grid cell', async () => {
    const { project } = await openMemory({ ...files, 'x.md': 'LP1\n' });
    expect(hover(project, u('x.md'), { line: 0, character: 1 })!.markdown).toContain('_Leadership Principles_');
  });
});

describe('definition and references', () => {
  it('go from a reference to the id value and back', async () => {
    const { project } = await openMemory(files);
    expect(definition(project, u('notes.md'), at(files['notes.md'], 'FLM2'))).toEqual([{ uri: u('flm/FLM2.md'), range: range(1, 4, 1, 8) }]);
    expect(definition(project, u('notes.md'), { line: 0, character: 2 })).toEqual([]);
    const refs = references(project, u('flm/FLM1.md'), { line: 1, character: 5 });
    const t2 = files['flm/FLM2.md'];
    expect(refs).toEqual([
      { uri: u('flm/FLM1.md'), range: range(1, 4, 1, 8) },
      { uri: u('flm/FLM1.md'), range: range(9, 2, 9, 6) },
      { uri: u('flm/FLM2.md'), range: rangeOf(t2, 'FLM1', 0) },
      { uri: u('flm/FLM2.md'), range: rangeOf(t2, 'FLM1', 1) },
      { uri: u('flm/FLM2.md'), range: rangeOf(t2, 'FLM1', 2) },
      { uri: u('flm/FLM2.md'), range: rangeOf(t2, 'FLM1', 3) },
    ]);
    expect(references(project, u('flm/FLM1.md'), { line: 1, character: 5 }, false)).toHaveLength(5);
  });

  it('a duplicate has several definitions', async () => {
    const { project } = await openMemory({ ...files, 'flm/copy.md': element('FLM2', 'first-line-management', 'processes-procedures') });
    expect(definition(project, u('notes.md'), at(files['notes.md'], 'FLM2')).map((l) => l.uri)).toEqual([u('flm/FLM2.md'), u('flm/copy.md')]);
  });
});

describe('rename', () => {
  it('edits the id value, body references and relation fields, and the result is consistent', async () => {
    const { ws, project } = await openMemory(files);
    expect(prepareRename(project, u('notes.md'), at(files['notes.md'], 'FLM2'))).toEqual({ range: rangeOf(files['notes.md'], 'FLM2'), placeholder: 'FLM2' });
    const r = rename(project, u('flm/FLM2.md'), { line: 1, character: 4 }, 'FLM3');
    expect('edit' in r).toBe(true);
    if (!('edit' in r)) return;
    expect(Object.keys(r.edit.changes).sort()).toEqual([u('flm/FLM1.md'), u('flm/FLM2.md'), u('notes.md')]);
    expect(r.edit.changes[u('flm/FLM2.md')]).toEqual([{ range: range(1, 4, 1, 8), newText: 'FLM3' }]);
    // The file is named after the ID: it follows.
    expect(r.edit.renames).toEqual([{ oldUri: u('flm/FLM2.md'), newUri: u('flm/FLM3.md') }]);
    for (const [uri, edits] of Object.entries(r.edit.changes)) {
      const next = applyTextEdits(ws.text(uri)!, edits, r.edit.versions[uri]);
      ws.set(uri, next);
      project.updateText(uri, next);
    }
    for (const { oldUri, newUri } of r.edit.renames!) {
      ws.set(newUri, ws.text(oldUri)!);
      ws.delete(oldUri);
      project.remove(oldUri);
      project.updateText(newUri, ws.text(newUri)!);
    }
    expect(ws.text(u('notes.md'))).toBe('# Notes\n\nSee FLM3, `FLM1` and flm10.\n');
    expect(ws.text(u('flm/FLM1.md'))).toContain('Works with FLM3 and UM1.');
    expect(project.index.isDefined('FLM2')).toBe(false);
    expect(project.index.referenceCount('FLM3')).toBe(2);
    expect(project.allDiagnostics().map((d) => d.code)).toEqual(['malformed-id']);
  });

  it('renames relation items in flow and block lists', async () => {
    const { project } = await openMemory(files);
    const r = renameId(project, 'FLM1', 'FLM4');
    if (!('edit' in r)) throw new Error(r.error);
    const t2 = files['flm/FLM2.md'];
    const out = applyTextEdits(t2, r.edit.changes[u('flm/FLM2.md')]!, r.edit.versions[u('flm/FLM2.md')]);
    expect(out).toBe(t2.replaceAll('FLM1', 'FLM4'));
  });

  it('is refused for existing, malformed or foreign new IDs and off an ID', async () => {
    const { project } = await openMemory(files);
    expect(renameId(project, 'FLM2', 'FLM1')).toEqual({ error: expect.stringContaining('FLM1 already exists (Title of FLM1, flm/FLM1.md)') });
    expect(renameId(project, 'FLM2', 'flm3')).toEqual({ error: '"flm3" is not written canonically: use FLM3.' });
    expect(renameId(project, 'FLM2', 'FLM03')).toEqual({ error: '"FLM03" is not written canonically: use FLM3.' });
    expect(renameId(project, 'FLM2', 'XYZ3')).toEqual({ error: expect.stringContaining('"XYZ3" is not an ID of any family here') });
    expect(renameId(project, 'FLM2', 'FLM2')).toEqual({ error: 'FLM2 already has that name.' });
    expect(renameId(project, 'FLM8', 'FLM9')).toEqual({ error: 'FLM8 is neither defined nor referenced.' });
  });

  it('leaves headings and plain words to other providers', async () => {
    const { project } = await openMemory(files);
    expect(prepareRename(project, u('notes.md'), { line: 0, character: 3 })).toEqual({ error: expect.any(String) });
    expect(prepareRename(project, u('notes.md'), at(files['notes.md'], 'See', 1))).toEqual({ error: expect.any(String) });
    expect(prepareRename(project, u('flm/FLM2.md'), at(files['flm/FLM2.md'], 'related', 2))).toEqual({ error: expect.any(String) });
    expect(rename(project, u('notes.md'), { line: 0, character: 3 }, 'FLM9')).toEqual({ error: expect.any(String) });
  });

  it('renames a misspelt ID as its canonical ID, every spelling of it included', async () => {
    const extra = {
      'flm/FLM4.md': element('flm4', 'first-line-management', 'processes-procedures', 'Itself: FLM 4.\n', 'related: [FLM04, FLM1]\n'),
      'more.md': '# More\n\nFLM4, flm4 and FLM10.\n',
    };
    const { ws, project } = await openMemory({ ...files, ...extra });
    const t4 = extra['flm/FLM4.md'];
    expect(prepareRename(project, u('flm/FLM4.md'), at(t4, 'FLM04', 2))).toEqual({ range: rangeOf(t4, 'FLM04'), placeholder: 'FLM4' });
    expect(prepareRename(project, u('notes.md'), at(files['notes.md'], 'flm10', 1))).toEqual({ range: rangeOf(files['notes.md'], 'flm10'), placeholder: 'FLM10' });
    const r = rename(project, u('flm/FLM4.md'), at(t4, 'FLM04', 2), 'FLM5');
    if (!('edit' in r)) throw new Error(r.error);
    expect(Object.keys(r.edit.changes).sort()).toEqual([u('flm/FLM4.md'), u('more.md')]);
    // The misspelt `id:` is the definition and a misspelling: changed once.
    expect(r.edit.changes[u('flm/FLM4.md')]!.map((e) => e.range)).toEqual([rangeOf(t4, 'flm4'), rangeOf(t4, 'FLM04'), rangeOf(t4, 'FLM 4')]);
    const out = (path: string) => applyTextEdits(ws.text(u(path))!, r.edit.changes[u(path)]!, r.edit.versions[u(path)]);
    expect(out('flm/FLM4.md')).toBe(t4.replace('flm4', 'FLM5').replace('FLM 4', 'FLM5').replace('FLM04', 'FLM5'));
    expect(out('more.md')).toBe('# More\n\nFLM5, FLM5 and FLM10.\n');
  });

  it('with the same name, respells the misspellings only', async () => {
    const { ws, project } = await openMemory(files);
    const r = rename(project, u('notes.md'), at(files['notes.md'], 'flm10', 1), 'FLM10');
    if (!('edit' in r)) throw new Error(r.error);
    expect(Object.keys(r.edit.changes)).toEqual([u('notes.md')]);
    expect(applyTextEdits(ws.text(u('notes.md'))!, r.edit.changes[u('notes.md')]!, r.edit.versions[u('notes.md')])).toBe('# Notes\n\nSee FLM2, `FLM1` and FLM10.\n');
  });

  it('claims every position of a relation list, and refuses what is not an ID', async () => {
    const text = element('FLM5', 'first-line-management', 'processes-procedures', '', 'related: [FLM1,   foo, UM1]\nsupports:\n  - FLM2\n');
    const { project } = await openMemory({ ...files, 'flm/FLM5.md': text });
    const uri = u('flm/FLM5.md');
    // On an item that is no ID: claimed, then refused with a reason (never handed on).
    expect(prepareRename(project, uri, at(text, 'foo', 1))).toEqual({ range: rangeOf(text, 'foo'), placeholder: 'foo' });
    expect(rename(project, uri, at(text, 'foo', 1), 'FLM9')).toEqual({ error: '"foo" is not an element ID, so there is nothing to rename; write an ID in its place.' });
    // Between items and on the brackets: the nearest item on the line.
    expect(prepareRename(project, uri, at(text, 'FLM1,', 6))).toEqual({ range: rangeOf(text, 'FLM1'), placeholder: 'FLM1' });
    expect(prepareRename(project, uri, at(text, '[FLM1'))).toEqual({ range: rangeOf(text, 'FLM1'), placeholder: 'FLM1' });
    expect(prepareRename(project, uri, at(text, 'UM1]', 3))).toEqual({ range: rangeOf(text, 'UM1'), placeholder: 'UM1' });
    expect(prepareRename(project, uri, at(text, '- FLM2'))).toEqual({ range: rangeOf(text, 'FLM2'), placeholder: 'FLM2' });
  });
});

describe('rename of an element whose file is named after its ID', () => {
  const fiveFiles = {
    'flm/FLM5.md': element('FLM5', 'first-line-management', 'processes-procedures', 'Back to [the top](./FLM5.md#purpose) of FLM5.\n'),
    'guide.md': '# Guide\n\nSee [reporting](flm/FLM5.md) and FLM5; also [again](flm/./FLM5.md), not [a backup](flm/FLM5.md.bak).\n',
    'sub/deep.md': '# Deep\n\n[Reporting](../flm/FLM5.md?plain "title") and [elsewhere](https://example.com/flm/FLM5.md).\n\n[ref]: ../flm/FLM5.md\n',
  };

  it('renames the file and the relative links to it, in one edit', async () => {
    const { ws, project } = await openMemory(fiveFiles);
    const r = renameId(project, 'FLM5', 'FLM9');
    if (!('edit' in r)) throw new Error(r.error);
    expect(r.edit.renames).toEqual([{ oldUri: u('flm/FLM5.md'), newUri: u('flm/FLM9.md') }]);
    const after: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(r.edit.changes)) after[uri] = applyTextEdits(ws.text(uri)!, edits, r.edit.versions[uri]);
    expect(after[u('guide.md')]).toBe('# Guide\n\nSee [reporting](flm/FLM9.md) and FLM9; also [again](flm/./FLM9.md), not [a backup](flm/FLM5.md.bak).\n');
    expect(after[u('sub/deep.md')]).toBe('# Deep\n\n[Reporting](../flm/FLM9.md?plain "title") and [elsewhere](https://example.com/flm/FLM5.md).\n\n[ref]: ../flm/FLM9.md\n');
    // Its own text is edited under its old name, the rename comes after.
    expect(after[u('flm/FLM5.md')]).toBe(fiveFiles['flm/FLM5.md'].replace('id: FLM5', 'id: FLM9').replace('Back to [the top](./FLM5.md#purpose) of FLM5.', 'Back to [the top](./FLM9.md#purpose) of FLM9.'));
    for (const [uri, text] of Object.entries(after)) project.updateText(uri, text);
    project.remove(u('flm/FLM5.md'));
    project.updateText(u('flm/FLM9.md'), after[u('flm/FLM5.md')]!);
    expect(project.allDiagnostics()).toEqual([]);
    expect(project.index.linkedFrom(u('flm/FLM9.md'))).toEqual([u('flm/FLM9.md'), u('guide.md'), u('sub/deep.md')]);
  });

  it('leaves the file alone when it is not named after the ID, the name is taken or the ID is defined twice', async () => {
    const misnamed = await openMemory({ 'flm/reporting.md': element('FLM5', 'first-line-management', 'processes-procedures') });
    expect(renameId(misnamed.project, 'FLM5', 'FLM9')).toEqual({ edit: expect.not.objectContaining({ renames: expect.anything() }) });
    const taken = await openMemory({ ...fiveFiles, 'flm/FLM9.md': '# Notes about FLM9 to come\n' });
    const t = renameId(taken.project, 'FLM5', 'FLM9');
    expect('edit' in t && t.edit.renames).toBeFalsy();
    const twice = await openMemory({ ...fiveFiles, 'flm/copy.md': element('FLM5', 'first-line-management', 'processes-procedures') });
    const w = renameId(twice.project, 'FLM5', 'FLM9');
    expect('edit' in w && w.edit.renames).toBeFalsy();
  });
});

describe('symbols, links, matrix, leadership', () => {
  it('workspace symbols match ID or title as a subsequence', async () => {
    const { project } = await openMemory(files);
    expect(workspaceSymbols(project, '').map((s) => s.id)).toEqual(['FLM1', 'FLM2', 'FLM10', 'UM1', 'LP1', 'LC1', 'LC2']);
    expect(workspaceSymbols(project, 'flm1').map((s) => s.id)).toEqual(['FLM1', 'FLM10']);
    expect(workspaceSymbols(project, 'cand').map((s) => [s.name, s.container])).toEqual([['LC2 · Candour', 'Leadership Characteristics']]);
    expect(workspaceSymbols(project, 'um1')[0]).toEqual({ name: 'UM1 · Title of UM1', id: 'UM1', title: 'Title of UM1', container: 'Upline Management', location: { uri: u('um/UM1.md'), range: range(1, 4, 1, 7) } });
  });

  it('document links point each defined reference at its definition', async () => {
    const { project } = await openMemory({ ...files, 'x.md': 'FLM2 FLM7 flm1\n' });
    expect(documentLinks(project, u('x.md'))).toEqual([{ range: range(0, 0, 0, 4), target: { uri: u('flm/FLM2.md'), range: range(1, 4, 1, 8) }, tooltip: 'FLM2 · Title of FLM2' }]);
  });

  it('matrix cells, unplaced elements and leadership supportedBy', async () => {
    const { project } = await openMemory({ ...files, 'x.md': element('FLM4', 'first-line-management', 'nowhere') });
    const m = matrix(project);
    expect(m.systems.map((s) => s.key)).toEqual(['operational-management', 'first-line-management', 'upline-management', 'people-management']);
    expect(m.cells['first-line-management']).toEqual({ 'organization-management': ['FLM1'], 'processes-procedures': ['FLM2', 'FLM10'], 'technology-tools': [], 'mindsets-behaviours': [] });
    expect(m.cells['upline-management']!['technology-tools']).toEqual(['UM1']);
    expect(m.unplaced).toEqual(['FLM4']);
    expect(m.leadership.parts).toEqual([
      { key: 'leadership-principles', title: 'Leadership Principles', ids: ['LP1'] },
      { key: 'leadership-characteristics', title: 'Leadership Characteristics', ids: ['LC1', 'LC2'] },
    ]);
    expect({ ...leadershipOf(project).supportedBy }).toEqual({ FLM1: ['FLM2'], LP1: ['LC1', 'LC2'] });
  });
});
