// Who depends on an element: the elements whose `depends_on` lists it. Plain data for the code
// lens, `opmodel show` and the impact part of `opmodel diff`.
import type { Project } from '../project';
import type { Location } from '../types';

export const DEPENDS_ON = 'depends_on';

export interface Dependent {
  /** The dependent element's ID. */
  id: string;
  /** Where its `depends_on` names the element. */
  location: Location;
}

/** Elements whose `depends_on` names `id`, one entry each, in framework order. */
export function dependentsOf(project: Project, id: string): Dependent[] {
  const seen = new Map<string, Dependent>();
  for (const { uri, ref } of project.index.references(id)) {
    if (ref.field !== DEPENDS_ON) continue;
    const own = project.index.docs.get(uri)?.definition?.id;
    if (!own || own === id || seen.has(own)) continue;
    seen.set(own, { id: own, location: { uri, range: ref.range } });
  }
  return [...seen.values()].sort((a, b) => project.syntax.compare(a.id, b.id));
}
