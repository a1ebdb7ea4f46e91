// One engine Project per framework in the workspace: each workspace folder that holds an
// opmodel.json (a nested one becomes its own root), or whose Markdown carries element front
// matter. Keeps every project current from the file watcher and from open editor buffers.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, dirnameUri, displayPath, FilteredWorkspace, hasFrameworkFrontMatter, hashText, joinUri, Project, readSettings, relativeUri, settingsFilter, type EditorSettings, type FrameworkResolver, type ScanProgress, type Workspace } from '../language/index';
import { guardAsync, logError, logger } from './log';

export interface ProjectEntry {
  project: Project;
  folder: vscode.WorkspaceFolder;
  filter: FilteredWorkspace;
  /** False during the first scan: the index holds the files read so far. */
  ready: boolean;
}

export interface IndexingState {
  /** Frameworks are being found or read. */
  busy: boolean;
  /** Files read and files found so far, over the frameworks being read. */
  read: number;
  total: number;
}

export interface ProjectUpdate {
  project: Project;
  /** URIs whose diagnostics may have changed. */
  affected: Set<string>;
  /** The document the user is typing in, when the update comes from an editor buffer. */
  edited?: string;
}

export interface ProjectsChanged {
  added: Project[];
  removed: Project[];
}

const SKIP_DIRS = '**/{node_modules,.git}/**';
const PROBE_FILES = 200;
const PROGRESS_MS = 100;
const REMOTE_READS = 1024;

