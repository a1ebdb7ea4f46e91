// Every ID written in a document, in text order: the `id:` value it defines, then references in
// relation fields and prose. Editors colour them (semantic tokens) from this list.
import type { Project } from '../project';
import type { Range } from '../types';

export interface IdOccurrence {
  id: string;
  range: Range;
  kind: 'definition' | 'reference';
  /** False for a reference to an ID no document defines. */
  defined: boolean;
}

export function idOccurrences(project: Project, uri: string): IdOccurrence[] {
  const doc = project.document(uri);
  if (!doc) return [];
  const out: IdOccurrence[] = [];
  if (doc.definition && project.syntax.classify(doc.definition.id)) out.push({ id: doc.definition.id, range: doc.definition.range, kind: 'definition', defined: true });
  for (const r of doc.references) out.push({ id: r.id, range: r.range, kind: 'reference', defined: project.index.isDefined(r.id) });
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
