import type { Project } from '../project';
import type { Location, Position } from '../types';
import { idAtPosition } from './idAtPosition';

/** Where the ID under the cursor is defined (several places when it is a duplicate). */
export function definition(project: Project, uri: string, pos: Position): Location[] {
  const at = idAtPosition(project, uri, pos);
  if (!at) return [];
  return project.index.definitions(at.id).map((d) => ({ uri: d.uri, range: d.definition!.range }));
}
