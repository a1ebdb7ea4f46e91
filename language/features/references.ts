import type { Project } from '../project';
import type { Location, Position } from '../types';
import { idAtPosition } from './idAtPosition';

/** Every reference to the ID under the cursor, in body text, relation fields and assessment entries. */
export function references(project: Project, uri: string, pos: Position, includeDeclaration = true): Location[] {
  const at = idAtPosition(project, uri, pos);
  return at ? referencesOf(project, at.id, includeDeclaration) : [];
}

export function referencesOf(project: Project, id: string, includeDeclaration = true): Location[] {
  const out: Location[] = [];
  if (includeDeclaration) for (const d of project.index.definitions(id)) out.push({ uri: d.uri, range: d.definition!.range });
  for (const { uri, ref } of project.index.references(id)) out.push({ uri, range: ref.range });
  for (const { uri, entry } of project.assessments.entriesOf(id)) out.push({ uri, range: entry.keyRange });
  return out;
}
