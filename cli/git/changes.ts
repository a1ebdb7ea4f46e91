// What changed since a revision, as git sees it: the files (committed since the merge base,
// staged, unstaged, and untracked but not ignored) and, for each, the lines now in the working
// tree that the change added or rewrote. Pure removals touch no remaining line.
import path from 'node:path';
import { git, GitError } from './git';
import type { GitRepo } from './gitRepo';

/** Absolute path -> the 1-based lines touched, or 'all' for a new or binary file. */
export type Changes = Map<string, Set<number> | 'all'>;

export interface ChangesSince {
  /** The commit the working tree is compared with: the merge base of REV and HEAD. */
  commit: string;
  changes: Changes;
}

export async function changesSince(repo: GitRepo, rev: string, paths: string[]): Promise<ChangesSince> {
  const target = await repo.resolve(rev);
  const head = await repo.tryResolve('HEAD');
  if (!head) throw new GitError('the repository has no commit yet (HEAD is unborn), so nothing changed since a revision');
  const commit = await repo.mergeBase(target, head, [rev, 'HEAD']);
  const specs = paths.map((p) => repo.relative(p)).filter((p): p is string => p !== undefined);
  const pathspec = ['--', ...(specs.length ? specs.map((p) => p || '.') : ['.'])];
  const changes: Changes = new Map();
  // Prefixes named outright: a user's diff.noprefix or diff.mnemonicPrefix must not change the headers.
  const patch = await git(['diff', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', '-U0', commit, ...pathspec], repo.top);
  for (const [file, lines] of parseZeroContextPatch(patch)) changes.set(path.join(repo.top, ...file.split('/')), lines);
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard', ...pathspec], repo.top);
  for (const file of untracked.split('\0').filter(Boolean)) changes.set(path.join(repo.top, ...file.split('/')), 'all');
  return { commit, changes };
}

/**
 * The new-side lines of each file in a `git diff -U0` patch. Deleted files are left out; a
 * binary file counts as changed everywhere.
 */
export function parseZeroContextPatch(patch: string): Map<string, Set<number> | 'all'> {
  const out = new Map<string, Set<number> | 'all'>();
  let current: string | undefined;
  let binaryPath: string | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      binaryPath = bPathOfHeader(line);
    } else if (line.startsWith('+++ ')) {
      const p = unquote(line.slice(4));
      current = p === '/dev/null' ? undefined : p.replace(/^b\//, '');
      if (current !== undefined && !out.has(current)) out.set(current, new Set());
    } else if (line.startsWith('Binary files ') && binaryPath && !/ and \/dev\/null differ$/.test(line)) {
      out.set(binaryPath, 'all');
    } else if (line.startsWith('@@ ') && current !== undefined) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      const set = out.get(current);
      if (!m || set === undefined || set === 'all') continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let i = 0; i < count; i++) set.add(start + i);
    }
  }
  return out;
}

/** The "b/..." path of a `diff --git a/x b/x` header (both sides are the same without renames). */
function bPathOfHeader(line: string): string | undefined {
  const rest = line.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const second = rest.lastIndexOf(' "');
    return second > 0 ? unquote(rest.slice(second + 1)).replace(/^b\//, '') : undefined;
  }
  const half = (rest.length - 1) / 2;
  return Number.isInteger(half) && rest.slice(0, half).replace(/^a\//, '') === rest.slice(half + 1).replace(/^b\//, '') ? rest.slice(half + 1).replace(/^b\//, '') : undefined;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git's C-style quoting of unusual paths: "a\\tb\\303\\251" -> bytes -> UTF-8 text. */
export function unquote(s: string): string {
  const t = s.replace(/\t$/, '');
  if (!t.startsWith('"') || !t.endsWith('"')) return t;
  const bytes: number[] = [];
  const body = t.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      const oct = body.slice(i, i + 3);
      bytes.push(parseInt(oct, 8));
      i += 2;
    } else bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}
