// Ctrl+T: elements of every framework by ID or title.
import * as vscode from 'vscode';
import { workspaceSymbols } from '../language/index';
import { toLocation } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

export class WorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideWorkspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
    await this.manager.whenReady();
    const out: vscode.SymbolInformation[] = [];
    for (const project of this.manager.projects()) {
      guard('Workspace symbols', project.rootUri, undefined, () => {
        for (const s of workspaceSymbols(project, query)) out.push(new vscode.SymbolInformation(s.name, vscode.SymbolKind.Key, s.container ?? '', toLocation(s.location)));
      });
    }
    return out;
  }
}
