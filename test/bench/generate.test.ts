// The benchmark corpus is deterministic for a seed and trips every diagnostic code it claims to.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace, Project } from '../../language/index';
import { corpusFiles, ERROR_KINDS, FIXED_KINDS, SHAPES } from '../../scripts/bench/generate.mjs';

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

  it.each(SHAPES)('trips every diagnostic code through the real engine (%s corpus)', async (shape) => {
    const ws = new MemoryWorkspace(Object.fromEntries([...corpusFiles(1000, 7, shape)].map(([p, t]) => [`file:///bench/${p}`, t])));
    const project = await Project.open({ workspace: ws, rootUri: 'file:///bench' });
    expect(project.configProblems).toEqual([]);
    expect(project.index.docs.size).toBe(1000);
    const codes = new Set(project.allDiagnostics().map((d) => d.code));
    expect([...codes].sort()).toEqual([...ERROR_KINDS, ...FIXED_KINDS].sort());
  });

  it('has other proportions in the deep corpus: longer documents, more references, deeper folders', async () => {
    const deep = [...corpusFiles(300, 7, 'deep')];
    expect(hashOf([...corpusFiles(300, 7, 'deep')])).toBe(hashOf(deep));
    const standard = [...corpusFiles(300, 7)].slice(1);
    const docs = deep.slice(1);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(docs.map(([, t]) => t.length))).toBeGreaterThan(2.5 * mean(standard.map(([, t]) => t.length)));
    expect(docs.every(([p]) => p.split('/').length === 6)).toBe(true);
    expect(new Set(docs.map(([p]) => path.dirname(p))).size).toBeGreaterThanOrEqual(15);
    const ws = new MemoryWorkspace(Object.fromEntries(deep.map(([p, t]) => [`file:///bench/${p}`, t])));
    const project = await Project.open({ workspace: ws, rootUri: 'file:///bench' });
    const refs = [...project.index.docs.values()].map((d) => d.references.length);
    expect(mean(refs)).toBeGreaterThan(25);
    expect(Math.min(...refs)).toBeGreaterThanOrEqual(20);
    expect(new Set([...project.index.docs.values()].flatMap((d) => d.references.map((r) => r.field)))).toEqual(new Set([undefined, 'related', 'depends_on', 'supports']));
  });
});
