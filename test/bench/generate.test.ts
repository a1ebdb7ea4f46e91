// The benchmark corpus is deterministic for a seed and trips every diagnostic code it claims to.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace, Project } from '../../language/index';
import { corpusFiles, ERROR_KINDS, FIXED_KINDS } from '../../scripts/bench/generate.mjs';

const hashOf = (files: [string, string][]) => createHash('sha256').update(JSON.stringify(files)).digest('hex');

describe('benchmark corpus generator', () => {
  it('writes the same files for the same seed and different ones for another seed', () => {
    const a = [...corpusFiles(300, 7)];
    expect(hashOf([...corpusFiles(300, 7)])).toBe(hashOf(a));
    expect(hashOf([...corpusFiles(300, 8)])).not.toBe(hashOf(a));
    expect(a).toHaveLength(301);
    expect(a[0]![0]).toBe('opmodel.json');
    // About 2 KB of Markdown with front matter per document.
    const sizes = a.slice(1).map(([, t]) => t.length);
    expect(sizes.reduce((x, y) => x + y, 0) / sizes.length).toBeGreaterThan(2000);
    expect(a[1]![0]).toBe('first-line-management/000/FLM1.md');
    expect(a[1]![1].startsWith('---\n')).toBe(true);
  });

  it('trips every diagnostic code through the real engine', async () => {
    const ws = new MemoryWorkspace(Object.fromEntries([...corpusFiles(1000, 7)].map(([p, t]) => [`file:///bench/${p}`, t])));
    const project = await Project.open({ workspace: ws, rootUri: 'file:///bench' });
    expect(project.configProblems).toEqual([]);
    expect(project.index.docs.size).toBe(1000);
    const codes = new Set(project.allDiagnostics().map((d) => d.code));
    expect([...codes].sort()).toEqual([...ERROR_KINDS, ...FIXED_KINDS].sort());
  });
});
