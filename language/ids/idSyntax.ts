// Recognises element IDs in text: canonical ones (FLM3, CORE-B4) and non-canonical spellings
// (EE 17, CORE B4, COREB4, flm3, FLM03) that should be rewritten to the canonical form.
import type { FamilyConfig } from '../config/config';
import { Interner } from '../text/interner';

export interface IdMatch {
  start: number;
  end: number;
  text: string;
  canonical: string;
  family: FamilyConfig;
  /** False when `text` is a non-canonical spelling of `canonical`. */
  isCanonical: boolean;
}

export interface ParsedId {
  family: FamilyConfig;
  group: string;
  number: number;
}

// "-" is not escaped: these patterns are never inside a class, and "\-" is an error with the u flag.
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
/** ASCII letters and digits: the common case of the lookbehind and lookahead. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));

/** Stems and groups the hand-written tokenizer handles; anything else takes the regex. */
const PLAIN_STEM = /^[A-Za-z0-9]+$/;
const PLAIN_GROUP = /^[A-Za-z]+$/;
const DIGIT_RUN = /[0-9]+/g;

export class IdSyntax {
  private readonly loose: RegExp;
  private readonly canonicalRe: RegExp;
  private readonly stems: { family: FamilyConfig; stem: string; parse: RegExp }[];
  /** Per character code of a stem's first letter (either case): the stems that may match. */
  private readonly byFirst = new Map<number, { family: FamilyConfig; stem: string; parse: RegExp }[]>();
  /** The same first letters below 128, as a table: the tokenizer looks up every character. */
  private readonly asciiFirst = new Uint8Array(128);
  /** The alternatives of `loose`, upper-cased, in its order; undefined when only the regex will do. */
  private readonly alternatives: { stem: string; groups: string[] }[] | undefined;
  /** The longest stem, separator, group and separator: how far before its digits an ID starts. */
  private readonly reach: number;
  private readonly order = new Map<string, number>();
  /** Canonical IDs, one copy each, shared by every reference and definition of them. */
  private readonly ids = new Interner(1 << 18);

  constructor(readonly families: FamilyConfig[]) {
    // Longest stems first so that a family whose stem extends another's wins.
    const sorted = [...families].sort((a, b) => b.prefix.length - a.prefix.length);
    this.stems = sorted.map((family) => {
      const stem = family.prefix.replace(/-$/, '');
      const groups = family.groups.length ? `[ -]?(${family.groups.map(escapeRe).join('|')})` : '()';
      return { family, stem, parse: new RegExp(`^${escapeRe(stem)}${groups}[ -]?0*(\\d+)$`, 'i') };
    });
    const alts = sorted.map((f) => {
      const stem = escapeRe(f.prefix.replace(/-$/, ''));
      const groups = f.groups.length ? `[ -]?(?:${f.groups.map(escapeRe).join('|')})` : '';
      return `${stem}${groups}[ -]?\\d+`;
    });
    this.loose = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const canon = sorted.map((f) => {
      const groups = f.groups.length ? `(?:${f.groups.map(escapeRe).join('|')})` : '';
      return `${escapeRe(f.prefix)}${groups}[1-9]\\d*`;
    });
    this.canonicalRe = new RegExp(`^(?:${canon.join('|')})$`);
    families.forEach((f, i) => this.order.set(f.key, i));
    for (const st of this.stems) {
      // With the u and i flags, K also matches the Kelvin sign and S the long s.
      for (const c of firstCodes(st.stem)) {
        const list = this.byFirst.get(c) ?? [];
        if (!list.includes(st)) list.push(st);
        this.byFirst.set(c, list);
        if (c < 128) this.asciiFirst[c] = 1;
      }
    }
    const plain = this.stems.every((st) => PLAIN_STEM.test(st.stem) && st.family.groups.every((g) => PLAIN_GROUP.test(g)));
    this.alternatives = plain ? this.stems.map((st) => ({ stem: st.stem.toUpperCase(), groups: st.family.groups.map((g) => g.toUpperCase()) })) : undefined;
    this.reach = Math.max(0, ...this.stems.map((st) => st.stem.length + 2 + Math.max(0, ...st.family.groups.map((g) => g.length))));
  }

  /** Every ID-like token in `text[from, to)`, canonical or not. */
  scan(text: string, from = 0, to = text.length): IdMatch[] {
    return this.alternatives ? this.tokenize(text, from, to, this.alternatives, this.reach) : this.scanWithRegex(text, from, to);
  }

