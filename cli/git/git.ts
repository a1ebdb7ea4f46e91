// Runs git itself (never a library, never a checkout): the repository's own view of revisions,
// trees and changes. Failures become GitError with a sentence a user can act on.
import { spawn } from 'node:child_process';

export class GitError extends Error {}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

// Messages in English whatever the locale, so that they can be recognised; no pager, no prompt;
// paths are paths, never globs (a folder named "docs[1]"); diffs add --no-ext-diff and
// --no-textconv, so that no driver a config names is run.
const ENV = { LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_LITERAL_PATHSPECS: '1' };

export function runGit(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], { cwd, env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new GitError('git is not installed (or not on PATH); opmodel reads revisions with git itself') : e),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Runs git and returns its output as text; a failure throws GitError with git's own words. */
export async function git(args: string[], cwd: string): Promise<string> {
  const r = await runGit(args, cwd);
  if (r.code !== 0) throw new GitError(`git ${args[0]} failed: ${firstLine(r.stderr) || `exit code ${r.code}`}`);
  return r.stdout.toString('utf8');
}

export const firstLine = (s: string): string => s.trim().split('\n')[0]?.replace(/^(fatal|error): /, '') ?? '';
