// Links to a file at a commit on GitHub, when running in GitHub Actions (GITHUB_SERVER_URL and
// GITHUB_REPOSITORY). Both values are checked, since they end up in Markdown link targets.
import { encodePath } from './printable';

/** "https://github.com/owner/repo", or undefined outside GitHub Actions. */
export function githubRepoUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL;
  const slug = env.GITHUB_REPOSITORY;
  if (!server || !slug || !/^https?:\/\/[^\s()<>]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(slug)) return undefined;
  return `${server.replace(/\/+$/, '')}/${slug}`;
}

/** The file (a path from the repository's top) at the commit, at the line. */
export function blobLink(repoUrl: string, commit: string, repoPath: string, line: number): string {
  return `${repoUrl}/blob/${commit}/${encodePath(repoPath)}#L${line}`;
}
