// Bad input never kills the server: malformed requests and notifications answer with errors and
// are logged; a framework whose files cannot be read, or that fails mid-session, leaves the
// other frameworks serving. The in-process cases inject a failing file system.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createConnection, StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { Workspace } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { startServer } from '../../lsp/server';
import { removeCliBundle } from '../security/cli';
import { copyWorkspace, fileUri, LspClient, removeWorkspaces } from './lspClient';

afterAll(() => {
  removeWorkspaces();
  removeCliBundle();
});

describe('bad input over stdio', () => {
  it('answers malformed requests with errors, logs them, survives garbage on the wire, and keeps serving', async () => {
    const dir = copyWorkspace();
    const alpha = path.join(dir, 'alpha');
    const flm2 = fileUri(path.join(alpha, 'flm/FLM2.md'));
    const c = await LspClient.start({ folders: [alpha] });
    try {
      await c.ready();
      const good = () => c.request<any>('textDocument/hover', { textDocument: { uri: flm2 }, position: { line: 1, character: 5 } });
      expect((await good()).range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 8 } });

      await expect(c.request('textDocument/hover', { textDocument: { uri: flm2 }, position: null })).rejects.toMatchObject({ code: -32603, message: expect.stringMatching(/^opmodel: Hover failed \(file:.*FLM2\.md\): /) });
      expect(await c.request('textDocument/hover', { textDocument: { uri: 42 }, position: { line: 'x' } })).toBeNull();
      await expect(c.request('textDocument/references', { textDocument: { uri: flm2 }, position: null })).rejects.toMatchObject({ code: -32603 });
      expect(await c.request('textDocument/references', { textDocument: {}, position: null })).toBeNull();
      await expect(c.request('textDocument/rename', { textDocument: { uri: flm2 }, position: { line: 1, character: 5 }, newName: null })).rejects.toMatchObject({ code: -32603 });
      expect(await c.request('textDocument/definition', { textDocument: { uri: 'file:///nowhere/x.md' }, position: { line: 0, character: 0 } })).toBeNull();
      expect(await c.request('textDocument/hover', { textDocument: { uri: flm2 }, position: { line: 9999, character: -5 } })).toBeNull();
      expect(await c.request('textDocument/semanticTokens/range', { textDocument: { uri: flm2 }, range: { start: { line: 50, character: 0 }, end: { line: 2, character: 0 } } })).toEqual({ data: [] });
      await c.notify('textDocument/didChange', { textDocument: { uri: fileUri('/never/opened.md'), version: 2 }, contentChanges: [{ text: 'x' }] });
      await c.notify('textDocument/didOpen', { textDocument: { uri: flm2, version: 1, text: null } });
      await c.notify('workspace/didChangeWatchedFiles', { changes: 'all of them' });
      // Not even JSON: the reader reports it and reads on.
      c.child.stdin!.write('Content-Length: 9\r\n\r\n{"oops":[');
      await c.waitFor(() => (c.logs.filter((l) => l.type === 1).length >= 4 ? true : undefined), 'the errors to be logged');
      const errors = c.logs.filter((l) => l.type === 1).map((l) => l.message);
      expect(errors.some((m) => m.startsWith('Hover failed'))).toBe(true);
      expect(errors.some((m) => m.startsWith('Applying an edit failed (file:///never/opened.md): Error: a change to a document that is not open'))).toBe(true);
      expect((await good()).range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 8 } });
      expect(await c.shutdown()).toBe(0);
    } finally {
      c.kill();
    }
  }, 60_000);
});

