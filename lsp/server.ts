// `opmodel lsp`: the engine for any editor that speaks the Language Server Protocol. A thin
// adapter: the answers come from language/, this file negotiates with the client and wires each
// request to its handler in lsp/features/. No request can take the server down: a failing one
// answers with an error and is logged (window/logMessage).
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type FileOperationRegistrationOptions,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { COMPLETION_TRIGGER_CHARACTERS, CONFIG_FILE_NAME, type Workspace } from '../language/index';
import { NodeWorkspace } from '../language/workspace/nodeWorkspace';
import { fsPath } from '../language/workspace/uris';
import { readIndexedText, type ServerContext } from './context';
import { Diagnostics } from './diagnostics';
import { normalizeUri, OpenDocuments } from './documents';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { codeLenses, SHOW_REFERENCES } from './features/codeLens';
import { completion, resolveCompletion } from './features/completion';
import { definition } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { hover } from './features/hover';
import { references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './features/semanticTokens';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { Frameworks, type FileEvent } from './frameworks';
import { createLog, describeError, guardRequest, guardTask, withTimeout } from './log';
import { negotiateEncoding } from './positionEncoding';
import { Positions } from './positions';
import { Settings } from './settings';
import { watchFolders, type FolderWatcher } from './watchFolders';

export interface ServerOptions {
  /** File access for a workspace folder; the real disk (no links out of the folder) by default. */
  workspaceFor?: (folderUri: string) => Workspace;
  /** Reported to the client as the server's version. */
  version?: string;
}

export interface RunningServer {
  shutdownReceived(): boolean;
}

const CODE_LENS_REFRESH_MS = 500;

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  const log = createLog({
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  });
  // Synchronous reads that let the event loop run every few dozen files: requests are answered while a folder is read.
  const workspaceFor = options.workspaceFor ?? ((folderUri: string) => new NodeWorkspace({ within: fsPath(folderUri), synchronous: 'yielding' }));
  let ctx: ServerContext | undefined;
  let diagnostics: Diagnostics | undefined;
  let settings: Settings | undefined;
  let folders: string[] = [];
  let watcher: FolderWatcher | undefined;
  let shutdown = false;
  let lensTimer: ReturnType<typeof setTimeout> | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    const encoding = negotiateEncoding(caps.general?.positionEncodings);
    const docs = new OpenDocuments(encoding);
    const pull = !!caps.textDocument?.diagnostic;
    settings = new Settings(connection, !!caps.workspace?.configuration, log, params.initializationOptions);
    const s = settings;
    let frameworks!: Frameworks;
    const positions = new Positions(encoding, docs, (uri) => readIndexedText(frameworks.projectFor(uri), uri));
    frameworks = new Frameworks({
      workspaceFor,
      settingsFor: (folder) => s.for(folder),
      docs,
      log,
      onUpdate: (u) => {
        for (const uri of u.affected) if (!docs.get(uri)) positions.forget(uri);
        diagnostics?.onUpdate(u);
        // Any edit can change how often an ID is cited, shown in lenses of other files.
        scheduleLensRefresh(caps);
      },
      onProjects: (added, removed) => {
        positions.forgetAll();
        diagnostics?.onProjects(added, removed);
        watcher?.update(frameworks.projects());
        scheduleLensRefresh(caps);
      },
    });
    ctx = {
      connection,
      frameworks,
      docs,
      positions,
      log,
      capabilities: caps,
      textOf: async (uri) => docs.get(uri)?.text ?? readIndexedText(frameworks.projectFor(uri), uri),
    };
    diagnostics = new Diagnostics({ connection, frameworks, docs, positions, log, pull, refresh: !!caps.workspace?.diagnostics?.refreshSupport, relatedInformation: !!caps.textDocument?.publishDiagnostics?.relatedInformation });
    folders = initialFolders(params);
    return { capabilities: serverCapabilities(caps, encoding, pull), serverInfo: { name: 'opmodel', version: options.version ?? '0.0.0-dev' } };
  });

  connection.onInitialized(() => {
    const c = ctx;
    if (!c) return;
    void guardTask(log, 'Starting', undefined, async () => {
      const caps = c.capabilities;
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'opmodel' }).catch((e) => log.error(`Registering for settings changes failed: ${describeError(e)}`));
      if (caps.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const norm = (l: { uri: string }[]) => l.map((f) => normalizeUri(f.uri));
          void c.frameworks.changeFolders(norm(e.added), norm(e.removed));
        });
      }
      const started = Date.now();
      // Indexing starts now; the registrations and the progress report go meanwhile.
      const opening = c.frameworks.start(folders);
      const clientWatches = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
      if (clientWatches) {
        const watchers = [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }];
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e) => log.error(`Registering file watchers failed: ${describeError(e)}`));
      }
      // A client that never answers gets no progress report, and the server goes on.
      const progress = caps.window?.workDoneProgress ? await withTimeout(connection.window.createWorkDoneProgress().catch(() => undefined), 2000, undefined) : undefined;
      progress?.begin('opmodel', undefined, 'Indexing the framework…');
      await opening;
      progress?.done();
      const projects = c.frameworks.projects();
      log.info(`Ready in ${Date.now() - started} ms: ${projects.length} framework${projects.length === 1 ? '' : 's'}, positions in ${c.positions.encoding}, diagnostics ${caps.textDocument?.diagnostic ? 'pulled' : 'pushed'}, files watched by the ${clientWatches ? 'client' : 'server'}.`);
      // A client that cannot watch files: the server watches the frameworks' folders itself.
      if (!clientWatches) watcher = watchFolders(c.frameworks, log, (events) => void c.frameworks.filesChanged(events));
    });
  });

  function scheduleLensRefresh(caps: ClientCapabilities): void {
    if (!caps.workspace?.codeLens?.refreshSupport || shutdown) return;
    if (lensTimer) clearTimeout(lensTimer);
    lensTimer = setTimeout(() => void guardTask(log, 'Refreshing code lenses', undefined, () => connection.sendRequest(CodeLensRefreshRequest.type)), CODE_LENS_REFRESH_MS);
  }

  // Documents.
  connection.onDidOpenTextDocument((p) =>
    void guardTask(log, 'Opening a document', p?.textDocument?.uri, () => {
      const uri = normalizeUri(p.textDocument.uri);
      need(ctx).docs.open(uri, p.textDocument.version, p.textDocument.text);
      need(ctx).frameworks.bufferChanged(uri, true);
    }),
  );
  connection.onDidChangeTextDocument((p) =>
    void guardTask(log, 'Applying an edit', p?.textDocument?.uri, () => {
      const uri = normalizeUri(p.textDocument.uri);
      if (!need(ctx).docs.change(uri, p.textDocument.version, p.contentChanges)) throw new Error('a change to a document that is not open');
      need(ctx).frameworks.bufferChanged(uri, false);
    }),
  );
  connection.onDidCloseTextDocument((p) =>
    void guardTask(log, 'Closing a document', p?.textDocument?.uri, async () => {
      const uri = normalizeUri(p.textDocument.uri);
      need(ctx).docs.close(uri);
      need(ctx).positions.forget(uri);
      await need(ctx).frameworks.bufferClosed(uri);
    }),
  );

  // Files on disk.
  const KIND = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
  const fileEvents = (events: FileEvent[]) => void need(ctx).frameworks.filesChanged(events);
  connection.onDidChangeWatchedFiles((p) =>
    void guardTask(log, 'Watched file changes', undefined, () => fileEvents(p.changes.map((c) => ({ uri: normalizeUri(c.uri), kind: KIND[c.type as 1 | 2 | 3] ?? 'changed' })))),
  );
  connection.workspace.onDidCreateFiles((p) => void guardTask(log, 'Created files', undefined, () => fileEvents(p.files.map((f) => ({ uri: normalizeUri(f.uri), kind: 'created' })))));
  connection.workspace.onDidDeleteFiles((p) => void guardTask(log, 'Deleted files', undefined, () => fileEvents(p.files.map((f) => ({ uri: normalizeUri(f.uri), kind: 'deleted' })))));
  connection.workspace.onDidRenameFiles((p) =>
    void guardTask(log, 'Renamed files', undefined, () =>
      fileEvents(p.files.flatMap((f) => [{ uri: normalizeUri(f.oldUri), kind: 'deleted' as const }, { uri: normalizeUri(f.newUri), kind: 'created' as const }])),
    ),
  );

  connection.onDidChangeConfiguration((p) =>
    void guardTask(log, 'Applying new settings', undefined, async () => {
      const c = need(ctx);
      settings?.changed(p?.settings);
      await c.frameworks.current();
      let rediscover = false;
      for (const e of c.frameworks.all()) {
        const next = await need(settings).for(e.folder);
        if (JSON.stringify([next.include, next.exclude]) !== JSON.stringify([e.settings.include, e.settings.exclude])) rediscover = true;
        e.settings = { ...e.settings, debounceMs: next.debounceMs };
      }
      if (rediscover) await c.frameworks.reloadAll();
      else await c.frameworks.refreshSeverities();
    }),
  );

  // Requests: each answers from the engine, or with an error that names what failed.
  const file = (p: unknown) => (p as { textDocument?: { uri?: string } } | null)?.textDocument?.uri;
  connection.onCompletion((p) => guardRequest(log, 'Completion', file(p), () => completion(need(ctx), p)));
  connection.onCompletionResolve((item) => guardRequest(log, 'Completion details', undefined, () => resolveCompletion(need(ctx), item)));
  connection.onHover((p) => guardRequest(log, 'Hover', file(p), () => hover(need(ctx), p)));
  connection.onDefinition((p) => guardRequest(log, 'Go to definition', file(p), () => definition(need(ctx), p)));
  connection.onReferences((p) => guardRequest(log, 'Find references', file(p), () => references(need(ctx), p)));
  connection.onPrepareRename((p) => guardRequest(log, 'Rename', file(p), () => prepareRename(need(ctx), p)));
  connection.onRenameRequest((p) => guardRequest(log, 'Rename', file(p), () => rename(need(ctx), p)));
  connection.onDocumentSymbol((p) => guardRequest(log, 'Document symbols', file(p), () => documentSymbols(need(ctx), p)));
  connection.onWorkspaceSymbol((p) => guardRequest(log, 'Workspace symbols', undefined, () => workspaceSymbols(need(ctx), p)));
  connection.onDocumentLinks((p) => guardRequest(log, 'Document links', file(p), () => documentLinks(need(ctx), p)));
  connection.onCodeAction((p) => guardRequest(log, 'Code actions', file(p), () => codeActions(need(ctx), p)));
  connection.onCodeLens((p) => guardRequest(log, 'Code lenses', file(p), () => codeLenses(need(ctx), p)));
  connection.languages.semanticTokens.on((p) => guardRequest(log, 'Semantic tokens', file(p), () => semanticTokens(need(ctx), p)));
  connection.languages.semanticTokens.onRange((p) => guardRequest(log, 'Semantic tokens', file(p), () => semanticTokens(need(ctx), p)));
  connection.languages.diagnostics.on((p) => guardRequest(log, 'Diagnostics', file(p), () => need(diagnostics).documentReport(normalizeUri(p.textDocument.uri), p.previousResultId)));
  connection.languages.diagnostics.onWorkspace((p, token) => guardRequest(log, 'Workspace diagnostics', undefined, () => need(diagnostics).workspaceReport(p.previousResultIds ?? [], token)));
  connection.onExecuteCommand((p) =>
    guardRequest(log, `Command ${p?.command}`, undefined, () => {
      if (p.command !== SHOW_REFERENCES) throw new Error(`unknown command "${p.command}"`);
      // Editors that have no "show references" of their own get the locations back.
      return p.arguments?.[2] ?? [];
    }),
  );

  connection.onShutdown(() => {
    shutdown = true;
    if (lensTimer) clearTimeout(lensTimer);
    diagnostics?.dispose();
    watcher?.dispose();
  });

  connection.listen();
  return { shutdownReceived: () => shutdown };
}

