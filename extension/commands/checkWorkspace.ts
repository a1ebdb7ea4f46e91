// Check Workspace: re-read every framework from the files and report the totals.
import * as vscode from 'vscode';
import type { DiagnosticsPublisher } from '../diagnostics';
import type { ProjectManager } from '../projectManager';

export async function checkWorkspace(manager: ProjectManager, publisher: DiagnosticsPublisher): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'opmodel: checking' }, () => manager.reloadAll());
  const projects = manager.projects();
  if (!projects.length) {
    void vscode.window.showWarningMessage('opmodel: no framework in this workspace (a folder with opmodel.json, or Markdown files with element front matter).');
    return;
  }
  const files = projects.reduce((n, p) => n + p.ownDocumentCount(), 0);
  const { errors, warnings } = publisher.counts();
  const msg = `opmodel: checked ${files} file${files === 1 ? '' : 's'}${projects.length > 1 ? ` in ${projects.length} frameworks` : ''}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`;
  const action = await (errors || warnings ? vscode.window.showWarningMessage(msg, 'Show Problems') : vscode.window.showInformationMessage(msg));
  if (action === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
}
