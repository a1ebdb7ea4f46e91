// Which framework a command acts on: the active editor's, the only one, or the user's choice.
import * as vscode from 'vscode';
import type { Project } from '../../language/index';
import type { ProjectManager } from '../projectManager';

export async function pickProject(manager: ProjectManager, purpose: string): Promise<Project | undefined> {
  await manager.whenReady();
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active && manager.projectFor(active);
  if (fromEditor) return fromEditor;
  const projects = manager.projects();
  if (projects.length === 0) {
    void vscode.window.showWarningMessage('opmodel: no framework in this workspace (a folder with opmodel.json, or Markdown files with element front matter).');
    return undefined;
  }
  if (projects.length === 1) return projects[0];
  const picked = await vscode.window.showQuickPick(
    projects.map((p) => ({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(p.rootUri), true) || p.rootUri, description: `${p.index.definedIds().length} elements`, project: p })),
    { placeHolder: `Framework to ${purpose}` },
  );
  return picked?.project;
}
