// An element's `## Maturity levels` section as data: the assessment question, then a numbered
// list of levels ("1. **Ad hoc** — description"), each with its nested criteria bullets.
// The document parser keeps only the section's text (findMaturitySource); its levels are read on
// demand (documentMaturity). Keeping ~100 small objects per document made a cold check of 1,000
// documents 15% slower in garbage collection; reading a section again costs a few microseconds.
import type { ParsedDocument } from './document';
import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import type { Heading } from './markdownScanner';
import { PackedText } from '../text/packedText';
import { DocumentPart } from './located';

export interface MaturityCriterion {
  text: string;
  range: Range;
}

export interface MaturityLevel {
  /** The number as written ("3." -> 3). */
  level: number;
  /** Empty when the item has no recognisable name. */
  name: string;
  description: string;
  criteria: MaturityCriterion[];
  /** The item's first line, from its number to the end of the line. */
  range: Range;
  numberRange: Range;
  nameRange?: Range;
}

export interface MaturitySection {
  /** The heading's text ("Maturity levels"). */
  headingRange: Range;
  question?: { text: string; range: Range };
  levels: MaturityLevel[];
  /** False for a heading with nothing under it (a section still to be written). */
  hasContent: boolean;
}

/** The section as the document parser keeps it: its text, from the heading's line to its end. */
export interface MaturitySource {
  text: string;
  /** Line of the heading in the document. */
  line: number;
  /** The heading's text inside `text` (on its first line). */
  headingStart: number;
  headingEnd: number;
  /** The scale the section was found to follow when parsed (conformsToScale), if it does. */
  conformsTo?: readonly { level: number; name: string }[];
}

/**
 * The section as a parsed document keeps it: its text packed (PackedText), and whether it follows
 * `scale`, decided while the text is at hand, so that the maturity-levels rule does not unpack
 * every section of a cold check.
 */
class KeptMaturitySource extends DocumentPart implements MaturitySource {
  private readonly packed: PackedText;
  readonly line: number;
  readonly headingStart: number;
  readonly headingEnd: number;
  readonly conformsTo?: readonly { level: number; name: string }[];

  constructor(src: MaturitySource, scale: readonly { level: number; name: string }[]) {
    super();
    this.packed = PackedText.of(src.text);
    this.line = src.line;
    this.headingStart = src.headingStart;
    this.headingEnd = src.headingEnd;
    if (conformsToScale(src, scale)) this.conformsTo = scale;
  }

  get text(): string {
    return this.packed.text;
  }
}

export function keepMaturitySource(src: MaturitySource, scale: readonly { level: number; name: string }[]): MaturitySource {
  return new KeptMaturitySource(src, scale);
}

export const MATURITY_HEADING = 'maturity levels';

const ITEM = /^(\d{1,9})[.)]([ \t]+|$)/;
const QUESTION = /^\*\*Assessment question:?\*\*:?[ \t]*/i;
const FENCE = /^(`{3,}|~{3,})/;
// The name in bold, then the separator: " — " (the house style), " – ", " - ", or a colon
// inside or after the bold ("**Ad hoc:** text", "**Ad hoc**: text").
const BOLD_NAME = /^(\*\*|__)(.+?)\1/;
const SEPARATOR = /^[ \t]*(?:—|–|--?|:)[ \t]*/;
const PLAIN_NAME = /^([^—–:]{1,60}?)[ \t]+(?:—|–)[ \t]+/;

/** Finds the first `Maturity levels` heading (any level) and keeps its section's text, or undefined. */
export function findMaturitySource(text: string, headings: readonly Heading[], lines: Pick<LineIndex, 'position'>): MaturitySource | undefined {
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (h.end - h.start !== MATURITY_HEADING.length || text.slice(h.start, h.end).toLowerCase() !== MATURITY_HEADING) continue;
    let end = text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.level <= h.level) {
        end = headings[j]!.lineStart;
        break;
      }
    }
    return { text: text.slice(h.lineStart, end), line: lines.position(h.lineStart).line, headingStart: h.start - h.lineStart, headingEnd: h.end - h.lineStart };
  }
  return undefined;
}

const ITEM_LINES = /^ {0,3}(\d{1,9})[.)](?:[ \t]+([^\r\n]*)|(?=[\r\n]|$))/gm;

/**
 * True when the section lists exactly `levels`, in order, each as "N. **Name** — description":
 * the well-formed case, decided with one native regex pass instead of reading every line. Any
 * doubt (a fence, another spelling, a Unicode line separator that would split lines differently)
 * answers false, and the caller reads the section properly.
 */
export function conformsToScale(src: MaturitySource, levels: readonly { level: number; name: string }[]): boolean {
  const text = src.text;
  if (text.includes('```') || text.includes('~~~') || text.includes('\t') || /[\u2028\u2029]/.test(text)) return false;
  ITEM_LINES.lastIndex = 0;
  let i = 0;
  let m: RegExpExecArray | null;
  while ((m = ITEM_LINES.exec(text))) {
    const want = levels[i++];
    if (!want || Number(m[1]) !== want.level) return false;
    const rest = m[2] ?? '';
    let after: string;
    if (rest.startsWith(`**${want.name}**`)) {
      after = rest.slice(want.name.length + 4).trimStart();
      const sep = /^(?:—|–|--?|:)[ \t]*/.exec(after);
      if (!sep) return false;
      after = after.slice(sep[0].length);
    } else if (rest.startsWith(`**${want.name}:**`)) after = rest.slice(want.name.length + 5);
    else return false;
    if (!after.trim()) return false;
  }
  return i === levels.length;
}

