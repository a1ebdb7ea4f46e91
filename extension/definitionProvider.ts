// Go to definition / peek: the file(s) that define the ID under the cursor.
import * as vscode from 'vscode';
import { definition } from '../language/index';
import { fromPosition, toLocation } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

export class DefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Location[]> {
    await this.manager.whenReady();
    return guard('Go to definition', doc.uri, [], () => {
      const project = this.manager.projectFor(doc.uri);
      return project ? definition(project, doc.uri.toString(), fromPosition(pos)).map(toLocation) : [];
    });
  }
}
