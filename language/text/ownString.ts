// V8 keeps a substring of 13 or more characters as a view into the string it was cut from: one
// title kept from a document would keep the whole document's text alive. What the engine keeps
// from a text goes through ownString, so that the text itself can be freed once parsed.

/** `s` as a string of its own (a copy, when it could be a view into a longer text). */
export function ownString(s: string): string {
  // Concatenating makes a new flat string; slicing it back shares only that copy.
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
