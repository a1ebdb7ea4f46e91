// What a parsed document keeps about where things are: offsets into its text, and the line map
// that turns them into line/column ranges when someone asks (a diagnostic reported, a hover, a
// rename). A Range object per reference, field and heading was most of a document's memory and
// a good part of its parsing time; most of them were never read.
import type { LineMap } from '../text/lineMap';
import type { Range } from '../types';

/**
 * Every object a parsed document holds besides plain data, arrays and maps is one of these (or
 * its LineMap): made by the engine from offsets, never from what the text says.
 */
export abstract class DocumentPart {}

/** A stretch of a document's text, by offsets; `range` is computed on each read. */
export class Located extends DocumentPart {
  constructor(
    protected readonly lines: LineMap,
    /** Offsets into the document's text. */
    readonly start: number,
    readonly end: number,
  ) {
    super();
  }

  get range(): Range {
    return this.lines.range(this.start, this.end);
  }
}
