// IDs as document links (Ctrl+click) to the file that defines them, at the `id:` line.
import * as vscode from 'vscode';
import { documentLinks } from '../language/index';
import { toRange } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

export class DocumentLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideDocumentLinks(doc: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    await this.manager.whenReady();
    return guard('Document links', doc.uri, [], () => {
      const project = this.manager.projectFor(doc.uri);
      if (!project) return [];
      return documentLinks(project, doc.uri.toString()).map((l) => {
        const { line, character } = l.target.range.start;
        // VS Code opens "#L<line>,<column>" fragments at that position (1-based).
        const target = vscode.Uri.parse(l.target.uri).with({ fragment: `L${line + 1},${character + 1}` });
        const link = new vscode.DocumentLink(toRange(l.range), target);
        link.tooltip = l.tooltip;
        return link;
      });
    });
  }
}
