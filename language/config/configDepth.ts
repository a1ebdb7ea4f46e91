// The nesting depth of opmodel.json, measured with the JSON scanner before the recursive parser
// sees the text: thousands of nested arrays would otherwise overflow the stack.
import { createScanner } from 'jsonc-parser';

/** Deeper than anything the schema describes (four or five levels) by a wide margin. */
export const MAX_CONFIG_DEPTH = 64;

// SyntaxKind is a const enum in jsonc-parser's types, which isolated modules cannot inline.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** The offset of the first "{" or "[" that nests deeper than MAX_CONFIG_DEPTH, if any. */
export function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let t = scanner.scan(); t !== EOF; t = scanner.scan()) {
    if (t === OPEN_BRACE || t === OPEN_BRACKET) {
      if (++depth > MAX_CONFIG_DEPTH) return scanner.getTokenOffset();
    } else if ((t === CLOSE_BRACE || t === CLOSE_BRACKET) && depth > 0) depth--;
  }
  return undefined;
}
