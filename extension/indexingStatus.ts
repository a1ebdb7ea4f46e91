// What the extension is doing, from activation on: while frameworks are found and read, a progress
// bar on the Framework view, a line above it and a status-bar item counting files; afterwards the
// item counts elements and problems. The view's welcome text ("no framework") is shown only once
// discovery has found none (context key opmodel.noFramework).
import * as vscode from 'vscode';
import type { DiagnosticsPublisher } from './diagnostics';
import { logger } from './log';
import type { IndexingState, ProjectManager } from './projectManager';

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

export class IndexingStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('opmodel.status', vscode.StatusBarAlignment.Left, 10);
  private finishProgress: (() => void) | undefined;
  private readonly disposables: vscode.Disposable[] = [this.item];
  /** Milliseconds from activation to the first complete index, once known. */
  private firstIndexMs: number | undefined;

  constructor(
    private readonly manager: ProjectManager,
    private readonly publisher: DiagnosticsPublisher,
    private readonly view: vscode.TreeView<unknown>,
    private readonly activatedAt: number,
  ) {
    this.item.name = 'opmodel';
    this.item.command = 'opmodel.framework.focus';
    this.disposables.push(
      manager.onDidChangeIndexing((s) => this.show(s)),
      publisher.onDidPublish(() => !this.manager.indexing().busy && this.showDone()),
    );
    this.show({ busy: true, read: 0, total: 0 });
  }

  dispose(): void {
    this.finishProgress?.();
    for (const d of this.disposables) d.dispose();
  }

  private show(s: IndexingState): void {
    if (!s.busy) {
      this.finishProgress?.();
      this.finishProgress = undefined;
      if (this.firstIndexMs === undefined) {
        this.firstIndexMs = Date.now() - this.activatedAt;
        const files = this.manager.projects().reduce((x, p) => x + p.index.docs.size + p.assessments.files.size + p.index.skipped.size, 0);
        logger.info(`Indexed ${plural(this.manager.projects().length, 'framework')} (${plural(files, 'file')}) ${n(this.firstIndexMs)} ms after activation.`);
      }
      this.showDone();
      return;
    }
    // The view's own progress bar, for as long as this round of indexing lasts.
    if (!this.finishProgress) {
      void vscode.window.withProgress({ location: { viewId: 'opmodel.framework' } }, () => new Promise<void>((resolve) => (this.finishProgress = resolve)));
    }
    const what = s.total ? `Reading ${n(s.read)} of ${plural(s.total, 'file')}…` : 'Looking for opmodel frameworks…';
    this.view.message = what;
    this.item.text = s.total ? `$(sync~spin) opmodel ${n(s.read)}/${n(s.total)}` : '$(sync~spin) opmodel';
    this.item.tooltip = `opmodel: ${what}`;
    this.item.accessibilityInformation = { label: `opmodel: ${what}` };
    this.item.show();
  }

  private showDone(): void {
    const projects = this.manager.projects();
    void vscode.commands.executeCommand('setContext', 'opmodel.noFramework', projects.length === 0);
    this.view.message = undefined;
    if (!projects.length) {
      this.item.hide();
      return;
    }
    // As `opmodel check` counts them: the projects' own files (documents, assessments, skipped; an
    // extended framework's are read only), and the IDs they define (a duplicated ID is one element).
    let files = 0;
    let elements = 0;
    for (const p of projects) {
      const uris = p.uris();
      files += uris.length;
      const ids = new Set<string>();
      for (const uri of uris) {
        const def = p.index.docs.get(uri)?.definition;
        if (def) ids.add(def.id);
      }
      elements += ids.size;
    }
    const { errors, warnings } = this.publisher.counts();
    const took = this.firstIndexMs === undefined ? '' : `, indexed in ${(this.firstIndexMs / 1000).toFixed(2)} s`;
    const summary = `${plural(elements, 'element')} in ${plural(files, 'file')}${projects.length > 1 ? ` (${plural(projects.length, 'framework')})` : ''}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${took}`;
    this.item.text = `$(book) ${n(elements)}`;
    this.item.tooltip = `opmodel: ${summary}. Click to show the Framework view.`;
    this.item.accessibilityInformation = { label: `opmodel: ${summary}` };
    this.item.show();
  }
}
