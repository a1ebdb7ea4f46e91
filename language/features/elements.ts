// What the framework defines, as plain records: the base of completion, hover, list and the tree.
import type { Project } from '../project';
import type { Location } from '../types';
import { crosswalkOf, type CrosswalkEntry } from './crosswalk';

export interface ElementInfo {
  id: string;
  title: string;
  type?: string;
  family?: string;
  system?: string;
  discipline?: string;
  part?: string;
  summary?: string;
  location: Location;
  references: number;
  relations: Record<string, string[]>;
  /** Declared crosswalk schemes this element maps onto (empty when it has none). */
  crosswalk: CrosswalkEntry[];
}

export function elementInfo(project: Project, id: string): ElementInfo | undefined {
  const doc = project.index.firstDefinition(id);
  if (!doc?.definition) return undefined;
  // Keyed by relation names from the config: no prototype, so "constructor" is only a name.
  const relations: Record<string, string[]> = Object.create(null);
  for (const r of project.config.relations) {
    const ids = doc.references.filter((x) => x.field === r.key).map((x) => x.id);
    if (ids.length) relations[r.key] = ids;
  }
  const part = doc.fields.get('part')?.value ?? undefined;
  return {
    id,
    title: doc.title ?? '',
    type: doc.type,
    family: doc.definition.familyKey,
    system: doc.system,
    discipline: doc.discipline,
    part: part ?? project.config.leadership.find((p) => p.families.includes(doc.definition!.familyKey ?? ''))?.key,
    summary: doc.summary,
    location: { uri: doc.uri, range: doc.definition.range },
    references: project.index.referenceCount(id),
    relations,
    crosswalk: crosswalkOf(project.config, doc),
  };
}

/** Every defined element, in framework order. */
export function listElements(project: Project): ElementInfo[] {
  return project.index.definedIds().map((id) => elementInfo(project, id)!);
}
