// A family prefix that matches more IDs than a list holds returns the first ones in framework
// order and says the list is incomplete, so that editors ask again as the user types. The window
// equals the first `limit` of all matching IDs in framework order, whatever the IDs and prefix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPLETION_LIMIT, completions, MemoryWorkspace, Project } from '../../language/index';
import { element, ROOT, u } from '../helpers';

const doc = (id: string) => element(id, 'first-line-management', 'processes-procedures');

async function projectOf(ids: string[]) {
  const files = Object.fromEntries(ids.map((id, i) => [u(`d${i}.md`), doc(id)]));
  return Project.open({ workspace: new MemoryWorkspace(files), rootUri: ROOT });
}

/** Every defined ID starting with `typed`, in framework order, without the document's own. */
const reference = (project: Project, typed: string, own?: string) =>
  project.index.definedIds().filter((id) => id !== own && id.startsWith(typed.toUpperCase()));

const ask = (project: Project, typed: string, limit?: number, uri = u('new.md')) => {
  const line = `See ${typed}`;
  return completions(project, uri, line, { line: 0, character: line.length }, { limit })!;
};

describe('completion window', () => {
  it('returns the first IDs of a large family and marks the list incomplete', async () => {
    const ids = [...Array.from({ length: 250 }, (_, i) => `FLM${i + 1}`), 'UM1', 'UM2', 'CORE-A1', 'CORE-B7'];
    const project = await projectOf(ids);
    const flm = ask(project, 'FLM');
    expect(COMPLETION_LIMIT).toBe(100);
    expect(flm.isIncomplete).toBe(true);
    expect(flm.items.map((i) => i.label)).toEqual(Array.from({ length: 100 }, (_, i) => `FLM${i + 1}`));
    expect(flm.items.map((i) => i.sortText)).toEqual([...flm.items.map((i) => i.sortText)].sort());
    // Typing on narrows it: FLM2, FLM20-29, FLM200-250 fit.
    const flm2 = ask(project, 'FLM2');
    expect(flm2.isIncomplete).toBe(false);
    expect(flm2.items.map((i) => i.label)).toEqual(['FLM2', ...Array.from({ length: 10 }, (_, i) => `FLM${20 + i}`), ...Array.from({ length: 51 }, (_, i) => `FLM${200 + i}`)]);
    // A small family, lower case typing, and the group prefix.
    expect(ask(project, 'um')).toMatchObject({ isIncomplete: false, items: [{ label: 'UM1' }, { label: 'UM2' }] });
    expect(ask(project, 'CORE-').items.map((i) => i.label)).toEqual(['CORE-A1', 'CORE-B7']);
    // Exactly the limit: complete; one more: incomplete.
    expect(ask(project, 'FLM', 250)).toMatchObject({ isIncomplete: false });
    expect(ask(project, 'FLM', 249)).toMatchObject({ isIncomplete: true });
    // The document's own ID is never offered, and does not count against the window.
    const own = ask(project, 'FLM', 100, u('d0.md'));
    expect(own.items[0]!.label).toBe('FLM2');
    expect(own.items).toHaveLength(100);
  });

  it('equals the first matches of the whole list, for any IDs and prefix', async () => {
    const id = fc.oneof(
      fc.tuple(fc.constantFrom('FLM', 'UM', 'GOV', 'EE', 'OM', 'LP', 'LC'), fc.integer({ min: 1, max: 400 })).map(([p, n]) => `${p}${n}`),
      fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 120 })).map(([g, n]) => `CORE-${g}${n}`),
      // Definitions that are no ID of any family, or misspelt: the index keeps them as written.
      fc.constantFrom('XQ12', 'FLM0', 'flm 7', 'GOVX', 'CORE-D4'),
    );
    const typed = fc.constantFrom('', 'F', 'FL', 'FLM', 'FLM1', 'FLM12', 'flm3', 'C', 'CORE', 'CORE-', 'CORE-A', 'CORE-B1', 'G', 'GOV', 'L', 'LC', 'LP4', 'E', 'O', 'U', 'X');
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(id, { minLength: 1, maxLength: 300 }), typed, fc.integer({ min: 1, max: 120 }), async (ids, t, limit) => {
        const project = await projectOf(ids);
        const result = completions(project, u('new.md'), `See ${t}`, { line: 0, character: 4 + t.length }, { limit });
        if (t && !result) return; // not a family prefix: no list at all
        const all = reference(project, t);
        expect(result!.items.map((i) => i.label)).toEqual(all.slice(0, limit));
        expect(result!.isIncomplete).toBe(all.length > limit);
      }),
      { numRuns: 150, seed: 17 },
    );
  });

  it('windows relation lists in front matter too', async () => {
    const project = await projectOf(Array.from({ length: 120 }, (_, i) => `EE${i + 1}`));
    const text = '---\nid: FLM1\nrelated: [EE\n---\n';
    const r = completions(project, u('new.md'), text, { line: 2, character: 12 })!;
    expect(r.isIncomplete).toBe(true);
    expect(r.items).toHaveLength(100);
    expect(r.items[99]!.label).toBe('EE100');
  });
});
