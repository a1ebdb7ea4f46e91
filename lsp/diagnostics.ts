// Diagnostics for the client, pushed or pulled.
// Push (textDocument/publishDiagnostics): every file of every framework with problems when it
// opens; after an edit, the edited document once the typing pauses (debounced), then the other
// documents the edit affects, in chunks so that a change touching thousands of files never
// blocks requests for long.
// Pull (textDocument/diagnostic, workspace/diagnostic), for clients that ask: answers carry a
// result id, so that an unchanged file costs one word; a workspace pull with nothing new waits
// for the next change instead of letting the client poll in a tight loop.
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticReport,
  type PreviousResultId,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import { DEFAULT_DEBOUNCE_MS, hashText, INVALID_CONFIG, type Diagnostic, type Project } from '../language/index';
import { diagnosticUris, toLspDiagnostic } from './convert';
import type { OpenDocuments } from './documents';
import type { FrameworkUpdate, Frameworks } from './frameworks';
import { guardTask, type Log } from './log';
import type { Positions } from './positions';

const CHUNK = 250;

export interface DiagnosticsOptions {
  connection: Connection;
  frameworks: Frameworks;
  docs: OpenDocuments;
  positions: Positions;
  log: Log;
  /** The client pulls: nothing is pushed. */
  pull: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  refresh: boolean;
  relatedInformation: boolean;
}

export class Diagnostics {
  private readonly pending = new Set<string>();
  private readonly urgent = new Set<string>();
  /** URIs whose last push was not empty: they must be cleared when their problems go away. */
  private readonly published = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private changed: { promise: Promise<void>; resolve: () => void } = signal();
  private disposed = false;

  constructor(private readonly o: DiagnosticsOptions) {}

  /** A framework's content changed (an edit, a file on disk). */
  onUpdate(u: FrameworkUpdate): void {
    for (const uri of u.affected) this.pending.add(uri);
    if (u.edited) {
      this.urgent.add(u.edited);
      this.schedule(this.o.frameworks.entryOf(u.project)?.settings.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    } else this.schedule(0);
  }

  /** Frameworks opened or closed: publish the new ones whole, clear what the old ones owned. */
  onProjects(added: Project[], removed: Project[]): void {
    for (const p of removed) {
      for (const uri of this.published) if (uri.startsWith(p.rootUri)) this.pending.add(uri);
    }
    for (const p of added) {
      // Its own documents, assessments and skipped files (an extended framework's are never reported).
      for (const uri of p.uris()) this.pending.add(uri);
      if (p.configUri) this.pending.add(p.configUri);
    }
    this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.changed.resolve();
  }

  private schedule(ms: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, ms);
  }

  private async flush(): Promise<void> {
    if (this.o.pull) {
      // The client asks for open documents itself; tell it that others changed too.
      const others = [...this.pending].some((u) => !this.urgent.has(u));
      this.pending.clear();
      this.urgent.clear();
      const wake = this.changed;
      this.changed = signal();
      wake.resolve();
      if (others && this.o.refresh) await guardTask(this.o.log, 'Asking the client to refresh diagnostics', undefined, () => this.o.connection.languages.diagnostics.refresh());
      return;
    }
    // The documents being typed in first, then the rest in chunks.
    const batch = [...this.urgent];
    this.urgent.clear();
    for (const uri of batch) this.pending.delete(uri);
    const limit = batch.length + CHUNK;
    for (const uri of this.pending) {
      if (batch.length >= limit) break;
      batch.push(uri);
    }
    for (const uri of batch) this.pending.delete(uri);
    for (const uri of batch) await guardTask(this.o.log, 'Publishing diagnostics', uri, () => this.push(uri));
    if (this.pending.size && !this.timer) this.schedule(0);
  }

