// ID completion items are reused between calls: after any edit they must still equal what a
// fresh project over the same files answers.
import { describe, expect, it } from 'vitest';
import { completions, MemoryWorkspace, Project } from '../../language/index';
import { element, ROOT, u } from '../helpers';

const flm = (id: string, extra = '') => element(id, 'first-line-management', 'processes-procedures', '', extra);
const typing = 'Works with FL';
const at = { line: 0, character: typing.length };

async function freshItems(files: Record<string, string>) {
  const project = await Project.open({ workspace: new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [u(p), t]))), rootUri: ROOT });
  return completions(project, u('new.md'), typing, at)!.items;
}

describe('completion item reuse', () => {
  it('follows summary, title, system and definition changes', async () => {
    const files: Record<string, string> = { 'a.md': flm('FLM1', 'summary: first\n'), 'b.md': flm('FLM2', 'summary: second\n') };
    const project = await Project.open({ workspace: new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [u(p), t]))), rootUri: ROOT });
    const items = () => completions(project, u('new.md'), typing, at)!.items;
    expect(items().map((i) => [i.label, i.documentation])).toEqual([['FLM1', 'first'], ['FLM2', 'second']]);

    const edits: [string, string][] = [
      ['b.md', flm('FLM2', 'summary: changed\n')], // same definitions, new fields
      ['a.md', flm('FLM1', 'summary: first\n').replace('Title of FLM1', 'Renamed')], // title
      ['a.md', flm('FLM1', 'summary: first\n').replace('first-line-management', 'upline-management')], // system
      ['c.md', flm('FLM10')], // a new ID shifts sortText
      ['b.md', flm('FLM3', 'summary: moved\n')], // FLM2 disappears
    ];
    for (const [path, text] of edits) {
      files[path] = text;
      project.updateText(u(path), text);
      expect(items()).toEqual(await freshItems(files));
    }
    expect(items().map((i) => i.label)).toEqual(['FLM1', 'FLM3', 'FLM10']);
  });
});
