// One framework: a docs root, its config, and the index of its Markdown files. The CLI opens
// one per root; the extension one per folder that holds a framework. A client framework
// (`"extends"`) also indexes the frameworks below it, read-only: their documents resolve
// references and answer hover, but only the project's own files get diagnostics.
import { AssessmentIndex, affectsAssessments } from './assessment/assessmentIndex';
import type { ParsedAssessment } from './assessment/model';
import { parseAssessment } from './assessment/parseAssessment';
import { runAssessmentRules } from './assessment/rules/index';
import type { OpmodelConfig } from './config/config';
import type { ConfigProblem } from './config/loadConfig';
import { IdSyntax } from './ids/idSyntax';
import { FrameworkIndex } from './indexer/frameworkIndex';
import { loadLayers, type Layer } from './layers/loadLayers';
import type { FrameworkResolver, FrameworkSource } from './layers/resolveFramework';
import { LayerScope } from './layers/scope';
import { parseDocument, type ParsedDocument } from './parse/document';
import { runRules, SKIPPED_FILE, severityFor } from './rules/index';
import type { Diagnostic, SeveritySetting } from './types';
import { ByteBudget } from './workspace/byteBudget';
import { decodeText, tooLargeReason } from './workspace/decodeText';
import { discoverFiles, safeAssessmentFilter, safeFileFilter } from './workspace/discoverFiles';
import { LineIndex } from './text/lineIndex';
import { relativeUri } from './workspace/uris';
import { FileTooLargeError, type Workspace } from './workspace/workspace';

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export interface ProjectOptions {
  workspace: Workspace;
  rootUri: string;
  logger?: Logger;
  /** Per-code severities from the editor's settings; they win over the config file. */
  severityOverrides?: Record<string, SeveritySetting>;
  /** Changes how `extends` is resolved (the extension's bundled framework, read-only views). */
  resolveFramework?: FrameworkResolver;
  /**
   * Files read at once (default 32). More pays where each read is a round trip to another
   * process (a remote or virtual file system), not where it is a local system call.
   */
  readConcurrency?: number;
  /** Bytes of reads in flight when sizes are known first (default 32 MB). */
  readBytes?: number;
}

export interface ScanProgress {
  /** Files read and indexed so far. */
  read: number;
  /** Files found. */
  total: number;
}

const READ_CONCURRENCY = 32;
/** Bytes read at once when sizes are known before reading (many reads in flight). */
const READ_BYTES = 32 * 1024 * 1024;

export class Project {
  readonly index: FrameworkIndex;
  /** Assessment files (YAML), checked against the index. */
  readonly assessments: AssessmentIndex;
  readonly syntax: IdSyntax;
  private readonly readBudget: ByteBudget;
  /** Base frameworks first, the project's own layer last (the only one when nothing is extended). */
  readonly layers: readonly Layer[];
  /** Folders below the root that hold their own opmodel.json: frameworks of their own, not indexed here. */
  nestedRoots: string[] = [];
  private readonly isMarkdownPath: (rel: string) => boolean;
  private readonly isAssessmentPath: (rel: string) => boolean;
  /** Files read as assessments although the globs do not name them (given on the command line). */
  private readonly namedAssessments = new Set<string>();
  private severityOverrides: Record<string, SeveritySetting> | undefined;
  private configText: string | undefined;

  private constructor(
    readonly workspace: Workspace,
    readonly rootUri: string,
    layers: Layer[],
    readonly configProblems: ConfigProblem[],
    readonly logger: Logger | undefined,
    severityOverrides: Record<string, SeveritySetting> | undefined,
    private readonly readConcurrency = READ_CONCURRENCY,
    readBytes = READ_BYTES,
  ) {
    this.readBudget = new ByteBudget(readBytes);
    this.layers = layers;
    this.syntax = new IdSyntax(this.config.families);
    this.severityOverrides = severityOverrides;
    this.index = new FrameworkIndex(rootUri, this.config, this.syntax, (doc, index) => runRules(doc, index, this.config, this.syntax, this.severityOverrides));
    this.index.ownLayer = layers.length - 1;
    if (layers.length > 1) this.index.scope = new LayerScope(layers, this.index);
    this.assessments = new AssessmentIndex((a) => runAssessmentRules(a, this.index, this.config, this.syntax, this.severityOverrides));
    this.isMarkdownPath = safeFileFilter(this.config);
    this.isAssessmentPath = safeAssessmentFilter(this.config);
  }

