// One Markdown document, reduced to what the index needs: front-matter fields, the ID it
// defines, every reference with its exact range, misspelt IDs, headings and suppressions.
import type { OpmodelConfig } from '../config/config';
import type { IdSyntax } from '../ids/idSyntax';
import { LineIndex } from '../text/lineIndex';
import { ownString as own } from '../text/ownString';
import type { Range } from '../types';
import { readFrontMatter, type FieldValue, type ScalarValue } from './frontMatter';
import { rangedTree, type FieldTree } from './frontMatterTree';
import { readGlossary, type GlossaryEntry } from '../glossary/readGlossary';
import { scanMarkdown } from './markdownScanner';
import { parseDirective, type Directive } from './suppressions';

export interface Reference {
  id: string;
  range: Range;
  /** The relation field that holds it, or undefined for a reference in the body. */
  field?: string;
}

export interface MalformedId {
  text: string;
  canonical: string;
  range: Range;
  field?: string;
  /** True when this is the document's own `id:` value. */
  isDefinition: boolean;
}

export interface FieldInfo {
  key: string;
  keyRange: Range;
  kind: FieldValue['kind'];
  /** Scalar text, or null for an empty or non-scalar value. */
  value: string | null;
  valueRange: Range;
  items: { value: string | null; range: Range }[];
  /** Nested values (a list of mappings, a mapping), as a tree with ranges. */
  tree?: FieldTree;
}

export interface DefinedId {
  /** As written. */
  text: string;
  /** Canonical form, or the text itself when it is no ID of any family. */
  id: string;
  range: Range;
  familyKey?: string;
}

export interface ParsedDocument {
  uri: string;
  /** Content hash: edits are only applied to the version they were computed from. */
  version: string;
  lineCount: number;
  frontMatter?: { range: Range; error?: { message: string; range: Range } };
  fields: Map<string, FieldInfo>;
  definition?: DefinedId;
  title?: string;
  type?: string;
  system?: string;
  discipline?: string;
  summary?: string;
  references: Reference[];
  malformed: MalformedId[];
  /** Relation items that are not IDs at all. */
  invalidRelationItems: { field: string; value: string; range: Range }[];
  headings: { level: number; text: string; range: Range; selectionRange: Range }[];
  directives: Directive[];
  /** The terms of a `type: glossary` document. */
  glossary?: GlossaryEntry[];
}

/** 53-bit string hash (cyrb53); collisions only matter for staleness checks. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + ':' + text.length;
}

const SCALAR_FIELDS = ['title', 'type', 'system', 'discipline', 'summary'] as const;

export function parseDocument(uri: string, text: string, config: OpmodelConfig, syntax: IdSyntax): ParsedDocument {
  const lines = new LineIndex(text);
  const r = (s: number, e: number) => lines.range(s, e);
  const doc: ParsedDocument = {
    uri,
    version: hashText(text),
    lineCount: lines.lineCount,
    fields: new Map(),
    references: [],
    malformed: [],
    invalidRelationItems: [],
    headings: [],
    directives: [],
  };
  const fm = readFrontMatter(text);
  let bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (fm) {
    doc.frontMatter = { range: r(fm.start, fm.end) };
    if (fm.error) doc.frontMatter.error = { message: own(fm.error.message), range: r(fm.error.start, fm.error.end) };
    bodyStart = fm.end;
    const item = (v: ScalarValue) => ({ value: v.value === null ? null : own(v.value), range: r(v.start, v.end) });
    for (const f of fm.fields.values()) {
      const key = own(f.key);
      const value = f.value.kind === 'scalar' && f.value.value !== null ? own(f.value.value) : null;
      doc.fields.set(key, {
        key,
        keyRange: r(f.keyStart, f.keyEnd),
        kind: f.value.kind,
        value,
        valueRange: r(f.value.start, f.value.end),
        items: f.value.kind === 'list' ? f.value.items.map(item) : value !== null ? [{ value, range: r(f.value.start, f.value.end) }] : [],
        ...(f.value.kind !== 'scalar' && f.value.tree ? { tree: rangedTree(f.value.tree, r) } : {}),
      });
    }
    for (const k of SCALAR_FIELDS) {
      const v = doc.fields.get(k);
      if (v?.kind === 'scalar' && v.value !== null && v.value !== '') doc[k] = v.value;
    }
    const idField = fm.fields.get('id');
    if (idField?.value.kind === 'scalar' && idField.value.value) {
      const v = idField.value;
      const text = own(v.value!.trim());
      const hit = syntax.classify(text);
      const range = r(v.start, v.end);
      doc.definition = { text, id: hit?.canonical ?? text, range, familyKey: hit?.family.key };
      if (hit && !hit.isCanonical) doc.malformed.push({ text, canonical: hit.canonical, range, isDefinition: true });
    }
    for (const rel of config.relations) {
      const f = fm.fields.get(rel.key);
      if (!f) continue;
      const items = f.value.kind === 'list' ? f.value.items : f.value.kind === 'scalar' && f.value.value !== null ? [f.value] : [];
      for (const it of items) {
        const raw = (it.value ?? '').trim();
        const hit = raw ? syntax.classify(raw) : undefined;
        const range = r(it.start, it.end);
        if (!hit) doc.invalidRelationItems.push({ field: rel.key, value: own(raw), range });
        else if (hit.isCanonical) doc.references.push({ id: hit.canonical, range, field: rel.key });
        else doc.malformed.push({ text: own(raw), canonical: hit.canonical, range, field: rel.key, isDefinition: false });
      }
    }
  }

  const scan = scanMarkdown(text, bodyStart);
  const ex = scan.excluded;
  let k = 0;
  for (const m of syntax.scan(text, bodyStart)) {
    while (k < ex.length && ex[k + 1]! <= m.start) k += 2;
    if (k < ex.length && ex[k]! < m.end) continue;
    const range = r(m.start, m.end);
    if (m.isCanonical) doc.references.push({ id: m.canonical, range });
    else doc.malformed.push({ text: own(m.text), canonical: m.canonical, range, isDefinition: false });
  }
  for (const [s, e] of scan.comments) {
    const d = parseDirective(text.slice(s, e), lines.position(s).line, lines.position(e).line);
    if (d) doc.directives.push(d);
  }
  for (const h of scan.headings) {
    doc.headings.push({ level: h.level, text: own(text.slice(h.start, h.end)), range: r(h.lineStart, h.lineEnd), selectionRange: r(h.start, h.end) });
  }
  if (doc.type === 'glossary') doc.glossary = readGlossary(text, scan.headings);
  return doc;
}
