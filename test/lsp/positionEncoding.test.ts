// Columns between UTF-16 (the engine) and UTF-8 / UTF-32 (clients that ask for them), checked
// against Node's own encoders, and incremental changes applied in each encoding.
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../language/index';
import { OpenDocuments } from '../../lsp/documents';
import { fromUtf16, negotiateEncoding, toUtf16, type PositionEncoding } from '../../lsp/positionEncoding';

const LINE = 'Café 🚀 — a\u{10FFFF}b é FLM1';
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const points = (s: string) => [...s].length;

describe('position encodings', () => {
  it('negotiates the first encoding the client lists that the server knows, UTF-16 otherwise', () => {
    expect(negotiateEncoding(undefined)).toBe('utf-16');
    expect(negotiateEncoding([])).toBe('utf-16');
    expect(negotiateEncoding(['utf-8', 'utf-16'])).toBe('utf-8');
    expect(negotiateEncoding(['utf-32', 'utf-8'])).toBe('utf-32');
    expect(negotiateEncoding(['latin-1', 'utf-16', 'utf-8'])).toBe('utf-16');
  });

  it('converts every character boundary of a line both ways, as Node counts bytes and code points', () => {
    for (let col = 0; col <= LINE.length; col++) {
      const c = LINE.charCodeAt(col - 1);
      if (c >= 0xd800 && c <= 0xdbff) continue; // inside a surrogate pair: no boundary
      const prefix = LINE.slice(0, col);
      expect(fromUtf16(LINE, col, 'utf-8')).toBe(bytes(prefix));
      expect(fromUtf16(LINE, col, 'utf-32')).toBe(points(prefix));
      expect(fromUtf16(LINE, col, 'utf-16')).toBe(col);
      expect(toUtf16(LINE, bytes(prefix), 'utf-8')).toBe(col);
      expect(toUtf16(LINE, points(prefix), 'utf-32')).toBe(col);
    }
  });

  it('snaps a column inside a character to its start, and clamps past the end of the line', () => {
    const rocket = LINE.indexOf('🚀');
    expect(toUtf16(LINE, bytes(LINE.slice(0, rocket)) + 2, 'utf-8')).toBe(rocket);
    expect(fromUtf16(LINE, rocket + 1, 'utf-8')).toBe(bytes(LINE.slice(0, rocket)));
    expect(toUtf16(LINE, 10_000, 'utf-8')).toBe(LINE.length);
    expect(fromUtf16(LINE, 10_000, 'utf-32')).toBe(points(LINE));
    expect(toUtf16(LINE, 10_000, 'utf-16')).toBe(LINE.length);
  });

  it('counts a lone surrogate as the three bytes of U+FFFD', () => {
    const odd = 'a\ud800b';
    expect(fromUtf16(odd, 2, 'utf-8')).toBe(4);
    expect(toUtf16(odd, 4, 'utf-8')).toBe(2);
    expect(fromUtf16(odd, 2, 'utf-32')).toBe(2);
  });
});

describe('open documents', () => {
  const text = '---\nid: FLM2\n---\r\nCafé 🚀 — FLM9 and FLM1.\nEnd';
  const line = 3;
  const lineText = new LineIndex(text).lineText(line);

  for (const encoding of ['utf-8', 'utf-16', 'utf-32'] as PositionEncoding[]) {
    const col = (s: string) => (encoding === 'utf-8' ? bytes(s) : encoding === 'utf-32' ? points(s) : s.length);
    it(`applies incremental changes in ${encoding}, in order, across CRLF and LF lines`, () => {
      const docs = new OpenDocuments(encoding);
      docs.open('file:///a.md', 1, text);
      const at = lineText.indexOf('FLM9');
      const start = { line, character: col(lineText.slice(0, at)) };
      const end = { line, character: col(lineText.slice(0, at + 4)) };
      const doc = docs.change('file:///a.md', 2, [
        { range: { start, end }, text: 'FLM2' },
        // The second change sees the first one's result: insert after the rocket, then join lines 2 and 3.
        { range: { start: { line, character: col('Café 🚀') }, end: { line, character: col('Café 🚀') } }, text: '🚀' },
        { range: { start: { line: 2, character: 3 }, end: { line: 3, character: 0 } }, text: ' ' },
      ])!;
      expect(doc.version).toBe(2);
      expect(doc.text).toBe('---\nid: FLM2\n--- Café 🚀🚀 — FLM2 and FLM1.\nEnd');
      expect(doc.lines.lineText(2)).toBe('--- Café 🚀🚀 — FLM2 and FLM1.');
    });
  }

  it('replaces the whole text on a change without a range, and refuses changes to documents it does not hold', () => {
    const docs = new OpenDocuments('utf-8');
    docs.open('file:///a.md', 1, 'old');
    expect(docs.change('file:///a.md', 2, [{ text: 'new\ntext' }])!.lines.lineCount).toBe(2);
    expect(docs.change('file:///b.md', 1, [{ text: 'x' }])).toBeUndefined();
  });
});