  /** Reads the config at the root (defaults when there is none), the frameworks it extends, and indexes every file. */
  static async open(opts: ProjectOptions): Promise<Project> {
    const project = await Project.create(opts);
    await project.scan();
    return project;
  }

  /** Reads the config only: the index is empty until scan() (an editor can answer meanwhile). */
  static async create(opts: ProjectOptions): Promise<Project> {
    const { workspace, rootUri } = opts;
    const chain = await loadLayers({ workspace, rootUri, resolveFramework: opts.resolveFramework });
    const project = new Project(workspace, rootUri, chain.layers, chain.problems, opts.logger, opts.severityOverrides, opts.readConcurrency, opts.readBytes);
    project.configText = project.ownLayer.configText;
    return project;
  }

  /** The effective config: the own layer's, merged with everything it extends. */
  get config(): OpmodelConfig {
    return this.ownLayer.config;
  }

  get configUri(): string | undefined {
    return this.ownLayer.configUri;
  }

  get ownLayer(): Layer {
    return this.layers[this.layers.length - 1]!;
  }

  /** The framework this project extends directly, if any. */
  get base(): FrameworkSource | undefined {
    return this.layers.length > 1 ? this.layers[this.layers.length - 2]!.source : undefined;
  }

  /**
   * Full rescan from the workspace: every layer, base frameworks first. `onProgress` hears how
   * many of the files found (in all layers) are read.
   */
  async scan(onProgress?: (progress: ScanProgress) => void): Promise<void> {
    // Everything may change: the index drops all cached diagnostics once, at the end.
    this.index.beginLoad();
    try {
      for (const uri of [...this.index.docs.keys(), ...this.index.skipped.keys()]) this.index.delete(uri);
      for (const uri of [...this.assessments.files.keys()]) this.assessments.delete(uri);
      const found: { layer: Layer; files: string[] }[] = [];
      for (const layer of this.layers) {
        const f = await discoverFiles(layer.workspace, layer.rootUri, layer.config);
        const own = layer === this.ownLayer;
        if (own) {
          this.nestedRoots = f.nestedRoots;
          const gp = f.globProblem;
          if (gp && !this.configProblems.some((p) => p.message === gp.message)) this.configProblems.push({ message: gp.message, range: this.configRangeOf(gp.pattern) });
          for (const s of f.skipped) this.index.skip(s);
        }
        // Assessments are the client's own: an extended framework's are not read.
        found.push({ layer, files: own && f.assessments.length ? [...f.files, ...f.assessments] : f.files });
      }
      const total = found.reduce((n, f) => n + f.files.length, 0);
      onProgress?.({ read: 0, total });
      let read = 0;
      for (const { layer, files } of found) {
        const own = layer === this.ownLayer;
        let next = 0;
        const worker = async () => {
          while (next < files.length) {
            const uri = files[next++]!;
            await this.readAndIndex(uri, layer);
            // Listed, then gone before it could be read: report it rather than drop it silently.
            if (own && !this.has(uri)) this.index.skip({ uri, reason: 'it was deleted while being read' });
            onProgress?.({ read: ++read, total });
          }
        };
        await Promise.all(Array.from({ length: Math.min(this.readConcurrency, files.length) }, worker));
      }
    } finally {
      this.index.endLoad();
      this.assessments.invalidateAll();
    }
  }

