// Front matter is data: YAML 1.2 core schema only, no custom tags, never evaluated. We walk the
// YAML syntax tree instead of converting it to JavaScript objects, so `__proto__` keys, aliases
// and tags construct nothing, and every value keeps its exact source range.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { toTree, type TreeNode } from './frontMatterTree';
import { readSimpleFrontMatter } from './simpleFrontMatter';

export interface ScalarValue {
  kind: 'scalar';
  /** The value as text (numbers and booleans as written). Null for an empty value. */
  value: string | null;
  /** Offsets of the value's own text, without quotes. */
  start: number;
  end: number;
}

export interface ListValue {
  kind: 'list';
  items: ScalarValue[];
  start: number;
  end: number;
  /** Set when some item is not a plain value (a mapping, a nested list). */
  tree?: TreeNode;
}

export interface OtherValue {
  kind: 'other';
  start: number;
  end: number;
  /** A mapping or other nested value, as a tree. */
  tree?: TreeNode;
}

export type FieldValue = ScalarValue | ListValue | OtherValue;

export interface Field {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: FieldValue;
}

export interface FrontMatter {
  /** Offsets of the whole block, delimiters included. */
  start: number;
  end: number;
  /** Offsets of the YAML text between the delimiters. */
  contentStart: number;
  contentEnd: number;
  fields: Map<string, Field>;
  error?: { message: string; start: number; end: number };
}

const OPEN = /^---([^\r\n]*)(?:\r\n|\r|\n)/;

/**
 * Finds and reads the front matter block at the top of `text`, or returns undefined.
 * `fastPath: false` always uses the yaml library (the tests compare both paths).
 */
export function readFrontMatter(text: string, fastPath = true): FrontMatter | undefined {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = OPEN.exec(base ? text.slice(base, base + 256) : text.slice(0, 256));
  if (!open) return undefined;
  const lang = open[1]!.trim();
  // "---js" and "--- js" both select a language in gray-matter: recognise (and refuse) both.
  if (!/^[ \t]*$/.test(open[1]!) && !/^[ \t]*[A-Za-z][A-Za-z0-9_-]*[ \t]*$/.test(open[1]!)) return undefined;
  const contentStart = base + open[0].length;
  const close = findClose(text, contentStart);
  if (!close) {
    return {
      start: base, end: contentStart, contentStart, contentEnd: contentStart, fields: new Map(),
      error: { message: 'the front matter opened on line 1 is never closed: add a line with just "---" after it', start: base, end: base + 3 },
    };
  }
  const fm: FrontMatter = { start: base, end: close.end, contentStart, contentEnd: close.start, fields: new Map() };
  if (lang) {
    fm.error = {
      message: `front matter in "${lang}" is not supported: opmodel reads YAML front matter only and never runs code; use a plain "---" line`,
      start: base, end: base + 3 + open[1]!.length,
    };
    return fm;
  }
  // The yaml library does not break lines at a lone CR (old Mac files, mixed endings); editors
  // do. Same length, so every offset still points into the original text.
  const src = text.slice(contentStart, close.start).replace(/\r(?!\n)/g, '\n');
  if (src.trim() === '') return fm;
  const simple = fastPath ? readSimpleFrontMatter(src, contentStart) : undefined;
  if (simple) {
    fm.fields = simple;
    return fm;
  }
  // resolveKnownTags: false keeps !!binary, !!set, !!timestamp... from constructing values too.
  const doc = parseDocument(src, { version: '1.2', schema: 'core', customTags: [], resolveKnownTags: false, uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false });
  const err = doc.errors[0];
  if (err) {
    let [s, e] = err.pos;
    // An error at the end of the YAML (an unclosed quote or bracket) would otherwise land on the
    // closing "---": point at the last character of the YAML instead.
    const last = src.trimEnd().length;
    if (s >= last) [s, e] = [Math.max(0, last - 1), last];
    fm.error = { message: `front matter is not valid YAML: ${firstLine(err.message)}`, start: contentStart + s, end: contentStart + Math.max(e, s + 1) };
    return fm;
  }
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) {
    const [s, e] = tag.pos;
    const name = src.slice(s, e).split(/\s/)[0];
    // Reported, and the fields are still read: a tagged value is only its source text.
    fm.error = { message: `the YAML tag ${name} is not supported: front matter holds plain text, numbers, booleans and lists, and opmodel never builds objects from tags`, start: contentStart + s, end: contentStart + Math.max(e, s + 1) };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return fm;
  if (!isMap(root)) {
    const r = (root as YamlNode).range ?? [0, src.length];
    fm.error = { message: `front matter must be a mapping of keys to values (like "id: FLM3"), not ${isSeq(root) ? 'a list' : 'a single value'}`, start: contentStart + r[0], end: contentStart + r[1] };
    return fm;
  }
  for (const pair of root.items) {
    const k = pair.key;
    if (!isScalar(k) || typeof k.value !== 'string' || !k.range) continue;
    const key = k.value;
    const keyStart = contentStart + k.range[0];
    const keyEnd = contentStart + k.range[1];
    const v = pair.value as YamlNode | null;
    fm.fields.set(key, { key, keyStart, keyEnd, value: readValue(v, src, contentStart, keyEnd) });
  }
  return fm;
}

function firstLine(s: string): string {
  return s.split(/\r?\n/)[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function findClose(text: string, from: number): { start: number; end: number } | undefined {
  const re = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/gm;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // `m` flag treats \r\n as two breaks; only accept matches at a real line start.
    const prev = text.charCodeAt(m.index - 1);
    if (m.index === from || prev === 10 || prev === 13) return { start: m.index, end: m.index + m[0].length };
    if (m[0].length === 0) re.lastIndex++;
  }
  return undefined;
}

function readScalar(node: YamlNode, src: string, offset: number): ScalarValue | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [s, e] = node.range;
  const raw = src.slice(s, e);
  const v = node.value;
  if (v === null || v === undefined) return { kind: 'scalar', value: null, start: offset + s, end: offset + e };
  const value = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? raw.trim() : String(raw);
  // Locate the value inside quotes so that edits replace exactly the characters of the value.
  let start = s;
  let end = e;
  if (typeof v === 'string' && raw !== v) {
    const at = raw.indexOf(v);
    if (at >= 0) { start = s + at; end = start + v.length; }
  }
  return { kind: 'scalar', value, start: offset + start, end: offset + end };
}

function readValue(v: YamlNode | null, src: string, offset: number, keyEnd: number): FieldValue {
  if (v === null || v === undefined) return { kind: 'scalar', value: null, start: keyEnd + 1, end: keyEnd + 1 };
  const range = v.range ?? [keyEnd - offset, keyEnd - offset];
  if (isScalar(v)) return readScalar(v, src, offset) ?? { kind: 'other', start: offset + range[0], end: offset + range[1] };
  if (isSeq(v)) {
    const items: ScalarValue[] = [];
    let nested = false;
    for (const item of v.items) {
      if (isAlias(item)) continue;
      const sv = readScalar(item as YamlNode, src, offset);
      if (sv) items.push(sv);
      else nested = true;
    }
    const list: ListValue = { kind: 'list', items, start: offset + range[0], end: offset + range[1] };
    if (nested) list.tree = toTree(v, src, offset, keyEnd + 1);
    return list;
  }
  const other: OtherValue = { kind: 'other', start: offset + range[0], end: offset + range[1] };
  if (isMap(v)) other.tree = toTree(v, src, offset, keyEnd + 1);
  return other;
}
