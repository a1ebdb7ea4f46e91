// A fast path for the front matter almost every document has: `key: value` lines, quoted
// strings without escapes, flow lists `[A, B]`, block lists `- A` of plain words, and block lists
// of flat mappings (`- name: x` / `  target: y`, as measures are written). The yaml
// library costs ~300 µs per document, a third of a cold check at 10,000 documents; this reads
// the same subset in a few µs. Anything outside it returns undefined and goes to the library,
// and a property test checks that both give identical fields wherever this path answers.
import type { Field, ListValue, ScalarValue } from './frontMatter';
import type { TreeMap, TreeSeq } from './frontMatterTree';

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?=[ ]|$)/;
// A plain scalar in the subset: no indicator first, no ":" or "#" inside (flow characters are
// fine outside a flow list).
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\t#:]*$/;
const FLOW_ITEM = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\t#:[\]{},'"]*$/;
const NULLS = new Set(['null', 'Null', 'NULL', '~']);

function scalar(raw: string, start: number): ScalarValue | undefined {
  if (raw === '') return undefined;
  const q = raw[0];
  if (q === '"' || q === "'") {
    if (raw.length < 2 || raw[raw.length - 1] !== q) return undefined;
    const inner = raw.slice(1, -1);
    if (inner.includes(q) || (q === '"' && inner.includes('\\'))) return undefined;
    // yaml's own offsets: an empty string is located at its opening quote.
    const at = inner === '' ? start : start + 1;
    return { kind: 'scalar', value: inner, start: at, end: at + inner.length };
  }
  if (!PLAIN.test(raw) || raw.includes(': ') || raw.endsWith(':')) return undefined;
  return { kind: 'scalar', value: NULLS.has(raw) ? null : raw, start, end: start + raw.length };
}

/** Fields of `src` (YAML text starting at `offset` in the document), or undefined to defer to yaml. */
export function readSimpleFrontMatter(src: string, offset: number): Map<string, Field> | undefined {
  if (src.includes('\t')) return undefined;
  const fields = new Map<string, Field>();
  let list: { field: Field; indent: number } | undefined;
  // The mapping item being read, when the list holds mappings rather than plain values.
  let map: TreeMap | undefined;
  /** `key: value` at `text` (offset `at` in the document) into `m`; false when out of the subset. */
  const entry = (m: TreeMap, text: string, at: number): boolean => {
    const k = KEY.exec(text);
    if (!k || m.entries.some((e) => e.key === k[1])) return false;
    const rest = text.slice(k[0].length);
    const valueText = rest.trimStart();
    const v = scalar(valueText, at + k[0].length + (rest.length - valueText.length));
    if (!v || v.value === null) return false;
    m.entries.push({ key: k[1]!, keyStart: at, keyEnd: at + k[1]!.length, value: { kind: 'scalar', value: v.value, start: v.start, end: v.end } });
    return true;
  };
  let pos = 0;
  while (pos < src.length) {
    let nl = src.indexOf('\n', pos);
    if (nl < 0) nl = src.length;
    let end = nl;
    if (src.charCodeAt(end - 1) === 13) end--;
    const line = src.slice(pos, end).replace(/ +$/, '');
    const at = pos;
    pos = nl + 1;
    if (line === '') {
      // yaml stretches a block list over following blank lines; leave that case to it.
      if (list?.field.value.kind === 'list') return undefined;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    // Like yaml, a block list (and a mapping in it) ends after the line break of its last line.
    const lineEnd = offset + Math.min(nl + 1, src.length);
    if (map && list && indent === list.indent + 2 && !line.startsWith('- ', indent)) {
      // The next `key: value` of the mapping item above.
      if (!entry(map, line.slice(indent), offset + at + indent)) return undefined;
      map.end = lineEnd;
      (list.field.value as ListValue).end = lineEnd;
      (list.field.value as ListValue).tree!.end = lineEnd;
      continue;
    }
    if (line.startsWith('- ', indent)) {
      // A block list item belongs to the key just above with an empty value.
      if (!list || (list.field.value.kind === 'list' && list.indent !== indent)) return undefined;
      const itemText = line.slice(indent + 2);
      const lead = itemText.length - itemText.trimStart().length;
      const itemAt = offset + at + indent + 2 + lead;
      if (list.field.value.kind !== 'list') {
        list.indent = indent;
        list.field.value = { kind: 'list', items: [], start: offset + at + indent, end: lineEnd };
      }
      const value = list.field.value;
      const isMap = KEY.test(itemText.slice(lead));
      // Plain values and mappings in one list: leave that to yaml.
      if (isMap ? value.items.length > 0 : value.tree !== undefined) return undefined;
      if (isMap) {
        map = { kind: 'map', entries: [], start: itemAt, end: lineEnd };
        if (!entry(map, itemText.slice(lead), itemAt)) return undefined;
        const seq: TreeSeq = value.tree?.kind === 'seq' ? value.tree : { kind: 'seq', items: [], start: value.start, end: lineEnd };
        seq.items.push(map);
        seq.end = lineEnd;
        value.tree = seq;
      } else {
        const item = scalar(itemText.slice(lead), itemAt);
        if (!item || item.value === null) return undefined;
        value.items.push(item);
      }
      value.end = lineEnd;
      continue;
    }
    map = undefined;
    if (indent > 0) return undefined;
    const k = KEY.exec(line);
    if (!k) return undefined;
    const key = k[1]!;
    if (fields.has(key)) return undefined;
    const rest = line.slice(k[0].length);
    const valueText = rest.trimStart();
    const valueAt = offset + at + k[0].length + (rest.length - valueText.length);
    // An empty value sits where yaml puts it: at the end of the line, after any spaces.
    const empty = offset + end;
    const field: Field = { key, keyStart: offset + at, keyEnd: offset + at + key.length, value: { kind: 'scalar', value: null, start: empty, end: empty } };
    fields.set(key, field);
    list = undefined;
    if (valueText === '') {
      list = { field, indent: -1 };
      continue;
    }
    if (valueText[0] === '[') {
      if (!valueText.endsWith(']')) return undefined;
      const inner = valueText.slice(1, -1);
      const items: ScalarValue[] = [];
      if (inner.trim() !== '') {
        let p = 0;
        for (const part of inner.split(',')) {
          const lead = part.length - part.trimStart().length;
          const word = part.trim();
          if (!FLOW_ITEM.test(word) || NULLS.has(word)) return undefined;
          const s = valueAt + 1 + p + lead;
          items.push({ kind: 'scalar', value: word, start: s, end: s + word.length });
          p += part.length + 1;
        }
      }
      field.value = { kind: 'list', items, start: valueAt, end: valueAt + valueText.length };
      continue;
    }
    const v = scalar(valueText, valueAt);
    if (!v) return undefined;
    field.value = v;
  }
  return fields;
}
