import type { Project } from '../project';
import type { Location, Range } from '../types';

export interface DocumentLink {
  range: Range;
  target: Location;
  tooltip: string;
}

/** Every reference to a defined ID, linked to its (first) definition. */
export function documentLinks(project: Project, uri: string): DocumentLink[] {
  const doc = project.document(uri);
  if (!doc) return [];
  const out: DocumentLink[] = [];
  for (const r of doc.references) {
    const def = project.index.firstDefinition(r.id);
    if (!def?.definition) continue;
    out.push({ range: r.range, target: { uri: def.uri, range: def.definition.range }, tooltip: `${r.id} · ${project.index.titleOf(r.id) ?? 'untitled'}` });
  }
  return out;
}
