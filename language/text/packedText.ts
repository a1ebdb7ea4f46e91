// A long text a parsed document keeps (its maturity section) in about half the memory. V8 stores
// a string one byte a character when every character is below 256, and two bytes otherwise: one
// "—" in a section doubles it. Such a text is kept with each wider character written as three
// one-byte characters (NUL, high byte, low byte; a NUL of the text as two NULs) and unpacked when
// read, in microseconds. The rule that reads every section at load is answered when the document
// is parsed (see maturity.ts), so a cold check unpacks nothing.
import { DocumentPart } from '../parse/located';
import { ownString } from './ownString';

const WIDE = /[^\u0000-\u00ff]/;
const TO_PACK = /[\u0000\u0100-\uffff]/g;
const PACKED = /\u0000(?:\u0000|([\u0001-\u00ff])([\u0000-\u00ff]))/g;

const pack = (c: string): string => {
  const code = c.charCodeAt(0);
  return code === 0 ? '\u0000\u0000' : '\u0000' + String.fromCharCode(code >> 8, code & 0xff);
};
const unpack = (_: string, high?: string, low?: string): string => (high === undefined ? '\u0000' : String.fromCharCode((high.charCodeAt(0) << 8) | low!.charCodeAt(0)));

export class PackedText extends DocumentPart {
  private constructor(
    private readonly data: string,
    /** True when `data` is packed rather than the text itself. */
    private readonly packed: boolean,
  ) {
    super();
  }

  static of(text: string): PackedText {
    // ownString copies into one byte a character when every character allows it.
    if (!WIDE.test(text)) return new PackedText(ownString(text), false);
    return new PackedText(ownString(text.replace(TO_PACK, pack)), true);
  }

  get text(): string {
    return this.packed ? this.data.replace(PACKED, unpack) : this.data;
  }
}
