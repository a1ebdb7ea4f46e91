// One Markdown document, reduced to what the index needs: front-matter fields, the ID it
// defines, every reference with its exact range, misspelt IDs, headings and suppressions.
import type { OpmodelConfig } from '../config/config';
import type { IdSyntax } from '../ids/idSyntax';
import { resolveLink } from '../fixes/renameFile';
import { LineMap } from '../text/lineMap';
import { ownString as own } from '../text/ownString';
import type { Range } from '../types';
import { readFrontMatter, type Field, type FieldValue } from './frontMatter';
import { locatedTree, type FieldTree } from './frontMatterTree';
import { NestedValue } from './nestedValue';
import { DocumentPart, Located } from './located';
import { headingText, wordOf } from './vocabulary';
import { readGlossary, type GlossaryEntry } from '../glossary/readGlossary';
import { scanMarkdown } from './markdownScanner';
import { findMaturitySource, keepMaturitySource, type MaturitySource } from './maturity';
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
  /** Nested values (a list of mappings, a mapping), as a tree with ranges (read again on each access: keep it while you use it). */
  tree?: FieldTree;
  /** True when there is a `tree`, without reading it. */
  hasTree?: boolean;
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
  fields: ReadonlyMap<string, FieldInfo>;
  definition?: DefinedId;
  title?: string;
  type?: string;
  system?: string;
  discipline?: string;
  summary?: string;
  references: Reference[];
  /** The references to one ID, in document order (cheaper than filtering `references`). */
  referencesTo(id: string): Reference[];
  malformed: MalformedId[];
  /** Relation items that are not IDs at all. */
  invalidRelationItems: { field: string; value: string; range: Range }[];
  headings: { level: number; text: string; range: Range; selectionRange: Range }[];
  directives: Directive[];
  /** Relative links to files in the body: the path part as written (no fragment or query), its URI. */
  links: { path: string; range: Range; target: string }[];
  /** The terms of a `type: glossary` document. */
  glossary?: GlossaryEntry[];
  /** The text of the `## Maturity levels` section, when there is one; read it with documentMaturity(). */
  maturitySource?: MaturitySource;
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
  // join makes one flat string; `+` would keep a chain of the three parts for each document.
  return [(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36), text.length].join(':');
}

const SCALAR_FIELDS = ['title', 'type', 'system', 'discipline', 'summary'] as const;

// The kept form of each part: offsets and the document's line map, the interfaces' ranges
// computed when read (see located.ts).

/** A reference in the body text: most of them, so `field` is no slot of theirs. */
class ReferenceAt extends Located implements Reference {
  constructor(lines: LineMap, start: number, end: number, readonly id: string) {
    super(lines, start, end);
  }

  get field(): string | undefined {
    return undefined;
  }
}

/** A reference in a relation field. */
class FieldReferenceAt extends Located implements Reference {
  constructor(lines: LineMap, start: number, end: number, readonly id: string, readonly field: string) {
    super(lines, start, end);
  }
}

class MalformedAt extends Located implements MalformedId {
  constructor(lines: LineMap, start: number, end: number, readonly text: string, readonly canonical: string, readonly isDefinition: boolean, readonly field?: string) {
    super(lines, start, end);
  }
}

class DefinedAt extends Located implements DefinedId {
  constructor(lines: LineMap, start: number, end: number, readonly text: string, readonly id: string, readonly familyKey?: string) {
    super(lines, start, end);
  }
}

class InvalidItemAt extends Located {
  constructor(lines: LineMap, start: number, end: number, readonly field: string, readonly value: string) {
    super(lines, start, end);
  }
}

class ItemAt extends Located {
  constructor(lines: LineMap, start: number, end: number, readonly value: string | null) {
    super(lines, start, end);
  }
}

class LinkAt extends Located {
  constructor(lines: LineMap, start: number, end: number, readonly path: string, readonly target: string) {
    super(lines, start, end);
  }
}

class MessageAt extends Located {
  constructor(lines: LineMap, start: number, end: number, readonly message: string) {
    super(lines, start, end);
  }
}

