// Rename an ID across the framework (F2; Shift+Enter shows VS Code's refactor preview).
import * as vscode from 'vscode';
import { hashText, prepareRename, rename } from '../language/index';
import { fromPosition, toRange, toWorkspaceEdit } from './convert';
import { logError } from './log';
import type { ProjectManager } from './projectManager';

export class RenameProvider implements vscode.RenameProvider {
  constructor(private readonly manager: ProjectManager) {}

  async prepareRename(doc: vscode.TextDocument, pos: vscode.Position): Promise<{ range: vscode.Range; placeholder: string }> {
    await this.manager.whenReady();
    const project = this.manager.projectFor(doc.uri);
    if (!project) throw new Error('This file is not part of an opmodel framework.');
    let r: ReturnType<typeof prepareRename>;
    try {
      r = prepareRename(project, doc.uri.toString(), fromPosition(pos));
    } catch (e) {
      logError('Rename', doc.uri, e);
      throw new Error('opmodel could not rename here; see the "opmodel" output for details.');
    }
    // VS Code shows the thrown message to the user.
    if ('error' in r) throw new Error(r.error);
    return { range: toRange(r.range), placeholder: r.placeholder };
  }

  provideRenameEdits(doc: vscode.TextDocument, pos: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const project = this.manager.projectFor(doc.uri);
    if (!project) throw new Error('This file is not part of an opmodel framework.');
    let r: ReturnType<typeof rename>;
    try {
      r = rename(project, doc.uri.toString(), fromPosition(pos), newName);
    } catch (e) {
      logError('Rename', doc.uri, e);
      throw new Error('opmodel could not rename here; see the "opmodel" output for details.');
    }
    if ('error' in r) throw new Error(r.error);
    // Edits are computed against the indexed text; refuse when an editor holds something else.
    for (const [uri, version] of Object.entries(r.edit.versions)) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (open && hashText(open.getText()) !== version) throw new Error(`${vscode.workspace.asRelativePath(open.uri)} changed while renaming; try again.`);
    }
    return toWorkspaceEdit(r.edit);
  }
}
