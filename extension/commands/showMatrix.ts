// Show Matrix: the systems × disciplines grid in a webview. No scripts; IDs are command links.
import * as vscode from 'vscode';
import { listElements, matrix, type Project } from '../../language/index';
import { openLocationHref } from '../convert';
import { guard } from '../log';
import { renderMatrixHtml } from '../matrixHtml';
import type { ProjectManager } from '../projectManager';
import { pickProject } from './pickProject';

const panels = new Map<string, vscode.WebviewPanel>();

export async function showMatrix(manager: ProjectManager): Promise<void> {
  const project = await pickProject(manager, 'show');
  if (!project) return;
  const existing = panels.get(project.rootUri);
  if (existing) {
    existing.reveal();
    return;
  }
  const panel = vscode.window.createWebviewPanel('opmodel.matrix', 'opmodel: Matrix', vscode.ViewColumn.Active, {
    enableScripts: false,
    enableCommandUris: ['opmodel.openLocation'],
    localResourceRoots: [],
  });
  panels.set(project.rootUri, panel);
  let current = project;
  const render = () => guard('Show Matrix', current.rootUri, undefined, () => void (panel.webview.html = html(current, panel.webview)));
  render();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subs = [
    manager.onDidUpdate((u) => {
      if (u.project !== current) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(render, 500);
    }),
    manager.onDidChangeProjects(({ added }) => {
      const again = added.find((p) => p.rootUri === current.rootUri);
      if (again) {
        current = again;
        render();
      }
    }),
  ];
  panel.onDidDispose(() => {
    if (timer) clearTimeout(timer);
    for (const s of subs) s.dispose();
    panels.delete(project.rootUri);
  });
}

function html(project: Project, webview: vscode.Webview): string {
  const elements = listElements(project);
  const byId = new Map(elements.map((e) => [e.id, e]));
  return renderMatrixHtml(matrix(project, elements), {
    nonce: nonce(),
    cspSource: webview.cspSource,
    title: (id) => byId.get(id)?.title,
    openHref: (id) => {
      const e = byId.get(id);
      return e ? openLocationHref(e.location) : '#';
    },
    heading: `Framework matrix · ${frameworkName(project)}`,
  });
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The workspace folder's name, plus the path inside it when the framework is nested. */
function frameworkName(project: Project): string {
  const root = vscode.Uri.parse(project.rootUri);
  const folder = vscode.workspace.getWorkspaceFolder(root);
  if (!folder) return root.path.split('/').pop() || root.toString();
  const rel = vscode.workspace.asRelativePath(root, false);
  return rel && rel !== root.fsPath && rel !== root.path ? `${folder.name}/${rel}` : folder.name;
}