  /**
   * What `loose` finds, without it: the regex (Unicode lookarounds, case-insensitive, optional
   * separators) cost more than the rest of the document's parsing. Every ID ends with the last
   * digit of a run of digits, and starts at most `reach` characters before the run: only those
   * windows are tried, in order, with the regex's own rules (leftmost start, alternatives in
   * order, scanning on after a token), so the tokens are the same and classify() decides each.
   */
  private tokenize(text: string, from: number, to: number, alts: { stem: string; groups: string[] }[], reach: number): IdMatch[] {
    const out: IdMatch[] = [];
    const byFirst = this.byFirst;
    const ascii = this.asciiFirst;
    const digits = DIGIT_RUN;
    digits.lastIndex = from;
    let pos = from;
    let run: RegExpExecArray | null;
    while ((run = digits.exec(text)) !== null) {
      const runEnd = run.index + run[0].length;
      for (let i = Math.max(pos, run.index - reach); i < runEnd; i++) {
        const c = text.charCodeAt(i);
        if ((c < 128 ? ascii[c] === 0 : !byFirst.has(c)) || letterOrNumberBefore(text, i)) continue;
        let end = -1;
        let k = 0;
        for (; k < alts.length; k++) if ((end = matchAlternative(text, i, alts[k]!)) >= 0) break;
        if (end < 0) continue;
        if (end > to) return out;
        const token = text.slice(i, end);
        const hit = this.classifyMatch(token, this.stems[k]!, end - i);
        if (hit) out.push({ start: i, end, text: token, canonical: hit.canonical, family: hit.family, isCanonical: hit.isCanonical });
        pos = end;
        i = end - 1;
      }
      pos = Math.max(pos, runEnd);
      if (digits.lastIndex < pos) digits.lastIndex = pos;
    }
    return out;
  }

  /**
   * classify(token) for a token the tokenizer matched with `st`'s alternative (its group and
   * digits in `matched`), without the parse regexes: no earlier stem's pattern can match a
   * token the regex gave to a later alternative, so `st` is the family classify would find.
   */
  private classifyMatch(token: string, st: { family: FamilyConfig; stem: string }, length: number): { canonical: string; family: FamilyConfig; isCanonical: boolean } | undefined {
    // The Kelvin sign or the long s: the loose regex took it for K or S, the parse regex does not.
    for (let j = 0; j < length; j++) if (token.charCodeAt(j) >= 128) return undefined;
    const n = Number(token.slice(matched.digits));
    if (!Number.isSafeInteger(n) || n === 0) return undefined;
    const canonical = this.ids.get(`${st.family.prefix}${matched.group}${n}`);
    if (canonical === token) return { canonical, family: st.family, isCanonical: true };
    if (token.includes(' ') && token.slice(0, st.stem.length) !== st.stem) return undefined;
    return { canonical, family: st.family, isCanonical: false };
  }

  /** The regex scan, for families the tokenizer does not handle (and as the tests' reference). */
  scanWithRegex(text: string, from = 0, to = text.length): IdMatch[] {
    const out: IdMatch[] = [];
    const re = this.loose;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const end = m.index + m[0].length;
      if (end > to) break;
      const hit = this.classify(m[0]);
      if (hit) out.push({ start: m.index, end, text: m[0], ...hit });
    }
    return out;
  }

  /** Classifies one token: undefined when it is not an ID at all. */
  classify(token: string): { canonical: string; family: FamilyConfig; isCanonical: boolean } | undefined {
    // Each parse regex is anchored at a stem: only the stems with this first letter can match.
    for (const { family, stem, parse } of this.alternatives ? (this.byFirst.get(token.charCodeAt(0)) ?? []) : this.stems) {
      const p = parse.exec(token);
      if (!p) continue;
      const n = Number(p[2]);
      if (!Number.isSafeInteger(n) || n === 0) return undefined;
      const canonical = this.ids.get(`${family.prefix}${(p[1] ?? '').toUpperCase()}${n}`);
      if (canonical === token) return { canonical, family, isCanonical: true };
      // A spaced spelling counts only when the stem is written in capitals ("EE 17"), so that
      // ordinary words followed by a number are left alone.
      if (/\s/.test(token) && token.slice(0, stem.length) !== stem) return undefined;
      return { canonical, family, isCanonical: false };
    }
    return undefined;
  }

  /** The shared copy of a canonical ID (what classify() returns), or `id` itself when it is none. */
  intern(id: string): string {
    return this.isCanonical(id) ? this.ids.get(id) : id;
  }

  isCanonical(id: string): boolean {
    return this.canonicalRe.test(id);
  }

  parse(id: string): ParsedId | undefined {
    for (const { family, parse } of this.stems) {
      const p = parse.exec(id);
      if (p) return { family, group: (p[1] ?? '').toUpperCase(), number: Number(p[2]) };
    }
    return undefined;
  }

  familyOf(id: string): FamilyConfig | undefined {
    return this.parse(id)?.family;
  }

  /** Framework order: family as declared, then group, then number (FLM2 before FLM10). */
  compare = (a: string, b: string): number => {
    const pa = this.parse(a);
    const pb = this.parse(b);
    if (!pa || !pb) return pa ? -1 : pb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    return (
      (this.order.get(pa.family.key) ?? 0) - (this.order.get(pb.family.key) ?? 0) ||
      (pa.group < pb.group ? -1 : pa.group > pb.group ? 1 : 0) ||
      pa.number - pb.number
    );
  };

  format(family: FamilyConfig, group: string, n: number): string {
    return `${family.prefix}${group}${n}`;
  }
}