  private push(uri: string): Promise<void> | void {
    const engine = this.engineDiagnostics(uri);
    if (engine === undefined) {
      // Not a file of any framework (any more).
      if (this.published.delete(uri)) this.send({ uri, diagnostics: [] });
      return;
    }
    if (!engine.length && !this.published.has(uri) && !this.o.docs.get(uri)) return;
    // UTF-16 needs no text: convert and send at once, without a round through the event loop.
    const now = this.o.positions.mapperNow();
    if (now) return this.publish(uri, engine.map((d) => toLspDiagnostic(d, now, this.o.relatedInformation)));
    return this.convert(uri, engine).then((items) => this.publish(uri, items));
  }

  private publish(uri: string, items: LspDiagnostic[]): void {
    if (items.length) this.published.add(uri);
    else this.published.delete(uri);
    this.send({ uri, version: this.o.docs.get(uri)?.version, diagnostics: items });
  }

  /** Queued on the connection, not awaited: waiting for each write to flush made a cold start's publication crawl. */
  private send(params: { uri: string; version?: number; diagnostics: LspDiagnostic[] }): void {
    this.o.connection.sendDiagnostics(params).catch((e) => this.o.log.error(`Publishing diagnostics failed (${params.uri}): ${e instanceof Error ? e.message : e}`));
  }

  /** The engine's diagnostics for `uri` from the framework that owns it; undefined when none does. */
  private engineDiagnostics(uri: string): Diagnostic[] | undefined {
    const config = this.o.frameworks.projectForConfig(uri);
    if (config?.configUri === uri) {
      return config.configProblems.map((p) => ({ uri, range: p.range, severity: 'error', code: INVALID_CONFIG.code, message: p.message }));
    }
    const project = this.o.frameworks.projectFor(uri);
    if (!project?.has(uri)) return undefined;
    return project.diagnostics(uri);
  }

  private async convert(uri: string, engine: Diagnostic[]): Promise<LspDiagnostic[]> {
    const m = await this.o.positions.mapper([uri, ...engine.flatMap(diagnosticUris)]);
    return engine.map((d) => toLspDiagnostic(d, m, this.o.relatedInformation));
  }

  // ---- pull ----

  async documentReport(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    await this.o.frameworks.current();
    const engine = this.engineDiagnostics(uri) ?? [];
    const resultId = resultIdOf(engine);
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: await this.convert(uri, engine) };
  }

  async workspaceReport(previous: PreviousResultId[], token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    await this.o.frameworks.current();
    const before = new Map(previous.map((p) => [p.uri, p.value]));
    for (;;) {
      const wake = this.changed.promise;
      const items = await this.workspaceItems(before);
      if (!before.size || items.some((i) => i.kind === DocumentDiagnosticReportKind.Full) || token.isCancellationRequested || this.disposed) return { items };
      await new Promise<void>((resolve) => {
        const sub = token.onCancellationRequested(() => resolve());
        void wake.then(() => {
          sub.dispose();
          resolve();
        });
      });
    }
  }

  private async workspaceItems(before: Map<string, string>): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const uris = new Set(before.keys());
    for (const e of this.o.frameworks.all()) {
      if (e.project.configUri && e.project.configProblems.length) uris.add(e.project.configUri);
      for (const uri of e.project.uris()) if (e.project.index.skipped.has(uri) || e.project.diagnostics(uri).length) uris.add(uri);
    }
    const out: WorkspaceDocumentDiagnosticReport[] = [];
    for (const uri of [...uris].sort()) {
      const engine = this.engineDiagnostics(uri) ?? [];
      const resultId = resultIdOf(engine);
      const version = this.o.docs.get(uri)?.version ?? null;
      if (before.get(uri) === resultId) out.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId });
      else out.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId, items: await this.convert(uri, engine) });
    }
    return out;
  }
}

/** Identifies a list of diagnostics by content: equal lists, equal ids. */
function resultIdOf(ds: Diagnostic[]): string {
  return hashText(JSON.stringify(ds.map((d) => [d.range, d.severity, d.code, d.message, d.related])));
}

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
