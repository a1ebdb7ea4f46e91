// "N references" above the ID a document defines: where it is cited, for code lenses.
import type { Project } from '../project';
import type { Location, Range } from '../types';
import { referencesOf } from './references';

export interface ReferenceLens {
  id: string;
  /** The defining `id:` value. */
  range: Range;
  references: Location[];
  /** More than one document defines this ID. */
  definitions: number;
}

export function referenceLenses(project: Project, uri: string): ReferenceLens[] {
  const def = project.document(uri)?.definition;
  if (!def || !project.syntax.classify(def.id)) return [];
  return [{ id: def.id, range: def.range, references: referencesOf(project, def.id, false), definitions: project.index.definitions(def.id).length }];
}
