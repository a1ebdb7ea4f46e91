// The frameworks of the client's workspace, one engine Project each: every workspace folder that
// holds an opmodel.json (each nested one is its own framework) or whose Markdown carries element
// front matter. Open documents win over the disk; file events keep the rest current. Disk work
// runs one task at a time, so that a reload never races with a file event.
import {
  basename,
  CONFIG_FILE_NAME,
  dirnameUri,
  FilteredWorkspace,
  hasFrameworkFrontMatter,
  hashText,
  joinUri,
  Project,
  relativeUri,
  settingsFilter,
  type EditorSettings,
  type Workspace,
} from '../language/index';
import type { OpenDocuments } from './documents';
import { describeError, guardTask, type Log } from './log';

export interface FrameworkEntry {
  project: Project;
  /** The workspace folder the framework was found in (its own root when found from a file). */
  folder: string;
  filter: FilteredWorkspace;
  settings: EditorSettings;
}

export interface FrameworkUpdate {
  project: Project;
  /** URIs whose diagnostics may have changed. */
  affected: Set<string>;
  /** The document being typed in, when the update comes from the client's buffer. */
  edited?: string;
}

export interface FileEvent {
  uri: string;
  kind: 'created' | 'changed' | 'deleted';
}

export interface FrameworksOptions {
  /** The file access for a workspace folder (tests inject their own). */
  workspaceFor(folderUri: string): Workspace;
  settingsFor(folderUri: string): Promise<EditorSettings>;
  docs: OpenDocuments;
  log: Log;
  onUpdate(update: FrameworkUpdate): void;
  onProjects(added: Project[], removed: Project[]): void;
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const MAX_ROOTS = 50;
const PROBE_FILES = 200;
/** Looking for opmodel.json stops here: a workspace opened on a home folder must not be walked whole. */
const MAX_FOLDERS_WALKED = 20_000;

export class Frameworks {
  private readonly entries = new Map<string, FrameworkEntry>();
  private readonly folders = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly opts: FrameworksOptions) {}

  /** Finds and opens the frameworks of the initial workspace folders. */
  start(folderUris: string[]): Promise<void> {
    this.ready = this.serial('Opening the frameworks', () => this.openFolders(folderUris, []));
    return this.ready;
  }

  /** Resolves once the initial frameworks are open and every file event received so far is indexed. */
  async current(): Promise<void> {
    await this.ready;
    await this.queue;
  }

  projects(): Project[] {
    return [...this.entries.values()].map((e) => e.project);
  }

  all(): FrameworkEntry[] {
    return [...this.entries.values()];
  }

  entryOf(project: Project): FrameworkEntry | undefined {
    return this.entries.get(project.rootUri);
  }

  /** The framework a Markdown file belongs to: the deepest root when frameworks nest. */
  projectFor(uri: string): Project | undefined {
    let best: FrameworkEntry | undefined;
    for (const e of this.entries.values()) {
      if (!e.project.contains(uri) || !e.filter.allows(uri)) continue;
      if (!best || e.project.rootUri.length > best.project.rootUri.length) best = e;
    }
    return best?.project;
  }

  /** The project whose opmodel.json this is. */
  projectForConfig(uri: string): Project | undefined {
    return this.entries.get(dirnameUri(uri))?.project;
  }

  changeFolders(added: string[], removed: string[]): Promise<void> {
    return this.serial('Changing workspace folders', () => this.openFolders(added, removed));
  }

  /** Reopens every framework (settings that change which files are checked). */
  reloadAll(): Promise<void> {
    const folders = [...this.folders];
    return this.serial('Reloading the frameworks', () => this.openFolders(folders, folders));
  }

  /** New severities from the settings: every cached diagnostic is recomputed. */
  async refreshSeverities(): Promise<void> {
    for (const e of this.entries.values()) {
      e.settings = await this.opts.settingsFor(e.folder);
      e.project.setSeverityOverrides(e.settings.severity);
      this.opts.onUpdate({ project: e.project, affected: allUris(e.project) });
    }
  }

  /** The client opened or edited a document: index its text now. */
  bufferChanged(uri: string, opened: boolean): void {
    const doc = this.opts.docs.get(uri);
    if (!doc) return;
    const project = this.projectFor(uri);
    if (!project) {
      // A file outside every workspace folder: its framework is the nearest opmodel.json above it.
      if (opened) void this.serial('Finding the framework of an opened file', () => this.openRootAbove(uri));
      return;
    }
    if (project.document(uri)?.version === hashText(doc.text)) {
      // Same text as indexed; an open still gets its diagnostics published with the buffer's version.
      if (opened) this.opts.onUpdate({ project, affected: new Set([uri]), edited: uri });
      return;
    }
    this.opts.onUpdate({ project, affected: project.updateText(uri, doc.text), edited: uri });
  }

