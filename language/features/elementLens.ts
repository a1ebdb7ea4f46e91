// The counts shown above an element's `id:` line: how often it is referenced and how many
// elements depend on it. The editor turns each into a code lens; the words are made here so
// that every host says the same.
import type { Project } from '../project';
import type { Location, Range } from '../types';
import { dependentsOf } from './dependents';
import { referencesOf } from './references';

export interface ElementLens {
  id: string;
  /** The `id:` value. */
  range: Range;
  /** Every reference to the element (body text and relation fields), without its definition. */
  references: Location[];
  /** How many elements list it in `depends_on`. */
  dependents: number;
  /** "3 references · 1 depends on this". */
  label: string;
}

export function elementLenses(project: Project, uri: string): ElementLens[] {
  const def = project.document(uri)?.definition;
  if (!def || !project.syntax.classify(def.id)) return [];
  const references = referencesOf(project, def.id, false);
  const dependents = dependentsOf(project, def.id).length;
  return [{ id: def.id, range: def.range, references, dependents, label: lensLabel(references.length, dependents) }];
}

export function lensLabel(references: number, dependents: number): string {
  return `${references} reference${references === 1 ? '' : 's'} · ${dependents} depend${dependents === 1 ? 's' : ''} on this`;
}
