import { describe, expect, it } from 'vitest';
import { PackedText } from '../../language/text/packedText';

describe('PackedText', () => {
  const texts: [string, string][] = [
    ['empty', ''],
    ['ASCII', '## Maturity levels\n\n1. **Ad hoc** - runs when someone remembers.\n'],
    ['Latin-1 only', 'Caf\u00e9 \u00b7 na\u00efve \u00ff'],
    ['an em dash among ASCII', '1. **Ad hoc** \u2014 The practice runs when someone remembers.\n'],
    ['the first wide character', '\u0100'],
    ['the last code unit', '\uffff'],
    ['NUL in a wide text', 'a\u0000b \u2014 \u0000\u0000'],
    ['NUL followed by what looks packed', '\u0000\u0020\u0014 \u2014'],
    ['astral characters (surrogate pairs)', 'Levels \ud83d\udcc8 \u2014 \ud835\udc00'],
    ['lone surrogates', 'x\ud800y\udc00z \u2014 \udbff'],
    ['CJK and right-to-left text', '\u6210\u719f\u5ea6 \u05e8\u05de\u05d4'],
  ];
  for (const [name, text] of texts) {
    it(`reads back exactly: ${name}`, () => {
      expect(PackedText.of(text).text).toBe(text);
    });
  }

  it('reads back every code unit, alone and beside NULs', () => {
    for (let c = 0; c <= 0xffff; c += 7) {
      const s = `\u0000${String.fromCharCode(c)}a${String.fromCharCode(0xffff - c)}\u0000`;
      expect(PackedText.of(s).text).toBe(s);
    }
  });
});
