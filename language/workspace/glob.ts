// Glob matching in time proportional to pattern × path, never more: globs from a repository's
// opmodel.json or .gitignore are hostile input, and the regular expressions that glob libraries
// build backtrack (a pattern of twenty "a*" took minutes on a 40-character name).
//
// A pattern is split into segments at "/"; "**" as a whole segment matches any number of path
// segments; in a segment "*" matches any run of characters, "?" one character, "[a-z]" / "[!a]"
// / "[^a]" / "[[:alpha:]]" one character of a class, "\x" the character x, and "{a,b}" / "{1..3}"
// each alternative. Paths and segments are matched by simulating every position of the pattern
// at once (a Thompson NFA), and a shared step budget bounds what a whole folder may cost.

export class GlobError extends Error {}

/** A step budget shared by every match of one walk; exhausted, it throws and names the pattern. */
export class MatchBudget {
  constructor(public steps: number) {}
  charge(n: number, pattern: string): void {
    this.steps -= n;
    if (this.steps < 0) throw new BudgetExceededError(pattern);
  }
}

export class BudgetExceededError extends Error {
  constructor(readonly pattern: string) {
    super(`the pattern "${pattern.length > 60 ? pattern.slice(0, 60) + '…' : pattern}" takes too long to match against the files of this folder`);
  }
}

export const GLOB_LIMITS = {
  /** Characters in one pattern. */
  length: 1_000,
  /** Patterns one {a,b} pattern may expand to. */
  alternatives: 256,
} as const;

export interface GlobOptions {
  /** Whether "*", "?" and "**" match names that start with "." (as picomatch's `dot`). */
  dot: boolean;
  /** Compare letters without case (as .gitignore on case-insensitive systems). */
  nocase?: boolean;
  /** .gitignore syntax: no {a,b}, no leading "!" or "./" (the caller reads those), no length limit. */
  gitignore?: boolean;
}

type Token = { t: 'lit'; c: string } | { t: 'any' } | { t: 'star' } | { t: 'class'; neg: boolean; test: (c: string) => boolean };

export type Segment =
  | { k: 'globstar' }
  | { k: 'literal'; s: string }
  | { k: 'suffix'; s: string } // "*" then a literal
  | { k: 'prefix'; s: string } // a literal then "*"
  | { k: 'star' } // "*" alone: any non-empty name
  | { k: 'tokens'; tokens: Token[]; leadingDot: boolean };

export interface CompiledGlob {
  source: string;
  negated: boolean;
  alternatives: Segment[][];
}

/** Why `pattern` cannot be used, or undefined. Checked before any matching (and by the config). */
export function globProblem(pattern: string): string | undefined {
  try {
    compileGlob(pattern, { dot: true });
    return undefined;
  } catch (e) {
    if (e instanceof GlobError) return e.message;
    throw e;
  }
}

export function compileGlob(pattern: string, opts: GlobOptions): CompiledGlob {
  if (opts.gitignore) return { source: pattern, negated: false, alternatives: [compileSegments(pattern, opts)] };
  if (pattern.length > GLOB_LIMITS.length) throw new GlobError(`longer than ${GLOB_LIMITS.length.toLocaleString('en')} characters`);
  let p = pattern;
  let negated = false;
  if (p.startsWith('!') && !p.startsWith('!(')) {
    negated = true;
    p = p.slice(1);
  }
  if (/(^|[^\\])[@*+?!]\(/.test(p)) throw new GlobError('extended globs such as "+(a|b)" are not supported; use {a,b} or several patterns');
  while (p.startsWith('./')) p = p.slice(2);
  const alternatives = expandBraces(p).map((alt) => compileSegments(alt, opts));
  return { source: pattern, negated, alternatives };
}

function compileSegments(p: string, opts: GlobOptions): Segment[] {
  const parts = splitUnescaped(p, '/');
  const out: Segment[] = parts.map((part) => (part === '**' ? { k: 'globstar' } : compileSegment(part, opts)));
  // A trailing "/**" matches what is inside, not the name before it: "*/**" leaves out the files
  // at the top (as in picomatch and git), whatever that name is (picomatch: only for some names).
  if (out.length > 1 && parts[parts.length - 1] === '**') out.splice(out.length - 1, 0, { k: 'star' });
  return out;
}

function compileSegment(part: string, opts: GlobOptions): Segment {
  const tokens: Token[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '\\' && i + 1 < part.length) tokens.push({ t: 'lit', c: fold(part[++i]!, opts) });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.t !== 'star') tokens.push({ t: 'star' });
    } else if (c === '?') tokens.push({ t: 'any' });
    else if (c === '[') {
      const cls = parseClass(part, i, opts);
      if (cls) {
        tokens.push(cls.token);
        i = cls.end;
      } else tokens.push({ t: 'lit', c: '[' });
    } else tokens.push({ t: 'lit', c: fold(c, opts) });
  }
  const lits = (ts: Token[]) => ts.every((t) => t.t === 'lit');
  const text = (ts: Token[]) => ts.map((t) => (t as { c: string }).c).join('');
  if (lits(tokens)) return { k: 'literal', s: text(tokens) };
  if (tokens.length === 1 && tokens[0]!.t === 'star') return { k: 'star' };
  if (tokens[0]!.t === 'star' && lits(tokens.slice(1))) return { k: 'suffix', s: text(tokens.slice(1)) };
  if (tokens[tokens.length - 1]!.t === 'star' && lits(tokens.slice(0, -1))) return { k: 'prefix', s: text(tokens.slice(0, -1)) };
  const first = tokens[0]!;
  // A leading "." is matched only by a "." or a [class] in the pattern (as picomatch does).
  return { k: 'tokens', tokens, leadingDot: (first.t === 'lit' && first.c === '.') || first.t === 'class' };
}

