// A fast path for the front matter almost every document has: `key: value` lines, quoted
// strings without escapes, flow lists `[A, B]`, block lists `- A` of plain words, block lists
// of flat mappings (`- name: x` / `  target: y`, as measures are written), and a mapping of flow
// lists (`crosswalk:` / `  itil4: [A, B]`). The yaml
// library costs ~300 µs per document, a third of a cold check at 10,000 documents; this reads
// the same subset in a few µs. Anything outside it returns undefined and goes to the library,
// and a property test checks that both give identical fields wherever this path answers.
import type { Field, ListValue, ScalarValue } from './frontMatter';
import type { TreeMap, TreeScalar, TreeSeq } from './frontMatterTree';

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

/** The items of a flow list `[A, "B"]` written at `at`, or undefined when outside the subset. */
function flowItems(valueText: string, at: number): ScalarValue[] | undefined {
  if (!valueText.endsWith(']')) return undefined;
  const inner = valueText.slice(1, -1);
  const items: ScalarValue[] = [];
  if (inner.trim() === '') return items;
  let p = 0;
  for (const part of inner.split(',')) {
    const lead = part.length - part.trimStart().length;
    const word = part.trim();
    const s = at + 1 + p + lead;
    p += part.length + 1;
    if (word[0] === '"' || word[0] === "'") {
      // A quoted item (a clause number such as "8.6.1"); a comma inside one is left to yaml.
      const q = scalar(word, s);
      if (!q || q.value === '') return undefined;
      items.push(q);
      continue;
    }
    if (!FLOW_ITEM.test(word) || NULLS.has(word)) return undefined;
    items.push({ kind: 'scalar', value: word, start: s, end: s + word.length });
  }
  return items;
}

/** Fields of `src` (YAML text starting at `offset` in the document), or undefined to defer to yaml. */
export function readSimpleFrontMatter(src: string, offset: number): Map<string, Field> | undefined {
  if (src.includes('\t')) return undefined;
  const fields = new Map<string, Field>();
  let list: { field: Field; indent: number } | undefined;
  // The mapping item being read, when the list holds mappings rather than plain values.
  let map: TreeMap | undefined;
  // A field whose value is a mapping of flow lists, and the indent of its keys.
  let nested: { map: TreeMap; indent: number; field: Field } | undefined;
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
    // Trailing spaces off (a loop: a / +$/ regex cost more than the rest of the line's reading).
    let last = end;
    while (last > pos && src.charCodeAt(last - 1) === 32) last--;
    const line = src.slice(pos, last);
    const at = pos;
    pos = nl + 1;
    if (line === '') {
      // yaml stretches a block list (or mapping) over following blank lines; leave that case to it.
      if (list?.field.value.kind === 'list' || nested) return undefined;
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
    if (indent > 0) {
      // `  key: [A, B]` under a key with an empty value: a mapping of flow lists.
      const owner = nested?.field ?? (list && list.field.value.kind === 'scalar' && list.field.value.value === null ? list.field : undefined);
      if (!owner || (nested && nested.indent !== indent)) return undefined;
      const text = line.slice(indent);
      const k = KEY.exec(text);
      if (!k) return undefined;
      const rest = text.slice(k[0].length);
      const valueText = rest.trimStart();
      if (valueText[0] !== '[') return undefined;
      const keyAt = offset + at + indent;
      const valueAt = keyAt + k[0].length + (rest.length - valueText.length);
      const items = flowItems(valueText, valueAt);
      if (!items) return undefined;
      if (!nested) {
        nested = { map: { kind: 'map', entries: [], start: keyAt, end: lineEnd }, indent, field: owner };
        list = undefined;
      }
      if (nested.map.entries.some((e) => e.key === k[1])) return undefined;
      const seq: TreeSeq = { kind: 'seq', items: items.map((i): TreeScalar => ({ kind: 'scalar', value: i.value, start: i.start, end: i.end })), start: valueAt, end: valueAt + valueText.length };
      nested.map.entries.push({ key: k[1]!, keyStart: keyAt, keyEnd: keyAt + k[1]!.length, value: seq });
      nested.map.end = lineEnd;
      nested.field.value = { kind: 'other', start: nested.map.start, end: lineEnd, tree: nested.map };
      continue;
    }
    nested = undefined;
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
      // Top-level lists keep to plain items, as before: quoted ones go to yaml.
      if (/["']/.test(valueText)) return undefined;
      const items = flowItems(valueText, valueAt);
      if (!items) return undefined;
      field.value = { kind: 'list', items, start: valueAt, end: valueAt + valueText.length };
      continue;
    }
    const v = scalar(valueText, valueAt);
    if (!v) return undefined;
    field.value = v;
  }
  return fields;
}
