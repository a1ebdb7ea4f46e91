// .gitignore rules as git reads them (last matching rule wins, "!" re-includes, a trailing "/"
// means folders only, a "/" elsewhere anchors the rule to its folder), matched with glob.ts.
// Thousands of rules stay cheap: plain names, plain paths, "*.ext" and "name*" rules are looked
// up in maps; only the rest are tried one by one, and those charge the walk's step budget.
import { compileGlob, matchGlob, type CompiledGlob, type GlobOptions, type MatchBudget, type Segment } from './glob';

interface Rule {
  index: number;
  negate: boolean;
  dirOnly: boolean;
  glob: CompiledGlob;
}

// Case-insensitive, as the `ignore` package this replaces (and git on macOS and Windows).
const OPTIONS: GlobOptions = { dot: true, nocase: true, gitignore: true };

export class Gitignore {
  private readonly rules: Rule[] = [];
  private readonly byName = new Map<string, Rule[]>();
  private readonly byPath = new Map<string, Rule[]>();
  private readonly bySuffix = new Map<string, Rule[]>();
  private readonly byPrefix = new Map<string, Rule[]>();
  private suffixLengths: number[] = [];
  private prefixLengths: number[] = [];
  private readonly others: Rule[] = [];

  constructor(text: string) {
    for (const raw of text.split(/\r?\n|\r/)) this.addLine(raw);
    const lengths = (m: Map<string, Rule[]>) => [...new Set([...m.keys()].map((k) => k.length))].sort((a, b) => a - b);
    this.suffixLengths = lengths(this.bySuffix);
    this.prefixLengths = lengths(this.byPrefix);
  }

  get size(): number {
    return this.rules.length;
  }

  private addLine(raw: string): void {
    let line = raw;
    if (line === '' || line.startsWith('#')) return;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    // Trailing spaces are dropped unless escaped with a backslash.
    let end = line.length;
    while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
    line = line.slice(0, end);
    const dirOnly = line.endsWith('/') && !line.endsWith('\\/');
    if (dirOnly) line = line.slice(0, -1);
    if (line === '') return;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    // Named in messages as written in the file.
    const glob: CompiledGlob = { ...compileGlob(anchored ? line : `**/${line}`, OPTIONS), source: raw.trim() };
    const rule: Rule = { index: this.rules.length, negate, dirOnly, glob };
    this.rules.push(rule);
    const segs = glob.alternatives[0]!;
    const put = (m: Map<string, Rule[]>, key: string): void => void (m.get(key) ?? m.set(key, []).get(key)!).push(rule);
    const last = segs[segs.length - 1]!;
    if (!anchored && segs.length === 2) {
      if (last.k === 'literal') return put(this.byName, last.s);
      if (last.k === 'suffix') return put(this.bySuffix, last.s);
      if (last.k === 'prefix') return put(this.byPrefix, last.s);
    }
    if (anchored && segs.every((s: Segment) => s.k === 'literal')) return put(this.byPath, segs.map((s) => (s as { s: string }).s).join('/'));
    this.others.push(rule);
  }

  /**
   * Whether this file ignores `path` (relative to its folder, "/" separated): true, false for a
   * re-included path, undefined when no rule matches. Throws BudgetExceededError.
   */
  decide(path: string, isDir: boolean, budget?: MatchBudget): boolean | undefined {
    const lower = path.toLowerCase();
    const name = lower.slice(lower.lastIndexOf('/') + 1);
    let best: Rule | undefined;
    const consider = (list: Rule[] | undefined) => {
      if (!list) return;
      // Lists are in file order: the last one that applies is the one that counts.
      for (let i = list.length - 1; i >= 0; i--) {
        const r = list[i]!;
        if (best && r.index < best.index) return;
        if (!r.dirOnly || isDir) {
          best = r;
          return;
        }
      }
    };
    consider(this.byName.get(name));
    consider(this.byPath.get(lower));
    for (const n of this.suffixLengths) {
      if (n > name.length) break;
      consider(this.bySuffix.get(name.slice(name.length - n)));
    }
    for (const n of this.prefixLengths) {
      if (n > name.length) break;
      consider(this.byPrefix.get(name.slice(0, n)));
    }
    for (let i = this.others.length - 1; i >= 0; i--) {
      const r = this.others[i]!;
      if (best && r.index < best.index) break;
      if ((!r.dirOnly || isDir) && matchGlob(r.glob, path, OPTIONS, budget)) {
        best = r;
        break;
      }
    }
    return best ? !best.negate : undefined;
  }
}