class FrontMatterAt extends Located {
  error?: MessageAt;
}

class HeadingAt extends Located {
  constructor(lines: LineMap, start: number, end: number, readonly level: number, readonly text: string, private readonly lineStart: number, private readonly lineEnd: number) {
    super(lines, start, end);
  }

  /** The whole heading line; `range` and selectionRange are the text. */
  override get range(): Range {
    return this.lines.range(this.lineStart, this.lineEnd);
  }

  get selectionRange(): Range {
    return this.lines.range(this.start, this.end);
  }
}

const NO_ITEMS: readonly ItemAt[] = Object.freeze([]);

/** A nested value: kept as its source lines (read again when asked for), or as a tree. */
type Nested = NestedValue | FieldTree | undefined;
const treeOf = (n: Nested): FieldTree | undefined => (n instanceof NestedValue ? n.tree : n);

/** A front-matter field: one class per kind of value, so that `kind` is no field of every object. Made when read (see Fields). */
abstract class FieldAt extends DocumentPart implements FieldInfo {
  abstract readonly kind: FieldValue['kind'];

  constructor(
    protected readonly lines: LineMap,
    readonly key: string,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    protected readonly valueStart: number,
    protected readonly valueEnd: number,
  ) {
    super();
  }

  get value(): string | null {
    return null;
  }

  get tree(): FieldTree | undefined {
    return undefined;
  }

  /** True when the value is nested (`tree` is defined), without reading the tree. */
  get hasTree(): boolean {
    return false;
  }

  get keyRange(): Range {
    return this.lines.range(this.keyStart, this.keyEnd);
  }

  get valueRange(): Range {
    return this.lines.range(this.valueStart, this.valueEnd);
  }

  get items(): { value: string | null; range: Range }[] {
    return NO_ITEMS as ItemAt[];
  }
}

class ScalarFieldAt extends FieldAt {
  get kind(): 'scalar' {
    return 'scalar';
  }

  constructor(lines: LineMap, key: string, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number, private readonly text: string | null) {
    super(lines, key, keyStart, keyEnd, valueStart, valueEnd);
  }

  override get value(): string | null {
    return this.text;
  }

  /** A scalar's one item, made when asked for. */
  override get items(): { value: string | null; range: Range }[] {
    return this.text !== null ? [new ItemAt(this.lines, this.valueStart, this.valueEnd, this.text)] : (NO_ITEMS as ItemAt[]);
  }
}

class ListFieldAt extends FieldAt {
  get kind(): 'list' {
    return 'list';
  }

  constructor(lines: LineMap, key: string, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number, private readonly itemData: readonly (string | number | null)[], private readonly nested: Nested) {
    super(lines, key, keyStart, keyEnd, valueStart, valueEnd);
  }

  /** The scalar items, made from their packed value, start and end. */
  override get items(): { value: string | null; range: Range }[] {
    const d = this.itemData;
    const out: ItemAt[] = new Array(d.length / 3);
    for (let i = 0, k = 0; k < d.length; i++, k += 3) out[i] = new ItemAt(this.lines, d[k + 1] as number, d[k + 2] as number, d[k] as string | null);
    return out;
  }

  override get tree(): FieldTree | undefined {
    return treeOf(this.nested);
  }

  override get hasTree(): boolean {
    return this.nested !== undefined;
  }
}

class OtherFieldAt extends FieldAt {
  get kind(): 'other' {
    return 'other';
  }

  constructor(lines: LineMap, key: string, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number, private readonly nested: Nested) {
    super(lines, key, keyStart, keyEnd, valueStart, valueEnd);
  }

  override get tree(): FieldTree | undefined {
    return treeOf(this.nested);
  }

  override get hasTree(): boolean {
    return this.nested !== undefined;
  }
}

const SCALAR = 0;
const LIST = 1;
const OTHER = 2;
/** Slots per field: key, kind, key start, key end, value start, value end, value (or packed items), nested value. */
const STRIDE = 8;

