// A glossary document (`type: glossary`) as data: each `###` heading is a term, the paragraph
// under it its definition, and a line starting "*Where it matters:*" the elements it cites.
// "OLA (operating-level agreement)" gives two forms; "E1, E2" and "P1 to P4" give one per ID.
import type { Heading } from '../parse/markdownScanner';

export interface GlossaryEntry {
  /** The heading as written. */
  term: string;
  /** What the hover recognises in prose. */
  forms: string[];
  definition: string;
  /** The "Where it matters" line, as written after its label. */
  where: string;
  /** Offsets of the heading text, for a link to it. */
  start: number;
  end: number;
}

const WHERE = /^\*?Where it matters:\*?\s*/;

/** "P1 to P4" -> P1, P2, P3, P4 (at most 20); any other "A to B" -> A, B. */
function expandRange(form: string): string[] {
  const parts = form.split(/\s+to\s+/);
  if (parts.length !== 2) return parts;
  const a = /^([A-Za-z]+)(\d+)$/.exec(parts[0]!.trim());
  const b = /^([A-Za-z]+)(\d+)$/.exec(parts[1]!.trim());
  if (!a || !b || a[1] !== b[1] || Number(b[2]) < Number(a[2]) || Number(b[2]) - Number(a[2]) > 20) return parts;
  return Array.from({ length: Number(b[2]) - Number(a[2]) + 1 }, (_, i) => `${a[1]}${Number(a[2]) + i}`);
}

export function readGlossary(text: string, headings: Heading[]): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (let h = 0; h < headings.length; h++) {
    const head = headings[h]!;
    if (head.level !== 3) continue;
    const term = text.slice(head.start, head.end).trim();
    const m = /^(.*?)(?:\s+\((.+)\))?$/.exec(term)!;
    const forms = [...m[1]!.split(/,\s+/).flatMap(expandRange), ...(m[2] ? [m[2]] : [])].map((f) => f.trim()).filter(Boolean);
    const bodyEnd = headings[h + 1]?.lineStart ?? text.length;
    const blocks = text.slice(head.lineEnd, bodyEnd).split(/\r?\n[ \t]*\r?\n/).map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const definition = blocks.find((b) => !WHERE.test(b)) ?? '';
    const where = blocks.find((b) => WHERE.test(b))?.replace(WHERE, '') ?? '';
    out.push({ term, forms, definition, where, start: head.start, end: head.end });
  }
  return out;
}
