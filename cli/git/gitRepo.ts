// A git repository as opmodel needs it: its top folder, revisions resolved to commits, the
// default base of a change (the merge base with the default branch), and what a shallow clone
// lacks. Every failure says what to do next.
import path from 'node:path';
import { firstLine, git, GitError, runGit } from './git';

const FETCH_ALL = 'fetch the history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)';

export class GitRepo {
  private shallow: Promise<boolean> | undefined;

  private constructor(readonly top: string) {}

  /** The repository that holds `dir`. */
  static async at(dir: string): Promise<GitRepo> {
    const r = await runGit(['rev-parse', '--show-toplevel'], dir);
    if (r.code !== 0) {
      if (/not a git repository/i.test(r.stderr)) throw new GitError(`${dir} is not in a git repository. Give two folders to compare instead (opmodel diff OLD_DIR NEW_DIR), or run it inside a clone`);
      throw new GitError(`git cannot read the repository at ${dir}: ${firstLine(r.stderr)}`);
    }
    return new GitRepo(path.resolve(r.stdout.toString('utf8').trim()));
  }

  isShallow(): Promise<boolean> {
    this.shallow ??= git(['rev-parse', '--is-shallow-repository'], this.top).then((s) => s.trim() === 'true', () => false);
    return this.shallow;
  }

  /** The commit a revision names, or undefined when there is none. */
  async tryResolve(rev: string): Promise<string | undefined> {
    if (rev.startsWith('-') || /[\0\r\n]/.test(rev)) return undefined;
    const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], this.top);
    return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
  }

  async resolve(rev: string): Promise<string> {
    if (rev.startsWith('-')) throw new GitError(`"${rev}" is not a revision (revisions do not start with "-")`);
    const commit = await this.tryResolve(rev);
    if (commit) return commit;
    const hint = (await this.isShallow()) ? `; this is a shallow clone, which may not have it: ${FETCH_ALL}` : ' (a branch, tag or commit of this repository; remote branches are written origin/NAME)';
    throw new GitError(`unknown revision "${rev}"${hint}`);
  }

  /** The branch a change is compared with: the pull request's base in GitHub Actions, else origin's HEAD, main or master. */
  async defaultBranch(env: NodeJS.ProcessEnv = process.env): Promise<string> {
    const shallow = async () => ((await this.isShallow()) ? ` This is a shallow clone: ${FETCH_ALL}.` : '');
    // In a pull request's workflow, its base is the answer: never fall back to another branch.
    if (env.GITHUB_BASE_REF) {
      const ref = `origin/${env.GITHUB_BASE_REF}`;
      if (await this.tryResolve(ref)) return ref;
      throw new GitError(`the pull request's base branch ${ref} is not in this clone.${(await shallow()) || ` Fetch it (git fetch origin ${env.GITHUB_BASE_REF}), or in GitHub Actions use actions/checkout with fetch-depth: 0.`}`);
    }
    const candidates: string[] = [];
    const originHead = await runGit(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], this.top);
    if (originHead.code === 0) candidates.push(originHead.stdout.toString('utf8').trim());
    candidates.push('origin/main', 'origin/master', 'main', 'master');
    for (const c of candidates) if (await this.tryResolve(c)) return c;
    throw new GitError(`found no default branch to compare with (tried ${[...new Set(candidates)].join(', ')}). Name the base revision, e.g. "opmodel diff main".${await shallow()}`);
  }

  /** The merge base of two commits: where a branch left the default branch. */
  async mergeBase(a: string, b: string, names: [string, string]): Promise<string> {
    const r = await runGit(['merge-base', a, b], this.top);
    if (r.code === 0) return r.stdout.toString('utf8').trim();
    if (await this.isShallow()) throw new GitError(`${names[0]} and ${names[1]} have no merge base in this shallow clone: ${FETCH_ALL}`);
    throw new GitError(`${names[0]} and ${names[1]} have no common history${r.stderr.trim() ? ` (${firstLine(r.stderr)})` : ''}; name the base revision to compare with`);
  }

  /** `abs` relative to the top folder with "/", or undefined when it lies outside. */
  relative(abs: string): string | undefined {
    const rel = path.relative(this.top, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }
}