/** The field at slot `k` of a Fields table (a function: the table's prototype is the Map interface only). */
function fieldAt(lines: LineMap, d: readonly unknown[], k: number): FieldAt {
  const key = d[k] as string;
  const ks = d[k + 2] as number;
  const ke = d[k + 3] as number;
  const vs = d[k + 4] as number;
  const ve = d[k + 5] as number;
  switch (d[k + 1]) {
    case SCALAR: return new ScalarFieldAt(lines, key, ks, ke, vs, ve, d[k + 6] as string | null);
    case LIST: return new ListFieldAt(lines, key, ks, ke, vs, ve, d[k + 6] as (string | number | null)[], d[k + 7] as Nested);
    default: return new OtherFieldAt(lines, key, ks, ke, vs, ve, d[k + 7] as Nested);
  }
}

/**
 * A document's fields in front-matter order, packed (see ReferenceTable) and looked up by a scan:
 * a document has a handful. An object per field and per list item, kept, cost twice as much; a
 * field is made when read.
 */
class Fields extends DocumentPart implements ReadonlyMap<string, FieldInfo> {
  private constructor(
    private readonly lines: LineMap,
    private readonly data: readonly unknown[],
  ) {
    super();
  }

  /** `word` gives the shared copy of a string (a known key or ID) or one of its own. */
  static of(lines: LineMap, text: string, fields: Iterable<Field>, word: (s: string) => string): Fields {
    const data: unknown[] = [];
    for (const f of fields) {
      const v = f.value;
      data.push(word(f.key), v.kind === 'scalar' ? SCALAR : v.kind === 'list' ? LIST : OTHER, f.keyStart, f.keyEnd, v.start, v.end);
      if (v.kind === 'scalar') {
        data.push(v.value === null ? null : word(v.value), undefined);
        continue;
      }
      const nested: Nested = v.tree ? (NestedValue.of(lines, text, f) ?? locatedTree(v.tree, lines, word)) : undefined;
      const items = v.kind === 'list' && v.items.length ? v.items.flatMap((i) => [i.value === null ? null : word(i.value), i.start, i.end]) : NO_ITEMS;
      data.push(items, nested);
    }
    return new Fields(lines, data.slice());
  }

  static readonly NONE = new Fields(LineMap.of(''), []);

  get size(): number {
    return this.data.length / STRIDE;
  }

  get(key: string): FieldInfo | undefined {
    for (let k = 0; k < this.data.length; k += STRIDE) if (this.data[k] === key) return fieldAt(this.lines, this.data, k);
    return undefined;
  }

  has(key: string): boolean {
    for (let k = 0; k < this.data.length; k += STRIDE) if (this.data[k] === key) return true;
    return false;
  }

  *entries(): MapIterator<[string, FieldInfo]> {
    for (let k = 0; k < this.data.length; k += STRIDE) yield [this.data[k] as string, fieldAt(this.lines, this.data, k)];
  }

  *keys(): MapIterator<string> {
    for (let k = 0; k < this.data.length; k += STRIDE) yield this.data[k] as string;
  }

  *values(): MapIterator<FieldInfo> {
    for (let k = 0; k < this.data.length; k += STRIDE) yield fieldAt(this.lines, this.data, k);
  }

  [Symbol.iterator](): MapIterator<[string, FieldInfo]> {
    return this.entries();
  }

  forEach(fn: (value: FieldInfo, key: string, map: ReadonlyMap<string, FieldInfo>) => void, thisArg?: unknown): void {
    for (let k = 0; k < this.data.length; k += STRIDE) fn.call(thisArg, fieldAt(this.lines, this.data, k), this.data[k] as string, this);
  }
}

const NO_FIELDS = Fields.NONE;

/**
 * A document's references, packed: an ID, a start and an end offset per reference, relation
 * references first with their fields beside. A Reference object each (the most numerous part of a
 * document) cost three times as much; they are made when the list is read.
 */
class ReferenceTable extends DocumentPart {
  constructor(
    private readonly lines: LineMap,
    /** id, start, end of each reference in turn. */
    private readonly data: readonly (string | number)[],
    /** The relation field of each of the first references. */
    private readonly fieldKeys: readonly string[],
  ) {
    super();
  }