  /** The client closed a document: the file on disk is the truth again. */
  bufferClosed(uri: string): Promise<void> {
    return this.serial('Re-reading a closed file', async () => {
      const project = this.projectFor(uri);
      if (project && !this.opts.docs.get(uri)) this.opts.onUpdate({ project, affected: await project.readAndIndex(uri) });
    });
  }

  /** Files created, changed or deleted on disk (watched by the client or by the server). */
  filesChanged(events: FileEvent[]): Promise<void> {
    return this.serial('Updating from file events', async () => {
      const reload = new Set<string>();
      for (const ev of events) {
        if (basename(ev.uri) === CONFIG_FILE_NAME) {
          reload.add(ev.uri);
          continue;
        }
        await this.fileChanged(ev);
      }
      for (const configUri of reload) await this.configChanged(configUri);
    });
  }

  private async fileChanged({ uri, kind }: FileEvent): Promise<void> {
    const isMarkdown = uri.toLowerCase().endsWith('.md');
    // An open document's buffer wins over whatever happens to the file.
    if (isMarkdown && this.opts.docs.get(uri)) return;
    if (kind === 'deleted') {
      let hit = false;
      for (const e of this.entries.values()) {
        if (e.project.index.docs.has(uri) || e.project.index.skipped.has(uri)) {
          hit = true;
          this.opts.onUpdate({ project: e.project, affected: e.project.remove(uri) });
        }
      }
      if (!hit) this.folderDeleted(uri);
      return;
    }
    if (isMarkdown) {
      const project = this.projectFor(uri);
      if (project) this.opts.onUpdate({ project, affected: await project.readAndIndex(uri) });
      return;
    }
    if (kind === 'created') await this.folderCreated(uri);
  }