/** The document's maturity section, read from the text its parser kept (undefined without one). */
export function documentMaturity(doc: ParsedDocument | undefined, opts?: { criteria: boolean }): MaturitySection | undefined {
  return doc?.maturitySource ? parseMaturity(doc.maturitySource, opts) : undefined;
}

/**
 * Reads a section's question, levels and criteria with exact ranges. With `criteria: false` (the
 * rule's pass over every document) criteria are not read and a description is its first line only:
 * most lines of a section are criteria, and skipping them halves a cold check's cost of this.
 */
export function parseMaturity(src: MaturitySource, opts: { criteria: boolean } = { criteria: true }): MaturitySection {
  const text = src.text;
  const full = opts.criteria;
  const section: MaturitySection = { headingRange: range(src.line, src.headingStart, src.headingEnd), levels: [], hasContent: false };
  let level: MaturityLevel | undefined;
  let criterion: MaturityCriterion | undefined;
  /** A criterion was seen under the current level (light mode does not keep it). */
  let inCriteria = false;
  let fence = '';
  // One sticky regex reads each line natively (indentation, content, break): a loop over
  // characters in JavaScript cost a cold check far more than the rest of this function.
  const LINE = /([ \t]*)([^\r\n]*)(\r\n|\r|\n|$)/y;
  let lineNo = src.line - 1;
  LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE.exec(text))) {
    lineNo++;
    if (m[3] === '' && LINE.lastIndex >= text.length) LINE.lastIndex = text.length + 1; // last line: stop after it
    if (lineNo === src.line) continue; // the heading
    const content = m[2]!;
    if (!content) continue; // blank
    const ind = m[1]!.length;
    const first = content.charCodeAt(0);
    if (first === 96 || first === 126) {
      // ` or ~: maybe a fence.
      const f = ind <= 3 ? FENCE.exec(content) : null;
      if (fence) {
        if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = '';
        continue;
      }
      if (f) {
        section.hasContent = true;
        fence = f[1]!;
        level = criterion = undefined;
        continue;
      }
    }
    if (fence) continue;
    section.hasContent = true;

    const digit = first >= 48 && first <= 57 && ind <= 3;
    if (ind > 0 && level && !digit) {
      const bulletLike = (first === 45 || first === 42 || first === 43) && (content.charCodeAt(1) === 32 || content.charCodeAt(1) === 9);
      if (!full) {
        // Light mode: a criterion, or the wrapped rest of one, is skipped; a description is its first line.
        if (bulletLike) inCriteria = true;
        else if (!inCriteria && !level.description) level.description = content.trim();
        continue;
      }
      if (bulletLike) {
        const t = trimmed(content, 2);
        criterion = { text: t.text, range: range(lineNo, ind + t.start, ind + t.end) };
        level.criteria.push(criterion);
        continue;
      }
      // An indented line continues the description or the last criterion (a hard-wrapped line).
      const t = trimmed(content, 0);
      if (criterion) {
        criterion.text += ' ' + t.text;
        criterion.range = { start: criterion.range.start, end: { line: lineNo, character: ind + t.end } };
      } else level.description = level.description ? `${level.description} ${t.text}` : t.text;
      continue;
    }
    if (first === 42 && !section.question) {
      const q = QUESTION.exec(content);
      if (q) {
        const t = trimmed(content, q[0].length);
        section.question = { text: t.text, range: range(lineNo, ind + t.start, ind + t.end) };
        continue;
      }
    }
    const item = digit ? ITEM.exec(content) : null;
    if (item) {
      const numEnd = ind + item[1]!.length;
      level = { level: Number(item[1]), name: '', description: '', criteria: [], range: range(lineNo, ind, ind + trimEnd(content)), numberRange: range(lineNo, ind, numEnd) };
      criterion = undefined;
      inCriteria = false;
      readNameAndDescription(content, item[0].length, ind, level, lineNo);
      section.levels.push(level);
      continue;
    }
    // Anything else (a paragraph, a list that is not numbered) ends the list.
    level = criterion = undefined;
  }
  return section;
}

const range = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

/** `line` is the item's content without its indentation, `ind` columns wide. */
function readNameAndDescription(line: string, from: number, ind: number, level: MaturityLevel, lineNo: number): void {
  const rest = line.slice(from);
  const bold = BOLD_NAME.exec(rest);
  let nameStart: number;
  let nameEnd: number;
  let descFrom: number;
  if (bold) {
    let name = bold[2]!;
    nameStart = from + bold[1]!.length;
    // "**Ad hoc:**": the colon is the separator, not part of the name.
    const colon = /[ \t]*:[ \t]*$/.exec(name);
    if (colon) name = name.slice(0, colon.index);
    const lead = name.length - name.trimStart().length;
    nameStart += lead;
    nameEnd = nameStart + name.trim().length;
    descFrom = from + bold[0].length;
    const sep = SEPARATOR.exec(line.slice(descFrom));
    if (sep) descFrom += sep[0].length;
  } else {
    const plain = PLAIN_NAME.exec(rest);
    if (!plain) {
      level.description = line.slice(from).trim();
      return;
    }
    nameStart = from;
    nameEnd = from + plain[1]!.trimEnd().length;
    descFrom = from + plain[0].length;
  }
  level.name = line.slice(nameStart, nameEnd);
  level.nameRange = range(lineNo, ind + nameStart, ind + nameEnd);
  level.description = line.slice(descFrom).trim();
}

function trimEnd(line: string): number {
  return line.trimEnd().length;
}

function trimmed(line: string, from: number): { text: string; start: number; end: number } {
  let s = from;
  while (s < line.length && (line.charCodeAt(s) === 32 || line.charCodeAt(s) === 9)) s++;
  const e = Math.max(s, trimEnd(line));
  return { text: line.slice(s, e), start: s, end: e };
}
