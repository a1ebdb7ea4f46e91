// Offsets -> line/column positions for a document that is no longer held: what a parsed
// document keeps instead of a Range object per reference, field and heading. Positions are
// computed when asked for (a diagnostic reported, a hover shown), with LineIndex's rules: lines
// end at \n, \r\n or a lone \r, and an offset inside a line break is clamped to the line's end.
//
// Compact: each line's length is one character of a string (one or two bytes, where an array
// of line starts took eight), with the absolute start of every 64th line to search from.
import type { Position, Range } from '../types';

const BLOCK = 64;
const FIRST_BLOCK: readonly number[] = Object.freeze([0]);
/** A line at least this long has its length in `long` instead. */
const LONG = 0xffff;

export class LineMap {
  private constructor(
    /** Line i's length, line break included, as the i-th character (LONG: see `long`). */
    private readonly lengths: string,
    /** Lengths of lines of LONG characters or more, by line. */
    private readonly long: ReadonlyMap<number, number> | undefined,
    /** Line breaks of two characters (\r\n), one character per line ('\x02' or '\x01'); undefined when there is none. */
    private readonly breaks: string | undefined,
    /** Start of line k * BLOCK. */
    private readonly blockStarts: readonly number[],
    /** The length of the text. */
    readonly length: number,
  ) {}

  static of(text: string): LineMap {
    const lengths: number[] = [];
    let breaks: number[] | undefined;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      let width = 1;
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        // The first \r\n: every line before it ended with one character.
        breaks ??= lengths.map(() => 1);
        width = 2;
        i++;
      }
      breaks?.push(width);
      lengths.push(i + 1 - start);
      start = i + 1;
    }
    lengths.push(text.length - start);
    breaks?.push(0);
    let long: Map<number, number> | undefined;
    const blockStarts: number[] = [];
    let at = 0;
    const codes = lengths.map((n, line) => {
      if (line % BLOCK === 0) blockStarts.push(at);
      at += n;
      if (n < LONG) return n;
      (long ??= new Map()).set(line, n);
      return LONG;
    });
    // Most documents have fewer than BLOCK lines: they share one [0]; the rest keep an exact copy.
    return new LineMap(fromCodes(codes), long, breaks && fromCodes(breaks), blockStarts.length === 1 ? FIRST_BLOCK : blockStarts.slice(), text.length);
  }

  get lineCount(): number {
    return this.lengths.length;
  }

  private lengthOf(line: number): number {
    const n = this.lengths.charCodeAt(line);
    return n === LONG ? this.long!.get(line)! : n;
  }

  lineStart(line: number): number {
    if (!(line >= 0 && line < this.lineCount)) return this.length;
    const block = Math.floor(line / BLOCK);
    let start = this.blockStarts[block]!;
    for (let l = block * BLOCK; l < line; l++) start += this.lengthOf(l);
    return start;
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.lineCount - 1) return this.length;
    const width = this.breaks ? this.breaks.charCodeAt(line) : 1;
    return this.lineStart(line) + this.lengthOf(line) - width;
  }

  /** The line an offset is on. */
  lineOf(offset: number): number {
    return this.locate(offset)[0];
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    const [line, start] = this.locate(o);
    const end = line >= this.lineCount - 1 ? this.length : start + this.lengthOf(line) - (this.breaks ? this.breaks.charCodeAt(line) : 1);
    return { line, character: Math.min(o, end) - start };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The line holding offset `o` (clamped) and that line's start. */
  private locate(offset: number): [line: number, start: number] {
    const o = Math.max(0, Math.min(offset, this.length));
    const blocks = this.blockStarts;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    let line = lo * BLOCK;
    let start = blocks[lo]!;
    const last = this.lineCount - 1;
    for (;;) {
      if (line >= last) break;
      const next = start + this.lengthOf(line);
      if (next > o) break;
      start = next;
      line++;
    }
    return [line, start];
  }
}

/** The numbers as the characters of a string (each below 0x10000). */
function fromCodes(codes: number[]): string {
  let s = '';
  // In chunks: apply() takes a bounded number of arguments.
  for (let i = 0; i < codes.length; i += 4096) s += String.fromCharCode.apply(null, codes.slice(i, i + 4096));
  return s;
}
