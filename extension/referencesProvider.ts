// Find all references: body text and relation fields across the framework.
import * as vscode from 'vscode';
import { references } from '../language/index';
import { fromPosition, toLocation } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

export class ReferencesProvider implements vscode.ReferenceProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideReferences(doc: vscode.TextDocument, pos: vscode.Position, ctx: vscode.ReferenceContext): Promise<vscode.Location[]> {
    await this.manager.whenReady();
    return guard('Find references', doc.uri, [], () => {
      const project = this.manager.projectFor(doc.uri);
      return project ? references(project, doc.uri.toString(), fromPosition(pos), ctx.includeDeclaration).map(toLocation) : [];
    });
  }
}
