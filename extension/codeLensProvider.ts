// A code lens on each element's `id:` line: "3 references · 1 depends on this", from the engine;
// a click peeks the references. Off with the `opmodel.codeLens` setting.
import * as vscode from 'vscode';
import { elementLenses } from '../language/index';
import { toLocation, toPosition, toRange } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

const SETTING = 'opmodel.codeLens';
/** Counts change with edits anywhere: ask VS Code again once typing pauses, not per keystroke. */
const REFRESH_MS = 300;

export class CodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly manager: ProjectManager) {
    this.disposables.push(
      manager.onDidUpdate(() => this.refreshSoon()),
      manager.onDidChangeProjects(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTING) && this.changed.fire()),
    );
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (vscode.workspace.getConfiguration('opmodel', doc.uri).get<unknown>('codeLens', true) === false) return [];
    await this.manager.whenReady();
    return guard('Code lens', doc.uri, [], () => {
      const project = this.manager.projectFor(doc.uri);
      if (!project) return [];
      return elementLenses(project, doc.uri.toString()).map(
        (lens) =>
          new vscode.CodeLens(toRange(lens.range), {
            title: lens.label,
            tooltip: `Peek the references to ${lens.id}`,
            command: 'editor.action.showReferences',
            arguments: [doc.uri, toPosition(lens.range.start), lens.references.map(toLocation)],
          }),
      );
    });
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), REFRESH_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
