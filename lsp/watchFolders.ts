// For clients that cannot watch files (Neovim before 0.9, for one): the server watches the
// frameworks' folders itself, one non-recursive watcher per folder it checks (never
// node_modules or .git, at most MAX_FOLDERS), so that edits made outside the editor (git pull,
// another tool) reach the index. Events are batched for a moment, then sent as file events.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME, joinUri, relativeUri, type Project } from '../language/index';
import { fileUri, fsPath } from '../language/workspace/uris';
import type { FileEvent, Frameworks } from './frameworks';
import type { Log } from './log';

export interface FolderWatcher {
  /** The set of frameworks changed: watch theirs. */
  update(projects: Project[]): void;
  dispose(): void;
}

const MAX_FOLDERS = 2000;
const SKIPPED = new Set(['node_modules', '.git']);
const BATCH_MS = 100;

export function watchFolders(frameworks: Frameworks, log: Log, onEvents: (events: FileEvent[]) => void): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  const known = new Set<string>();
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;
  let disposed = false;

  const addTree = async (project: Project, dirUri: string): Promise<void> => {
    if (disposed || watchers.has(dirUri)) return;
    if (watchers.size >= MAX_FOLDERS) {
      if (!warned) log.warn(`Watching only the first ${MAX_FOLDERS} folders for changes made outside the editor.`);
      warned = true;
      return;
    }
    const dir = fsPath(dirUri);
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        if (name) note(path.join(dir, name.toString()));
      });
      w.on('error', () => drop(dirUri));
      watchers.set(dirUri, w);
    } catch {
      return;
    }
    const entries = await project.workspace.readDirectory(dirUri).catch(() => [] as [string, string][]);
    for (const [name, kind] of entries) {
      const uri = joinUri(dirUri, name);
      if (kind === 'directory' && !SKIPPED.has(name)) await addTree(project, uri);
      else if (kind === 'file') known.add(uri);
    }
  };

  const drop = (dirUri: string) => {
    for (const [u, w] of watchers) {
      if (u === dirUri || u.startsWith(dirUri + '/')) {
        w.close();
        watchers.delete(u);
      }
    }
  };

  const note = (full: string) => {
    pending.add(full);
    if (!timer) timer = setTimeout(flush, BATCH_MS);
  };

  const flush = async () => {
    timer = undefined;
    const events: FileEvent[] = [];
    for (const full of [...pending].sort()) {
      pending.delete(full);
      const uri = fileUri(full);
      const st = await stat(full).catch(() => undefined);
      if (!st) {
        if (watchers.has(uri)) drop(uri);
        known.delete(uri);
        events.push({ uri, kind: 'deleted' });
      } else if (st.isDirectory()) {
        const owner = frameworks.projects().filter((p) => relativeUri(p.rootUri, uri) !== undefined).sort((a, b) => b.rootUri.length - a.rootUri.length)[0];
        if (owner && !SKIPPED.has(path.basename(full))) await addTree(owner, uri);
        events.push({ uri, kind: 'created' });
      } else if (st.isFile() && (full.toLowerCase().endsWith('.md') || path.basename(full) === CONFIG_FILE_NAME)) {
        events.push({ uri, kind: known.has(uri) ? 'changed' : 'created' });
        known.add(uri);
      }
    }
    if (events.length && !disposed) onEvents(events);
  };

  const update = (projects: Project[]) => {
    const roots = projects.filter((p) => p.rootUri.startsWith('file:')).map((p) => p.rootUri);
    for (const u of [...watchers.keys()]) if (!roots.some((r) => u === r || u.startsWith(r + '/'))) drop(u);
    for (const p of projects) if (p.rootUri.startsWith('file:')) void addTree(p, p.rootUri);
  };

  update(frameworks.projects());
  return {
    update,
    dispose: () => {
      disposed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
