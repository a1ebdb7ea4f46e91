// Providers for assessment files (YAML). They answer only for files a framework reads as
// assessments (`assessments.include` in opmodel.json); other YAML files get nothing from us.
import * as vscode from 'vscode';
import { CodeActionProvider } from '../codeActionProvider';
import { DefinitionProvider } from '../definitionProvider';
import { ReferencesProvider } from '../referencesProvider';
import { RenameProvider } from '../renameProvider';
import type { ProjectManager } from '../projectManager';
import { ASSESSMENT_TRIGGER_CHARACTERS, AssessmentCompletionProvider } from './assessmentCompletionProvider';
import { AssessmentHoverProvider } from './assessmentHoverProvider';

export const ASSESSMENT_FILES: vscode.DocumentSelector = [{ language: 'yaml' }, { pattern: '**/*.{yaml,yml}' }];

export function registerAssessmentFeatures(context: vscode.ExtensionContext, manager: ProjectManager): void {
  const l = vscode.languages;
  context.subscriptions.push(
    l.registerCompletionItemProvider(ASSESSMENT_FILES, new AssessmentCompletionProvider(manager), ...ASSESSMENT_TRIGGER_CHARACTERS),
    l.registerHoverProvider(ASSESSMENT_FILES, new AssessmentHoverProvider(manager)),
    l.registerCodeActionsProvider(ASSESSMENT_FILES, new CodeActionProvider(manager), { providedCodeActionKinds: CodeActionProvider.kinds }),
    // An entry's key is a reference: F12, Shift+F12 and F2 work on it as on an ID in Markdown.
    l.registerDefinitionProvider(ASSESSMENT_FILES, new DefinitionProvider(manager)),
    l.registerReferenceProvider(ASSESSMENT_FILES, new ReferencesProvider(manager)),
    l.registerRenameProvider(ASSESSMENT_FILES, new RenameProvider(manager)),
  );
}
