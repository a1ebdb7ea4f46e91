// Project.scan() loads in bulk (no per-document invalidation, one cache flush at the end): after
// a rescan over changed files, every answer must equal a fresh Project.open's.
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace, Project } from '../../language/index';
import { element, ignoringFileNames, normalise, ROOT, u } from '../helpers';

const flm = (id: string, body = '', extra = '') => element(id, 'first-line-management', 'processes-procedures', body, extra);

describe('Project.scan', () => {
  it('answers like a fresh open after files change underneath a project with warm caches', async () => {
    const ws = new MemoryWorkspace({
      [u('a.md')]: flm('FLM1', 'Works with FLM2 and FLM3.\n'),
      [u('b.md')]: flm('FLM2', 'Needs FLM1 and FLM4.\n'),
      [u('c.md')]: '---\ntitle: No id yet\ntype: element\nsystem: first-line-management\n---\n\nSee FLM 2.\n',
    });
    const project = await Project.open({ workspace: ws, rootUri: ROOT });
    const before = project.allDiagnostics();
    expect(ignoringFileNames(before).map((d) => d.code).sort()).toEqual(['malformed-id', 'missing-id', 'unknown-id', 'unknown-id']);

    // FLM3 and FLM4 become defined (the unknown-ids go), FLM1 is defined twice, b.md is gone.
    ws.set(u('d.md'), flm('FLM3', 'Back to FLM1.\n'));
    ws.set(u('e.md'), flm('FLM1', '', 'summary: a second FLM1\n'));
    ws.set(u('a.md'), flm('FLM1', 'Works with FLM2, FLM3 and FLM4.\n'));
    ws.set(u('f.md'), flm('FLM4'));
    ws.delete(u('b.md'));
    await project.scan();

    const fresh = await Project.open({ workspace: ws, rootUri: ROOT });
    expect(normalise(project.allDiagnostics())).toEqual(normalise(fresh.allDiagnostics()));
    expect(ignoringFileNames(project.allDiagnostics()).map((d) => d.code).sort()).toEqual(['duplicate-id', 'duplicate-id', 'malformed-id', 'missing-id', 'unknown-id']);
    expect(project.index.definedIds()).toEqual(fresh.index.definedIds());
    expect(project.index.nextFreeId(project.syntax.families[0]!)).toBe('FLM2');
    for (const id of fresh.index.definedIds()) expect(project.index.referrers(id)).toEqual(fresh.index.referrers(id));
  });

  it('reports affected documents again once the load is over', async () => {
    const ws = new MemoryWorkspace({ [u('a.md')]: flm('FLM1', 'See FLM2.\n'), [u('b.md')]: flm('FLM3') });
    const project = await Project.open({ workspace: ws, rootUri: ROOT });
    project.allDiagnostics();
    // Defining FLM2 changes a.md's diagnostics (its unknown-id goes away).
    expect([...project.updateText(u('b.md'), flm('FLM2'))].sort()).toEqual([u('a.md'), u('b.md')]);
    expect(ignoringFileNames(project.diagnostics(u('a.md')))).toEqual([]);
  });
});
