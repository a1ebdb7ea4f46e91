// Publishes the engine's diagnostics to a DiagnosticCollection for every file of every framework.
// After an edit the edited document is published at once (after the debounce), the other
// documents the edit affects (references to a renamed ID, duplicates) in a later pass.
import * as vscode from 'vscode';
import { INVALID_CONFIG, type Project } from '../language/index';
import { toDiagnostic, toRange } from './convert';
import { logError } from './log';
import { allUris, type ProjectManager, type ProjectUpdate } from './projectManager';

const CHUNK = 250;
const BATCH = 1000;

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('opmodel');
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  /** Fires after a publish pass, for the tree's problems badge. */
  readonly onDidPublish = this.changedEmitter.event;
  private readonly pending = new Map<string, Project>();
  private readonly urgent = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.changedEmitter];

  constructor(private readonly manager: ProjectManager) {
    this.disposables.push(
      manager.onDidUpdate((u) => this.onUpdate(u)),
      manager.onDidChangeProjects(({ added, removed }) => {
        for (const p of removed) this.clear(p);
        for (const p of added) this.publishProject(p);
      }),
    );
  }

  /** Every file of the project now (opening, Check Workspace). */
  publishProject(project: Project): void {
    this.publishMany([...allUris(project)].map((uri) => [uri, project]));
    this.publishConfig(project);
    this.changedEmitter.fire();
  }

  /** Errors and warnings over all frameworks, for the badge and Check Workspace. */
  counts(): { errors: number; warnings: number; files: number } {
    let errors = 0;
    let warnings = 0;
    let files = 0;
    this.collection.forEach((_uri, ds) => {
      if (ds.length) files++;
      for (const d of ds) {
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    });
    return { errors, warnings, files };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private onUpdate(u: ProjectUpdate): void {
    for (const uri of u.affected) this.pending.set(uri, u.project);
    if (u.edited) {
      this.urgent.add(u.edited);
      this.schedule(this.manager.settingsFor(this.manager.entry(u.project)?.folder).debounceMs);
    } else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  private flush(): void {
    this.timer = undefined;
    // The documents being typed in first, then the rest of the workspace in chunks, so that a
    // change that touches thousands of files never blocks the extension host for long.
    const batch: [string, Project][] = [];
    for (const uri of this.urgent) {
      const p = this.pending.get(uri);
      if (p) batch.push([uri, p]);
      this.pending.delete(uri);
    }
    this.urgent.clear();
    for (const [uri, p] of this.pending) {
      this.pending.delete(uri);
      batch.push([uri, p]);
      if (batch.length >= CHUNK) break;
    }
    this.publishMany(batch);
    this.changedEmitter.fire();
    if (this.pending.size) this.timer = setTimeout(() => this.flush(), 0);
  }

  /**
   * One collection.set per BATCH files: each set is a message to the window, and a message per
   * file made publishing 10,000 files take seconds.
   */
  private publishMany(files: [string, Project][]): void {
    for (let i = 0; i < files.length; i += BATCH) {
      const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
      for (const [uri, project] of files.slice(i, i + BATCH)) {
        try {
          // A file that left this framework (deleted, excluded) loses its problems.
          const known = project.has(uri);
          entries.push([vscode.Uri.parse(uri), known ? project.diagnostics(uri).map(toDiagnostic) : []]);
        } catch (e) {
          logError('Checking', uri, e);
        }
      }
      this.collection.set(entries);
    }
  }

  private publishConfig(project: Project): void {
    if (!project.configUri) return;
    this.collection.set(
      vscode.Uri.parse(project.configUri),
      project.configProblems.map((p) => {
        const d = new vscode.Diagnostic(toRange(p.range), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'opmodel';
        d.code = INVALID_CONFIG.code;
        return d;
      }),
    );
  }

  private clear(project: Project): void {
    for (const uri of allUris(project)) this.collection.delete(vscode.Uri.parse(uri));
    if (project.configUri) this.collection.delete(vscode.Uri.parse(project.configUri));
    for (const [uri, p] of this.pending) if (p === project) this.pending.delete(uri);
  }
}
