// The server's view of the workspace: pull diagnostics, workspace folders coming and going,
// file events from the client (watched files and file operations), opmodel.json reloads,
// open buffers that win over the disk, settings, and a file opened outside every folder.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers';
import { removeCliBundle } from '../security/cli';
import { copyWorkspace, fileUri, LspClient, removeWorkspaces } from './lspClient';

afterAll(() => {
  removeWorkspaces();
  removeCliBundle();
});

const WATCHING = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } };
const element = (id: string, body: string, title = `Title ${id}`) => `---\nid: ${id}\ntitle: ${title}\ntype: element\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n\n${body}\n`;

async function withClient<T>(opts: Parameters<typeof LspClient.start>[0], body: (c: LspClient) => Promise<T>): Promise<T> {
  const c = await LspClient.start(opts);
  try {
    await c.ready();
    return await body(c);
  } finally {
    c.kill();
  }
}

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic with result ids and workspace/diagnostic for every framework, and pushes nothing', async () => {
    const dir = copyWorkspace();
    const uri = (p: string) => fileUri(path.join(dir, p));
    await withClient({ folders: [path.join(dir, 'alpha'), path.join(dir, 'beta')], capabilities: { textDocument: { diagnostic: { relatedDocumentSupport: false } }, workspace: { diagnostics: { refreshSupport: true } } } }, async (c) => {
      expect(c.initializeResult.capabilities.diagnosticProvider).toEqual({ identifier: 'opmodel', interFileDependencies: true, workspaceDiagnostics: true });
      const flm2 = readFileSync(path.join(dir, 'alpha/flm/FLM2.md'), 'utf8');
      const first = await c.request<any>('textDocument/diagnostic', { textDocument: { uri: uri('alpha/flm/FLM2.md') } });
      expect(first.kind).toBe('full');
      expect(first.items.map((d: any) => [d.code, d.range])).toEqual([['malformed-id', rangeOf(flm2, 'FLM 1')], ['unknown-id', rangeOf(flm2, 'FLM9')]]);
      expect(await c.request('textDocument/diagnostic', { textDocument: { uri: uri('alpha/flm/FLM2.md') }, previousResultId: first.resultId })).toEqual({ kind: 'unchanged', resultId: first.resultId });

      const ws = await c.request<any>('workspace/diagnostic', { previousResultIds: [] });
      expect(ws.items.map((i: any) => [i.uri, i.kind, i.version, i.items.map((d: any) => d.code)])).toEqual([
        [uri('alpha/flm/FLM2.md'), 'full', null, ['malformed-id', 'unknown-id']],
        [uri('alpha/nested/RSK1.md'), 'full', null, ['unknown-id']],
        [uri('beta/UM1.md'), 'full', null, ['unknown-id']],
      ]);
      // Nothing changed: the request waits (no busy polling) until something does.
      const previousResultIds = ws.items.map((i: any) => ({ uri: i.uri, value: i.resultId }));
      let answered = false;
      const waiting = c.request<any>('workspace/diagnostic', { previousResultIds }).then((r) => ((answered = true), r));
      await c.request('textDocument/hover', { textDocument: { uri: uri('alpha/flm/FLM2.md') }, position: { line: 0, character: 0 } });
      expect(answered).toBe(false);
      // Defining FLM9 on disk clears FLM2.md's unknown-id: the waiting request answers.
      writeFileSync(path.join(dir, 'alpha/flm/FLM9.md'), element('FLM9', 'Nine.'));
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('alpha/flm/FLM9.md'), type: 1 }] });
      const next = await waiting;
      const flm2Report = next.items.find((i: any) => i.uri === uri('alpha/flm/FLM2.md'));
      expect([flm2Report.kind, flm2Report.items.map((d: any) => d.code)]).toEqual(['full', ['malformed-id']]);
      expect(next.items.filter((i: any) => i.kind === 'unchanged').map((i: any) => i.uri)).toEqual([uri('alpha/nested/RSK1.md'), uri('beta/UM1.md')]);
      expect(c.requestsFromServer).toContain('workspace/diagnostic/refresh');
      expect(c.published).toEqual([]);
    });
  }, 60_000);
});

