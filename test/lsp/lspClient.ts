// A JSON-RPC client for `opmodel lsp` run as a child process (the CLI bundled from the current
// sources), and the fixture workspace copied to a temp folder for each scenario.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { cliBundle, tempTree } from '../security/cli';

export const FIXTURE = path.resolve(__dirname, '../fixtures/lsp-workspace');

const temps: string[] = [];

/** A private copy of the fixture workspace; returns its folder. */
export function copyWorkspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-lsp-'));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

export function removeWorkspaces(): void {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
}

export const fileUri = (p: string): string => pathToFileURL(p).href;

export interface StartOptions {
  args?: string[];
  capabilities?: ClientCapabilities;
  folders?: string[];
  rootUri?: string | null;
  initializationOptions?: unknown;
  /** Answers to workspace/configuration, by section. */
  configuration?: Record<string, unknown>;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly requestsFromServer: string[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  private exitCode: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {
    this.exitCode = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr!.on('data', (d) => (this.stderr += d));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
    });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => void this.logs.push(p));
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification('$/progress', () => undefined);
    for (const m of ['workspace/diagnostic/refresh', 'workspace/codeLens/refresh', 'workspace/semanticTokens/refresh']) {
      conn.onRequest(m, () => {
        this.requestsFromServer.push(m);
        return null;
      });
    }
    conn.listen();
  }

  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const cli = await cliBundle();
    const child = spawn(process.execPath, [cli, 'lsp', ...(opts.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, conn);
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => opts.configuration?.[i.section ?? ''] ?? null));
    const folders = opts.folders ?? [];
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri !== undefined ? opts.rootUri : folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.length ? folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })) : null,
      capabilities: opts.capabilities ?? {},
      initializationOptions: opts.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** Polls `probe` until it returns something other than undefined. */
  async waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}; log: ${this.logs.map((l) => l.message).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits for the server's "Ready" log line: every framework is open. */
  ready(): Promise<string> {
    return this.waitFor(() => this.logs.find((l) => l.message.startsWith('Ready in'))?.message, 'the server to be ready');
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.notify('exit', null);
    return this.exited();
  }

  exited(): Promise<number | null> {
    return this.exitCode;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    this.conn.dispose();
  }
}

/** A folder written from `files` and served to two clients: `rich` declares `capabilities`, `plain` declares none. */
export interface ClientPair {
  dir: string;
  rich: LspClient;
  plain: LspClient;
  /** The URI of a file of the folder. */
  uri(rel: string): string;
  /** Ends both servers and removes the folder. */
  stop(): void;
}

export async function startClientPair(files: Record<string, string>, capabilities: StartOptions['capabilities']): Promise<ClientPair> {
  const { dir, cleanup } = tempTree(files);
  const started: LspClient[] = [];
  const stop = () => {
    for (const c of started) c.kill();
    cleanup();
  };
  try {
    const rich = await LspClient.start({ folders: [dir], capabilities });
    started.push(rich);
    const plain = await LspClient.start({ folders: [dir] });
    started.push(plain);
    await Promise.all([rich.ready(), plain.ready()]);
    return { dir, rich, plain, uri: (rel) => fileUri(path.join(dir, rel)), stop };
  } catch (e) {
    stop();
    throw e;
  }
}
