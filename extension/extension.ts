// Entry point of the opmodel extension (desktop and web). A thin adapter: every answer comes
// from the engine in language/; this file only wires providers, views and commands.
import type MarkdownIt from 'markdown-it';
import type { Workspace } from '../language/index';
import * as vscode from 'vscode';
import { registerAssessmentFeatures } from './assessment/registerAssessments';
import { CodeActionProvider } from './codeActionProvider';
import { CodeLensProvider } from './codeLensProvider';
import { checkWorkspace } from './commands/checkWorkspace';
import { createMissingElement, newElement } from './commands/createElement';
import { goToElement } from './commands/goToElement';
import { openLocation } from './commands/openLocation';
import { showMatrix } from './commands/showMatrix';
import { CompletionProvider, TRIGGER_CHARACTERS } from './completionProvider';
import { DefinitionProvider } from './definitionProvider';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentSymbolProvider } from './documentSymbolProvider';
import { FrameworkFileSystem } from './frameworkFileSystem';
import { frameworkResolver } from './frameworkSources';
import { FrameworkTree } from './frameworkTree';
import { HoverProvider } from './hoverProvider';
import { IndexingStatus } from './indexingStatus';
import { createLog, guardAsync, logError } from './log';
import { opmodelIdsPlugin, type IdResolver } from './markdownItIds';
import { ProjectManager } from './projectManager';
import { ReferencesProvider } from './referencesProvider';
import { RenameProvider } from './renameProvider';
import { VscodeWorkspace } from './vscodeWorkspace';
import { WorkspaceSymbolProvider } from './workspaceSymbolProvider';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export interface OpmodelApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/** `localFiles`: how the Node entry (node.ts) reads `file:` URIs; the web worker has none. */
export function activate(context: vscode.ExtensionContext, localFiles?: Workspace): OpmodelApi {
  const activatedAt = Date.now();
  const log = createLog();
  context.subscriptions.push(log);
  const files = new VscodeWorkspace(localFiles);
  // Base frameworks open read-only, through a file system of their own.
  const frameworks = new FrameworkFileSystem();
  context.subscriptions.push(frameworks);
  const manager = new ProjectManager(files, frameworkResolver(frameworks, files));
  const publisher = new DiagnosticsPublisher(manager);
  const tree = new FrameworkTree(manager, publisher, context.workspaceState);
  context.subscriptions.push(manager, publisher, tree, new IndexingStatus(manager, publisher, tree.view, activatedAt));

  const l = vscode.languages;
  const lenses = new CodeLensProvider(manager);
  context.subscriptions.push(lenses, l.registerCodeLensProvider(MARKDOWN, lenses));
  context.subscriptions.push(
    l.registerCompletionItemProvider(MARKDOWN, new CompletionProvider(manager), ...TRIGGER_CHARACTERS),
    l.registerHoverProvider(MARKDOWN, new HoverProvider(manager)),
    l.registerDefinitionProvider(MARKDOWN, new DefinitionProvider(manager)),
    l.registerReferenceProvider(MARKDOWN, new ReferencesProvider(manager)),
    l.registerRenameProvider(MARKDOWN, new RenameProvider(manager)),
    l.registerDocumentSymbolProvider(MARKDOWN, new DocumentSymbolProvider(manager), { label: 'opmodel' }),
    l.registerWorkspaceSymbolProvider(new WorkspaceSymbolProvider(manager)),
    l.registerCodeActionsProvider(MARKDOWN, new CodeActionProvider(manager), { providedCodeActionKinds: CodeActionProvider.kinds }),
  );
  registerAssessmentFeatures(context, manager);

  const command = (id: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => guardAsync(id, undefined, undefined, async () => void (await fn(...args)))));
  command('opmodel.newElement', () => newElement(manager));
  command('opmodel.goToElement', () => goToElement(manager));
  command('opmodel.showMatrix', () => showMatrix(manager));
  command('opmodel.checkWorkspace', () => checkWorkspace(manager, publisher));
  command('opmodel.refreshTree', () => tree.refresh());
  command('opmodel.toggleTreeGrouping', () => tree.toggleGrouping());
  command('opmodel.openLocation', (uri: string, line?: number, character?: number) => openLocation(uri, line, character));
  command('opmodel.createMissingElement', (rootUri: string, id: string) => createMissingElement(manager, rootUri, id));

  // Once frameworks are known: show the view's commands, and re-render open previews, whose IDs
  // could not be linked before.
  const projectsKnown = () => {
    void vscode.commands.executeCommand('setContext', 'opmodel.hasFramework', manager.projects().length > 0);
    void Promise.resolve(vscode.commands.executeCommand('markdown.preview.refresh')).catch(() => undefined);
  };
  const started = manager.start();
  frameworks.whenMounted(started);
  started.then(projectsKnown, (e) => logError('Opening the frameworks', undefined, e));
  context.subscriptions.push(manager.onDidChangeProjects(projectsKnown));

  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      md.use(opmodelIdsPlugin, (doc: string | undefined) => resolverFor(manager, doc));
      return md;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** The document's framework; when the preview does not name the document, every framework. */
function resolverFor(manager: ProjectManager, doc: string | undefined): IdResolver | undefined {
  const one = doc ? manager.projectFor(doc) : undefined;
  const projects = one ? [one] : doc && manager.projects().length > 1 ? [] : manager.projects();
  if (!projects.length) return undefined;
  return {
    find: (text) => {
      const seen = new Map<number, { start: number; end: number; id: string }>();
      for (const p of projects) for (const m of p.syntax.scan(text)) if (m.isCanonical && !seen.has(m.start)) seen.set(m.start, { start: m.start, end: m.end, id: m.canonical });
      return [...seen.values()].sort((a, b) => a.start - b.start);
    },
    target: (id) => {
      for (const p of projects) {
        const d = p.index.definitions(id)[0];
        if (d) return { uri: d.uri, title: p.index.titleOf(id) ?? '' };
      }
      return undefined;
    },
  };
}
