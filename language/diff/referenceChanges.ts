// References the change breaks (an ID that existed at BASE is gone at HEAD but still referred
// to) and references it fixes (dangling at BASE; at HEAD defined, or taken out). References in
// text where `unknown-id` is switched off are left out, as the checker leaves them out.
import type { ParsedDocument } from '../parse/document';
import { isSuppressed } from '../parse/suppressions';
import type { Range } from '../types';
import type { DiffSide } from './diffSide';
import type { BrokenReference, FixedReference } from './types';

const UNKNOWN_ID = 'unknown-id';

interface Occurrence {
  doc: ParsedDocument;
  id: string;
  range: Range;
  field?: string;
}

/** References (and misspellings) of any ID, where the checker would report an unknown one. */
function occurrences(doc: ParsedDocument): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (id: string, range: Range, field?: string) => {
    if (!isSuppressed(doc.directives, UNKNOWN_ID, range.start.line)) out.push({ doc, id, range, ...(field ? { field } : {}) });
  };
  for (const r of doc.references) add(r.id, r.range, r.field);
  for (const m of doc.malformed) if (!m.isDefinition) add(m.canonical, m.range, m.field);
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function brokenReferences(head: DiffSide, gone: ReadonlyMap<string, string | undefined>): BrokenReference[] {
  if (!gone.size) return [];
  const out: BrokenReference[] = [];
  for (const uri of [...head.project.index.docs.keys()].sort()) {
    for (const o of occurrences(head.project.index.docs.get(uri)!)) {
      if (!gone.has(o.id) || head.isDefined(o.id)) continue;
      const to = gone.get(o.id);
      out.push({ id: o.id, location: { uri, range: o.range }, ...(o.field ? { field: o.field } : {}), reason: to ? 'renamed' : 'removed', ...(to ? { renamedTo: to } : {}) });
    }
  }
  return out;
}

export async function fixedReferences(base: DiffSide, head: DiffSide): Promise<FixedReference[]> {
  const out: FixedReference[] = [];
  for (const uri of [...base.project.index.docs.keys()].sort()) {
    const bDoc = base.project.index.docs.get(uri)!;
    const dangling = occurrences(bDoc).filter((o) => !base.isDefined(o.id));
    if (!dangling.length) continue;
    const hDoc = head.byPath.get(base.path(uri));
    const hOcc = hDoc ? occurrences(hDoc) : [];
    const [bSrc, hSrc] = await Promise.all([base.text(bDoc), hDoc ? head.text(hDoc) : undefined]);
    const lineOf = (src: Awaited<ReturnType<DiffSide['text']>>, r: Range) => src?.lines.lineText(r.start.line).trim() ?? '';
    for (const id of new Set(dangling.map((o) => o.id))) {
      const was = dangling.filter((o) => o.id === id);
      const now = hOcc.filter((o) => o.id === id);
      // Pair BASE and HEAD occurrences on the same line text first, then in order.
      const pairs = pairUp(was, now, (o) => lineOf(bSrc, o.range), (o) => lineOf(hSrc, o.range));
      if (head.isDefined(id)) {
        for (const [, h] of pairs) if (h) out.push(fixed(id, h, 'head', 'defined'));
      } else {
        for (const [b, h] of pairs) if (!h) out.push(fixed(id, b, 'base', 'removed'));
      }
    }
  }
  return out;
}

function fixed(id: string, o: Occurrence, side: 'base' | 'head', reason: FixedReference['reason']): FixedReference {
  return { id, location: { uri: o.doc.uri, range: o.range }, side, reason, ...(o.field ? { field: o.field } : {}) };
}

/** Each BASE occurrence with the HEAD occurrence it became, or undefined when it is gone. */
function pairUp(was: Occurrence[], now: Occurrence[], keyWas: (o: Occurrence) => string, keyNow: (o: Occurrence) => string): [Occurrence, Occurrence | undefined][] {
  const free = [...now];
  const out: [Occurrence, Occurrence | undefined][] = was.map((w) => {
    const i = free.findIndex((n) => keyNow(n) === keyWas(w) && (n.field ?? '') === (w.field ?? ''));
    return [w, i >= 0 ? free.splice(i, 1)[0] : undefined];
  });
  for (const pair of out) if (!pair[1] && free.length) pair[1] = free.shift();
  return out;
}
