import { describe, expect, it } from 'vitest';
import { OccurrenceTable } from '../../language/indexer/occurrenceTable';

describe('OccurrenceTable', () => {
  it('counts every occurrence, lists each document once in URI order, and forgets a document whole', () => {
    const t = new OccurrenceTable();
    t.add('FLM1', 'file:///b.md');
    expect([t.count('FLM1'), t.uris('FLM1')]).toEqual([1, ['file:///b.md']]);
    t.add('FLM1', 'file:///a.md');
    t.add('FLM1', 'file:///b.md');
    t.add('FLM2', 'file:///a.md');
    expect([t.count('FLM1'), t.uris('FLM1')]).toEqual([3, ['file:///a.md', 'file:///b.md']]);
    expect([...t.occurrences('FLM1')].sort()).toEqual(['file:///a.md', 'file:///b.md', 'file:///b.md']);
    t.remove('FLM1', 'file:///b.md');
    expect([t.count('FLM1'), t.uris('FLM1')]).toEqual([1, ['file:///a.md']]);
    t.remove('FLM1', 'file:///c.md');
    expect(t.count('FLM1')).toBe(1);
    t.remove('FLM1', 'file:///a.md');
    expect([t.count('FLM1'), t.uris('FLM1'), t.occurrences('FLM1')]).toEqual([0, [], []]);
    expect(t.uris('FLM2')).toEqual(['file:///a.md']);
  });

  it('agrees with a map of counts over random additions and removals', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const t = new OccurrenceTable();
    const model = new Map<string, Map<string, number>>();
    for (let step = 0; step < 5000; step++) {
      const key = `K${rnd(5)}`;
      const uri = `file:///${rnd(6)}.md`;
      if (rnd(3)) {
        t.add(key, uri);
        const m = model.get(key) ?? model.set(key, new Map()).get(key)!;
        m.set(uri, (m.get(uri) ?? 0) + 1);
      } else {
        t.remove(key, uri);
        model.get(key)?.delete(uri);
      }
      const m = model.get(key) ?? new Map<string, number>();
      expect(t.count(key)).toBe([...m.values()].reduce((a, b) => a + b, 0));
      expect(t.uris(key)).toEqual([...m.keys()].sort());
    }
  });
});