const POSIX: Record<string, (c: string) => boolean> = Object.assign(Object.create(null) as Record<string, (c: string) => boolean>, {
  alpha: (c: string) => /[A-Za-z]/.test(c),
  digit: (c: string) => /[0-9]/.test(c),
  alnum: (c: string) => /[A-Za-z0-9]/.test(c),
  upper: (c: string) => /[A-Z]/.test(c),
  lower: (c: string) => /[a-z]/.test(c),
  space: (c: string) => /\s/.test(c),
  xdigit: (c: string) => /[0-9A-Fa-f]/.test(c),
  word: (c: string) => /\w/.test(c),
  punct: (c: string) => /[!-/:-@[-`{-~]/.test(c),
});

/** A bracket expression at `start`, or undefined when it is not closed (then "[" is literal). */
function parseClass(s: string, start: number, opts: GlobOptions): { token: Token; end: number } | undefined {
  let i = start + 1;
  const neg = s[i] === '!' || s[i] === '^';
  if (neg) i++;
  const tests: ((c: string) => boolean)[] = [];
  let first = true;
  for (; i < s.length; i++) {
    let c = s[i]!;
    if (c === ']' && !first) {
      const any = (ch: string) => tests.some((t) => t(ch) || (opts.nocase === true && (t(ch.toLowerCase()) || t(ch.toUpperCase()))));
      return { token: { t: 'class', neg, test: any }, end: i };
    }
    first = false;
    if (c === '[' && s[i + 1] === ':') {
      const close = s.indexOf(':]', i + 2);
      const name = close > 0 ? s.slice(i + 2, close) : '';
      const fn = POSIX[name];
      if (fn) {
        tests.push(fn);
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < s.length) c = s[++i]!;
    if (s[i + 1] === '-' && s[i + 2] !== undefined && s[i + 2] !== ']') {
      let hi = s[i + 2]!;
      i += 2;
      if (hi === '\\' && i + 1 < s.length) hi = s[++i]!;
      const lo = c;
      tests.push((ch) => ch >= lo && ch <= hi);
    } else {
      const lit = c;
      tests.push((ch) => ch === lit);
    }
  }
  return undefined;
}

/** "{a,b}x{1..3}" -> its alternatives, at most GLOB_LIMITS.alternatives. */
function expandBraces(p: string): string[] {
  const open = findUnescaped(p, '{', 0);
  if (open < 0) return [p];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) { close = i; break; }
    else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [p];
  const head = p.slice(0, open);
  const tail = p.slice(close + 1);
  let options: string[];
  if (commas.length) {
    const bounds = [open, ...commas, close];
    options = bounds.slice(0, -1).map((b, i) => p.slice(b + 1, bounds[i + 1]));
  } else {
    const range = /^(-?\d+)\.\.(-?\d+)$|^([A-Za-z])\.\.([A-Za-z])$/.exec(p.slice(open + 1, close));
    if (!range) return expandBraces(head + '\\{' + p.slice(open + 1, close) + '\\}' + tail).map((x) => x);
    options = [];
    const [a, b] = range[1] !== undefined ? [Number(range[1]), Number(range[2])] : [range[3]!.charCodeAt(0), range[4]!.charCodeAt(0)];
    const step = a <= b ? 1 : -1;
    if (Math.abs(b - a) >= GLOB_LIMITS.alternatives) throw tooMany();
    for (let n = a; ; n += step) {
      options.push(range[1] !== undefined ? String(n) : String.fromCharCode(n));
      if (n === b) break;
    }
  }
  const out: string[] = [];
  for (const o of options) {
    for (const x of expandBraces(head + o + tail)) {
      out.push(x);
      if (out.length > GLOB_LIMITS.alternatives) throw tooMany();
    }
  }
  return out;
}

const tooMany = () => new GlobError(`its {…} alternatives expand to more than ${GLOB_LIMITS.alternatives} patterns`);

function findUnescaped(s: string, ch: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === sep && !inClass) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

const fold = (c: string, opts: GlobOptions) => (opts.nocase ? c.toLowerCase() : c);

/** Whether `path` ("a/b/c.md", no leading "/") matches. */
export function matchGlob(g: CompiledGlob, path: string, opts: GlobOptions, budget?: MatchBudget): boolean {
  const subject = opts.nocase ? path.toLowerCase() : path;
  const segs = subject.split('/');
  let hit = false;
  for (const alt of g.alternatives) {
    if (matchSegments(alt, segs, opts, g.source, budget)) {
      hit = true;
      break;
    }
  }
  return hit !== g.negated;
}

function matchSegments(pat: Segment[], segs: string[], opts: GlobOptions, source: string, budget: MatchBudget | undefined): boolean {
  const m = pat.length;
  let cur = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  const add = (set: Uint8Array, i: number) => {
    for (; i <= m; i++) {
      set[i] = 1;
      if (pat[i]?.k !== 'globstar') break;
    }
  };
  add(cur, 0);
  for (let j = 0; j < segs.length; j++) {
    const s = segs[j]!;
    next.fill(0);
    let alive = false;
    for (let i = 0; i < m; i++) {
      if (!cur[i]) continue;
      const seg = pat[i]!;
      if (seg.k === 'globstar') {
        if (opts.dot || s[0] !== '.') {
          add(next, i);
          alive = true;
        }
      } else if (matchSegment(seg, s, opts, source, budget)) {
        add(next, i + 1);
        alive = true;
      }
    }
    budget?.charge(m, source);
    if (!alive) return false;
    [cur, next] = [next, cur];
  }
  return cur[m] === 1;
}

function matchSegment(seg: Exclude<Segment, { k: 'globstar' }>, s: string, opts: GlobOptions, source: string, budget: MatchBudget | undefined): boolean {
  // Names starting with "." are matched only by a pattern that starts with "." itself (dot: false).
  const dotOk = opts.dot || s[0] !== '.';
  switch (seg.k) {
    case 'literal':
      return s === seg.s;
    case 'star':
      return s !== '' && dotOk;
    case 'suffix':
      return dotOk && s.length >= seg.s.length && s.endsWith(seg.s);
    case 'prefix':
      return s.startsWith(seg.s) && (dotOk || seg.s[0] === '.');
    case 'tokens':
      if (s === '' || (!dotOk && !seg.leadingDot)) return false;
      return runTokens(seg.tokens, s, source, budget);
  }
}

/** The NFA over one segment: every live position advances on each character at once. */
function runTokens(tokens: Token[], s: string, source: string, budget: MatchBudget | undefined): boolean {
  const m = tokens.length;
  let cur = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  const add = (set: Uint8Array, i: number) => {
    for (; i <= m; i++) {
      set[i] = 1;
      if (tokens[i]?.t !== 'star') break;
    }
  };
  add(cur, 0);
  for (let k = 0; k < s.length; k++) {
    const ch = s[k]!;
    next.fill(0);
    let alive = false;
    for (let i = 0; i < m; i++) {
      if (!cur[i]) continue;
      const t = tokens[i]!;
      if (t.t === 'star') { add(next, i); alive = true; }
      else if (t.t === 'any' || (t.t === 'lit' && t.c === ch) || (t.t === 'class' && t.test(ch) !== t.neg)) { add(next, i + 1); alive = true; }
    }
    budget?.charge(m, source);
    if (!alive) return false;
    [cur, next] = [next, cur];
  }
  return cur[m] === 1;
}

/** Several patterns: a path matches when any of them does (a "!x" pattern matches what x does not). */
export class GlobList {
  private readonly globs: CompiledGlob[];

  /** Throws GlobError naming the pattern that cannot be used. */
  constructor(readonly patterns: readonly string[], private readonly opts: GlobOptions) {
    this.globs = patterns.map((p) => {
      try {
        return compileGlob(p, opts);
      } catch (e) {
        if (e instanceof GlobError) throw new GlobError(`pattern "${p}": ${e.message}`);
        throw e;
      }
    });
  }

  matches(path: string, budget?: MatchBudget): boolean {
    for (const g of this.globs) if (matchGlob(g, path, this.opts, budget)) return true;
    return false;
  }
}
