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
  /** Assessment files (YAML matching `assessments.include`). */
  assessments: string[];
  skipped: SkippedFile[];
}

export function fileFilter(config: OpmodelConfig): (relPath: string) => boolean {
  const inc = picomatch(config.include, { dot: false });
  const exc = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
  return (rel) => inc(rel) && !exc(rel);
}

/** Whether a path relative to the root is an assessment file: YAML, matched by `assessments`. */
export function assessmentFilter(config: OpmodelConfig): (relPath: string) => boolean {
  const inc = picomatch(config.assessments.include, { dot: false });
  const excludes = [...config.exclude, ...config.assessments.exclude];
  const exc = excludes.length ? picomatch(excludes, { dot: true }) : () => false;
  return (rel) => /\.ya?ml$/i.test(rel) && inc(rel) && !exc(rel);
}

export async function discoverFiles(ws: Workspace, rootUri: string, config: OpmodelConfig): Promise<Discovery> {
  const files: string[] = [];
  const assessments: string[] = [];
  const skipped: SkippedFile[] = [];
  const wanted = fileFilter(config);
  const assessment = assessmentFilter(config);
  const walk = async (dirUri: string, rel: string, rules: { base: string; ig: Ignore }[]) => {
    let entries: [string, string][];
    try {
      entries = await ws.readDirectory(dirUri);
    } catch (e) {
      skipped.push({ uri: dirUri, reason: `folder could not be read (${(e as Error).message})` });
      return;
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
    for (const [name, kind] of entries) {
      const path = rel ? `${rel}/${name}` : name;
      const uri = joinUri(dirUri, name);
      if (kind === 'directory') {
        if (ALWAYS_SKIPPED.has(name) || ignored(path, true)) continue;
        await walk(uri, path, here);
      } else if (kind === 'symlink-directory') {
        if (!ALWAYS_SKIPPED.has(name) && !ignored(path, true)) skipped.push({ uri, reason: 'symbolic link to a folder, not followed' });
      } else if (kind === 'file' && name.toLowerCase().endsWith('.md') && wanted(path) && !ignored(path, false)) {
        files.push(uri);
      } else if (kind === 'file' && assessment(path) && !ignored(path, false)) {
        assessments.push(uri);
      } else if (kind === 'other' && ((name.toLowerCase().endsWith('.md') && wanted(path)) || assessment(path)) && !ignored(path, false)) {
        // Never opened: reading a pipe or a device could block forever.
        skipped.push({ uri, reason: 'not a regular file in this folder (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)' });
      }
    }
  };
  await walk(rootUri, '', []);
  return { files, assessments, skipped };
}