describe('the workspace', () => {
  it('follows workspace folders as they are added and removed', async () => {
    const dir = copyWorkspace();
    const uri = (p: string) => fileUri(path.join(dir, p));
    await withClient({ folders: [path.join(dir, 'alpha')], capabilities: WATCHING }, async (c) => {
      await c.waitFor(() => c.diagnostics.get(uri('alpha/flm/FLM2.md')), 'alpha diagnostics');
      expect(c.diagnostics.has(uri('beta/UM1.md'))).toBe(false);
      await c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uri('beta'), name: 'beta' }], removed: [] } });
      await c.waitFor(() => c.diagnostics.get(uri('beta/UM1.md')), 'beta diagnostics');
      expect((await c.request<any[]>('workspace/symbol', { query: 'UM' })).map((s) => s.name)).toEqual(['UM1 · Planning', 'UM2 · Budget']);
      await c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uri('alpha'), name: 'alpha' }] } });
      await c.waitFor(() => (c.diagnostics.get(uri('alpha/flm/FLM2.md'))?.diagnostics.length === 0 ? true : undefined), 'alpha diagnostics cleared');
      expect(c.diagnostics.get(uri('alpha/nested/RSK1.md'))!.diagnostics).toEqual([]);
      expect(await c.request('textDocument/hover', { textDocument: { uri: uri('alpha/flm/FLM2.md') }, position: { line: 1, character: 5 } })).toBeNull();
    });
  }, 60_000);

  it('keeps the index current from watched-file events and file operations, folders included', async () => {
    const dir = copyWorkspace();
    const alpha = path.join(dir, 'alpha');
    const uri = (p: string) => fileUri(path.join(alpha, p));
    await withClient({ folders: [alpha], capabilities: WATCHING }, async (c) => {
      const lens = async () => (await c.request<any[]>('textDocument/codeLens', { textDocument: { uri: uri('flm/FLM1.md') } }))[0].command.title;
      expect(await lens()).toBe('4 references · 0 depend on this');
      // Created and changed on disk, reported by the client's watcher.
      mkdirSync(path.join(alpha, 'more'));
      // An element that depends on FLM1 and cites it twice: the lens counts both, as the extension's does.
      writeFileSync(path.join(alpha, 'more/a.md'), element('FLM8', 'FLM1 and FLM1.').replace('---\n\n', 'depends_on: [FLM1]\n---\n\n'));
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('more/a.md'), type: 1 }] });
      expect(await lens()).toBe('7 references · 1 depends on this');
      writeFileSync(path.join(alpha, 'more/a.md'), 'FLM1 once.\n');
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('more/a.md'), type: 2 }] });
      expect(await lens()).toBe('5 references · 0 depend on this');
      // A folder renamed in the editor (workspace/didRenameFiles names the folders, not the files).
      renameSync(path.join(alpha, 'more'), path.join(alpha, 'moved'));
      await c.notify('workspace/didRenameFiles', { files: [{ oldUri: uri('more'), newUri: uri('moved') }] });
      const refs = await c.request<any[]>('textDocument/references', { textDocument: { uri: uri('flm/FLM1.md') }, position: { line: 1, character: 4 }, context: { includeDeclaration: false } });
      expect(refs.map((r) => r.uri)).toContain(uri('moved/a.md'));
      expect(refs.map((r) => r.uri)).not.toContain(uri('more/a.md'));
      // A folder deleted outside the editor: the watcher reports the folder only.
      rmSync(path.join(alpha, 'moved'), { recursive: true });
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('moved'), type: 3 }] });
      expect(await lens()).toBe('4 references · 0 depend on this');
      // workspace/didCreateFiles and didDeleteFiles for single files.
      writeFileSync(path.join(alpha, 'b.md'), 'FLM1.\n');
      await c.notify('workspace/didCreateFiles', { files: [{ uri: uri('b.md') }] });
      expect(await lens()).toBe('5 references · 0 depend on this');
      rmSync(path.join(alpha, 'b.md'));
      await c.notify('workspace/didDeleteFiles', { files: [{ uri: uri('b.md') }] });
      expect(await lens()).toBe('4 references · 0 depend on this');
    });
  }, 60_000);

  it('reopens a framework when its opmodel.json changes, and reports a broken one on the file', async () => {
    const dir = copyWorkspace();
    const alpha = path.join(dir, 'alpha');
    const uri = (p: string) => fileUri(path.join(alpha, p));
    await withClient({ folders: [alpha], capabilities: WATCHING }, async (c) => {
      await c.waitFor(() => c.diagnostics.get(uri('flm/FLM2.md')), 'first diagnostics');
      writeFileSync(path.join(alpha, 'opmodel.json'), '{ "severity": { "unknown-id": "off", "missing-title": "off" } }\n');
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('opmodel.json'), type: 2 }] });
      await c.waitFor(() => (c.diagnostics.get(uri('flm/FLM2.md'))!.diagnostics.map((d) => d.code).join() === 'malformed-id' ? true : undefined), 'unknown-id turned off');
      const broken = '{ "severity": { "unknown-id": "loud" } }\n';
      writeFileSync(path.join(alpha, 'opmodel.json'), broken);
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('opmodel.json'), type: 2 }] });
      const config = await c.waitFor(() => c.diagnostics.get(uri('opmodel.json')), 'config diagnostics');
      expect(config.diagnostics).toEqual([{ range: rangeOf(broken, '"loud"'), severity: 1, code: 'invalid-config', source: 'opmodel', message: 'severity.unknown-id must be one of error, warning, info, hint, off' }]);
      // Fixed again: the problem goes away.
      writeFileSync(path.join(alpha, 'opmodel.json'), '{}\n');
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('opmodel.json'), type: 2 }] });
      await c.waitFor(() => (c.diagnostics.get(uri('opmodel.json'))!.diagnostics.length === 0 ? true : undefined), 'config diagnostics cleared');
    });
  }, 60_000);

  it('lets an open buffer win over the disk until it is closed', async () => {
    const dir = copyWorkspace();
    const alpha = path.join(dir, 'alpha');
    const uri = (p: string) => fileUri(path.join(alpha, p));
    await withClient({ folders: [alpha], capabilities: WATCHING }, async (c) => {
      const title = async () => (await c.request<any>('textDocument/hover', { textDocument: { uri: uri('guide.md') }, position: { line: 7, character: 12 } })).contents.value.split('\n')[0];
      expect(await title()).toBe('FLM1 · Roles');
      const buffer = readFileSync(path.join(alpha, 'flm/FLM1.md'), 'utf8').replace('title: Roles', 'title: Roles in the buffer');
      await c.notify('textDocument/didOpen', { textDocument: { uri: uri('flm/FLM1.md'), languageId: 'markdown', version: 1, text: buffer } });
      expect(await title()).toBe('FLM1 · Roles in the buffer');
      writeFileSync(path.join(alpha, 'flm/FLM1.md'), buffer.replace('Roles in the buffer', 'Roles on disk'));
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('flm/FLM1.md'), type: 2 }] });
      expect(await title()).toBe('FLM1 · Roles in the buffer');
      await c.notify('textDocument/didClose', { textDocument: { uri: uri('flm/FLM1.md') } });
      expect(await title()).toBe('FLM1 · Roles on disk');
    });
  }, 60_000);

  it('takes settings from the client: severities, excluded files', async () => {
    const dir = copyWorkspace();
    const alpha = path.join(dir, 'alpha');
    const uri = (p: string) => fileUri(path.join(alpha, p));
    await withClient({ folders: [alpha], initializationOptions: { opmodel: { severity: { 'malformed-id': 'error' }, exclude: ['guide.md'] } } }, async (c) => {
      const d = await c.waitFor(() => c.diagnostics.get(uri('flm/FLM2.md')), 'diagnostics');
      expect(d.diagnostics.map((x) => [x.code, x.severity])).toEqual([['malformed-id', 1], ['unknown-id', 1]]);
      expect((await c.request<any[]>('textDocument/codeLens', { textDocument: { uri: uri('flm/FLM1.md') } }))[0].command.title).toBe('3 references · 0 depend on this');
      await c.notify('workspace/didChangeConfiguration', { settings: { opmodel: { severity: { 'unknown-id': 'off' } } } });
      await c.waitFor(() => (c.diagnostics.get(uri('flm/FLM2.md'))!.diagnostics.map((x) => `${x.code}:${x.severity}`).join() === 'malformed-id:2' ? true : undefined), 'new severities');
      expect((await c.request<any[]>('textDocument/codeLens', { textDocument: { uri: uri('flm/FLM1.md') } }))[0].command.title).toBe('4 references · 0 depend on this');
    });
    // Settings from workspace/configuration, per folder.
    await withClient({ folders: [alpha], capabilities: { workspace: { configuration: true } }, configuration: { opmodel: { severity: { 'unknown-id': 'hint' } } } }, async (c) => {
      const d = await c.waitFor(() => c.diagnostics.get(uri('flm/FLM2.md')), 'diagnostics');
      expect(d.diagnostics.map((x) => [x.code, x.severity])).toEqual([['malformed-id', 2], ['unknown-id', 4]]);
    });
  }, 60_000);

  it('publishes an edited document once the typing pauses (debounceMs), not once per keystroke', async () => {
    const dir = copyWorkspace();
    const alpha = path.join(dir, 'alpha');
    const uri = fileUri(path.join(alpha, 'flm/FLM2.md'));
    const text = readFileSync(path.join(alpha, 'flm/FLM2.md'), 'utf8');
    await withClient({ folders: [alpha], initializationOptions: { opmodel: { debounceMs: 1500 } } }, async (c) => {
      await c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await c.waitFor(() => (c.diagnostics.get(uri)?.version === 1 ? true : undefined), 'version 1');
      const end = { line: 12, character: text.split('\n')[12]!.length };
      for (let v = 2; v <= 6; v++) await c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: end, end }, text: ' FLM9' }] });
      const last = await c.waitFor(() => (c.diagnostics.get(uri)?.version === 6 ? c.diagnostics.get(uri) : undefined), 'version 6');
      expect(c.published.filter((p) => p.uri === uri && p.version !== undefined).map((p) => p.version)).toEqual([1, 6]);
      expect(last.diagnostics.filter((d) => d.code === 'unknown-id')).toHaveLength(6);
    });
  }, 60_000);

  it('serves a workspace folder inside a framework from the framework\'s own opmodel.json', async () => {
    const dir = copyWorkspace();
    const uri = (p: string) => fileUri(path.join(dir, 'alpha', p));
    await withClient({ folders: [path.join(dir, 'alpha/flm')] }, async (c) => {
      // guide.md lies outside the folder but inside the framework: its citation counts.
      expect((await c.request<any[]>('textDocument/codeLens', { textDocument: { uri: uri('flm/FLM1.md') } }))[0].command.title).toBe('4 references · 0 depend on this');
      expect(c.logs.find((l) => l.message.startsWith('Opened '))!.message).toMatch(new RegExp(`^Opened ${fileUri(path.join(dir, 'alpha'))}: `));
    });
  }, 60_000);

  it('finds the framework of a file opened without any workspace folder', async () => {
    const dir = copyWorkspace();
    const uri = fileUri(path.join(dir, 'alpha/flm/FLM2.md'));
    await withClient({ rootUri: null }, async (c) => {
      expect(c.logs.find((l) => l.message.startsWith('Ready in'))!.message).toContain('0 frameworks');
      await c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path.join(dir, 'alpha/flm/FLM2.md'), 'utf8') } });
      const d = await c.waitFor(() => c.diagnostics.get(uri), 'diagnostics of the opened file');
      expect(d.diagnostics.map((x) => x.code)).toEqual(['malformed-id', 'unknown-id']);
      expect(await c.request('textDocument/definition', { textDocument: { uri }, position: { line: 7, character: 11 } })).toEqual([
        { uri: fileUri(path.join(dir, 'alpha/flm/FLM1.md')), range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } } },
      ]);
    });
  }, 60_000);
});