  /** Where a string value appears in opmodel.json (its first occurrence), for late problems. */
  private configRangeOf(value: string): ConfigProblem['range'] {
    const at = value && this.configText ? this.configText.indexOf(JSON.stringify(value)) : -1;
    if (at < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return new LineIndex(this.configText!).range(at, at + JSON.stringify(value).length);
  }

  /** True when `uri` is a Markdown or assessment file this framework checks (its own, not a base's or a nested framework's). */
  contains(uri: string): boolean {
    const rel = this.ownPath(uri);
    return rel !== undefined && ((rel.toLowerCase().endsWith('.md') && this.isMarkdownPath(rel)) || this.isAssessmentPath(rel));
  }

  /** True when `uri` is (or would be) read as an assessment file of this framework. */
  isAssessment(uri: string): boolean {
    if (this.namedAssessments.has(uri)) return true;
    const rel = this.ownPath(uri);
    return rel !== undefined && this.isAssessmentPath(rel);
  }

  /** `uri` relative to the root when it lies in this framework's own folders; undefined otherwise. */
  private ownPath(uri: string): string | undefined {
    const rel = relativeUri(this.rootUri, uri);
    if (rel === undefined || rel === '' || rel.split('/').some((p) => p === 'node_modules' || p === '.git')) return undefined;
    return this.nestedRoots.some((n) => relativeUri(n, uri) !== undefined) ? undefined : rel;
  }

  /** True when the file is indexed: a document, an assessment, or a file reported as skipped. */
  has(uri: string): boolean {
    return this.index.docs.has(uri) || this.assessments.files.has(uri) || this.index.skipped.has(uri);
  }

  /** Every file this framework checks: its own documents, assessments and skipped files, sorted. */
  uris(): string[] {
    return [...this.index.docs.keys(), ...this.assessments.files.keys(), ...this.index.skipped.keys()].filter((u) => !this.isBaseDocument(u)).sort();
  }

  /** The content hash of an indexed document or assessment (fixes are computed against it). */
  versionOf(uri: string): string | undefined {
    return this.index.docs.get(uri)?.version ?? this.assessments.files.get(uri)?.version;
  }

  assessment(uri: string): ParsedAssessment | undefined {
    return this.assessments.files.get(uri);
  }

  /** Reads `uri` as an assessment, wherever it is (a file named on the command line). */
  async readAssessment(uri: string): Promise<ParsedAssessment | undefined> {
    if (!this.assessments.files.has(uri)) {
      this.namedAssessments.add(uri);
      await this.readAndIndex(uri);
    }
    return this.assessments.files.get(uri);
  }

  /** True for a document of an extended framework: indexed, read-only, never diagnosed. */
  isBaseDocument(uri: string): boolean {
    return this.index.docs.has(uri) && this.index.layerOf(uri) < this.index.ownLayer;
  }

  /** How many indexed documents are the project's own (not an extended framework's). */
  ownDocumentCount(): number {
    let n = 0;
    for (const uri of this.index.docs.keys()) if (this.index.layerOf(uri) === this.index.ownLayer) n++;
    return n;
  }

  /** The layer a document belongs to (for a base document, where it came from). */
  layerOf(uri: string): Layer {
    return this.layers[this.index.layerOf(uri)] ?? this.ownLayer;
  }

  /** False for a base element the client's scope leaves out; true for everything else. */
  inScope(id: string): boolean {
    return this.index.scope.inScope(id);
  }

  /** Re-reads one file from the workspace (created or changed on disk); returns affected URIs. */
  async readAndIndex(uri: string, layer: Layer = this.layerFor(uri)): Promise<Set<string>> {
    let bytes: Uint8Array;
    const ws = layer.workspace;
    const max = layer.config.maxFileSize;
    const base = layer !== this.ownLayer;
    // A base framework's unreadable file is simply not there: its problems are not the client's.
    const skip = (reason: string) => (base ? this.remove(uri) : this.skipFile({ uri, reason }));
    try {
      if (ws.readFileWithin) bytes = await ws.readFileWithin(uri, max);
      else {
        const st = await ws.stat(uri);
        if (!st) return this.remove(uri);
        if (st.size > max) return skip(tooLargeReason(st.size, max));
        const release = await this.readBudget.take(st.size);
        try {
          bytes = await ws.readFile(uri);
        } finally {
          release();
        }
      }
    } catch (e) {
      if (e instanceof FileTooLargeError) return skip(tooLargeReason(e.size, max));
      // Gone between listing and reading, or unreadable: report, keep checking the rest.
      const gone = !(await ws.stat(uri).catch(() => undefined));
      if (gone) return this.remove(uri);
      return skip(`could not be read (${(e as Error).message})`);
    }
    const decoded = decodeText(bytes, max);
    if (!('text' in decoded)) return skip(decoded.reason);
    return this.updateText(uri, decoded.text, layer);
  }

  /** Indexes `text` as the current content of `uri` (an editor buffer or a file just read). */
  updateText(uri: string, text: string, layer: Layer = this.layerFor(uri)): Set<string> {
    if (layer === this.ownLayer && this.isAssessment(uri)) return this.updateAssessment(uri, text);
    let doc: ParsedDocument;
    try {
      doc = parseDocument(uri, text, this.config, this.syntax);
    } catch (e) {
      // A parser bug must cost one file, never the whole check.
      this.logger?.error(`opmodel: failed to read ${uri}: ${(e as Error).stack ?? e}`);
      if (layer !== this.ownLayer) return this.remove(uri);
      return this.skipFile({ uri, reason: `internal error while reading it (${(e as Error).message}); please report this file` });
    }
    const old = this.index.docs.get(uri);
    return this.withAssessments(this.index.set(doc, layer.index), old, doc);
  }

  /** The layer whose folder holds `uri`: the deepest root (a base may sit in the client's node_modules). */
  private layerFor(uri: string): Layer {
    if (this.index.docs.has(uri)) return this.layerOf(uri);
    let best = this.ownLayer;
    let depth = -1;
    for (const l of this.layers) {
      if (relativeUri(l.rootUri, uri) === undefined) continue;
      const d = l.rootUri.length;
      if (d > depth) { best = l; depth = d; }
    }
    return best;
  }

  remove(uri: string): Set<string> {
    if (this.assessments.files.has(uri)) {
      const affected = this.assessments.delete(uri);
      this.index.skipped.delete(uri);
      return affected;
    }
    const old = this.index.docs.get(uri);
    return this.withAssessments(this.index.delete(uri), old, undefined);
  }

  private updateAssessment(uri: string, text: string): Set<string> {
    let a: ParsedAssessment;
    try {
      a = parseAssessment(uri, text, this.syntax);
    } catch (e) {
      this.logger?.error(`opmodel: failed to read ${uri}: ${(e as Error).stack ?? e}`);
      return this.skipFile({ uri, reason: `internal error while reading it (${(e as Error).message}); please report this file` });
    }
    this.index.skipped.delete(uri);
    return this.assessments.set(a);
  }

  private skipFile(file: { uri: string; reason: string }): Set<string> {
    const affected = this.assessments.files.has(file.uri) ? this.assessments.delete(file.uri) : new Set<string>();
    const old = this.index.docs.get(file.uri);
    for (const u of this.withAssessments(this.index.skip(file), old, undefined)) affected.add(u);
    return affected;
  }

  /** Adds the assessments to `affected` when a document's change reaches their answers. */
  private withAssessments(affected: Set<string>, old: ParsedDocument | undefined, now: ParsedDocument | undefined): Set<string> {
    if (this.assessments.files.size && affectsAssessments(old, now)) for (const u of this.assessments.invalidateAll()) affected.add(u);
    return affected;
  }

  setSeverityOverrides(overrides: Record<string, SeveritySetting> | undefined): void {
    this.severityOverrides = overrides;
    // Severities are baked into cached diagnostics: recompute them all.
    for (const doc of [...this.index.docs.values()]) this.index.set(doc);
    this.assessments.invalidateAll();
  }

  document(uri: string): ParsedDocument | undefined {
    return this.index.docs.get(uri);
  }

  diagnostics(uri: string): Diagnostic[] {
    if (this.isBaseDocument(uri)) return [];
    const skip = this.index.skipped.get(uri);
    if (skip) {
      const severity = severityFor(SKIPPED_FILE.code, SKIPPED_FILE.defaultSeverity, this.config, this.severityOverrides);
      if (severity === 'off') return [];
      const zero = { line: 0, character: 0 };
      return [{ uri, range: { start: zero, end: zero }, severity, code: SKIPPED_FILE.code, message: `Not checked: ${skip.reason}.` }];
    }
    if (this.assessments.files.has(uri)) return this.assessments.diagnostics(uri);
    return this.index.diagnostics(uri);
  }

  allDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const uris = this.uris();
    // No spread: a file with 200,000 IDs would overflow the call stack's argument limit.
    for (const uri of uris) for (const d of this.diagnostics(uri)) out.push(d);
    return out;
  }
}
