// What changed in one element present on both sides (under the same ID or renamed): its title,
// its cell in the grid, its relations, and whether its text or front matter changed at all.
// IDs renamed by the same change are compared under their new names, so that updating the
// references to a renamed element is not itself reported as a change.
import type { FieldInfo, ParsedDocument } from '../parse/document';
import { bodyStart, renameReplacements, spanText, type DiffSide, type Replacement, type SourceText } from './diffSide';
import type { Changed, Moved, RelationChange, Retitled } from './types';

export interface ElementChanges {
  retitled?: Retitled;
  moved?: Moved;
  relations: RelationChange[];
  changed?: Changed;
}

export async function compareElement(
  base: DiffSide,
  head: DiffSide,
  fromId: string,
  toId: string,
  renames: ReadonlyMap<string, string>,
): Promise<ElementChanges> {
  const b = base.elements.get(fromId)!;
  const h = head.elements.get(toId)!;
  const out: ElementChanges = { relations: [] };
  const at = (range: FieldInfo['valueRange'] | undefined) => ({ uri: h.uri, range: range ?? h.definition!.range });

  if ((b.title ?? '') !== (h.title ?? '')) out.retitled = { id: toId, from: b.title ?? '', to: h.title ?? '', location: at(h.fields.get('title')?.valueRange) };

  const sysChanged = (b.system ?? null) !== (h.system ?? null);
  const discChanged = (b.discipline ?? null) !== (h.discipline ?? null);
  if (sysChanged || discChanged) {
    out.moved = {
      id: toId,
      from: { system: b.system ?? null, discipline: b.discipline ?? null },
      to: { system: h.system ?? null, discipline: h.discipline ?? null },
      location: at(h.fields.get(sysChanged ? 'system' : 'discipline')?.valueRange),
    };
  }

  const fields = new Set([...base.project.config.relations, ...head.project.config.relations].map((r) => r.key));
  const compare = head.project.syntax.compare;
  const renamedFrom = new Map([...renames].map(([from, to]) => [to, from]));
  for (const field of [...fields].sort()) {
    // An item is the same under its old or its new name: a reference left behind by a rename is
    // a broken reference, not a relation change.
    const before = relationIds(b, field);
    const after = relationIds(h, field);
    const added = [...after].filter((id) => !before.has(id) && !before.has(renamedFrom.get(id) ?? id)).sort(compare);
    const removed = [...before].filter((id) => !after.has(id) && !after.has(renames.get(id) ?? id)).sort(compare);
    if (added.length || removed.length) out.relations.push({ id: toId, field, added, removed, location: at(h.fields.get(field)?.keyRange) });
  }

  if (b.version !== h.version) {
    const [bs, hs] = await Promise.all([base.text(b), head.text(h)]);
    const changed = bs && hs ? contentChanges(b, bs, h, hs, renames) : { fields: [], body: true };
    if (changed.fields.length || changed.body) out.changed = { id: toId, ...changed, location: at(undefined) };
  }
  return out;
}

/** The canonical IDs a relation field names, misspelt ones included. */
function relationIds(doc: ParsedDocument, field: string): Set<string> {
  const out = new Set<string>();
  for (const r of doc.references) if (r.field === field) out.add(r.id);
  for (const m of doc.malformed) if (m.field === field) out.add(m.canonical);
  return out;
}

function contentChanges(b: ParsedDocument, bs: SourceText, h: ParsedDocument, hs: SourceText, renames: ReadonlyMap<string, string>): { fields: string[]; body: boolean } {
  const bEdits = renameReplacements(b, renames);
  const keys = new Set([...b.fields.keys(), ...h.fields.keys()]);
  keys.delete('id');
  // Unchanged when equal as written, or equal once renamed IDs are written with their new names.
  const differs = (before: (edits: Replacement[]) => string | undefined, after: string | undefined) => before([]) !== after && (!bEdits.length || before(bEdits) !== after);
  const fields = [...keys].filter((k) => differs((e) => fieldText(b.fields.get(k), bs, e), fieldText(h.fields.get(k), hs, [])));
  const body = differs((e) => spanText(bs, bodyStart(bs, b), bs.text.length, e), spanText(hs, bodyStart(hs, h), hs.text.length));
  return { fields: fields.sort(), body };
}

/** A field's value as a reader sees it: scalars unquoted, list items one per line. */
function fieldText(f: FieldInfo | undefined, src: SourceText, edits: Replacement[]): string | undefined {
  if (!f) return undefined;
  const span = (r: FieldInfo['valueRange']) => spanText(src, src.lines.offset(r.start), src.lines.offset(r.end), edits);
  if (f.kind === 'scalar') return f.value === null ? '' : span(f.valueRange).replace(/\s+/g, ' ');
  if (f.kind === 'list') return f.items.map((i) => span(i.range)).join('\n');
  return span(f.valueRange);
}
