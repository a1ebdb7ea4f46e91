// A file named in a message: relative to the project's root ("../base/opmodel.json") when both
// are on the same file system, the full URI otherwise.
import { URI } from 'vscode-uri';

export function displayPath(rootUri: string, uri: string): string {
  const r = URI.parse(rootUri);
  const u = URI.parse(uri);
  if (r.scheme !== u.scheme || r.authority !== u.authority) return uri;
  const from = r.path.replace(/\/$/, '').split('/');
  const to = u.path.split('/');
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  const rel = [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
  return rel || '.';
}