/** The server in this process, over in-memory pipes, with `workspaceFor` injected. */
function inProcess(workspaceFor: (folderUri: string) => Workspace) {
  const up = new PassThrough();
  const down = new PassThrough();
  // Message readers and writers, not raw streams: a closed stream must not end this process.
  const server = createConnection(new ServerReader(up), new ServerWriter(down));
  startServer(server, { workspaceFor, version: 'in-process' });
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const logs: string[] = [];
  const diagnostics = new Map<string, any[]>();
  client.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  client.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: any[] }) => void diagnostics.set(p.uri, p.diagnostics));
  client.listen();
  const until = async <T>(probe: () => T | undefined, what: string): Promise<T> => {
    for (let i = 0; i < 2000; i++) {
      const v = probe();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}: ${logs.join(' | ')}`);
  };
  return { client, logs, diagnostics, until, dispose: () => (client.dispose(), server.dispose()) };
}

describe('one failing framework', () => {
  it('cannot keep the others from opening, nor take them down when it fails later', async () => {
    const dir = copyWorkspace();
    const alpha = fileUri(path.join(dir, 'alpha'));
    const beta = fileUri(path.join(dir, 'beta'));
    let betaBroken = false;
    const brokenFolder = fileUri(path.join(dir, 'alpha/nested'));
    const workspaceFor = (folder: string): Workspace => {
      const real = new NodeWorkspace();
      if (folder === brokenFolder) {
        // Answers nonsense from the start.
        return { readDirectory: async () => null as never, readFile: () => { throw new TypeError('disk on fire'); }, stat: async () => ({ kind: 'directory', size: 0 }) };
      }
      if (folder !== beta) return real;
      // Works, until it throws from every call (not even a rejected promise).
      const fail = () => {
        if (betaBroken) throw new TypeError('beta exploded');
      };
      return {
        readDirectory: (u) => (fail(), real.readDirectory(u)),
        readFile: (u) => (fail(), real.readFile(u)),
        readFileWithin: (u, n) => (fail(), real.readFileWithin(u, n)),
        stat: (u) => (fail(), real.stat(u)),
      };
    };
    const s = inProcess(workspaceFor);
    try {
      await s.client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: brokenFolder, name: 'broken' }, { uri: alpha, name: 'alpha' }, { uri: beta, name: 'beta' }] });
      await s.client.sendNotification('initialized', {});
      await s.until(() => s.logs.find((l) => l.startsWith('Ready in')), 'ready');
      expect(s.logs.find((l) => l.startsWith(`Looking for frameworks in ${brokenFolder} failed: TypeError`))).toBeDefined();
      // alpha (with its nested framework) and beta opened all the same.
      expect(s.logs.filter((l) => l.startsWith('Opened ')).length).toBe(3);
      const um1 = fileUri(path.join(dir, 'beta/UM1.md'));
      await s.until(() => s.diagnostics.get(um1), 'beta diagnostics');

      betaBroken = true;
      // A file event beta cannot handle, and a request that must read beta's disk.
      await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: um1, type: 2 }] });
      await expect(s.client.sendRequest('textDocument/completion', { textDocument: { uri: um1 }, position: { line: 8, character: 5 } })).rejects.toMatchObject({ code: -32603, message: expect.stringContaining('beta exploded') });
      await s.until(() => s.logs.find((l) => l.startsWith('Updating from file events failed') && l.includes('beta exploded')), 'the failed update to be logged');
      expect(s.logs.find((l) => l.startsWith(`Completion failed (${um1}): TypeError: beta exploded`))).toBeDefined();

      // alpha serves on, from its index and its disk.
      const flm2 = fileUri(path.join(dir, 'alpha/flm/FLM2.md'));
      const text = readFileSync(path.join(dir, 'alpha/flm/FLM2.md'), 'utf8');
      const list = await s.client.sendRequest<any>('textDocument/completion', { textDocument: { uri: flm2 }, position: { line: 12, character: text.split('\n')[12]!.indexOf('FLM9') + 2 } });
      expect(list.items.map((i: any) => i.label)).toEqual(['FLM1']);
      await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: flm2, languageId: 'markdown', version: 7, text: text.replace('FLM9', 'FLM1') } });
      await s.until(() => (s.diagnostics.get(flm2)?.length === 1 ? true : undefined), 'alpha to publish after beta failed');
      // beta's index still answers what needs no disk.
      expect((await s.client.sendRequest<any>('textDocument/hover', { textDocument: { uri: um1 }, position: { line: 1, character: 5 } })).range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 7 } });
    } finally {
      s.dispose();
    }
  }, 60_000);
});

describe('a client that never answers the server\'s requests', () => {
  it('still gets its frameworks opened and its requests answered', async () => {
    const dir = copyWorkspace();
    const s = inProcess(() => new NodeWorkspace());
    try {
      // Asked, never answered: settings, progress, registrations.
      for (const m of ['workspace/configuration', 'window/workDoneProgress/create', 'client/registerCapability']) s.client.onRequest(m, () => new Promise(() => {}));
      await s.client.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        workspaceFolders: [{ uri: fileUri(path.join(dir, 'alpha')), name: 'alpha' }],
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
      });
      await s.client.sendNotification('initialized', {});
      const flm2 = fileUri(path.join(dir, 'alpha/flm/FLM2.md'));
      expect((await s.client.sendRequest<any>('textDocument/hover', { textDocument: { uri: flm2 }, position: { line: 1, character: 5 } })).range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 8 } });
      await s.until(() => s.logs.find((l) => l.startsWith('Ready in')), 'ready');
      expect(s.logs).toContain('The client did not answer workspace/configuration within 5 s; using the initialization options.');
    } finally {
      s.dispose();
    }
  }, 60_000);
});

