// `opmodel check --changed-since REV`: findings only in the files changed since REV (the whole
// framework is still indexed, so references resolve), and with `--format github` only on the
// lines the change touched.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fsPath } from '../../language/workspace/uris';
import { changesSince, type Changes } from '../git/changes';
import { GitRepo } from '../git/gitRepo';
import type { CliDiagnostic } from '../formatters';
import type { Opened } from '../openProjects';

export interface ChangedSince {
  rev: string;
  /** The merge base of REV and HEAD that the working tree was compared with. */
  commit: string;
  /** Changed files (real paths) and their touched lines. */
  changes: Changes;
}

export async function changedSince(rev: string, opened: Opened[]): Promise<ChangedSince> {
  // Frameworks in more than one repository: each is compared in its own.
  const byRepo = new Map<string, { repo: GitRepo; roots: string[] }>();
  for (const o of opened) {
    const root = realpathOr(fsPath(o.project.rootUri));
    const repo = await GitRepo.at(root);
    const entry = byRepo.get(repo.top) ?? { repo, roots: [] };
    entry.roots.push(root);
    byRepo.set(repo.top, entry);
  }
  const changes: Changes = new Map();
  let commit = '';
  for (const { repo, roots } of byRepo.values()) {
    const got = await changesSince(repo, rev, roots);
    commit ||= got.commit;
    for (const [file, lines] of got.changes) changes.set(file, lines);
  }
  return { rev, commit, changes };
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

const realCache = new Map<string, string>();
/** The real path of a file, its folder resolved once (symbolic links in temp folders, /tmp on macOS). */
function real(p: string): string {
  const dir = path.dirname(p);
  let r = realCache.get(dir);
  if (r === undefined) {
    try {
      r = realpathSync(dir);
    } catch {
      r = dir;
    }
    realCache.set(dir, r);
  }
  return path.join(r, path.basename(p));
}

export function isChangedFile(c: ChangedSince, uri: string): boolean {
  return c.changes.has(real(fsPath(uri)));
}

/** True when the finding starts or ends on a line the change added or rewrote. */
export function onTouchedLine(c: ChangedSince, d: CliDiagnostic): boolean {
  const lines = c.changes.get(real(fsPath(d.uri)));
  if (!lines) return false;
  if (lines === 'all') return true;
  for (let l = d.range.start.line; l <= d.range.end.line; l++) if (lines.has(l + 1)) return true;
  return false;
}
