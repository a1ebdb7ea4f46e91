// Reads an assessment file as data. Like front matter (parse/frontMatter.ts), the YAML is parsed
// with the core schema and no custom tags, and the syntax tree is walked: nothing is constructed,
// tags build nothing, aliases are never expanded, and every value keeps its exact range.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { IdSyntax } from '../ids/idSyntax';
import { hashText } from '../parse/document';
import type { Directive } from '../parse/suppressions';
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import { ENTRY_FIELDS, TOP_LEVEL_KEYS, type AssessmentEntry, type Located, type ParsedAssessment, type Score } from './model';

/** Deeper flow nesting or indentation than this is refused before the YAML library sees it. */
export const MAX_FLOW_DEPTH = 64;
export const MAX_INDENT = 256;
const MAX_YAML_ERRORS = 20;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NA = /^n\/a$/i;
const DIRECTIVE = /^[ \t]*#[ \t]*opmodel-(disable-next-line|disable-file|disable|enable)\b(.*)$/;

export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function parseAssessment(uri: string, text: string, syntax: IdSyntax): ParsedAssessment {
  const lines = new LineIndex(text);
  const r = (s: number, e: number) => lines.range(s, e);
  const a: ParsedAssessment = { uri, version: hashText(text), lineCount: lines.lineCount, assessors: [], entries: [], problems: [], broken: false, directives: readDirectives(lines) };
  const problem = (s: number, e: number, message: string) => a.problems.push({ message, range: r(s, Math.max(e, s)) });
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The yaml library does not break lines at a lone CR; editors do. Same length, same offsets.
  const src = text.slice(base).replace(/\r(?!\n)/g, '\n');
  const at = (n: { range?: [number, number, number] | null } | null | undefined): [number, number] => {
    const rg = n?.range;
    if (!rg) return [base, base];
    // A block collection's range runs over its last line break: end at its last character.
    let e = rg[1];
    while (e > rg[0] && /\s/.test(src[e - 1]!)) e--;
    return [base + rg[0], base + e];
  };

  const tooDeep = nestingProblem(src);
  if (tooDeep) {
    a.broken = true;
    problem(base + tooDeep.offset, base + tooDeep.offset + 1, tooDeep.message);
    return a;
  }
  if (src.trim() === '') {
    a.broken = true;
    problem(0, 0, 'the assessment is empty: it needs at least `date:` and `elements:`');
    return a;
  }
  const doc = parseDocument(src, { version: '1.2', schema: 'core', customTags: [], resolveKnownTags: false, uniqueKeys: false, prettyErrors: false, strict: true, keepSourceTokens: false });
  if (doc.errors.length) {
    a.broken = true;
    const last = src.trimEnd().length;
    for (const err of doc.errors.slice(0, MAX_YAML_ERRORS)) {
      let [s, e] = err.pos;
      if (s >= last) [s, e] = [Math.max(0, last - 1), last];
      problem(base + s, base + Math.max(e, s + 1), `not valid YAML: ${err.message.split(/\r?\n/)[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    return a;
  }
  // Tags and aliases anywhere: reported, and their nodes read as their source text or skipped.
  const seenTags = new Set<YamlNode>();
  const checkNode = (n: unknown): boolean => {
    if (isAlias(n)) {
      const [s, e] = at(n as YamlNode);
      problem(s, e, `YAML aliases (*${(n as { source: string }).source}) are not supported in assessments: write the value out`);
      return false;
    }
    const node = n as YamlNode | null;
    if (node && node.tag && !seenTags.has(node)) {
      seenTags.add(node);
      // The tag is written just before the node's own range.
      const [ns] = at(node);
      const before = src.slice(Math.max(0, ns - base - 256), ns - base);
      const m = /!\S*[ \t]*$/.exec(before);
      const s = m ? ns - before.length + m.index : ns;
      const e = m ? s + m[0].trimEnd().length : ns + 1;
      problem(s, e, `the YAML tag ${node.tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not supported: an assessment holds plain text, numbers and lists, and opmodel never builds objects from tags`);
    }
    return true;
  };

  const root = doc.contents as YamlNode | null;
  if (!root || (isScalar(root) && root.value === null)) {
    a.broken = true;
    problem(0, 0, 'the assessment is empty: it needs at least `date:` and `elements:`');
    return a;
  }
  if (!checkNode(root)) return a;
  if (!isMap(root)) {
    a.broken = true;
    const [s, e] = at(root);
    problem(s, e, `an assessment must be a mapping (client:, title:, date:, assessors:, elements:), not ${isSeq(root) ? 'a list' : 'a single value'}`);
    return a;
  }

  const seenTop = new Map<string, Range>();
  let elementsPair: Pair | undefined;
  for (const pair of (root as YAMLMap).items) {
    const k = pair.key as YamlNode | null;
    if (!isScalar(k) || typeof k.value !== 'string' || !k.range) {
      const [s, e] = at(k);
      problem(s, e, 'keys of an assessment are names such as date: or elements:');
      continue;
    }
    checkNode(k);
    const key = k.value;
    const [ks, ke] = at(k);
    if (seenTop.has(key)) {
      problem(ks, ke, `"${key}" is given twice; the first one counts`);
      continue;
    }
    seenTop.set(key, r(ks, ke));
    const v = pair.value as YamlNode | null;
    if (v && !checkNode(v)) continue;
    switch (key) {
      case 'client':
      case 'title': {
        const s = stringOf(v, base, src);
        if (s) a[key] = { value: s.value, range: r(s.start, s.end) };
        else problem(...valueSpan(v, ke, at), `${key} must be text`);
        break;
      }
      case 'date': {
        const s = stringOf(v, base, src);
        if (!s || !s.value) problem(...valueSpan(v, ke, at), 'date must be the day of the assessment, written YYYY-MM-DD');
        else if (!isValidDate(s.value)) problem(s.start, s.end, `date "${s.value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30`);
        else a.date = { value: s.value, range: r(s.start, s.end) };
        break;
      }
      case 'assessors': {
        const items = isSeq(v) ? v.items : [v];
        for (const it of items) {
          if (!checkNode(it)) continue;
          const s = stringOf(it as YamlNode, base, src);
          if (s && s.value) a.assessors.push({ value: s.value, range: r(s.start, s.end) });
          else problem(...valueSpan(it as YamlNode, ke, at), 'assessors must be a list of names, e.g. [Consultant A, Consultant B]');
        }
        break;
      }
      case 'elements':
        elementsPair = pair;
        break;
      default:
        problem(ks, ke, `unknown key "${key}"; an assessment has ${TOP_LEVEL_KEYS.join(', ')}`);
    }
  }
  if (!seenTop.has('date')) problem(...firstKeySpan(root, at), 'the assessment has no date: add `date: YYYY-MM-DD`, the day it was made');

  if (!elementsPair) {
    problem(...firstKeySpan(root, at), 'the assessment has no elements: add `elements:` with one entry per element, e.g. `FLM3: { current: 2, target: 3 }`');
    a.broken = true;
    return a;
  }
  const [eks, eke] = at(elementsPair.key as YamlNode);
  const ev = elementsPair.value as YamlNode | null;
  if (ev === null || ev === undefined || (isScalar(ev) && ev.value === null)) {
    a.elements = { keyRange: r(eks, eke), range: r(eks, eke), insert: { at: lines.position(lines.lineEnd(lines.position(eke).line)), indent: '  ' } };
    return a;
  }
  if (!isMap(ev)) {
    const [s, e] = at(ev);
    problem(s, e, 'elements must be a mapping of element IDs to scores, e.g. `FLM3: { current: 2, target: 3 }`');
    a.broken = true;
    return a;
  }
  const [vs, ve] = at(ev);
  a.elements = { keyRange: r(eks, eke), range: r(vs, ve) };
  if (!(ev as YAMLMap).flow && ev.items.length) {
    // A new entry goes on the line after the last one, indented like the first.
    const firstKey = ev.items[0]!.key as YamlNode;
    const [fs] = at(firstKey);
    const col = lines.position(fs).character;
    const last = lines.position(ve > vs ? ve - 1 : ve).line;
    a.elements.insert = { at: lines.position(lines.lineEnd(last)), indent: lines.lineText(lines.position(fs).line).slice(0, col) };
  }
  for (const pair of (ev as YAMLMap).items) {
    const k = pair.key as YamlNode | null;
    if (!checkNode(k)) continue;
    const ks = stringOf(k, base, src, true);
    if (!ks) {
      const [s, e] = at(k);
      problem(s, e, 'entries under elements are keyed by element ID, e.g. FLM3:');
      continue;
    }
    const v = pair.value as YamlNode | null;
    const raw = ks.value.trim();
    const hit = raw ? syntax.classify(raw) : undefined;
    const entry: AssessmentEntry = {
      key: raw,
      id: hit?.canonical ?? raw,
      canonical: !!hit?.isCanonical,
      keyRange: r(ks.start, ks.end),
      valueRange: r(...valueSpan(v, ks.end, at)),
      na: false,
    };
    a.entries.push(entry);
    if (v && !checkNode(v)) continue;
    readEntry(entry, v, { base, src, at, r, problem, problems: a.problems, checkNode });
  }
  return a;
}

interface Ctx {
  base: number;
  src: string;
  at(n: YamlNode | null | undefined): [number, number];
  r(s: number, e: number): Range;
  problem(s: number, e: number, message: string): void;
  problems: ParsedAssessment['problems'];
  checkNode(n: unknown): boolean;
}

function readEntry(entry: AssessmentEntry, v: YamlNode | null, c: Ctx): void {
  const { at, r, problem } = c;
  const id = entry.key;
  const shape = `write \`${id}: { current: 2, target: 3 }\` or \`${id}: n/a\``;
  if (v === null || v === undefined || (isScalar(v) && v.value === null)) {
    c.problems.push({ message: `${id} has no score: ${shape}`, range: entry.keyRange });
    return;
  }
  if (isScalar(v)) {
    const s = stringOf(v, c.base, c.src);
    if (s && NA.test(s.value)) entry.na = true;
    else {
      const [vs, ve] = at(v);
      problem(vs, ve, `${id}: "${s?.value ?? ''}" is not a score: ${shape}`);
    }
    return;
  }
  if (!isMap(v)) {
    const [vs, ve] = at(v);
    problem(vs, ve, `${id} must be a mapping or n/a: ${shape}`);
    return;
  }
  const seen = new Set<string>();
  for (const pair of (v as YAMLMap).items) {
    const k = pair.key as YamlNode | null;
    if (!c.checkNode(k)) continue;
    const ks = isScalar(k) && typeof k.value === 'string' ? k.value : undefined;
    const [s, e] = at(k);
    if (ks === undefined) {
      problem(s, e, `keys in ${id} are ${ENTRY_FIELDS.join(', ')}`);
      continue;
    }
    if (seen.has(ks)) {
      problem(s, e, `${ks} is given twice in ${id}; the first one counts`);
      continue;
    }
    seen.add(ks);
    const val = pair.value as YamlNode | null;
    if (val && !c.checkNode(val)) continue;
    const keyRange = r(s, e);
    switch (ks) {
      case 'current':
      case 'target': {
        const sv = isScalar(val) ? stringOf(val, c.base, c.src) : undefined;
        if (!sv || sv.value === '') {
          problem(...valueSpan(val, e, at), `${id} ${ks} needs a level, e.g. \`${ks}: 2\``);
          break;
        }
        const scalar = val as Scalar;
        const score: Score = { raw: sv.value, quoted: scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE', range: r(sv.start, sv.end), keyRange };
        if (/^\d{1,3}$/.test(sv.value)) score.level = Number(sv.value);
        entry[ks] = score;
        break;
      }
      case 'evidence':
      case 'owner':
      case 'notes':
      case 'due': {
        const sv = stringOf(val, c.base, c.src);
        if (!sv) {
          problem(...valueSpan(val, e, at), `${id} ${ks} must be text`);
          break;
        }
        if (ks === 'due') {
          if (!isValidDate(sv.value)) {
            problem(sv.start, sv.end, `${id} due "${sv.value}" is not a date: write it as YYYY-MM-DD, e.g. 2027-03-31`);
            break;
          }
        }
        entry[ks] = { value: sv.value, range: r(sv.start, sv.end) } as Located<string>;
        break;
      }
      default:
        problem(s, e, `unknown key "${ks}" in ${id}; an entry has ${ENTRY_FIELDS.join(', ')}`);
    }
  }
  // A `current:` without a value was reported above.
  if (!entry.current && !seen.has('current')) {
    const [vs, ve] = at(v);
    problem(vs, ve, entry.target ? `${id} has a target but no current level: add \`current:\`` : `${id} has no current level: add \`current:\``);
  }
}

/** A scalar's text and the offsets of its characters (inside quotes), or undefined. */
function stringOf(n: YamlNode | null | undefined, base: number, src: string, keyOnly = false): { value: string; start: number; end: number } | undefined {
  if (!isScalar(n) || !n.range) return undefined;
  const [s, e] = n.range;
  const raw = src.slice(s, e);
  const v = n.value;
  if (v === null || v === undefined) return keyOnly ? undefined : { value: '', start: base + s, end: base + e };
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
  // Numbers and booleans as written ("2.0" stays "2.0"); strings as parsed.
  const value = typeof v === 'string' ? v : raw.trim();
  let start = s;
  let end = e;
  if (typeof v === 'string' && raw !== v) {
    const i = raw.indexOf(v);
    if (i >= 0) {
      start = s + i;
      end = start + v.length;
    } else if (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') {
      start = s + 1;
      end = Math.max(start, e - 1);
    }
  }
  return { value, start: base + start, end: base + end };
}

function valueSpan(v: YamlNode | null | undefined, after: number, at: Ctx['at']): [number, number] {
  if (v && v.range) return at(v);
  return [after, after];
}

function firstKeySpan(root: YamlNode, at: Ctx['at']): [number, number] {
  const first = isMap(root) ? (root.items[0]?.key as YamlNode | undefined) : undefined;
  return first ? at(first) : [0, 0];
}

/** Flow brackets nested too deep, or lines indented too far: input no assessment needs. */
function nestingProblem(src: string): { offset: number; message: string } | undefined {
  let depth = 0;
  let col = 0;
  let lineStart = true;
  for (let i = 0; i < src.length; i++) {
    const ch = src.charCodeAt(i);
    if (ch === 10) {
      col = 0;
      lineStart = true;
      continue;
    }
    if (lineStart) {
      if (ch === 32) {
        if (++col > MAX_INDENT) return { offset: i, message: `a line is indented more than ${MAX_INDENT} spaces; an assessment needs a few levels at most` };
        continue;
      }
      lineStart = false;
    }
    // Brackets inside quotes count too: a conservative bound, far above any real assessment.
    if (ch === 91 || ch === 123) {
      if (++depth > MAX_FLOW_DEPTH) return { offset: i, message: `brackets are nested more than ${MAX_FLOW_DEPTH} deep; an assessment needs two levels at most` };
    } else if ((ch === 93 || ch === 125) && depth > 0) depth--;
  }
  return undefined;
}

function readDirectives(lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  const text = lines.text;
  // Cheap test first: most assessments have no directive at all.
  if (!text.includes('opmodel-')) return out;
  for (let l = 0; l < lines.lineCount; l++) {
    const m = DIRECTIVE.exec(lines.lineText(l));
    if (!m) continue;
    const codes = m[2]!.split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], codes: codes.length ? codes : null, line: l, endLine: l });
  }
  return out;
}
