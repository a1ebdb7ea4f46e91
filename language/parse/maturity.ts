// An element's `## Maturity levels` section as data: the assessment question, then a numbered
// list of levels ("1. **Ad hoc** — description"), each with its nested criteria bullets.
// Only the lines of that one section are read, so documents without it cost nothing extra.
import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import type { Heading } from './markdownScanner';

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

export const MATURITY_HEADING = 'maturity levels';

const ITEM = /^( {0,3})(\d{1,9})[.)]([ \t]+|$)/;
const BULLET = /^([ \t]+)[-*+][ \t]+/;
const QUESTION = /^\*\*Assessment question:?\*\*:?[ \t]*/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// The name in bold, then the separator: " — " (the house style), " – ", " - ", or a colon
// inside or after the bold ("**Ad hoc:** text", "**Ad hoc**: text").
const BOLD_NAME = /^(\*\*|__)(.+?)\1/;
const SEPARATOR = /^[ \t]*(?:—|–|--?|:)[ \t]*/;
const PLAIN_NAME = /^([^—–:]{1,60}?)[ \t]+(?:—|–)[ \t]+/;

/** Finds the first `Maturity levels` heading (any level) and reads its section, or undefined. */
export function findMaturitySection(text: string, headings: readonly Heading[], lines: LineIndex): MaturitySection | undefined {
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
    return readSection(text, h, end, lines);
  }
  return undefined;
}

function readSection(text: string, h: Heading, end: number, lines: LineIndex): MaturitySection {
  const section: MaturitySection = { headingRange: lines.range(h.start, h.end), levels: [], hasContent: false };
  let level: MaturityLevel | undefined;
  let criterion: MaturityCriterion | undefined;
  let fence: string | undefined;
  // Lines are counted here rather than looked up: a lookup per range was most of the cost.
  let lineNo = lines.position(h.lineStart).line;
  let ls = h.lineEnd;
  while (ls < end) {
    const c = text.charCodeAt(ls);
    if (c === 13 || c === 10) {
      ls += c === 13 && text.charCodeAt(ls + 1) === 10 ? 2 : 1;
      lineNo++;
      continue;
    }
    let le = ls;
    while (le < end && text.charCodeAt(le) !== 10 && text.charCodeAt(le) !== 13) le++;
    const line = text.slice(ls, le);
    const n = lineNo;
    const at = (from: number, to: number): Range => ({ start: { line: n, character: from }, end: { line: n, character: to } });
    ls = le;

    const first = line.charCodeAt(line.length - line.trimStart().length);
    if (first === 96 || first === 126) {
      // ` or ~: maybe a fence.
      const f = FENCE.exec(line);
      if (fence) {
        if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
        continue;
      }
      if (f) {
        section.hasContent = true;
        fence = f[1]!;
        level = criterion = undefined;
        continue;
      }
    }
    if (fence || line.trim() === '') continue;
    section.hasContent = true;

    if (first === 42 && !section.question) {
      const q = QUESTION.exec(line);
      if (q) {
        const t = trimmed(line, q[0].length);
        section.question = { text: t.text, range: at(t.start, t.end) };
        continue;
      }
    }
    const item = first >= 48 && first <= 57 ? ITEM.exec(line) : null;
    if (item) {
      const numStart = item[1]!.length;
      const numEnd = numStart + item[2]!.length;
      level = { level: Number(item[2]), name: '', description: '', criteria: [], range: at(numStart, trimEnd(line)), numberRange: at(numStart, numEnd) };
      criterion = undefined;
      readNameAndDescription(line, item[0].length, level, at);
      section.levels.push(level);
      continue;
    }
    const bullet = level && (first === 45 || first === 42 || first === 43) ? BULLET.exec(line) : null;
    if (bullet && level) {
      const t = trimmed(line, bullet[0].length);
      criterion = { text: t.text, range: at(t.start, t.end) };
      level.criteria.push(criterion);
      continue;
    }
    // An indented line continues the description or the last criterion (a hard-wrapped line).
    if (level && (line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9)) {
      const t = trimmed(line, 0);
      if (criterion) {
        criterion.text += ' ' + t.text;
        criterion.range = { start: criterion.range.start, end: at(t.start, t.end).end };
      } else level.description = level.description ? `${level.description} ${t.text}` : t.text;
      continue;
    }
    // Anything else at the margin (a paragraph, a list that is not numbered) ends the list.
    level = criterion = undefined;
  }
  return section;
}

function readNameAndDescription(line: string, from: number, level: MaturityLevel, at: (s: number, e: number) => Range): void {
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
  level.nameRange = at(nameStart, nameEnd);
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
