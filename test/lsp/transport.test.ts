// How editors start `opmodel lsp`: stdio by default and with --stdio, a TCP socket on 127.0.0.1
// in both directions, Node IPC; the exit codes of the LSP lifecycle; and bad arguments.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, SocketMessageReader, SocketMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { cliBundle, removeCliBundle, runCli } from '../security/cli';
import { copyWorkspace, fileUri, LspClient, removeWorkspaces } from './lspClient';

afterAll(() => {
  removeWorkspaces();
  removeCliBundle();
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Initialize, one hover on a real file, shutdown, exit: the whole lifecycle over `conn`. */
async function roundTrip(conn: ProtocolConnection, dir: string): Promise<unknown> {
  const alpha = path.join(dir, 'alpha');
  conn.onRequest('window/workDoneProgress/create', () => null);
  const init = await conn.sendRequest<any>('initialize', { processId: null, rootUri: fileUri(alpha), capabilities: {}, workspaceFolders: null });
  expect(init.serverInfo.name).toBe('opmodel');
  await conn.sendNotification('initialized', {});
  const h = await conn.sendRequest<any>('textDocument/hover', { textDocument: { uri: fileUri(path.join(alpha, 'flm/FLM2.md')) }, position: { line: 1, character: 5 } });
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  return h.contents.value.split('\n')[0];
}

describe('transports', () => {
  it('speaks stdio without any flag', async () => {
    const dir = copyWorkspace();
    const c = await LspClient.start({ args: [], folders: [path.join(dir, 'alpha')] });
    await c.ready();
    expect(await c.shutdown()).toBe(0);
  }, 60_000);

  it('listens on 127.0.0.1:PORT for a client that connects (--socket PORT)', async () => {
    const dir = copyWorkspace();
    const port = await freePort();
    const child = spawn(process.execPath, [await cliBundle(), 'lsp', '--socket', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    for (let i = 0; i < 400 && !stderr.includes('listening'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(stderr).toBe(`opmodel lsp: listening on 127.0.0.1:${port}\n`);
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const conn = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    conn.listen();
    expect(await roundTrip(conn, dir)).toBe('FLM2 · Café rhythm');
    expect(await exited).toBe(0);
    expect(stdout).toBe('');
  }, 60_000);

  it('connects to a client that listens (--socket=PORT, as vscode-languageclient starts it)', async () => {
    const dir = copyWorkspace();
    const port = await freePort();
    const listener = net.createServer();
    await new Promise<void>((r) => listener.listen(port, '127.0.0.1', () => r()));
    const accepted = new Promise<net.Socket>((r) => listener.once('connection', r));
    const child = spawn(process.execPath, [await cliBundle(), 'lsp', `--socket=${port}`, '--clientProcessId', String(process.pid)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    const socket = await accepted;
    listener.close();
    const conn = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    conn.listen();
    expect(await roundTrip(conn, dir)).toBe('FLM2 · Café rhythm');
    expect(await exited).toBe(0);
  }, 60_000);

  it('speaks Node IPC (--node-ipc)', async () => {
    const dir = copyWorkspace();
    const child = spawn(process.execPath, [await cliBundle(), 'lsp', '--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    expect(await roundTrip(conn, dir)).toBe('FLM2 · Café rhythm');
    expect(await exited).toBe(0);
  }, 60_000);

  it('exits with 1 on exit without shutdown, and when the editor goes away', async () => {
    const dir = copyWorkspace();
    const a = await LspClient.start({ folders: [path.join(dir, 'alpha')] });
    await a.notify('exit', null);
    expect(await a.exited()).toBe(1);
    const b = await LspClient.start({ folders: [path.join(dir, 'alpha')] });
    await b.ready();
    b.child.stdin!.end();
    expect(await b.exited()).toBe(1);
  }, 60_000);

  it('refuses bad arguments with exit code 2 and a message', async () => {
    const cwd = copyWorkspace();
    const bad = [
      [['lsp', '--socket', 'abc'], 'opmodel lsp: --socket needs a port number from 1 to 65535 (got "abc")'],
      [['lsp', '--socket', '70000'], 'opmodel lsp: --socket needs a port number from 1 to 65535 (got "70000")'],
      [['lsp', '--stdio', '--socket', '4000'], 'opmodel lsp: choose one of --stdio, --socket PORT, --node-ipc'],
      [['lsp', 'framework-docs'], 'opmodel lsp: lsp takes no arguments (got "framework-docs")'],
      [['lsp', '--tcp'], 'opmodel lsp: unknown option --tcp. Options: --stdio, --socket, --node-ipc.'],
    ] as const;
    for (const [args, message] of bad) {
      const r = await runCli([...args], cwd);
      expect([r.code, r.stdout, r.stderr.split('\n')[0]!.slice(0, message.length)]).toEqual([2, '', message]);
    }
  }, 60_000);
});
