// Every piece of text that comes from a repository (titles, IDs, file names, config keys and
// values, messages that quote them) goes through `neutralise` before it reaches a terminal or a
// CI log; JSON and SARIF output goes through `safeJson`. What they stop:
//   - terminal control: ESC, CSI, OSC, BEL and every other C0 or C1 control character;
//   - forged lines: a line break ends the line we print, and a piece of text that would start a
//     line with "::" (a GitHub workflow command such as ::error) or "##[" is defused;
//   - reordering: bidirectional controls (a right-to-left override in a file name) and line or
//     paragraph separators that terminals may honour.
// Escapes are visible and reversible: "\n", "\x1b", "\u202e".

const CONTROL = /\r\n|[\0-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeOne(c: string): string {
  if (c === '\r\n' || c === '\n' || c === '\r') return '\\n';
  const n = c.charCodeAt(0);
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** One line of inert text: safe to print anywhere in a line, including at its start. */
export function neutralise(text: string): string {
  const out = text.replace(CONTROL, escapeOne);
  // GitHub Actions reads a line that starts (after blanks) with "::" as a command.
  return out.replace(/^(\s*)(:(?=:)|#(?=#\[))/, (_m, ws: string, c: string) => `${ws}\\x${c.charCodeAt(0).toString(16)}`);
}

/** True when `text` needs no escaping: used by tests that walk every command's output. */
export function isNeutral(text: string): boolean {
  return neutralise(text) === text;
}

// JSON already escapes C0 controls and line breaks; these it leaves raw.
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON.stringify, with C1 and bidirectional controls written as \u escapes (same data). */
export function safeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Our own colour codes are the only escape sequences the CLI writes: SGR, "ESC [ digits m".
const STRAY = /\x1b\[[0-9;]*m|[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The last line of defence, applied by `main` to everything a command writes: any control or
 * bidirectional character that reached it raw (a command that forgot `neutralise`) is escaped.
 * It cannot tell a forged line break from ours: that is what `neutralise` per piece is for.
 */
export function guardOutput(s: string): string {
  return s.replace(STRAY, (m) => (m.length > 1 ? m : escapeOne(m)));
}
