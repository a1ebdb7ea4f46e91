// An ID listed in the body's "Related elements" (or "Related") section that the front matter
// does not declare in any relation field. The front matter is what the site and the hover show
// on both sides of a relation, so a relation written only in the body is seen on one side.
import type { ParsedDocument } from '../parse/document';
import type { Position, TextEdit } from '../types';
import { editFix, type Rule } from './rule';

const RELATED_HEADING = /^related(?: elements)?$/i;

/** Line spans (start inclusive, end exclusive) of the document's "Related" sections. */
export function relatedSections(doc: ParsedDocument): { start: number; end: number; title: string }[] {
  const out: { start: number; end: number; title: string }[] = [];
  const hs = doc.headings;
  hs.forEach((h, i) => {
    if (!RELATED_HEADING.test(h.text.trim())) return;
    const next = hs.slice(i + 1).find((x) => x.level <= h.level);
    out.push({ start: h.range.start.line + 1, end: next ? next.range.start.line : doc.lineCount, title: h.text.trim() });
  });
  return out;
}

function addToRelated(doc: ParsedDocument, id: string, inherited: string[] = []): TextEdit[] | undefined {
  const f = doc.fields.get('related');
  // A field's items are made on each read: read them once.
  const items = f?.kind === 'list' ? f.items : [];
  if (f?.kind === 'list' && items.length && !f.hasTree) {
    const first = items[0]!.range.start;
    const last = items[items.length - 1]!.range.end;
    // Flow list "[A, B]" (it ends on its last item's line): after the last item. A block list
    // ends after the line break of its last item: a new "- ID" line below that item.
    if (f.valueRange.end.line === last.line) {
      return [{ range: { start: last, end: last }, newText: `, ${id}` }];
    }
    const at: Position = { line: last.line + 1, character: 0 };
    return [{ range: { start: at, end: at }, newText: `${' '.repeat(Math.max(0, first.character - 2))}- ${id}\n` }];
  }
  if (f?.kind === 'list') return [{ range: f.valueRange, newText: `[${id}]` }];
  if (f?.kind === 'scalar' && f.value) return [{ range: f.valueRange, newText: `[${f.value}, ${id}]` }];
  if (f) return undefined;
  // No `related` yet: a new line just above the closing "---".
  const end = doc.frontMatter?.range.end;
  if (!end) return undefined;
  const line = end.character === 0 ? end.line - 1 : end.line;
  // A tailored element that inherits its related list: the new list keeps what it inherits.
  return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `related: [${[...inherited, id].join(', ')}]\n` }];
}

export const undeclaredRelated: Rule = {
  code: 'undeclared-related',
  defaultSeverity: 'info',
  // Reads the index: an ID that nothing defines is unknown-id's to report, not a relation to declare.
  scope: 'workspace',
  description: 'An ID under the body\'s "Related elements" heading that no front-matter relation field lists, so the relation is not shown on the other element.',
  check({ doc, index, report }) {
    if (!doc.definition || !doc.frontMatter || doc.frontMatter.error) return;
    const sections = relatedSections(doc);
    if (!sections.length) return;
    // A tailored element inherits the relation fields it leaves out: those count as declared.
    const chain = index.definitionChain(doc.definition.id);
    const fromChain = chain.length > 1 && chain[0]!.uri === doc.uri ? chain : [doc];
    // Each document's references read once (a document makes a new list on each read).
    const refsOf = new Map(fromChain.map((d) => [d, d.references]));
    const declared = new Set<string>();
    for (const key of new Set([...refsOf.values()].flatMap((refs) => refs.filter((r) => r.field !== undefined).map((r) => r.field!)))) {
      const owner = fromChain.find((d) => d.fields.has(key));
      for (const r of (owner && refsOf.get(owner)) ?? []) if (r.field === key) declared.add(r.id);
    }
    const seen = new Set<string>();
    for (const ref of refsOf.get(doc) ?? doc.references) {
      if (ref.field !== undefined || ref.id === doc.definition.id || declared.has(ref.id) || seen.has(ref.id) || !index.isDefined(ref.id)) continue;
      const line = ref.range.start.line;
      const section = sections.find((s) => line >= s.start && line < s.end);
      if (!section) continue;
      seen.add(ref.id);
      const inherited = doc.fields.has('related') ? [] : (fromChain.find((d) => d.fields.has('related'))?.references.filter((r) => r.field === 'related').map((r) => r.id) ?? []);
      const edits = addToRelated(doc, ref.id, inherited);
      report({
        range: ref.range,
        message: `${ref.id} is listed under "${section.title}" but not in the front matter: add it to related, so that ${ref.id} shows this element too.`,
        fixes: edits ? [editFix(doc, edits, `Add ${ref.id} to related`, false, true)] : undefined,
      });
    }
  },
};
