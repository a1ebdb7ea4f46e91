// The "Framework" view: renders treeModel.ts nodes, one subtree per framework when there are
// several, refreshes after changes and shows the problem count as the view's badge.
import * as vscode from 'vscode';
import { basename, frameworkLabel, listElements, matrix, relativeUri, type Project } from '../language/index';
import { assessmentBadges } from './assessment/assessmentBadges';
import type { DiagnosticsPublisher } from './diagnostics';
import { guard } from './log';
import type { ProjectManager } from './projectManager';
import { buildTree, type TreeElement, type TreeNode } from './treeModel';

export const VIEW_ID = 'opmodel.framework';
const GROUPING_KEY = 'opmodel.tree.disciplineFirst';
const REFRESH_MS = 400;

type Node = TreeNode | { kind: 'project'; key: string; label: string; description: string; project: Project };

const ICONS: Record<string, string> = {
  project: 'book',
  system: 'layers',
  discipline: 'symbol-class',
  leadership: 'star-empty',
  part: 'symbol-interface',
  unplaced: 'question',
  element: 'symbol-constant',
};

export class FrameworkTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<Node>;
  private disciplineFirst: boolean;
  private cache = new Map<Project, TreeNode[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];

  constructor(
    private readonly manager: ProjectManager,
    private readonly diagnostics: DiagnosticsPublisher,
    private readonly state: vscode.Memento,
  ) {
    this.disciplineFirst = state.get<boolean>(GROUPING_KEY, false);
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, this.disciplineFirst);
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      manager.onDidUpdate(() => this.refreshSoon()),
      manager.onDidChangeProjects(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('opmodel.assessment') && this.refresh()),
      diagnostics.onDidPublish(() => this.updateBadge()),
    );
  }

  refresh(): void {
    this.cache.clear();
    this.changeEmitter.fire(undefined);
  }

  async toggleGrouping(): Promise<void> {
    this.disciplineFirst = !this.disciplineFirst;
    await this.state.update(GROUPING_KEY, this.disciplineFirst);
    await vscode.commands.executeCommand('setContext', GROUPING_KEY, this.disciplineFirst);
    this.refresh();
  }

  getTreeItem(n: Node): vscode.TreeItem {
    if (n.kind === 'project') {
      const item = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = n.key;
      item.description = n.description;
      item.iconPath = new vscode.ThemeIcon(ICONS.project!);
      item.contextValue = 'project';
      return item;
    }
    // The outer level (and Leadership) open, cells closed: the grid fits on a screen.
    const state =
      n.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : n.kind === (this.disciplineFirst ? 'discipline' : 'system') || n.kind === 'leadership'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(n.label, state);
    item.id = n.key;
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.contextValue = n.empty ? `${n.kind}-empty` : n.kind;
    item.iconPath = new vscode.ThemeIcon(n.empty && n.kind !== 'element' ? 'circle-large-outline' : ICONS[n.kind]!);
    if (n.element) {
      item.command = { title: 'Open definition', command: 'opmodel.openLocation', arguments: [n.element.location.uri, n.element.location.range.start.line, n.element.location.range.start.character] };
      item.resourceUri = vscode.Uri.parse(n.element.location.uri);
      // resourceUri would replace the label with the file name; keep ours.
      item.label = n.label;
    }
    return item;
  }

  getChildren(n?: Node): Node[] {
    return guard('Framework view', undefined, [], () => {
      if (n) return n.kind === 'project' ? this.nodes(n.project) : n.children;
      const projects = this.manager.projects();
      if (projects.length === 1) return this.nodes(projects[0]!);
      return projects.map((p) => {
        const folder = this.manager.entry(p)?.folder;
        const rel = folder ? relativeUri(folder.uri.toString(), p.rootUri) : undefined;
        const label = folder ? (rel ? `${folder.name}/${rel}` : folder.name) : basename(p.rootUri);
        return { kind: 'project' as const, key: p.rootUri, label, description: `${p.index.definedIds().length} elements`, project: p };
      });
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private nodes(project: Project): TreeNode[] {
    let nodes = this.cache.get(project);
    if (!nodes) {
      const elements = listElements(project);
      const badges = assessmentBadges(project, this.manager.settingsFor(this.manager.entry(project)?.folder).assessment);
      const byId = new Map<string, TreeElement>(elements.map((e) => [e.id, { id: e.id, title: e.title, location: e.location, origin: e.origin, tailored: Boolean(e.tailors), framework: e.framework && frameworkLabel(e.framework), ...badges.get(e.id) }]));
      nodes = buildTree(matrix(project, elements), byId, { disciplineFirst: this.disciplineFirst, keyPrefix: `${project.rootUri}#` });
      this.cache.set(project, nodes);
    }
    return nodes;
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_MS);
  }

  private updateBadge(): void {
    const { errors, warnings } = this.diagnostics.counts();
    const n = errors + warnings;
    this.view.badge = n ? { value: n, tooltip: `opmodel: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` } : undefined;
  }
}
