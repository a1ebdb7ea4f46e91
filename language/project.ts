// One framework: a docs root, its config, and the index of its Markdown files. The CLI opens
// one per root; the extension one per folder that holds a framework.
import type { OpmodelConfig } from './config/config';
import { CONFIG_FILE_NAME } from './config/config';
import { defaultConfig } from './config/defaults';
import { loadConfig, type ConfigProblem } from './config/loadConfig';
import { IdSyntax } from './ids/idSyntax';
import { FrameworkIndex } from './indexer/frameworkIndex';
import { parseDocument, type ParsedDocument } from './parse/document';
import { runRules, SKIPPED_FILE, severityFor } from './rules/index';
import type { Diagnostic, SeveritySetting } from './types';
import { decodeText, formatSize, tooLargeReason } from './workspace/decodeText';
import { discoverFiles, safeFileFilter } from './workspace/discoverFiles';
import { LineIndex } from './text/lineIndex';
import { joinUri, relativeUri } from './workspace/uris';
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
}

const READ_CONCURRENCY = 32;
const CONFIG_MAX_SIZE = 1024 * 1024;

export class Project {
  readonly index: FrameworkIndex;
  readonly syntax: IdSyntax;
  private severityOverrides: Record<string, SeveritySetting> | undefined;
  private configText: string | undefined;

  private constructor(
    readonly workspace: Workspace,
    readonly rootUri: string,
    readonly config: OpmodelConfig,
    readonly configUri: string | undefined,
    readonly configProblems: ConfigProblem[],
    readonly logger: Logger | undefined,
    severityOverrides: Record<string, SeveritySetting> | undefined,
  ) {
    this.syntax = new IdSyntax(config.families);
    this.severityOverrides = severityOverrides;
    this.index = new FrameworkIndex(rootUri, config, this.syntax, (doc, index) => runRules(doc, index, this.config, this.syntax, this.severityOverrides));
  }

