// JSON syntax errors in words, with the trailing-comma case named: the parser's own codes
// (CloseBraceExpected, ValueExpected) say what it wanted, not what the writer did.
import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { LineIndex } from '../text/lineIndex';

const WORDS: Record<string, string> = {
  InvalidSymbol: 'this is not JSON (a value, "," or a bracket was expected)',
  InvalidNumberFormat: 'this number is not written as JSON allows',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a ":" is missing after the property name',
  CommaExpected: 'a "," is missing between two entries',
  CloseBraceExpected: 'a "}" is missing: an object is not closed',
  CloseBracketExpected: 'a "]" is missing: a list is not closed',
  EndOfFileExpected: 'there is more text after the end of the JSON object',
  InvalidCommentToken: 'this comment is not closed',
  UnexpectedEndOfComment: 'this comment is not closed',
  UnexpectedEndOfString: 'this string is not closed (a " is missing)',
  UnexpectedEndOfNumber: 'this number ends too early',
  InvalidUnicode: 'this \\u escape is not valid',
  InvalidEscapeCharacter: 'this escape sequence is not valid in JSON',
  InvalidCharacter: 'this character is not allowed here (control characters must be escaped)',
};

export function describeJsonError(e: ParseError, text: string, lines: LineIndex): string {
  const code = printParseErrorCode(e.error);
  const what = WORDS[code] ?? `the file is not valid JSON (${code})`;
  if (code === 'EndOfFileExpected' && text[e.offset] === ',') {
    const p = lines.position(e.offset);
    return `the comma at line ${p.line + 1}, column ${p.character + 1}, after the object's closing "}", is one too many: remove it`;
  }
  // The last thing written before the error: a comma there is the usual cause.
  let i = e.offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (text[i] === ',') {
    const p = lines.position(i);
    const where = `line ${p.line + 1}, column ${p.character + 1}`;
    if (e.offset >= text.trimEnd().length) return `the file ends after the comma at ${where}: remove that comma, or add the entry and the closing brackets that should follow it`;
    return `${what}: the comma at ${where} is followed by nothing (remove it) or an entry is missing there`;
  }
  return what;
}