  private folderDeleted(uri: string): void {
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const e of this.entries.values()) {
      const gone = [...e.project.index.docs.keys(), ...e.project.index.skipped.keys()].filter((k) => k.startsWith(prefix) && !this.opts.docs.get(k));
      if (!gone.length) continue;
      const affected = new Set<string>();
      for (const g of gone) for (const a of e.project.remove(g)) affected.add(a);
      this.opts.onUpdate({ project: e.project, affected });
    }
  }

  private async folderCreated(uri: string): Promise<void> {
    const owner = [...this.entries.values()].find((e) => relativeUri(e.project.rootUri, uri) !== undefined);
    if (!owner) return;
    const ws = owner.project.workspace;
    if ((await ws.stat(uri).catch(() => undefined))?.kind !== 'directory') return;
    const files: string[] = [];
    const walk = async (dir: string) => {
      const entries = await ws.readDirectory(dir).catch(() => [] as [string, string][]);
      for (const [name, kind] of entries) {
        if (kind === 'directory' && !ALWAYS_SKIPPED.has(name)) await walk(joinUri(dir, name));
        else if (kind === 'file' && name.toLowerCase().endsWith('.md')) files.push(joinUri(dir, name));
      }
    };
    await walk(uri);
    for (const f of files.sort()) {
      const project = this.projectFor(f);
      if (project && !this.opts.docs.get(f)) this.opts.onUpdate({ project, affected: await project.readAndIndex(f) });
    }
  }

  private async configChanged(configUri: string): Promise<void> {
    const root = dirnameUri(configUri);
    const entry = this.entries.get(root);
    if (entry) {
      await this.reopen(entry.folder, root);
      return;
    }
    // A new (or removed) opmodel.json: the folder's frameworks are found afresh.
    const folder = [...this.folders].find((f) => relativeUri(f, configUri) !== undefined);
    if (folder) await this.openFolders([folder], [folder]);
  }

  private async openFolders(add: string[], remove: string[]): Promise<void> {
    const removed: FrameworkEntry[] = [];
    for (const folder of remove) {
      this.folders.delete(folder);
      for (const [root, e] of this.entries) {
        if (e.folder === folder) {
          this.entries.delete(root);
          removed.push(e);
        }
      }
    }
    const added: Project[] = [];
    for (const folder of add) {
      this.folders.add(folder);
      // One folder or framework that cannot be opened must not keep the others closed.
      const roots = await this.findRoots(folder).catch((e) => {
        this.opts.log.error(`Looking for frameworks in ${folder} failed: ${describeError(e)}`);
        return [] as string[];
      });
      for (const root of roots) {
        if (this.entries.has(root)) continue;
        const p = await this.open(folder, root).catch((e) => void this.opts.log.error(`Opening the framework at ${root} failed: ${describeError(e)}`));
        if (p) added.push(p);
      }
    }
    if (added.length || removed.length) this.opts.onProjects(added, removed.map((e) => e.project));
  }

  private async reopen(folder: string, root: string): Promise<void> {
    const old = this.entries.get(root);
    this.entries.delete(root);
    const p = await this.open(folder, root).catch((e) => void this.opts.log.error(`Reopening the framework at ${root} failed: ${describeError(e)}`));
    this.opts.onProjects(p ? [p] : [], old ? [old.project] : []);
  }

  private async openRootAbove(uri: string): Promise<void> {
    if (!uri.startsWith('file:') || this.projectFor(uri)) return;
    const root = await this.configAbove(dirnameUri(uri));
    if (!root || this.entries.has(root)) return;
    const p = await this.open(root, root);
    if (p) this.opts.onProjects([p], []);
  }

  /** The nearest folder at or above `dir` that holds an opmodel.json. */
  private async configAbove(dir: string): Promise<string | undefined> {
    if (!dir.startsWith('file:')) return undefined;
    const ws = this.opts.workspaceFor(dir);
    for (;;) {
      if ((await ws.stat(joinUri(dir, CONFIG_FILE_NAME)).catch(() => undefined))?.kind === 'file') return dir;
      const up = dirnameUri(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }

  private async open(folder: string, rootUri: string): Promise<Project | undefined> {
    const settings = await this.opts.settingsFor(folder);
    const filter = new FilteredWorkspace(this.opts.workspaceFor(folder), rootUri, settingsFilter(settings));
    const started = Date.now();
    const project = await Project.open({ workspace: filter, rootUri, logger: this.opts.log, severityOverrides: settings.severity });
    if (!project.configUri && project.index.definedIds().length === 0) return undefined;
    for (const d of this.opts.docs.all()) {
      if (project.contains(d.uri) && filter.allows(d.uri) && project.document(d.uri)?.version !== hashText(d.text)) project.updateText(d.uri, d.text);
    }
    this.entries.set(rootUri, { project, folder, filter, settings });
    this.opts.log.info(`Opened ${rootUri}: ${project.index.docs.size} files, ${project.index.definedIds().length} elements in ${Date.now() - started} ms${project.configUri ? '' : ' (no opmodel.json: shipped defaults)'}.`);
    return project;
  }

  /** Folders below `folderUri` that hold an opmodel.json; else the folder, when its Markdown has element front matter. */
  private async findRoots(folderUri: string): Promise<string[]> {
    const ws = this.opts.workspaceFor(folderUri);
    const roots: string[] = [];
    const probes: string[] = [];
    let walked = 0;
    const walk = async (dir: string): Promise<void> => {
      if (walked++ >= MAX_FOLDERS_WALKED || roots.length >= MAX_ROOTS) return;
      let entries: [string, string][];
      try {
        entries = await ws.readDirectory(dir);
      } catch {
        return;
      }
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      if (entries.some(([n, k]) => n === CONFIG_FILE_NAME && k === 'file')) roots.push(dir);
      for (const [name, kind] of entries) if (kind === 'file' && probes.length < PROBE_FILES && name.toLowerCase().endsWith('.md')) probes.push(joinUri(dir, name));
      for (const [name, kind] of entries) if (kind === 'directory' && !ALWAYS_SKIPPED.has(name)) await walk(joinUri(dir, name));
    };
    await walk(folderUri);
    if (walked > MAX_FOLDERS_WALKED) this.opts.log.warn(`Stopped looking for ${CONFIG_FILE_NAME} in ${folderUri} after ${MAX_FOLDERS_WALKED} folders; open the framework's own folder instead.`);
    if (roots.length) return roots;
    // A folder inside a framework (its opmodel.json further up) belongs to that framework.
    const above = await this.configAbove(dirnameUri(folderUri));
    if (above) return [above];
    for (const md of probes) {
      const bytes = await ws.readFile(md).catch(() => undefined);
      if (bytes && hasFrameworkFrontMatter(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))) return [folderUri];
    }
    return [];
  }

  private serial(what: string, task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => guardTask(this.opts.log, what, undefined, task));
    this.queue = run;
    return run;
  }
}

export function allUris(project: Project): Set<string> {
  return new Set([...project.index.docs.keys(), ...project.index.skipped.keys()]);
}