  /** The references to `id` only, without making the others. */
  to(id: string): Reference[] {
    const out: Reference[] = [];
    const d = this.data;
    for (let i = 0, k = 0; k < d.length; i++, k += 3) if (d[k] === id) out.push(this.at(i, k));
    return out;
  }

  private at(i: number, k: number): Reference {
    const d = this.data;
    const id = d[k] as string;
    const start = d[k + 1] as number;
    const end = d[k + 2] as number;
    return i < this.fieldKeys.length ? new FieldReferenceAt(this.lines, start, end, id, this.fieldKeys[i]!) : new ReferenceAt(this.lines, start, end, id);
  }

  list(): Reference[] {
    const d = this.data;
    const out: Reference[] = new Array(d.length / 3);
    for (let i = 0, k = 0; k < d.length; i++, k += 3) out[i] = this.at(i, k);
    return out;
  }
}

const NO_REFERENCES = new ReferenceTable(LineMap.of(''), [], []);

/** A document's headings, packed like its references: level, offsets and text per heading. */
class HeadingTable extends DocumentPart {
  static readonly STRIDE = 6;

  constructor(
    private readonly lines: LineMap,
    /** level, start, end, line start, line end, text of each heading in turn. */
    private readonly data: readonly (string | number)[],
  ) {
    super();
  }

  list(): ParsedDocument['headings'] {
    const d = this.data;
    const out: HeadingAt[] = new Array(d.length / HeadingTable.STRIDE);
    for (let i = 0, k = 0; k < d.length; i++, k += HeadingTable.STRIDE) {
      out[i] = new HeadingAt(this.lines, d[k + 1] as number, d[k + 2] as number, d[k] as number, d[k + 5] as string, d[k + 3] as number, d[k + 4] as number);
    }
    return out;
  }
}

const NO_HEADINGS = new HeadingTable(LineMap.of(''), []);

/** The parsed document: plain data, but for `references` and `headings`, made from packed tables when read. */
class DocumentAt extends DocumentPart implements ParsedDocument {
  frontMatter?: ParsedDocument['frontMatter'];
  fields: ReadonlyMap<string, FieldInfo> = NO_FIELDS;
  definition?: DefinedId;
  title?: string;
  type?: string;
  system?: string;
  discipline?: string;
  summary?: string;
  malformed: MalformedId[] = [];
  invalidRelationItems: ParsedDocument['invalidRelationItems'] = [];
  headingTable = NO_HEADINGS;
  directives: Directive[] = [];
  links: ParsedDocument['links'] = [];
  glossary?: GlossaryEntry[];
  maturitySource?: MaturitySource;
  referenceTable = NO_REFERENCES;

  constructor(
    readonly uri: string,
    readonly version: string,
    readonly lineCount: number,
  ) {
    super();
  }

  /** A new list on each read: take it once and keep it while you use it. */
  get references(): Reference[] {
    return this.referenceTable.list();
  }

  referencesTo(id: string): Reference[] {
    return this.referenceTable.to(id);
  }

  /** A new list on each read, like `references`. */
  get headings(): ParsedDocument['headings'] {
    return this.headingTable.list();
  }
}

