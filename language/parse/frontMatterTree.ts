// Nested front-matter values (a list of mappings such as `measures`), kept as a plain tree with
// the exact source range of every key and value. Built from the YAML syntax tree like the rest
// of the front matter: nothing is constructed or evaluated, and aliases are not followed.
import { isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { LineMap } from '../text/lineMap';
import { ownString as own } from '../text/ownString';
import type { Range } from '../types';
import { DocumentPart, Located } from './located';

export type TreeNode = TreeScalar | TreeMap | TreeSeq | TreeOther;

export interface TreeScalar {
  kind: 'scalar';
  /** The value as text; null for an empty value. */
  value: string | null;
  start: number;
  end: number;
}

export interface TreeMap {
  kind: 'map';
  entries: { key: string; keyStart: number; keyEnd: number; value: TreeNode }[];
  start: number;
  end: number;
}

export interface TreeSeq {
  kind: 'seq';
  items: TreeNode[];
  start: number;
  end: number;
}

/** An alias or anything else that is not plain data. */
export interface TreeOther {
  kind: 'other';
  start: number;
  end: number;
}

// Deep nesting costs stack; front matter needs two or three levels.
const MAX_DEPTH = 16;

/** `node` as a tree; offsets are `offset` plus positions in `src`. */
export function toTree(node: YamlNode | null | undefined, src: string, offset: number, at: number, depth = 0): TreeNode {
  if (!node || isAlias(node) || depth > MAX_DEPTH) return { kind: 'other', start: at, end: at };
  const [s, e] = node.range ?? [at - offset, at - offset];
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { kind: 'scalar', value: null, start: offset + s, end: offset + e };
    const raw = src.slice(s, e);
    const value = typeof v === 'string' ? v : raw.trim();
    let start = s;
    let end = e;
    if (typeof v === 'string' && raw !== v) {
      const i = raw.indexOf(v);
      if (i >= 0) { start = s + i; end = start + v.length; }
    }
    return { kind: 'scalar', value, start: offset + start, end: offset + end };
  }
  if (isSeq(node)) {
    return { kind: 'seq', items: node.items.map((it) => toTree(it as YamlNode, src, offset, offset + e, depth + 1)), start: offset + s, end: offset + e };
  }
  if (isMap(node)) {
    const entries: TreeMap['entries'] = [];
    for (const pair of node.items) {
      const k = pair.key as YamlNode | null;
      if (!k || !isScalar(k) || typeof k.value !== 'string' || !k.range) continue;
      const keyEnd = offset + k.range[1];
      entries.push({ key: k.value, keyStart: offset + k.range[0], keyEnd, value: toTree(pair.value as YamlNode | null, src, offset, keyEnd + 1, depth + 1) });
    }
    return { kind: 'map', entries, start: offset + s, end: offset + e };
  }
  return { kind: 'other', start: offset + s, end: offset + e };
}

/** The same tree with line/column ranges, as documents keep it (with strings of their own). */
export type FieldTree =
  | { kind: 'scalar'; value: string | null; range: Range }
  | { kind: 'map'; entries: { key: string; keyRange: Range; value: FieldTree }[]; range: Range }
  | { kind: 'seq'; items: FieldTree[]; range: Range }
  | { kind: 'other'; range: Range };

// `kind` is a getter on each class (one per kind), not a field in every node.

class ScalarAt extends Located {
  get kind(): 'scalar' {
    return 'scalar';
  }

  constructor(lines: LineMap, start: number, end: number, readonly value: string | null) {
    super(lines, start, end);
  }
}

class SeqAt extends Located {
  get kind(): 'seq' {
    return 'seq';
  }

  constructor(lines: LineMap, start: number, end: number, readonly items: FieldTree[]) {
    super(lines, start, end);
  }
}

class MapAt extends Located {
  get kind(): 'map' {
    return 'map';
  }

  constructor(lines: LineMap, start: number, end: number, readonly entries: (EntryAt | ScalarEntryAt)[]) {
    super(lines, start, end);
  }
}

class OtherAt extends Located {
  get kind(): 'other' {
    return 'other';
  }
}

class EntryAt extends DocumentPart {
  constructor(
    private readonly lines: LineMap,
    readonly key: string,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    readonly value: FieldTree,
  ) {
    super();
  }

  get keyRange(): Range {
    return this.lines.range(this.keyStart, this.keyEnd);
  }
}

/** An entry whose value is a scalar (most are: `name: …`, `target: …`), in one object; its value node is made when read. */
class ScalarEntryAt extends DocumentPart {
  constructor(
    private readonly lines: LineMap,
    readonly key: string,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    private readonly text: string | null,
    private readonly valueStart: number,
    private readonly valueEnd: number,
  ) {
    super();
  }

  get keyRange(): Range {
    return this.lines.range(this.keyStart, this.keyEnd);
  }

  get value(): FieldTree {
    return new ScalarAt(this.lines, this.valueStart, this.valueEnd, this.text);
  }
}

/** The tree as a document keeps it: offsets, strings of their own (or shared, by `word`), ranges computed when read. */
export function locatedTree(t: TreeNode, lines: LineMap, word: (s: string) => string = own): FieldTree {
  switch (t.kind) {
    case 'scalar': return new ScalarAt(lines, t.start, t.end, t.value === null ? null : word(t.value));
    case 'seq': return new SeqAt(lines, t.start, t.end, t.items.map((i) => locatedTree(i, lines, word)));
    case 'map':
      return new MapAt(
        lines,
        t.start,
        t.end,
        t.entries.map((e) =>
          e.value.kind === 'scalar'
            ? new ScalarEntryAt(lines, word(e.key), e.keyStart, e.keyEnd, e.value.value === null ? null : word(e.value.value), e.value.start, e.value.end)
            : new EntryAt(lines, word(e.key), e.keyStart, e.keyEnd, locatedTree(e.value, lines, word)),
        ),
      );
    default: return new OtherAt(lines, t.start, t.end);
  }
}

/** The value of `key` in a map, if any. */
export function fieldTreeGet(node: FieldTree | undefined, key: string): FieldTree | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}