export class ProjectManager implements vscode.Disposable {
  private readonly entries = new Map<string, ProjectEntry>();
  private readonly updateEmitter = new vscode.EventEmitter<ProjectUpdate>();
  private readonly projectsEmitter = new vscode.EventEmitter<ProjectsChanged>();
  /** A project's content changed (edit, file on disk). */
  readonly onDidUpdate = this.updateEmitter.event;
  /** Projects were opened, reloaded or closed. */
  readonly onDidChangeProjects = this.projectsEmitter.event;
  private readonly indexingEmitter = new vscode.EventEmitter<IndexingState>();
  /** Indexing started, progressed (at most every PROGRESS_MS) or ended. */
  readonly onDidChangeIndexing = this.indexingEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.updateEmitter, this.projectsEmitter, this.indexingEmitter];
  private busy = 0;
  private readonly scans = new Map<string, ScanProgress>();
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private ready: Promise<void> = Promise.resolve();
  private readonly reported = new Set<string>();

  constructor(
    private readonly base: Workspace,
    /** How `extends` is found: installed copies read-only, else the bundled framework. */
    private readonly resolveFramework?: FrameworkResolver,
  ) {}

  /** Finds and opens the frameworks, then starts listening for changes. */
  start(): Promise<void> {
    this.listen();
    this.ready = this.serial(() => this.openFolders(vscode.workspace.workspaceFolders ?? [], []));
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  projects(): Project[] {
    return [...this.entries.values()].map((e) => e.project);
  }

  indexing(): IndexingState {
    let read = 0;
    let total = 0;
    for (const p of this.scans.values()) {
      read += p.read;
      total += p.total;
    }
    return { busy: this.busy > 0, read, total };
  }

  /** False while the project's first scan runs (its index is partial). */
  isReady(project: Project): boolean {
    return this.entries.get(project.rootUri)?.project === project && this.entries.get(project.rootUri)!.ready;
  }

  /**
   * The framework of `uri` as far as it has been read, for answers that may be partial
   * (completion, hover): waits only while the frameworks are still being looked for.
   */
  async projectSoon(uri: string | vscode.Uri): Promise<Project | undefined> {
    return this.projectFor(uri) ?? (await this.ready, this.projectFor(uri));
  }

  entry(project: Project): ProjectEntry | undefined {
    return this.entries.get(project.rootUri);
  }

  /** The framework a Markdown file belongs to (the deepest root when frameworks nest). */
  projectFor(uri: string | vscode.Uri): Project | undefined {
    const u = typeof uri === 'string' ? uri : uri.toString();
    let best: ProjectEntry | undefined;
    for (const e of this.entries.values()) {
      // The include/exclude settings are about Markdown; assessment files follow opmodel.json.
      if (!e.project.contains(u) || (!e.filter.allows(u) && !e.project.isAssessment(u))) continue;
      if (!best || e.project.rootUri.length > best.project.rootUri.length) best = e;
    }
    // A read-only document of an extended framework: the client that extends it answers for it.
    return best?.project ?? [...this.entries.values()].find((e) => e.project.isBaseDocument(u))?.project;
  }

  /** The project whose opmodel.json this is. */
  projectForConfig(uri: vscode.Uri): Project | undefined {
    return this.entries.get(dirnameUri(uri.toString()))?.project;
  }

  settingsFor(folder: vscode.WorkspaceFolder | undefined): EditorSettings {
    const raw = vscode.workspace.getConfiguration('opmodel', folder?.uri);
    const { settings, problems } = readSettings({ severity: raw.get('severity'), include: raw.get('include'), exclude: raw.get('exclude'), debounceMs: raw.get('debounceMs'), assessment: raw.get('assessment') });
    // Read on every keystroke (debounce): say each problem once.
    for (const p of problems) if (!this.reported.has(p) && this.reported.add(p)) logger.error(`Settings: ${p}`);
    return settings;
  }

  /** Reopens every project from the files (Check Workspace, settings that change discovery). */
  reloadAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return this.serial(() => this.openFolders(folders, folders));
  }

  /** Indexes text the extension itself just wrote (a new element), before the watcher sees it. */
  indexText(project: Project, uri: string, text: string): void {
    this.updateEmitter.fire({ project, affected: project.updateText(uri, text) });
  }

  dispose(): void {
    if (this.progressTimer) clearTimeout(this.progressTimer);
    for (const d of this.disposables) d.dispose();
  }

  // Changes are applied one at a time, so that a reload never races with a file event.
  private serial(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => guardAsync('opmodel update', undefined, undefined, task));
    this.queue = run;
    return run;
  }

  private async openFolders(add: readonly vscode.WorkspaceFolder[], remove: readonly vscode.WorkspaceFolder[]): Promise<void> {
    this.beginIndexing();
    try {
      await this.openFoldersNow(add, remove);
    } finally {
      this.endIndexing();
    }
  }

  private async openFoldersNow(add: readonly vscode.WorkspaceFolder[], remove: readonly vscode.WorkspaceFolder[]): Promise<void> {
    const removed: Project[] = [];
    for (const folder of remove) {
      for (const [root, e] of this.entries) {
        if (e.folder.uri.toString() === folder.uri.toString()) {
          this.entries.delete(root);
          removed.push(e.project);
        }
      }
    }
    const added: Project[] = [];
    // One framework that cannot be opened must not keep the others closed.
    const open = (folder: vscode.WorkspaceFolder, root: string) => this.open(folder, root).catch((e) => logError('Opening the framework', root, e));
    for (const folder of add) {
      // A folder with an opmodel.json at its top is read at once, while the search for nested
      // ones runs: that search took seconds of a 10,000-file start.
      const topConfig = joinUri(folder.uri.toString(), CONFIG_FILE_NAME);
      // Spelt as findRoots spells the roots it finds, so that the two compare.
      const top = dirnameUri(topConfig);
      const early = (await this.base.stat(topConfig).catch(() => undefined))?.kind === 'file' ? open(folder, top) : undefined;
      const roots = await this.findRoots(folder);
      const p = await early;
      if (p) added.push(p);
      for (const root of roots) {
        if (early && relativeUri(root, top) === '') continue;
        const q = await open(folder, root);
        if (q) added.push(q);
      }
    }
    if (added.length || removed.length) this.projectsEmitter.fire({ added, removed });
  }

  private async findRoots(folder: vscode.WorkspaceFolder): Promise<string[]> {
    const folderUri = folder.uri.toString();
    try {
      const configs = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/${CONFIG_FILE_NAME}`), SKIP_DIRS, 50);
      if (configs.length) return [...new Set(configs.map((u) => dirnameUri(u.toString())))].sort();
      const mds = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), SKIP_DIRS, PROBE_FILES);
      for (const md of mds) {
        const bytes = await this.base.readFile(md.toString()).catch(() => undefined);
        if (bytes && hasFrameworkFrontMatter(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))) return [folderUri];
      }
      return [];
    } catch (e) {
      // No search in this file system: open the folder and keep it if it looks like a framework.
      logError('Finding frameworks with workspace search', folderUri, e);
      return [folderUri];
    }
  }

  private async open(folder: vscode.WorkspaceFolder, rootUri: string): Promise<Project | undefined> {
    const settings = this.settingsFor(folder);
    const filter = new FilteredWorkspace(this.base, rootUri, settingsFilter(settings));
    const started = Date.now();
    // A file read through vscode.workspace.fs (web worker, remote or virtual) is two round trips
    // (stat, read), through the window: measured at 10,000 files, 1,024 at once took half the time
    // of 128 and a third of 32. The engine holds their bytes to a budget.
    const readConcurrency = rootUri.startsWith('file:') && this.base.readFileWithin ? undefined : REMOTE_READS;
    const project = await Project.create({ workspace: filter, rootUri, logger, severityOverrides: settings.severity, resolveFramework: this.resolveFramework, readConcurrency });
    // Registered before it is read, so that completion and hover answer from what is read so far.
    const entry: ProjectEntry = { project, folder, filter, ready: false };
    this.entries.set(rootUri, entry);
    let listed = 0;
    try {
      await project.scan((p) => {
        listed ||= Date.now();
        this.progress(rootUri, p);
      });
    } catch (e) {
      if (this.entries.get(rootUri) === entry) this.entries.delete(rootUri);
      throw e;
    }
    if (!project.configUri && project.index.definedIds().length === 0) {
      if (this.entries.get(rootUri) === entry) this.entries.delete(rootUri);
      return undefined;
    }
    // Open editors hold the truth for their files.
    for (const d of vscode.workspace.textDocuments) {
      const u = d.uri.toString();
      if (project.contains(u) && filter.allows(u) && project.document(u)?.version !== hashText(d.getText())) project.updateText(u, d.getText());
    }
    entry.ready = true;
    const now = Date.now();
    const base = project.base;
    const extended = base ? `; extends ${base.name}${base.version ? ` ${base.version}` : ''} (${base.kind === 'bundled' ? 'the copy bundled with the extension' : displayPath(rootUri, base.rootUri)}), ${project.index.docs.size - project.ownDocumentCount()} of its files read-only` : '';
    logger.info(`Opened ${rootUri}: ${project.ownDocumentCount()} files, ${project.index.definedIds().length} elements in ${now - started} ms (listing ${listed - started} ms, reading ${now - listed} ms)${project.configUri ? '' : ' (no opmodel.json: shipped defaults)'}${extended}.`);
    return project;
  }

  private beginIndexing(): void {
    if (this.busy++ === 0) this.scans.clear();
    this.indexingEmitter.fire(this.indexing());
  }

  private endIndexing(): void {
    if (--this.busy > 0) return;
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.indexingEmitter.fire(this.indexing());
  }

  private progress(rootUri: string, p: ScanProgress): void {
    this.scans.set(rootUri, p);
    // Thousands of files a second: tell the views a few times a second.
    this.progressTimer ??= setTimeout(() => {
      this.progressTimer = undefined;
      if (this.busy) this.indexingEmitter.fire(this.indexing());
    }, PROGRESS_MS);
  }

  private async reloadRoot(rootUri: string): Promise<void> {
    const old = this.entries.get(rootUri);
    const folder = old?.folder ?? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(rootUri));
    if (!folder) return;
    if (old) this.entries.delete(rootUri);
    this.beginIndexing();
    const p = await this.open(folder, rootUri).catch((e) => logError('Reopening the framework', rootUri, e));
    this.projectsEmitter.fire({ added: p ? [p] : [], removed: old ? [old.project] : [] });
    this.endIndexing();
  }

  private listen(): void {
    const d = this.disposables;
    d.push(vscode.workspace.onDidChangeWorkspaceFolders((e) => void this.serial(() => this.openFolders(e.added, e.removed))));

    for (const glob of ['**/*.md', '**/*.{yaml,yml}']) {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      d.push(w, w.onDidCreate((u) => this.fromDisk(u)), w.onDidChange((u) => this.fromDisk(u)), w.onDidDelete((u) => this.deleted(u)));
    }

    const cfg = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    d.push(cfg);
    const configChanged = (u: vscode.Uri) => {
      const root = dirnameUri(u.toString());
      void this.serial(async () => {
        if (this.entries.has(root)) await this.reloadRoot(root);
        else {
          // A new config: the folder's frameworks are found afresh.
          const folder = vscode.workspace.getWorkspaceFolder(u);
          if (folder) await this.openFolders([folder], [folder]);
        }
      });
    };
    d.push(cfg.onDidCreate(configChanged), cfg.onDidChange(configChanged), cfg.onDidDelete(configChanged));

    // Folders deleted or created as a whole (the watcher names the folder, not its files).
    const any = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    d.push(any);
    d.push(any.onDidDelete((u) => !isWatchedFile(u) && this.deletedFolder(u)));
    d.push(any.onDidCreate((u) => !isWatchedFile(u) && !/\.[^/]*$/.test(u.path) && this.createdFolder(u)));
    d.push(vscode.workspace.onDidRenameFiles((e) => {
      for (const f of e.files) {
        if (isWatchedFile(f.oldUri)) this.deleted(f.oldUri);
        else this.deletedFolder(f.oldUri);
        if (isWatchedFile(f.newUri)) this.fromDisk(f.newUri);
        else this.createdFolder(f.newUri);
      }
    }));

    d.push(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) this.fromBuffer(e.document);
    }));
    d.push(vscode.workspace.onDidOpenTextDocument((doc) => this.fromBuffer(doc)));
    // Closing an unsaved editor discards its text: the file on disk is the truth again.
    d.push(vscode.workspace.onDidCloseTextDocument((doc) => doc.uri.scheme !== 'untitled' && this.fromDisk(doc.uri)));
    d.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('opmodel.include') || e.affectsConfiguration('opmodel.exclude')) void this.reloadAll();
      else if (e.affectsConfiguration('opmodel.severity')) {
        for (const entry of this.entries.values()) {
          entry.project.setSeverityOverrides(this.settingsFor(entry.folder).severity);
          this.updateEmitter.fire({ project: entry.project, affected: allUris(entry.project) });
        }
      }
    }));
  }

  private fromBuffer(doc: vscode.TextDocument): void {
    const uri = doc.uri.toString();
    const project = this.projectFor(uri);
    if (!project) return;
    try {
      const text = doc.getText();
      if (project.document(uri)?.version === hashText(text)) return;
      const affected = project.updateText(uri, text);
      // A partial index would report references to the files not read yet: problems come once it is whole.
      if (this.isReady(project)) this.updateEmitter.fire({ project, affected, edited: uri });
    } catch (e) {
      logError('Indexing the editor text', uri, e);
    }
  }

  private fromDisk(u: vscode.Uri): void {
    const uri = u.toString();
    void this.serial(async () => {
      const project = this.projectFor(uri);
      if (!project) return;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      // An unsaved editor wins over the file on disk.
      if (open && open.isDirty) return;
      const affected = open ? project.updateText(uri, open.getText()) : await project.readAndIndex(uri);
      this.updateEmitter.fire({ project, affected });
    });
  }

  private deleted(u: vscode.Uri): void {
    const uri = u.toString();
    void this.serial(async () => {
      for (const e of this.entries.values()) {
        if (!e.project.has(uri)) continue;
        this.updateEmitter.fire({ project: e.project, affected: e.project.remove(uri) });
      }
    });
  }

  private deletedFolder(u: vscode.Uri): void {
    const prefix = u.toString() + '/';
    void this.serial(async () => {
      for (const e of this.entries.values()) {
        const gone = e.project.uris().filter((k) => k.startsWith(prefix));
        if (!gone.length) continue;
        const affected = new Set<string>();
        for (const g of gone) for (const a of e.project.remove(g)) affected.add(a);
        this.updateEmitter.fire({ project: e.project, affected });
      }
    });
  }

  private createdFolder(u: vscode.Uri): void {
    void this.serial(async () => {
      if (!this.entries.size || (await this.base.stat(u.toString()))?.kind !== 'directory') return;
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(u, '**/*.{md,yaml,yml}'), SKIP_DIRS);
      for (const f of files) {
        const project = this.projectFor(f.toString());
        if (project) this.updateEmitter.fire({ project, affected: await project.readAndIndex(f.toString()) });
      }
    });
  }
}

function isWatchedFile(u: vscode.Uri): boolean {
  const p = u.path.toLowerCase();
  return p.endsWith('.md') || /\.ya?ml$/.test(p) || p.endsWith('/' + CONFIG_FILE_NAME);
}

export function allUris(project: Project): Set<string> {
  return new Set(project.uris());
}

export function relativeToRoot(project: Project, uri: string): string {
  return relativeUri(project.rootUri, uri) ?? uri;
}
