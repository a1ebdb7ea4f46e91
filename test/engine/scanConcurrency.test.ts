// Reading many files at once (a remote file system): folders listed in parallel but reported in
// name order, at most 8 listings at a time, and the bytes of reads in flight held to a budget.
import { describe, expect, it } from 'vitest';
import { completions, hover, MemoryWorkspace, Project, type Workspace } from '../../language/index';
import { ByteBudget } from '../../language/workspace/byteBudget';
import { discoverFiles } from '../../language/workspace/discoverFiles';
import { defaultConfig } from '../../language/index';
import { element, ROOT, u } from '../helpers';

/** A workspace whose calls take a turn of the event loop, counting how many run at once. */
function slow(inner: MemoryWorkspace) {
  const peak = { list: 0, readBytes: 0 };
  let listing = 0;
  let reading = 0;
  const tick = () => new Promise((r) => setTimeout(r, 1));
  const ws: Workspace = {
    readDirectory: async (uri) => {
      peak.list = Math.max(peak.list, ++listing);
      await tick();
      listing--;
      return inner.readDirectory(uri);
    },
    stat: (uri) => inner.stat(uri),
    readFile: async (uri) => {
      const bytes = await inner.readFile(uri);
      peak.readBytes = Math.max(peak.readBytes, (reading += bytes.length));
      await tick();
      reading -= bytes.length;
      return bytes;
    },
  };
  return { ws, peak };
}

describe('discovery and reading at scale', () => {
  it('lists sibling folders at once, at most 8 at a time, and reports files in name order', async () => {
    const files: Record<string, string> = {};
    for (let d = 0; d < 30; d++) for (let f = 0; f < 3; f++) files[u(`d${String(d).padStart(2, '0')}/sub/f${f}.md`)] = '# x\n';
    files[u('a.md')] = '# a\n';
    const { ws, peak } = slow(new MemoryWorkspace(files));
    const found = await discoverFiles(ws, ROOT, defaultConfig());
    expect(found.files).toEqual(Object.keys(files).sort());
    expect(peak.list).toBeGreaterThan(1);
    expect(peak.list).toBeLessThanOrEqual(8);
  });

  it('holds the bytes of reads in flight to the budget, and reads a file larger than it alone', async () => {
    const budget = new ByteBudget(100);
    const a = await budget.take(60);
    let bTaken = false;
    const b = budget.take(60).then((r) => ((bTaken = true), r));
    const c = budget.take(10);
    await new Promise((r) => setTimeout(r, 5));
    expect(bTaken).toBe(false); // 60 + 60 > 100
    a();
    a(); // twice is once
    const releaseB = await b;
    const releaseC = await c; // first come, first served: C waited behind B, and fits beside it
    releaseB();
    releaseC();
    const big = await budget.take(1000); // over the budget, with nothing else in flight
    big();
  });

  it('indexes a framework read through a slow workspace with many reads in flight, within the budget', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 300; i++) files[u(`flm/FLM${i}.md`)] = element(`FLM${i}`, 'first-line-management', 'processes-procedures', `See FLM${(i % 300) + 1}.\n`);
    const { ws, peak } = slow(new MemoryWorkspace(files));
    const size = new TextEncoder().encode(files[u('flm/FLM100.md')]!).length;
    const project = await Project.open({ workspace: ws, rootUri: ROOT, readConcurrency: 1000, readBytes: 10 * size });
    expect(project.index.docs.size).toBe(300);
    expect(project.allDiagnostics()).toEqual([]);
    // About ten files' worth at a time (names differ in length by a few bytes), not hundreds.
    expect(peak.readBytes).toBeGreaterThan(5 * size);
    expect(peak.readBytes).toBeLessThanOrEqual(10 * size + 10);
  });

  it('answers completion and hover from the files read so far while it scans, progress counted to the end', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 60; i++) files[u(`flm/FLM${i}.md`)] = element(`FLM${i}`, 'first-line-management', 'processes-procedures');
    const { ws } = slow(new MemoryWorkspace(files));
    // An editor registers the project before reading it (Project.create), then scans.
    const project = await Project.create({ workspace: ws, rootUri: ROOT, readConcurrency: 4 });
    expect(project.index.docs.size).toBe(0);
    const note = u('note.md');
    const text = 'See FLM';
    const progress: number[] = [];
    const midway: { read: number; offered: number; hover: string | undefined }[] = [];
    await project.scan((p) => {
      progress.push(p.read);
      expect(p.total).toBe(60);
      if (p.read !== 20) return;
      const offered = completions(project, note, text, { line: 0, character: text.length })?.items.length ?? 0;
      midway.push({ read: p.read, offered, hover: hover(project, u('flm/FLM2.md'), { line: 1, character: 5 })?.title });
    });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(60);
    // At 20 of 60 files: the IDs read so far (those in flight are not indexed yet), not none and not all.
    expect(midway).toHaveLength(1);
    expect(midway[0]!.offered).toBeGreaterThanOrEqual(17);
    expect(midway[0]!.offered).toBeLessThanOrEqual(20);
    expect(midway[0]!.hover).toBe('Title of FLM2');
    expect(completions(project, note, text, { line: 0, character: text.length })!.items).toHaveLength(60);
  });
});
