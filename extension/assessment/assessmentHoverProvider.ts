// Hover in assessment files: an entry's ID (title, levels, current and target marked) or a score
// (that level's description and criteria).
import * as vscode from 'vscode';
import { assessmentHover } from '../../language/index';
import { fromPosition, toRange } from '../convert';
import { guard } from '../log';
import type { ProjectManager } from '../projectManager';

export class AssessmentHoverProvider implements vscode.HoverProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    await this.manager.whenReady();
    return guard('Assessment hover', doc.uri, undefined, () => {
      const project = this.manager.projectFor(doc.uri);
      if (!project?.isAssessment(doc.uri.toString())) return undefined;
      const h = assessmentHover(project, doc.uri.toString(), fromPosition(pos));
      // Text from the framework is escaped by the engine; no command runs from this hover.
      return h && new vscode.Hover(new vscode.MarkdownString(h.markdown), toRange(h.range));
    });
  }
}
