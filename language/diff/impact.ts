// Impact: the elements to look at again because something they rely on changed. For every
// element whose text or front matter changed, the elements that list it in `depends_on` or
// otherwise refer to it (another relation field, or their text), at HEAD. Direct links only:
// a reviewer can follow a chain, but a transitive list would bury the ones that matter.
import { DEPENDS_ON } from '../features/dependents';
import type { DiffSide } from './diffSide';
import type { Impact, ImpactReason } from './types';

export function impactOf(head: DiffSide, changed: readonly string[], inChange: ReadonlySet<string>): Impact[] {
  const byElement = new Map<string, ImpactReason[]>();
  for (const id of changed) {
    for (const { uri, ref } of head.project.index.references(id)) {
      const dependent = head.project.index.docs.get(uri)?.definition?.id;
      if (!dependent || dependent === id || head.elements.get(dependent)?.uri !== uri) continue;
      const via = ref.field ?? 'text';
      const list = byElement.get(dependent) ?? [];
      if (!list.some((r) => r.id === id && r.via === via)) list.push({ id, via, location: { uri, range: ref.range } });
      byElement.set(dependent, list);
    }
  }
  const compare = head.project.syntax.compare;
  const rank = (r: ImpactReason) => (r.via === DEPENDS_ON ? 0 : r.via === 'text' ? 2 : 1);
  return [...byElement.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([id, reasons]) => {
      reasons.sort((a, b) => rank(a) - rank(b) || compare(a.id, b.id) || (a.via < b.via ? -1 : a.via > b.via ? 1 : 0));
      return {
        id,
        title: head.elements.get(id)!.title ?? '',
        location: reasons[0]!.location,
        because: [...new Set(reasons.map((r) => r.id))].sort(compare),
        reasons,
        inChange: inChange.has(id),
      };
    });
}
