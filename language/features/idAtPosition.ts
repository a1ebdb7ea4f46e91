// Which ID (reference, definition or misspelling) sits under a position.
import type { Project } from '../project';
import type { Position, Range } from '../types';

export interface IdAt {
  id: string;
  range: Range;
  kind: 'definition' | 'reference' | 'malformed';
}

const inside = (r: Range, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

export function idAtPosition(project: Project, uri: string, pos: Position): IdAt | undefined {
  const doc = project.document(uri);
  if (!doc) {
    // An assessment's entry keys are references to the elements they score.
    for (const e of project.assessment(uri)?.entries ?? []) {
      if (inside(e.keyRange, pos) && project.syntax.classify(e.key)) return { id: e.id, range: e.keyRange, kind: e.canonical ? 'reference' : 'malformed' };
    }
    return undefined;
  }
  if (doc.definition && inside(doc.definition.range, pos)) return { id: doc.definition.id, range: doc.definition.range, kind: 'definition' };
  for (const r of doc.references) if (inside(r.range, pos)) return { id: r.id, range: r.range, kind: 'reference' };
  for (const m of doc.malformed) if (inside(m.range, pos)) return { id: m.canonical, range: m.range, kind: 'malformed' };
  return undefined;
}
