// What the framework defines, as plain records: the base of completion, hover, list and the tree.
// A tailored element is the client's document, with every front-matter field it leaves out
// taken from the element it tailors.
import type { FrameworkSource } from '../layers/resolveFramework';
import type { ParsedDocument, Reference } from '../parse/document';
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
  /** "own": defined (or tailored) by this project; "base": by a framework it extends, read-only. */
  origin: 'own' | 'base';
  /** The extended framework that defines it (for a tailored element, the one it tailors). */
  framework?: FrameworkSource;
  /** For a tailored element: the base definition it replaces. */
  tailors?: Location;
  /** False for a base element the client's scope leaves out. */
  inScope: boolean;
  /** Declared crosswalk schemes this element maps onto (empty when it has none). */
  crosswalk: CrosswalkEntry[];
}

export function elementInfo(project: Project, id: string): ElementInfo | undefined {
  const chain = project.index.definitionChain(id);
  const doc = chain[0];
  if (!doc?.definition) return undefined;
  // The first document in [tailored, ..., original] that says it.
  const pick = <T>(get: (d: ParsedDocument) => T | undefined): T | undefined => {
    for (const d of chain) {
      const v = get(d);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  // Keyed by relation names from the config: no prototype, so "constructor" is only a name.
  const relations: Record<string, string[]> = Object.create(null);
  // Each document's references read once (a document makes a new list on each read).
  const refsOf = new Map<ParsedDocument, Reference[]>();
  const refs = (d: ParsedDocument) => refsOf.get(d) ?? refsOf.set(d, d.references).get(d)!;
  for (const r of project.config.relations) {
    const from = chain.find((d) => d.fields.has(r.key));
    const ids = from ? refs(from).filter((x) => x.field === r.key).map((x) => x.id) : [];
    if (ids.length) relations[r.key] = ids;
  }
  const part = pick((d) => d.fields.get('part')?.value ?? undefined);
  const own = !project.isBaseDocument(doc.uri);
  const original = chain.length > 1 ? chain[1]! : undefined;
  const baseDoc = own ? original : doc;
  return {
    id,
    title: pick((d) => d.title) ?? '',
    type: pick((d) => d.type),
    family: doc.definition.familyKey,
    system: pick((d) => d.system),
    discipline: pick((d) => d.discipline),
    part: part ?? project.config.leadership.find((p) => p.families.includes(doc.definition!.familyKey ?? ''))?.key,
    summary: pick((d) => d.summary),
    location: { uri: doc.uri, range: doc.definition.range },
    references: project.index.referenceCount(id),
    relations,
    origin: own ? 'own' : 'base',
    framework: baseDoc ? project.layerOf(baseDoc.uri).source : undefined,
    tailors: own && original?.definition ? { uri: original.uri, range: original.definition.range } : undefined,
    inScope: project.inScope(id),
    // Inherited like the other fields: the tailored document's crosswalk, else the original's.
    crosswalk: crosswalkOf(project.config, chain.find((d) => d.fields.has('crosswalk')) ?? doc),
  };
}

/** Every element in scope (the project's own and the adopted base elements), in framework order. */
export function listElements(project: Project): ElementInfo[] {
  const out: ElementInfo[] = [];
  for (const id of project.index.definedIds()) {
    if (!project.inScope(id)) continue;
    out.push(elementInfo(project, id)!);
  }
  return out;
}
