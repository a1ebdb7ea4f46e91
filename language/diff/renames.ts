// Rename detection: an ID that disappeared and one that appeared are the same element when the
// same file now defines the new ID, or when the title and the text are the same (the element's
// own ID masked, so that "# FLM3 · Title" and "# FLM8 · Title" compare equal).
import type { ParsedDocument } from '../parse/document';
import { bodyStart, spanText, type DiffSide } from './diffSide';
import type { Renamed } from './types';

const OWN_ID = '\u0000';

export async function detectRenames(base: DiffSide, head: DiffSide, baseOnly: string[], headOnly: string[]): Promise<Renamed[]> {
  const out: Renamed[] = [];
  const takenHead = new Set<string>();
  const takenBase = new Set<string>();
  const headOnlySet = new Set(headOnly);

  for (const from of baseOnly) {
    const doc = base.elements.get(from)!;
    const other = head.byPath.get(base.path(doc.uri));
    const to = other?.definition?.id;
    if (to && headOnlySet.has(to) && !takenHead.has(to) && head.elements.get(to) === other) {
      out.push({ from: base.element(from), to: head.element(to), because: 'same-file' });
      takenBase.add(from);
      takenHead.add(to);
    }
  }

  // Same title and text: only pairs that are unique on both sides, never a guess.
  const keyed = async (side: DiffSide, ids: string[]) => {
    const byKey = new Map<string, string[]>();
    for (const id of ids) {
      const key = await contentKey(side, side.elements.get(id)!);
      if (key === undefined) continue;
      const list = byKey.get(key) ?? [];
      list.push(id);
      byKey.set(key, list);
    }
    return byKey;
  };
  const baseKeys = await keyed(base, baseOnly.filter((id) => !takenBase.has(id)));
  const headKeys = await keyed(head, headOnly.filter((id) => !takenHead.has(id)));
  for (const [key, froms] of baseKeys) {
    const tos = headKeys.get(key);
    if (froms.length === 1 && tos?.length === 1) out.push({ from: base.element(froms[0]!), to: head.element(tos[0]!), because: 'same-content' });
  }
  return out.sort((a, b) => head.project.syntax.compare(a.to.id, b.to.id));
}

async function contentKey(side: DiffSide, doc: ParsedDocument): Promise<string | undefined> {
  const own = doc.definition!.id;
  if (!doc.title) return undefined;
  const src = await side.text(doc);
  if (!src) return undefined;
  const masks = doc.references.filter((r) => r.id === own).map((r) => ({ range: r.range, newText: OWN_ID }));
  const body = spanText(src, bodyStart(src, doc), src.text.length, masks);
  // An element with no text of its own says too little to be recognised by it.
  if (!body.replace(/\s+/g, '').replaceAll(OWN_ID, '')) return undefined;
  return `${doc.title}\n${body}`;
}
