// The engine's diff over in-memory frameworks: the cases the git suite does not reach.
import { describe, expect, it } from 'vitest';
import { diffFrameworks, MemoryWorkspace, Project } from '../../language/index';

const fm = (id: string, title: string, extra = '') => `---\nid: ${id}\ntitle: ${title}\ntype: element\nsystem: first-line-management\ndiscipline: organization-management\n${extra}---\n\n`;

async function diff(before: Record<string, string>, after: Record<string, string>) {
  const open = (files: Record<string, string>, root: string) =>
    Project.open({ workspace: new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [`${root}/${p}`, t]))), rootUri: root });
  return diffFrameworks(await open(before, 'file:///base'), await open(after, 'file:///head'));
}

describe('rename detection', () => {
  it('does not guess when two elements share a title and text', async () => {
    const d = await diff(
      { 'a.md': fm('FLM1', 'Same') + 'Text.\n', 'b.md': fm('FLM2', 'Same') + 'Text.\n' },
      { 'c.md': fm('FLM3', 'Same') + 'Text.\n', 'd.md': fm('FLM4', 'Same') + 'Text.\n' },
    );
    expect(d.renamed).toEqual([]);
    expect(d.added.map((e) => e.id)).toEqual(['FLM3', 'FLM4']);
    expect(d.removed.map((e) => e.id)).toEqual(['FLM1', 'FLM2']);
  });

  it('does not take an element with another title for a rename, and needs text to recognise one', async () => {
    const d = await diff({ 'a.md': fm('FLM1', 'One') + 'Text.\n', 'e.md': fm('FLM5', 'Empty') }, { 'b.md': fm('FLM2', 'Two') + 'Text.\n', 'f.md': fm('FLM6', 'Empty') });
    expect(d.renamed).toEqual([]);
  });

  it('masks the element\'s own ID in its text, and a renamed ID is not a change for those who follow it', async () => {
    const d = await diff(
      { 'a.md': fm('FLM1', 'One') + '# FLM1 · One\n\nFLM1 does things.\n', 'b.md': fm('FLM2', 'Two', 'related: [FLM1]\n') + 'See FLM1.\n' },
      { 'z.md': fm('FLM7', 'One') + '# FLM7 · One\n\nFLM7 does things.\n', 'b.md': fm('FLM2', 'Two', 'related: [FLM7]\n') + 'See FLM7.\n' },
    );
    expect(d.renamed.map((r) => [r.from.id, r.to.id, r.because])).toEqual([['FLM1', 'FLM7', 'same-content']]);
    expect(d.changed).toEqual([]);
    expect(d.relations).toEqual([]);
    expect(d.broken).toEqual([]);
    expect(d.impact).toEqual([]);
  });
});

describe('relations and changes', () => {
  it('reads a misspelt relation item as the ID it means, and ignores quoting and line endings', async () => {
    const d = await diff({ 'a.md': fm('FLM1', 'One', 'related: [FLM 2]\nsummary: "Short"\n') + 'Text.\n', 'b.md': fm('FLM2', 'Two') }, {
      'a.md': fm('FLM1', 'One', 'related: [FLM2]\nsummary: Short\n').replace(/\n/g, '\r\n') + 'Text.\r\n',
      'b.md': fm('FLM2', 'Two'),
    });
    expect(d.relations).toEqual([]);
    expect(d.changed).toEqual([{ id: 'FLM1', fields: ['related'], body: false, location: expect.anything() }]);
  });

  it('reports a field that is gone at its element\'s id line', async () => {
    const d = await diff({ 'a.md': fm('FLM1', 'One', 'supports: [FLM2]\n'), 'b.md': fm('FLM2', 'Two') }, { 'a.md': fm('FLM1', 'One'), 'b.md': fm('FLM2', 'Two') });
    expect(d.relations).toEqual([{ id: 'FLM1', field: 'supports', added: [], removed: ['FLM2'], location: { uri: 'file:///head/a.md', range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } } } }]);
  });
});

describe('broken and fixed references', () => {
  it('leaves out references where unknown-id is switched off', async () => {
    const d = await diff(
      { 'a.md': fm('FLM1', 'One'), 'n.md': 'Uses FLM1.\n<!-- opmodel-disable-next-line unknown-id -->\nAlso FLM1.\n' },
      { 'n.md': 'Uses FLM1.\n<!-- opmodel-disable-next-line unknown-id -->\nAlso FLM1.\n' },
    );
    expect(d.broken.map((b) => `${b.location.range.start.line}:${b.id}:${b.reason}`)).toEqual(['0:FLM1:removed']);
  });

  it('a dangling reference moved to another line is not fixed; one taken out is', async () => {
    const d = await diff({ 'n.md': 'A FLM9.\nB FLM9.\n' }, { 'n.md': 'New first line.\nB FLM9.\n' });
    expect(d.fixed.map((f) => `${f.side}:${f.location.range.start.line}:${f.id}:${f.reason}`)).toEqual(['base:0:FLM9:removed']);
  });
});

describe('impact', () => {
  it('names each element that depends on or refers to a changed one once, depends_on first, never itself', async () => {
    const d = await diff(
      { 'a.md': fm('FLM1', 'One') + 'Old text. FLM1.\n', 'b.md': fm('FLM2', 'Two', 'depends_on: [FLM1]\nrelated: [FLM1]\n') + 'FLM1 and FLM1.\n', 'g.md': 'A guide on FLM1.\n' },
      { 'a.md': fm('FLM1', 'One') + 'New text. FLM1.\n', 'b.md': fm('FLM2', 'Two', 'depends_on: [FLM1]\nrelated: [FLM1]\n') + 'FLM1 and FLM1.\n', 'g.md': 'A guide on FLM1.\n' },
    );
    expect(d.impact.map((i) => ({ id: i.id, because: i.because, via: i.reasons.map((r) => `${r.via}@${r.location.range.start.line}`), inChange: i.inChange }))).toEqual([
      { id: 'FLM2', because: ['FLM1'], via: ['depends_on@6', 'related@7', 'text@10'], inChange: false },
    ]);
  });
});
