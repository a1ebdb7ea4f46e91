// V8 keeps a substring of 13 or more characters as a view into the string it was cut from: one
// title kept from a document would keep the whole document's text alive. What the engine keeps
// from a text goes through ownString, so that the text itself can be freed once parsed.

/** `s` as a string of its own (a copy, when it could be a view into a longer text). */
export function ownString(s: string): string {
  // A JSON round trip makes an exact flat copy, one byte a character when the string allows it
  // (a text with one "—" in it is two bytes a character, and so is every view into it). Faster
  // ways (concatenating, then slicing) keep a view into the copy and the text's width.
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
