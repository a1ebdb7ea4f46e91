// `opmodel diff` in the engine: two opened projects (BASE and HEAD, from git revisions, folders
// or memory) in, plain data out. Documents are compared by the path relative to their docs
// root, elements by ID; text is read back only where versions differ.
import type { Project } from '../project';
import { DiffSide } from './diffSide';
import { compareElement } from './elementChanges';
import { impactOf } from './impact';
import { brokenReferences, fixedReferences } from './referenceChanges';
import { detectRenames } from './renames';
import type { FrameworkDiff } from './types';

export async function diffFrameworks(baseProject: Project, headProject: Project): Promise<FrameworkDiff> {
  const base = new DiffSide(baseProject);
  const head = new DiffSide(headProject);
  const compare = headProject.syntax.compare;
  const baseOnly = [...base.elements.keys()].filter((id) => !head.isDefined(id)).sort(compare);
  const headOnly = [...head.elements.keys()].filter((id) => !base.isDefined(id)).sort(compare);

  const renamed = await detectRenames(base, head, baseOnly, headOnly);
  const renames = new Map(renamed.map((r) => [r.from.id, r.to.id]));
  const renamedTo = new Set(renamed.map((r) => r.to.id));
  const diff: FrameworkDiff = {
    added: headOnly.filter((id) => !renamedTo.has(id)).map((id) => head.element(id)),
    removed: baseOnly.filter((id) => !renames.has(id)).map((id) => base.element(id)),
    renamed,
    retitled: [],
    moved: [],
    relations: [],
    changed: [],
    broken: [],
    fixed: [],
    impact: [],
  };

  const pairs: [string, string][] = [...[...base.elements.keys()].filter((id) => head.isDefined(id)).map((id) => [id, id] as [string, string]), ...renamed.map((r) => [r.from.id, r.to.id] as [string, string])];
  pairs.sort((a, b) => compare(a[1], b[1]));
  for (const [from, to] of pairs) {
    const c = await compareElement(base, head, from, to, renames);
    if (c.retitled) diff.retitled.push(c.retitled);
    if (c.moved) diff.moved.push(c.moved);
    diff.relations.push(...c.relations);
    if (c.changed) diff.changed.push(c.changed);
  }

  diff.broken = brokenReferences(head, new Map(baseOnly.map((id) => [id, renames.get(id)])));
  diff.fixed = await fixedReferences(base, head);
  const inChange = new Set([...diff.changed.map((c) => c.id), ...diff.added.map((a) => a.id), ...renamedTo]);
  diff.impact = impactOf(head, diff.changed.map((c) => c.id), inChange);
  return diff;
}
