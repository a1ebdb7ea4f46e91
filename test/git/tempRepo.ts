// Throwaway git repositories for the suites that read revisions: real git, fixed author and
// dates (so commit IDs are the same on every run), no global or system git config.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The environment for git and for the CLI runs over a temp repository. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_AUTHOR_DATE: '2024-05-01T10:00:00Z',
  GIT_COMMITTER_DATE: '2024-05-01T10:00:00Z',
};
for (const k of ['GITHUB_BASE_REF', 'GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_SHA', 'GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'GITHUB_ACTIONS', 'CI']) delete GIT_ENV[k];

export class TempRepo {
  private constructor(readonly dir: string) {}

  static create(prefix = 'opmodel-git-'): TempRepo {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
    const repo = new TempRepo(dir);
    repo.git('init', '-q', '-b', 'main');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8' });
  }

  write(rel: string, text: string): void {
    const file = path.join(this.dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }

  remove(rel: string): void {
    rmSync(path.join(this.dir, rel));
  }

  /** Stages everything and commits; returns the commit ID. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--no-gpg-sign', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An element file: front matter with the given extra lines, then a heading and a body. */
export function elementText(id: string, title: string, discipline: string, extra: string[] = [], body = ''): string {
  return ['---', `id: ${id}`, `title: ${title}`, 'type: element', 'system: first-line-management', `discipline: ${discipline}`, ...extra, '---', '', `# ${id} · ${title}`, '', body, ''].join('\n');
}

/** The CLI bundled from the current sources, run in `cwd` with GIT_ENV (plus `env`). */
export async function opmodel(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { runCli } = await import('../security/cli');
  // runCli starts from process.env: the GitHub variables GIT_ENV leaves out are set empty.
  const unset = Object.fromEntries(Object.keys(process.env).filter((k) => !(k in GIT_ENV)).map((k) => [k, '']));
  const merged = { ...unset, ...GIT_ENV, ...env };
  return runCli(args, cwd, Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined)));
}
