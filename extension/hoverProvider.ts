// Hover on an ID (or, failing that, on a glossary term): the engine's Markdown, with the file
// link turned into a command that opens it.
import * as vscode from 'vscode';
import { glossaryHover, hover } from '../language/index';
import { fromPosition, openLocationHref, toRange } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    // From what is read so far while the framework is being indexed, and says so.
    const project = await this.manager.projectSoon(doc.uri);
    return guard('Hover', doc.uri, undefined, () => {
      if (!project) return undefined;
      const h = hover(project, doc.uri.toString(), fromPosition(pos), openLocationHref)
        ?? glossaryHover(project, doc.uri.toString(), doc.getText(), fromPosition(pos), openLocationHref);
      if (!h) return undefined;
      const md = new vscode.MarkdownString(h.markdown);
      if (!this.manager.isReady(project)) md.appendMarkdown('\n\n_Still reading the framework: this may change._');
      // Only our own command may run from this hover; front matter text is escaped by the engine.
      md.isTrusted = { enabledCommands: ['opmodel.openLocation'] };
      return new vscode.Hover(md, toRange(h.range));
    });
  }
}
