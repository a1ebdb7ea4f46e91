// LineMap (what a parsed document keeps) answers exactly as LineIndex (which holds the text).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../language/text/lineIndex';
import { LineMap } from '../../language/text/lineMap';

const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', 'é', '😀', '\u2028'), { maxLength: 40 }).map((xs) => xs.join(''));

describe('LineMap', () => {
  it('computes the positions, ranges, lines and line ends LineIndex computes', () => {
    fc.assert(
      fc.property(text, (t) => {
        const index = new LineIndex(t);
        const map = LineMap.of(t);
        expect(map.lineCount).toBe(index.lineCount);
        for (let o = -1; o <= t.length + 1; o++) {
          expect(map.position(o)).toEqual(index.position(o));
          expect(map.lineOf(o)).toBe(index.position(o).line);
          expect(map.range(o, o + 1)).toEqual(index.range(o, o + 1));
        }
        for (let l = 0; l <= index.lineCount; l++) {
          expect(map.lineEnd(l)).toBe(index.lineEnd(l));
          expect(map.lineStart(l)).toBe(index.lineStart(l));
        }
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('answers the same for hundreds of lines and for lines of 70,000 characters', () => {
    const pieces = ['\n', '\r\n', '\r', 'x'.repeat(70_000), 'ab', ''];
    const rand = fc.sample(fc.array(fc.nat(pieces.length - 1), { minLength: 600, maxLength: 900 }), { numRuns: 4, seed: 5 });
    for (const picks of rand) {
      const t = picks.map((k) => pieces[k]).join('');
      const index = new LineIndex(t);
      const map = LineMap.of(t);
      expect(map.lineCount).toBe(index.lineCount);
      for (let o = 0; o <= t.length; o += o < 1000 || t.length - o < 1000 ? 1 : 997) expect(map.position(o)).toEqual(index.position(o));
      for (let l = 0; l < index.lineCount; l++) {
        expect(map.lineStart(l)).toBe(index.lineStart(l));
        expect(map.lineEnd(l)).toBe(index.lineEnd(l));
      }
    }
  });
});
