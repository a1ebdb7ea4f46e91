// Engine positions (UTF-16) <-> the client's encoding. An open document converts with its own
// text; a closed file's text is read from disk on demand and kept in a small cache. With
// UTF-16, the default, nothing is read and nothing is converted.
import { LineIndex, type Position, type Range } from '../language/index';
import type { OpenDocuments } from './documents';
import { fromUtf16, toUtf16, type PositionEncoding } from './positionEncoding';

const CACHE_SIZE = 500;

/** Converts ranges of documents whose text was loaded beforehand (see Positions.mapper). */
export interface RangeMapper {
  range(uri: string, r: Range): Range;
  position(uri: string, p: Position): Position;
}

const identity: RangeMapper = { range: (_u, r) => r, position: (_u, p) => p };

export class Positions {
  private readonly cache = new Map<string, LineIndex | undefined>();

  constructor(
    readonly encoding: PositionEncoding,
    private readonly docs: OpenDocuments,
    /** The text of a closed file, or undefined when it cannot be read. */
    private readonly readText: (uri: string) => Promise<string | undefined>,
  ) {}

  /** The file changed (on disk or in the index): its cached text is stale. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  forgetAll(): void {
    this.cache.clear();
  }

  /** A mapper for ranges in `uris`, to the client's encoding. */
  async mapper(uris: Iterable<string>): Promise<RangeMapper> {
    return this.mapperNow() ?? this.load(uris);
  }

  /** The mapper, when the encoding needs no text (UTF-16): no waiting in hot paths. */
  mapperNow(): RangeMapper | undefined {
    return this.encoding === 'utf-16' ? identity : undefined;
  }

  private async load(uris: Iterable<string>): Promise<RangeMapper> {
    const lines = new Map<string, LineIndex | undefined>();
    for (const uri of new Set(uris)) lines.set(uri, await this.lines(uri));
    const column = (uri: string, p: Position): Position => {
      const l = lines.get(uri);
      if (!l || p.line >= l.lineCount) return p;
      return { line: p.line, character: fromUtf16(l.lineText(p.line), p.character, this.encoding) };
    };
    return { range: (uri, r) => ({ start: column(uri, r.start), end: column(uri, r.end) }), position: column };
  }

  /** A position from the client, as the engine counts it. */
  async toEngine(uri: string, p: Position): Promise<Position> {
    if (this.encoding === 'utf-16') return p;
    const l = await this.lines(uri);
    if (!l || p.line >= l.lineCount) return p;
    return { line: p.line, character: toUtf16(l.lineText(p.line), p.character, this.encoding) };
  }

  private async lines(uri: string): Promise<LineIndex | undefined> {
    const open = this.docs.get(uri);
    if (open) return open.lines;
    if (this.cache.has(uri)) {
      const hit = this.cache.get(uri);
      // Most recently used last.
      this.cache.delete(uri);
      this.cache.set(uri, hit);
      return hit;
    }
    const text = await this.readText(uri).catch(() => undefined);
    const l = text === undefined ? undefined : new LineIndex(text);
    this.cache.set(uri, l);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return l;
  }
}