function need<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('the server is not initialized yet (send "initialize" first)');
  return x;
}

/** Workspace folders, else the root the client names, else none (frameworks are then found from opened files). */
function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => normalizeUri(f.uri));
  if (params.rootUri) return [normalizeUri(params.rootUri)];
  if (params.rootPath) return [URI.file(params.rootPath).toString()];
  return [];
}

function serverCapabilities(caps: ClientCapabilities, encoding: string, pull: boolean): ServerCapabilities {
  const frameworkFiles: FileOperationRegistrationOptions['filters'] = [
    { scheme: 'file', pattern: { glob: '**/*.md', options: { ignoreCase: true } } },
    { scheme: 'file', pattern: { glob: `**/${CONFIG_FILE_NAME}` } },
    { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } },
  ];
  const out: ServerCapabilities = {
    positionEncoding: encoding,
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: true },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: caps.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
    documentSymbolProvider: { label: 'opmodel' },
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    codeActionProvider: caps.textDocument?.codeAction?.codeActionLiteralSupport ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
    codeLensProvider: { resolveProvider: false },
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
    executeCommandProvider: { commands: [SHOW_REFERENCES] },
    workspace: {
      workspaceFolders: { supported: true, changeNotifications: true },
      fileOperations: { didCreate: { filters: frameworkFiles }, didRename: { filters: frameworkFiles }, didDelete: { filters: frameworkFiles } },
    },
  };
  if (pull) out.diagnosticProvider = { identifier: 'opmodel', interFileDependencies: true, workspaceDiagnostics: true };
  return out;
}
