// Completion in assessment files: element IDs (with titles) as keys, levels (with each level's
// name, description and criteria) in current: and target:, and the keys of the format.
import * as vscode from 'vscode';
import { assessmentCompletions, type AssessmentCompletion } from '../../language/index';
import { fromPosition, toRange } from '../convert';
import { guard } from '../log';
import type { ProjectManager } from '../projectManager';

/** A space after "current:" or at an entry's indentation opens the list by itself. */
export const ASSESSMENT_TRIGGER_CHARACTERS = [' '];

const KIND: Record<AssessmentCompletion['kind'], vscode.CompletionItemKind> = {
  id: vscode.CompletionItemKind.Reference,
  level: vscode.CompletionItemKind.EnumMember,
  key: vscode.CompletionItemKind.Property,
};

export class AssessmentCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionList | undefined> {
    await this.manager.whenReady();
    return guard('Assessment completion', doc.uri, undefined, () => {
      const project = this.manager.projectFor(doc.uri);
      if (!project?.isAssessment(doc.uri.toString())) return undefined;
      const result = assessmentCompletions(project, doc.uri.toString(), doc.getText(), fromPosition(pos));
      if (!result?.items.length) return undefined;
      const range = toRange(result.range);
      return new vscode.CompletionList(result.items.map((c) => toItem(c, range)), false);
    });
  }
}

function toItem(c: AssessmentCompletion, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KIND[c.kind]);
  item.range = range;
  item.sortText = c.sortText;
  item.detail = c.detail;
  // Typing part of a title or a level's name finds the item too.
  if (c.detail) item.filterText = `${c.label} ${c.detail}`;
  if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
  if (c.insertText !== undefined) item.insertText = c.snippet ? new vscode.SnippetString(c.insertText) : c.insertText;
  if (c.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest levels' };
  return item;
}
