// Finds the Markdown files of a framework: `include`/`exclude` globs from the config, never
// node_modules or .git, and nothing that a .gitignore on the way ignores. Symbolic links to
// directories are not followed (a loop would never end); they are reported as skipped.
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { OpmodelConfig } from '../config/config';
import type { SkippedFile } from '../indexer/frameworkIndex';
import { joinUri } from './uris';
import type { Workspace } from './workspace';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const MAX_GITIGNORE = 1024 * 1024;

export interface Discovery {
  files: string[];
  skipped: SkippedFile[];
}

export function fileFilter(config: OpmodelConfig): (relPath: string) => boolean {
  const inc = picomatch(config.include, { dot: false });
  const exc = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
  return (rel) => inc(rel) && !exc(rel);
}

/** Folders listed at once: where a listing is a round trip (a remote or virtual file system), one at a time adds up. */
const LIST_CONCURRENCY = 8;

export async function discoverFiles(ws: Workspace, rootUri: string, config: OpmodelConfig): Promise<Discovery> {
  const wanted = fileFilter(config);
  const list = limited(LIST_CONCURRENCY);
  // Sibling folders are walked at once; results are joined in name order, as a plain walk would give them.
  const walk = async (dirUri: string, rel: string, rules: { base: string; ig: Ignore }[]): Promise<Discovery> => {
    const files: string[] = [];
    const skipped: SkippedFile[] = [];
    let entries: [string, string][];
    try {
      entries = await list(() => ws.readDirectory(dirUri));
    } catch (e) {
      skipped.push({ uri: dirUri, reason: `folder could not be read (${(e as Error).message})` });
      return { files, skipped };
    }
    const here = [...rules];
    if (entries.some(([n, k]) => n === '.gitignore' && k === 'file')) {
      const gi = joinUri(dirUri, '.gitignore');
      try {
        // Sized before it is read: a hostile multi-gigabyte .gitignore is reported, not loaded.
        const size = (await ws.stat(gi))?.size ?? 0;
        if (size > MAX_GITIGNORE) skipped.push({ uri: gi, reason: `larger than ${MAX_GITIGNORE / 1024 / 1024} MB, so its rules were not applied` });
        else here.push({ base: rel, ig: ignore().add(new TextDecoder().decode(await ws.readFile(gi))) });
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    const ignored = (path: string, isDir: boolean) =>
      here.some(({ base, ig }) => {
        const sub = base ? path.slice(base.length + 1) : path;
        return sub !== '' && ig.ignores(isDir ? sub + '/' : sub);
      });
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const parts: (Discovery | Promise<Discovery>)[] = [];
    for (const [name, kind] of entries) {
      const path = rel ? `${rel}/${name}` : name;
      const uri = joinUri(dirUri, name);
      if (kind === 'directory') {
        if (ALWAYS_SKIPPED.has(name) || ignored(path, true)) continue;
        parts.push(walk(uri, path, here));
      } else if (kind === 'symlink-directory') {
        if (!ALWAYS_SKIPPED.has(name) && !ignored(path, true)) parts.push({ files: [], skipped: [{ uri, reason: 'symbolic link to a folder, not followed' }] });
      } else if (kind === 'file' && name.toLowerCase().endsWith('.md') && wanted(path) && !ignored(path, false)) {
        parts.push({ files: [uri], skipped: [] });
      } else if (kind === 'other' && name.toLowerCase().endsWith('.md') && wanted(path) && !ignored(path, false)) {
        // Never opened: reading a pipe or a device could block forever.
        parts.push({ files: [], skipped: [{ uri, reason: 'not a regular file in this folder (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)' }] });
      }
    }
    // No spread: a folder may hold more files than a call takes arguments.
    for (const part of parts) {
      const r = await part;
      for (const f of r.files) files.push(f);
      for (const x of r.skipped) skipped.push(x);
    }
    return { files, skipped };
  };
  return walk(rootUri, '', []);
}

/** Runs at most `n` of the tasks given to it at once. */
function limited(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its place to the next waiting one.
    if (running < n) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