  /** Reads the config at the root (defaults when there is none) and indexes every file. */
  static async open(opts: ProjectOptions): Promise<Project> {
    const { workspace, rootUri } = opts;
    const configUri = joinUri(rootUri, CONFIG_FILE_NAME);
    let config = defaultConfig();
    let problems: ConfigProblem[] = [];
    let hasConfig = false;
    let configText: string | undefined;
    const st = await workspace.stat(configUri).catch(() => undefined);
    if (st?.kind === 'file') {
      hasConfig = true;
      // Checked before reading: a hostile multi-gigabyte opmodel.json is never loaded.
      let decoded: { text: string } | { reason: string };
      try {
        decoded = st.size > CONFIG_MAX_SIZE ? { reason: `larger than ${formatSize(CONFIG_MAX_SIZE)}` } : decodeText(await workspace.readFile(configUri), CONFIG_MAX_SIZE);
      } catch (e) {
        decoded = { reason: `unreadable (${(e as Error).message})` };
      }
      if ('text' in decoded) ({ config, problems } = loadConfig((configText = decoded.text)));
      else problems = [{ message: `${CONFIG_FILE_NAME} is ${decoded.reason}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
    } else if (st?.kind === 'other') {
      // Confined like every Markdown file: never opened, and nothing of it is shown.
      hasConfig = true;
      problems = [{ message: `${CONFIG_FILE_NAME} was not read: it is not a regular file inside the docs root (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
    }
    const project = new Project(workspace, rootUri, config, hasConfig ? configUri : undefined, problems, opts.logger, opts.severityOverrides);
    project.configText = configText;
    await project.scan();
    return project;
  }

  /** Full rescan from the workspace. */
  async scan(): Promise<void> {
    // Everything may change: the index drops all cached diagnostics once, at the end.
    this.index.beginLoad();
    try {
      for (const uri of [...this.index.docs.keys(), ...this.index.skipped.keys()]) this.index.delete(uri);
      const found = await discoverFiles(this.workspace, this.rootUri, this.config);
      const gp = found.globProblem;
      if (gp && !this.configProblems.some((p) => p.message === gp.message)) this.configProblems.push({ message: gp.message, range: this.configRangeOf(gp.pattern) });
      for (const s of found.skipped) this.index.skip(s);
      let next = 0;
      const worker = async () => {
        while (next < found.files.length) {
          const uri = found.files[next++]!;
          await this.readAndIndex(uri);
          // Listed, then gone before it could be read: report it rather than drop it silently.
          if (!this.index.docs.has(uri) && !this.index.skipped.has(uri)) this.index.skip({ uri, reason: 'it was deleted while being read' });
        }
      };
      await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, found.files.length) }, worker));
    } finally {
      this.index.endLoad();
    }
  }

  /** Where a string value appears in opmodel.json (its first occurrence), for late problems. */
  private configRangeOf(value: string): ConfigProblem['range'] {
    const at = value && this.configText ? this.configText.indexOf(JSON.stringify(value)) : -1;
    if (at < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return new LineIndex(this.configText!).range(at, at + JSON.stringify(value).length);
  }

  /** True when `uri` is a Markdown file this framework checks. */
  contains(uri: string): boolean {
    const rel = relativeUri(this.rootUri, uri);
    if (rel === undefined || rel === '' || rel.split('/').some((p) => p === 'node_modules' || p === '.git')) return false;
    return rel.toLowerCase().endsWith('.md') && safeFileFilter(this.config)(rel);
  }

  /** Re-reads one file from the workspace (created or changed on disk); returns affected URIs. */
  async readAndIndex(uri: string): Promise<Set<string>> {
    let bytes: Uint8Array;
    const max = this.config.maxFileSize;
    try {
      if (this.workspace.readFileWithin) bytes = await this.workspace.readFileWithin(uri, max);
      else {
        const st = await this.workspace.stat(uri);
        if (!st) return this.index.delete(uri);
        if (st.size > max) return this.index.skip({ uri, reason: tooLargeReason(st.size, max) });
        bytes = await this.workspace.readFile(uri);
      }
    } catch (e) {
      if (e instanceof FileTooLargeError) return this.index.skip({ uri, reason: tooLargeReason(e.size, max) });
      // Gone between listing and reading, or unreadable: report, keep checking the rest.
      const gone = !(await this.workspace.stat(uri).catch(() => undefined));
      if (gone) return this.index.delete(uri);
      return this.index.skip({ uri, reason: `could not be read (${(e as Error).message})` });
    }
    const decoded = decodeText(bytes, this.config.maxFileSize);
    if (!('text' in decoded)) return this.index.skip({ uri, reason: decoded.reason });
    return this.updateText(uri, decoded.text);
  }

  /** Indexes `text` as the current content of `uri` (an editor buffer or a file just read). */
  updateText(uri: string, text: string): Set<string> {
    let doc: ParsedDocument;
    try {
      doc = parseDocument(uri, text, this.config, this.syntax);
    } catch (e) {
      // A parser bug must cost one file, never the whole check.
      this.logger?.error(`opmodel: failed to read ${uri}: ${(e as Error).stack ?? e}`);
      return this.index.skip({ uri, reason: `internal error while reading it (${(e as Error).message}); please report this file` });
    }
    return this.index.set(doc);
  }

  remove(uri: string): Set<string> {
    return this.index.delete(uri);
  }

  setSeverityOverrides(overrides: Record<string, SeveritySetting> | undefined): void {
    this.severityOverrides = overrides;
    // Severities are baked into cached diagnostics: recompute them all.
    for (const doc of [...this.index.docs.values()]) this.index.set(doc);
  }

  document(uri: string): ParsedDocument | undefined {
    return this.index.docs.get(uri);
  }

  diagnostics(uri: string): Diagnostic[] {
    const skip = this.index.skipped.get(uri);
    if (skip) {
      const severity = severityFor(SKIPPED_FILE.code, SKIPPED_FILE.defaultSeverity, this.config, this.severityOverrides);
      if (severity === 'off') return [];
      const zero = { line: 0, character: 0 };
      return [{ uri, range: { start: zero, end: zero }, severity, code: SKIPPED_FILE.code, message: `Not checked: ${skip.reason}.` }];
    }
    return this.index.diagnostics(uri);
  }

  allDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const uris = [...this.index.docs.keys(), ...this.index.skipped.keys()].sort();
    // No spread: a file with 200,000 IDs would overflow the call stack's argument limit.
    for (const uri of uris) for (const d of this.diagnostics(uri)) out.push(d);
    return out;
  }
}
