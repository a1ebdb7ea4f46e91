// Relations seen from their target: "Related from", "Supported by". Derived from the other
// documents' front matter, so an author writes a relation on one side only.
import type { Project } from '../project';

export interface InverseRelation {
  /** The relation field, e.g. "related". */
  key: string;
  /** Its inverse name, e.g. "Related from". */
  title: string;
  ids: string[];
}

/**
 * For each relation with an inverse name: the elements that name `id` in that field, in
 * framework order, leaving out those `id` already names in the same field itself.
 */
export function inverseRelations(project: Project, id: string): InverseRelation[] {
  const own = project.index.definitions(id)[0];
  const out: InverseRelation[] = [];
  const refs = project.index.references(id);
  for (const rel of project.config.relations) {
    if (!rel.inverse || rel.inverse === rel.title) continue;
    const forward = new Set((own?.references ?? []).filter((r) => r.field === rel.key).map((r) => r.id));
    const ids = new Set<string>();
    for (const { uri, ref } of refs) {
      if (ref.field !== rel.key) continue;
      const from = project.index.docs.get(uri)?.definition?.id;
      if (from && from !== id && !forward.has(from)) ids.add(from);
    }
    if (ids.size) out.push({ key: rel.key, title: rel.inverse, ids: [...ids].sort(project.syntax.compare) });
  }
  return out;
}