/** Character codes a stem may start with under the i and u flags. */
function firstCodes(stem: string): number[] {
  const c = stem.charAt(0);
  if (!c) return [];
  const codes = new Set([c.toUpperCase().charCodeAt(0), c.toLowerCase().charCodeAt(0)]);
  if (c.toUpperCase() === 'K') codes.add(0x212a);
  if (c.toUpperCase() === 'S') codes.add(0x17f);
  for (const x of [...codes]) if (!new RegExp(`^${escapeRe(c)}$`, 'iu').test(String.fromCharCode(x))) codes.delete(x);
  return [...codes];
}

/** True when a letter or number (a Unicode code point, as the regex's lookbehind reads it) ends at `i`. */
function letterOrNumberBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return ASCII_WORD[c] === 1;
  const hi = i >= 2 ? text.charCodeAt(i - 2) : 0;
  const cp = c >= 0xdc00 && c <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? text.slice(i - 2, i) : text.charAt(i - 1);
  return LETTER_OR_NUMBER.test(cp);
}

/** True when a letter or number (a code point) starts at `i`. */
function letterOrNumberAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** `text[i]` equals the upper-case ASCII letter or digit `p` under the i and u flags. */
function sameLetter(x: number, p: number): boolean {
  return x === p || (p >= 65 && p <= 90 && (x === p + 32 || (p === 75 && x === 0x212a) || (p === 83 && x === 0x17f)));
}

const isSeparator = (c: number) => c === 32 || c === 45;

/** What the last successful matchAlternative took: its start, group (upper case) and where its digits start (from the start). */
const matched = { start: 0, group: '', digits: 0 };

/**
 * End of `stem[ -]?(?:group|…)[ -]?\d+(?![\p{L}\p{N}])` matched at `i`, trying the options in the
 * regex's order (an optional separator is taken first, groups in their order), or -1.
 */
function matchAlternative(text: string, i: number, alt: { stem: string; groups: string[] }): number {
  const stem = alt.stem;
  let p = i;
  for (let k = 0; k < stem.length; k++, p++) if (p >= text.length || !sameLetter(text.charCodeAt(p), stem.charCodeAt(k))) return -1;
  matched.start = i;
  matched.group = '';
  if (!alt.groups.length) return separatorThenDigits(text, p);
  if (isSeparator(text.charCodeAt(p))) {
    const end = groupThenDigits(text, p + 1, alt.groups);
    if (end >= 0) return end;
  }
  return groupThenDigits(text, p, alt.groups);
}

/** `(?:group|…)[ -]?\d+…` at `q`, groups in their order. */
function groupThenDigits(text: string, q: number, groups: string[]): number {
  for (const g of groups) {
    let r = q;
    let k = 0;
    while (k < g.length && r < text.length && sameLetter(text.charCodeAt(r), g.charCodeAt(k))) k++, r++;
    if (k < g.length) continue;
    matched.group = g;
    const end = separatorThenDigits(text, r);
    if (end >= 0) return end;
  }
  return -1;
}

/** `[ -]?\d+…` at `q`: with the separator first, then without. */
function separatorThenDigits(text: string, q: number): number {
  if (isSeparator(text.charCodeAt(q))) {
    const end = digitsEnd(text, q + 1);
    if (end >= 0) {
      matched.digits = q + 1 - matched.start;
      return end;
    }
  }
  matched.digits = q - matched.start;
  return digitsEnd(text, q);
}

/** `\d+(?![\p{L}\p{N}])` at `q`: all the digits, then no letter or number. */
function digitsEnd(text: string, q: number): number {
  let r = q;
  while (r < text.length) {
    const c = text.charCodeAt(r);
    if (c < 48 || c > 57) break;
    r++;
  }
  if (r === q || letterOrNumberAt(text, r)) return -1;
  return r;
}
