// Columns in the client's position encoding. The engine counts UTF-16 code units (as VS Code
// does); Helix and Neovim can ask for UTF-8 bytes, some clients for code points (UTF-32).
// Conversion happens here, at the edge, on the text of the line.

export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';

const SUPPORTED: readonly PositionEncoding[] = ['utf-8', 'utf-16', 'utf-32'];

/** The first encoding of the client's list that the server supports; UTF-16 when it names none. */
export function negotiateEncoding(clientPreference: readonly string[] | undefined): PositionEncoding {
  for (const e of clientPreference ?? []) if ((SUPPORTED as readonly string[]).includes(e)) return e as PositionEncoding;
  return 'utf-16';
}

/** Width of one UTF-16 code unit sequence starting at `i`: [code units, units in `encoding`]. */
function step(line: string, i: number, encoding: PositionEncoding): [number, number] {
  const c = line.charCodeAt(i);
  const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  if (pair) return [2, encoding === 'utf-8' ? 4 : encoding === 'utf-16' ? 2 : 1];
  if (encoding !== 'utf-8') return [1, 1];
  // A lone surrogate is written as U+FFFD: three bytes.
  return [1, c < 0x80 ? 1 : c < 0x800 ? 2 : 3];
}

/** A UTF-16 column of `line` in `encoding`. Past the end of the line counts as its end. */
export function fromUtf16(line: string, column: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return Math.min(column, line.length);
  let units = 0;
  let out = 0;
  const end = Math.min(column, line.length);
  while (units < end) {
    const [u, w] = step(line, units, encoding);
    // A column inside a surrogate pair belongs to the character that starts before it.
    if (units + u > end) break;
    units += u;
    out += w;
  }
  return out;
}

/** A column of `line` in `encoding` as UTF-16. A column inside a character snaps to its start. */
export function toUtf16(line: string, column: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return Math.min(Math.max(0, column), line.length);
  let units = 0;
  let seen = 0;
  while (units < line.length) {
    const [u, w] = step(line, units, encoding);
    if (seen + w > column) break;
    units += u;
    seen += w;
  }
  return units;
}

/** True when no column of `line` differs between UTF-16 and any other encoding. */
export const isAscii = (line: string): boolean => !/[^\x00-\x7f]/.test(line);