export function parseDocument(uri: string, text: string, config: OpmodelConfig, syntax: IdSyntax): ParsedDocument {
  const lines = LineMap.of(text);
  const doc = new DocumentAt(uri, hashText(text), lines.lineCount);
  const refData: (string | number)[] = [];
  const refFields: string[] = [];
  const fm = readFrontMatter(text);
  let bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (fm) {
    const located = new FrontMatterAt(lines, fm.start, fm.end);
    if (fm.error) located.error = new MessageAt(lines, fm.error.start, fm.error.end, own(fm.error.message));
    doc.frontMatter = located;
    bodyStart = fm.end;
    // Keys and values the config knows, and IDs, are shared by all documents.
    const word = (s: string) => (syntax.isCanonical(s) ? syntax.intern(s) : wordOf(config, s));
    // fm.fields is a Map: one field per key already.
    doc.fields = Fields.of(lines, text, fm.fields.values(), word);
    for (const k of SCALAR_FIELDS) {
      const v = doc.fields.get(k);
      if (v?.kind === 'scalar' && v.value !== null && v.value !== '') doc[k] = v.value;
    }
    const idField = fm.fields.get('id');
    if (idField?.value.kind === 'scalar' && idField.value.value) {
      const v = idField.value;
      const trimmed = v.value!.trim();
      const hit = syntax.classify(trimmed);
      const text = hit?.canonical === trimmed ? hit.canonical : own(trimmed);
      doc.definition = new DefinedAt(lines, v.start, v.end, text, hit?.canonical ?? text, hit?.family.key);
      if (hit && !hit.isCanonical) doc.malformed.push(new MalformedAt(lines, v.start, v.end, text, hit.canonical, true));
    }
    for (const rel of config.relations) {
      const f = fm.fields.get(rel.key);
      if (!f) continue;
      const items = f.value.kind === 'list' ? f.value.items : f.value.kind === 'scalar' && f.value.value !== null ? [f.value] : [];
      for (const it of items) {
        const raw = (it.value ?? '').trim();
        const hit = raw ? syntax.classify(raw) : undefined;
        if (!hit) doc.invalidRelationItems.push(new InvalidItemAt(lines, it.start, it.end, rel.key, own(raw)));
        else if (hit.isCanonical) refData.push(hit.canonical, it.start, it.end), refFields.push(rel.key);
        else doc.malformed.push(new MalformedAt(lines, it.start, it.end, own(raw), hit.canonical, false, rel.key));
      }
    }
  }

  const scan = scanMarkdown(text, bodyStart);
  const ex = scan.excluded;
  let k = 0;
  for (const m of syntax.scan(text, bodyStart)) {
    while (k < ex.length && ex[k + 1]! <= m.start) k += 2;
    if (k < ex.length && ex[k]! < m.end) continue;
    if (m.isCanonical) refData.push(m.canonical, m.start, m.end);
    else doc.malformed.push(new MalformedAt(lines, m.start, m.end, own(m.text), m.canonical, false));
  }
  for (const [s, e] of scan.comments) {
    const d = parseDirective(text.slice(s, e), lines.lineOf(s), lines.lineOf(e));
    if (d) doc.directives.push(d);
  }
  for (const [s, e] of scan.links) {
    const raw = text.slice(s, e);
    // Only paths relative to the document: no scheme, no site root, not a fragment alone.
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw) || raw.startsWith('/') || raw.startsWith('#')) continue;
    const end = raw.search(/[?#]/);
    const path = end < 0 ? raw : raw.slice(0, end);
    const target = path ? resolveLink(uri, path) : undefined;
    if (target) doc.links.push(new LinkAt(lines, s, s + path.length, own(path), target));
  }
  if (scan.headings.length) {
    const data: (string | number)[] = new Array(scan.headings.length * HeadingTable.STRIDE);
    let k = 0;
    for (const h of scan.headings) {
      data[k++] = h.level;
      data[k++] = h.start;
      data[k++] = h.end;
      data[k++] = h.lineStart;
      data[k++] = h.lineEnd;
      data[k++] = headingText(config, text.slice(h.start, h.end));
    }
    doc.headingTable = new HeadingTable(lines, data);
  }
  if (doc.type === 'glossary') doc.glossary = readGlossary(text, scan.headings);
  const maturity = findMaturitySource(text, scan.headings, lines);
  if (maturity) doc.maturitySource = keepMaturitySource(maturity, config.maturity.levels);
  // Arrays grown by push keep spare room (17 slots for one item); a document keeps exact ones.
  if (refData.length) doc.referenceTable = new ReferenceTable(lines, refData.slice(), exact(refFields));
  doc.malformed = exact(doc.malformed);
  doc.invalidRelationItems = exact(doc.invalidRelationItems);
  doc.directives = exact(doc.directives);
  doc.links = exact(doc.links);
  return doc;
}

/** One empty list for every document: never added to once parsed (frozen, so a slip would throw). */
const NONE: never[] = Object.freeze([]) as never[];
const exact = <T>(a: T[]): T[] => (a.length ? a.slice() : NONE);
