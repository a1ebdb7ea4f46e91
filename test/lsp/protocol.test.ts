// `opmodel lsp` over stdio, driven by a JSON-RPC client as an editor would: initialize, open,
// change, every request with its exact answer, then shutdown and exit. Positions in UTF-16 here;
// encodings.test.ts repeats the position-sensitive requests in UTF-8 and UTF-32.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { rangeOf } from '../helpers';
import { removeCliBundle } from '../security/cli';
import { copyWorkspace, fileUri, LspClient, removeWorkspaces } from './lspClient';

/** What a full-featured editor (VS Code's client) declares. */
export const RICH_CLIENT: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  textDocument: {
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true, resolveSupport: { properties: ['documentation'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: true },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    publishDiagnostics: { relatedInformation: true },
  },
  workspace: { workspaceEdit: { documentChanges: true }, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
  window: { workDoneProgress: true },
};

let dir = '';
let alpha = '';
let client: LspClient;
const uriOf = (rel: string) => fileUri(path.join(dir, rel));
const textOf = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const FLM1 = 'alpha/flm/FLM1.md';
const FLM2 = 'alpha/flm/FLM2.md';
const GUIDE = 'alpha/guide.md';
const RSK1 = 'alpha/nested/RSK1.md';
const UM1 = 'beta/UM1.md';
const start = (text: string, needle: string, occurrence = 0) => rangeOf(text, needle, occurrence).start;
const openDoc = (rel: string, version = 1, text = textOf(rel)) => client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(rel), languageId: 'markdown', version, text } });

beforeAll(async () => {
  dir = copyWorkspace();
  alpha = path.join(dir, 'alpha');
  client = await LspClient.start({ folders: [alpha, path.join(dir, 'beta')], capabilities: RICH_CLIENT });
  await client.ready();
}, 120_000);

afterAll(() => {
  client?.kill();
  removeWorkspaces();
  removeCliBundle();
});

describe('opmodel lsp over stdio', () => {
  it('declares its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    expect(client.initializeResult.serverInfo).toEqual({ name: 'opmodel', version: 'test' });
    expect(caps).toEqual({
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: 2 },
      completionProvider: { triggerCharacters: ['-', '[', ','], resolveProvider: true },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: { label: 'opmodel' },
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.opmodel'] },
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: { tokenTypes: ['enumMember'], tokenModifiers: ['declaration', 'readonly'] }, full: true, range: true },
      executeCommandProvider: { commands: ['opmodel.showReferences'] },
      workspace: expect.objectContaining({ workspaceFolders: { supported: true, changeNotifications: true } }),
    });
    // The client watches files: the server asks for exactly what it needs.
    expect(client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions).toEqual({
      watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/opmodel.json' }, { globPattern: '**/*', kind: 5 }],
    });
  });

  it('publishes the problems of every framework once it is open, each file by the framework that owns it', async () => {
    await client.waitFor(() => (client.diagnostics.size >= 3 ? true : undefined), 'the first diagnostics');
    const flm2 = textOf(FLM2);
    expect([...client.diagnostics.keys()].sort()).toEqual([uriOf(FLM2), uriOf(RSK1), uriOf(UM1)].sort());
    expect(client.diagnostics.get(uriOf(FLM2))!.diagnostics).toEqual([
      { range: rangeOf(flm2, 'FLM 1'), severity: 2, code: 'malformed-id', source: 'opmodel', message: '"FLM 1" is not how IDs are written: use FLM1.' },
      { range: rangeOf(flm2, 'FLM9'), severity: 1, code: 'unknown-id', source: 'opmodel', message: 'Unknown ID FLM9: no document defines it. Did you mean FLM2 (Café rhythm) or FLM1 (Roles)?' },
    ]);
    // The nested framework's own config (RSK family, unknown-id as a warning), not the parent's.
    expect(client.diagnostics.get(uriOf(RSK1))!.diagnostics).toEqual([
      { range: rangeOf(textOf(RSK1), 'RSK2'), severity: 2, code: 'unknown-id', source: 'opmodel', message: 'Unknown ID RSK2: no document defines it. Did you mean RSK1 (Supplier failure)?' },
    ]);
    // A folder without opmodel.json whose Markdown has element front matter is a framework too.
    expect(client.diagnostics.get(uriOf(UM1))!.diagnostics).toEqual([
      { range: rangeOf(textOf(UM1), 'UM3'), severity: 1, code: 'unknown-id', source: 'opmodel', message: 'Unknown ID UM3: no document defines it. Did you mean UM2 (Budget) or UM1 (Planning)?' },
    ]);
  });

  it('completes IDs with title and place, and resolves their documentation on demand', async () => {
    await openDoc(GUIDE);
    const end = { line: 8, character: 0 };
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf(GUIDE), version: 2 }, contentChanges: [{ range: { start: end, end }, text: 'See FL' }] });
    const list = await client.request<{ isIncomplete: boolean; items: any[] }>('textDocument/completion', { textDocument: { uri: uriOf(GUIDE) }, position: { line: 8, character: 6 } });
    const range = { start: { line: 8, character: 4 }, end: { line: 8, character: 6 } };
    expect(list).toEqual({
      isIncomplete: false,
      items: [
        { label: 'FLM1', kind: 18, sortText: '0000000', filterText: 'FLM1 Roles', data: [expect.any(Number), 'FLM1'], labelDetails: { description: 'Roles' }, textEdit: { range, newText: 'FLM1' } },
        { label: 'FLM2', kind: 18, sortText: '0000001', filterText: 'FLM2 Café rhythm', data: [expect.any(Number), 'FLM2'], labelDetails: { description: 'Café rhythm' }, textEdit: { range, newText: 'FLM2' } },
      ],
    });
    const resolved = await client.request<any>('completionItem/resolve', list.items[1]);
    expect(resolved).toEqual({
      ...list.items[1],
      detail: 'Café rhythm · First Line Management × Processes & Procedures',
      documentation: { kind: 'markdown', value: '**FLM2 · Café rhythm**\n\n_First Line Management × Processes & Procedures_\n\nMeetings — at a 🚀 pace.' },
    });
    // An item of a framework that is gone, or no item of ours: returned as it came.
    expect(await client.request('completionItem/resolve', { label: 'X', data: [999, 'FLM1'] })).toEqual({ label: 'X', data: [999, 'FLM1'] });
  });

  it('completes system keys in front matter, and stays quiet after a comma in prose', async () => {
    await openDoc(FLM1);
    const keys = await client.request<any>('textDocument/completion', { textDocument: { uri: uriOf(FLM1) }, position: { line: 4, character: 8 } });
    const at = { start: { line: 4, character: 8 }, end: { line: 4, character: 8 } };
    expect(keys.items.map((i: any) => [i.label, i.kind, i.detail, i.textEdit.range])).toEqual([
      ['operational-management', 20, 'Operational Management', at],
      ['first-line-management', 20, 'First Line Management', at],
      ['upline-management', 20, 'Upline Management', at],
      ['people-management', 20, 'People Management', at],
    ]);
    const comma = await client.request('textDocument/completion', { textDocument: { uri: uriOf(FLM1) }, position: { line: 12, character: 16 }, context: { triggerKind: 2, triggerCharacter: ',' } });
    expect(comma).toBeNull();
  });

  it('hovers an ID with the engine\'s text and the exact range of the ID', async () => {
    const flm2 = textOf(FLM2);
    await openDoc(FLM2);
    const body = rangeOf(flm2, 'FLM1', 1);
    const h = await client.request<any>('textDocument/hover', { textDocument: { uri: uriOf(FLM2) }, position: { line: body.start.line, character: body.start.character + 2 } });
    expect(h).toEqual({
      contents: {
        kind: 'markdown',
        value: `**FLM1 · Roles**\n\nWho does what, and who stands in.\n\n_First Line Management × Organization & Management_\n\n[flm/FLM1.md](${uriOf(FLM1)}#L2) · referenced 4 times`,
      },
      range: body,
    });
    expect(await client.request('textDocument/hover', { textDocument: { uri: uriOf(FLM2) }, position: { line: 12, character: 1 } })).toBeNull();
  });

  it('goes to the definition, with the whole ID as the link origin', async () => {
    const body = rangeOf(textOf(FLM2), 'FLM1', 1);
    const target = rangeOf(textOf(FLM1), 'FLM1');
    expect(await client.request('textDocument/definition', { textDocument: { uri: uriOf(FLM2) }, position: body.end })).toEqual([
      { originSelectionRange: body, targetUri: uriOf(FLM1), targetRange: target, targetSelectionRange: target },
    ]);
  });

  it('finds references in relation fields and prose, with or without the definition', async () => {
    const flm2 = textOf(FLM2);
    // The element's own heading ("# FLM1 · Roles") cites it too.
    const refs = [
      { uri: uriOf(FLM1), range: rangeOf(textOf(FLM1), 'FLM1', 1) },
      { uri: uriOf(FLM2), range: rangeOf(flm2, 'FLM1', 0) },
      { uri: uriOf(FLM2), range: rangeOf(flm2, 'FLM1', 1) },
      { uri: uriOf(GUIDE), range: rangeOf(textOf(GUIDE), 'FLM1') },
    ];
    const at = { textDocument: { uri: uriOf(FLM1) }, position: { line: 1, character: 5 } };
    expect(await client.request('textDocument/references', { ...at, context: { includeDeclaration: true } })).toEqual([{ uri: uriOf(FLM1), range: rangeOf(textOf(FLM1), 'FLM1') }, ...refs]);
    expect(await client.request('textDocument/references', { ...at, context: { includeDeclaration: false } })).toEqual(refs);
  });

  it('refuses a rename with the engine\'s message and no edit, and changes nothing', async () => {
    const body = rangeOf(textOf(FLM2), 'FLM1', 1);
    const at = { textDocument: { uri: uriOf(FLM2) }, position: body.start };
    expect(await client.request('textDocument/prepareRename', at)).toEqual({ range: body, placeholder: 'FLM1' });
    await expect(client.request('textDocument/prepareRename', { textDocument: { uri: uriOf(FLM2) }, position: { line: 12, character: 1 } })).rejects.toMatchObject({
      code: -32803,
      message: 'Put the cursor on an element ID to rename it.',
    });
    const before = { flm1: textOf(FLM1), flm2: textOf(FLM2), guide: textOf(GUIDE) };
    await expect(client.request('textDocument/rename', { ...at, newName: 'FLM2' })).rejects.toMatchObject({ code: -32803, message: 'FLM2 already exists (Café rhythm, flm/FLM2.md): pick a free ID.' });
    await expect(client.request('textDocument/rename', { ...at, newName: 'FLM03' })).rejects.toMatchObject({ code: -32803, message: '"FLM03" is not written canonically: use FLM3.' });
    expect({ flm1: textOf(FLM1), flm2: textOf(FLM2), guide: textOf(GUIDE) }).toEqual(before);
    expect((await client.request<any>('textDocument/hover', at)).range).toEqual(body);
  });

  it('renames across files, each open buffer\'s edit carrying its version', async () => {
    const flm2 = textOf(FLM2);
    const body = rangeOf(flm2, 'FLM1', 1);
    const edit = await client.request<any>('textDocument/rename', { textDocument: { uri: uriOf(FLM2) }, position: body.start, newName: 'FLM7' });
    const to = (range: unknown) => ({ range, newText: 'FLM7' });
    expect(edit).toEqual({
      documentChanges: [
        { textDocument: { uri: uriOf(FLM1), version: 1 }, edits: [0, 1].map((n) => to(rangeOf(textOf(FLM1), 'FLM1', n))) },
        // The misspelling "FLM 1" is FLM1 too: it follows the rename.
        { textDocument: { uri: uriOf(FLM2), version: 1 }, edits: [to(rangeOf(flm2, 'FLM1', 0)), to(body), to(rangeOf(flm2, 'FLM 1'))] },
        { textDocument: { uri: uriOf(GUIDE), version: 2 }, edits: [to(rangeOf(textOf(GUIDE), 'FLM1'))] },
      ],
    });
  });

  it('respells a misspelt ID when it is renamed to its own name', async () => {
    const flm2 = textOf(FLM2);
    const at = { textDocument: { uri: uriOf(FLM2) }, position: rangeOf(flm2, 'FLM 1').start };
    expect(await client.request('textDocument/prepareRename', at)).toEqual({ range: rangeOf(flm2, 'FLM 1'), placeholder: 'FLM1' });
    expect(await client.request('textDocument/rename', { ...at, newName: 'FLM1' })).toEqual({ documentChanges: [{ textDocument: { uri: uriOf(FLM2), version: 1 }, edits: [{ range: rangeOf(flm2, 'FLM 1'), newText: 'FLM1' }] }] });
  });

  it('renames a closed file as it is on disk now, even when it changed without a file event', async () => {
    await client.notify('textDocument/didClose', { textDocument: { uri: uriOf(FLM1) } });
    // Answered once the closed file is indexed from disk again.
    expect((await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: uriOf(FLM1) } }))[0].command.title).toBe('4 references · 0 depend on this');
    writeFileSync(path.join(dir, FLM1), textOf(FLM1).replace('Works with FLM2.', 'Works with FLM2.\n\nSee also FLM1.'));
    const flm1 = textOf(FLM1);
    const body = rangeOf(textOf(FLM2), 'FLM1', 1);
    const edit = await client.request<any>('textDocument/rename', { textDocument: { uri: uriOf(FLM2) }, position: body.start, newName: 'FLM7' });
    expect(edit.documentChanges[0]).toEqual({ textDocument: { uri: uriOf(FLM1), version: null }, edits: [0, 1, 2].map((n) => ({ range: rangeOf(flm1, 'FLM1', n), newText: 'FLM7' })) });
  });

  it('outlines a document and lists the elements of every framework', async () => {
    const flm2 = textOf(FLM2);
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(FLM2) } })).toEqual([
      { name: 'FLM2', detail: 'Café rhythm', kind: 20, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, selectionRange: rangeOf(flm2, 'FLM2'), children: [] },
      { name: 'FLM2 · Café rhythm', kind: 15, range: { start: { line: 10, character: 0 }, end: { line: 10, character: 20 } }, selectionRange: rangeOf(flm2, 'FLM2 · Café rhythm'), children: [] },
    ]);
    expect(await client.request('workspace/symbol', { query: 'caf' })).toEqual([{ name: 'FLM2 · Café rhythm', kind: 20, location: { uri: uriOf(FLM2), range: rangeOf(flm2, 'FLM2') }, containerName: 'First Line Management' }]);
    const all = await client.request<any[]>('workspace/symbol', { query: '' });
    expect(all.map((s) => [s.name, s.location.uri])).toEqual([
      ['FLM1 · Roles', uriOf(FLM1)],
      ['FLM2 · Café rhythm', uriOf(FLM2)],
      ['RSK1 · Supplier failure', uriOf(RSK1)],
      ['UM1 · Planning', uriOf(UM1)],
      ['UM2 · Budget', uriOf('beta/UM2.md')],
    ]);
  });

  it('links every reference to a defined ID to its definition', async () => {
    const flm2 = textOf(FLM2);
    const link = (range: unknown, target = FLM1, tooltip = 'FLM1 · Roles') => ({ range, target: `${uriOf(target)}#L2`, tooltip });
    expect(await client.request('textDocument/documentLink', { textDocument: { uri: uriOf(FLM2) } })).toEqual([
      link(rangeOf(flm2, 'FLM1', 0)),
      link(rangeOf(flm2, 'FLM2', 1), FLM2, 'FLM2 · Café rhythm'),
      link(rangeOf(flm2, 'FLM1', 1)),
    ]);
  });

  it('offers every engine fix as a quick fix, and the safe ones as "fix all"', async () => {
    const flm2 = textOf(FLM2);
    const malformed = rangeOf(flm2, 'FLM 1');
    const unknown = rangeOf(flm2, 'FLM9');
    const diag = client.diagnostics.get(uriOf(FLM2))!.diagnostics;
    const edit = (range: unknown, newText: string) => ({ documentChanges: [{ textDocument: { uri: uriOf(FLM2), version: 1 }, edits: [{ range, newText }] }] });
    const fixAll = { title: 'Fix all safe opmodel problems in this file (1)', kind: 'source.fixAll.opmodel', edit: edit(malformed, 'FLM1') };
    expect(await client.request('textDocument/codeAction', { textDocument: { uri: uriOf(FLM2) }, range: { start: malformed.start, end: malformed.start }, context: { diagnostics: diag } })).toEqual([
      { title: 'Write FLM1', kind: 'quickfix', diagnostics: [diag[0]], isPreferred: true, edit: edit(malformed, 'FLM1') },
      fixAll,
    ]);
    expect(await client.request('textDocument/codeAction', { textDocument: { uri: uriOf(FLM2) }, range: unknown, context: { diagnostics: [] } })).toEqual([
      { title: 'Change to FLM2', kind: 'quickfix', diagnostics: [diag[1]], isPreferred: true, edit: edit(unknown, 'FLM2') },
      { title: 'Change to FLM1', kind: 'quickfix', diagnostics: [diag[1]], isPreferred: false, edit: edit(unknown, 'FLM1') },
      fixAll,
    ]);
    expect(await client.request('textDocument/codeAction', { textDocument: { uri: uriOf(FLM2) }, range: unknown, context: { diagnostics: [], only: ['source.fixAll'] } })).toEqual([fixAll]);
  });

  it('shows reference counts as code lenses whose command carries the locations', async () => {
    const flm1 = textOf(FLM1);
    const def = rangeOf(flm1, 'FLM1');
    const lenses = await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: uriOf(FLM1) } });
    const refs = await client.request<any[]>('textDocument/references', { textDocument: { uri: uriOf(FLM1) }, position: def.start, context: { includeDeclaration: false } });
    expect(refs).toHaveLength(5);
    expect(lenses).toEqual([{ range: def, command: { title: '5 references · 0 depend on this', command: 'opmodel.showReferences', arguments: [uriOf(FLM1), def.start, refs] } }]);
    expect(await client.request('workspace/executeCommand', lenses[0].command)).toEqual(refs);
    await expect(client.request('workspace/executeCommand', { command: 'opmodel.nope', arguments: [] })).rejects.toMatchObject({ code: -32603 });
  });

  it('marks IDs as semantic tokens, the definition as a declaration', async () => {
    const flm2 = textOf(FLM2);
    const tokens = [rangeOf(flm2, 'FLM2', 0), rangeOf(flm2, 'FLM1', 0), rangeOf(flm2, 'FLM2', 1), rangeOf(flm2, 'FLM1', 1), rangeOf(flm2, 'FLM9')];
    const mods = [3, 2, 2, 2, 2];
    const data: number[] = [];
    let line = 0;
    let ch = 0;
    tokens.forEach((r, i) => {
      data.push(r.start.line - line, r.start.line === line ? r.start.character - ch : r.start.character, 4, 0, mods[i]!);
      line = r.start.line;
      ch = r.start.character;
    });
    expect((await client.request<any>('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(FLM2) } })).data).toEqual(data);
    const ranged = await client.request<any>('textDocument/semanticTokens/range', { textDocument: { uri: uriOf(FLM2) }, range: { start: { line: 12, character: 0 }, end: { line: 13, character: 0 } } });
    const [a, b] = [tokens[3]!, tokens[4]!];
    expect(ranged.data).toEqual([12, a.start.character, 4, 0, 2, 0, b.start.character - a.start.character, 4, 0, 2]);
  });

  it('publishes the edited document\'s diagnostics with its version after a change', async () => {
    const flm2 = textOf(FLM2);
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf(FLM2), version: 5 }, contentChanges: [{ range: rangeOf(flm2, 'FLM9'), text: 'FLM2' }] });
    const p = await client.waitFor(() => {
      const d = client.diagnostics.get(uriOf(FLM2));
      return d?.version === 5 ? d : undefined;
    }, 'diagnostics for version 5');
    expect(p.diagnostics.map((d) => [d.code, d.range])).toEqual([['malformed-id', rangeOf(flm2, 'FLM 1')]]);
    // FLM2 is cited once more: lenses elsewhere are stale, and the client is told so.
    await client.waitFor(() => (client.requestsFromServer.includes('workspace/codeLens/refresh') ? true : undefined), 'a code lens refresh');
    // A full-text change replaces the buffer.
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf(FLM2), version: 6 }, contentChanges: [{ text: flm2.replace('FLM 1', 'FLM1') }] });
    const q = await client.waitFor(() => (client.diagnostics.get(uriOf(FLM2))?.version === 6 ? client.diagnostics.get(uriOf(FLM2)) : undefined), 'diagnostics for version 6');
    expect(q.diagnostics.map((d) => d.code)).toEqual(['unknown-id']);
  });

  it('shuts down and exits with 0', async () => {
    expect(await client.shutdown()).toBe(0);
  });
});

describe('opmodel lsp for a client that declares nothing', () => {
  let plain: LspClient;
  beforeAll(async () => {
    dir = copyWorkspace();
    alpha = path.join(dir, 'alpha');
    plain = await LspClient.start({ folders: [alpha] });
    client = plain;
    await plain.ready();
  }, 60_000);
  afterAll(() => plain?.kill());

  it('answers in the oldest forms: locations, flat symbols, plain text, changes, documentation in the list', async () => {
    const caps = plain.initializeResult.capabilities;
    expect([caps.positionEncoding, caps.renameProvider, caps.codeActionProvider, caps.diagnosticProvider]).toEqual(['utf-16', true, true, undefined]);
    const flm2 = textOf(FLM2);
    const body = rangeOf(flm2, 'FLM1', 1);
    const at = { textDocument: { uri: uriOf(FLM2) }, position: body.start };
    expect(await plain.request('textDocument/definition', at)).toEqual([{ uri: uriOf(FLM1), range: rangeOf(textOf(FLM1), 'FLM1') }]);
    expect(await plain.request('textDocument/hover', at)).toEqual({
      contents: { kind: 'plaintext', value: 'FLM1 · Roles\n\nWho does what, and who stands in.\n\nFirst Line Management × Organization & Management\n\nflm/FLM1.md · referenced 4 times' },
      range: body,
    });
    const symbols = await plain.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(FLM2) } });
    expect(symbols.map((s) => [s.name, s.kind, s.location.range])).toEqual([
      ['FLM2', 20, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }],
      ['FLM2 · Café rhythm', 15, { start: { line: 10, character: 0 }, end: { line: 10, character: 20 } }],
    ]);
    const edit = await plain.request<any>('textDocument/rename', { ...at, newName: 'FLM7' });
    expect(Object.keys(edit)).toEqual(['changes']);
    expect(edit.changes[uriOf(FLM2)]).toEqual([rangeOf(flm2, 'FLM1', 0), body, rangeOf(flm2, 'FLM 1')].map((range) => ({ range, newText: 'FLM7' })));
    const list = await plain.request<any>('textDocument/completion', { textDocument: { uri: uriOf(FLM2) }, position: { line: 12, character: start(flm2, 'FLM9').character + 2 } });
    expect(list.items.map((i: any) => [i.label, i.labelDetails, i.data, i.documentation])).toEqual([
      ['FLM1', undefined, undefined, { kind: 'plaintext', value: 'FLM1 · Roles\n\nFirst Line Management × Organization & Management\n\nWho does what, and who stands in.' }],
    ]);
  });

  it('watches the frameworks\' folders itself when the client cannot', async () => {
    expect(plain.registrations).toEqual([]);
    expect(plain.logs.find((l) => l.message.startsWith('Ready in'))?.message).toMatch(/files watched by the server\.$/);
    writeFileSync(path.join(alpha, 'flm', 'FLM3.md'), '---\nid: FLM3\ntitle: New\ntype: element\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n\nNeeds FLM9.\n');
    // FLM9 was unknown in FLM2.md: a new file defining FLM3 leaves it so; one defining FLM9 fixes it.
    const uri = uriOf('alpha/flm/FLM3.md');
    const d = await plain.waitFor(() => plain.diagnostics.get(uri), 'diagnostics of a file created on disk');
    expect(d.diagnostics.map((x) => [x.code, x.message])).toEqual([['unknown-id', 'Unknown ID FLM9: no document defines it. Did you mean FLM3 (New) or FLM2 (Café rhythm) or FLM1 (Roles)?']]);
    writeFileSync(path.join(alpha, 'flm', 'FLM9.md'), '---\nid: FLM9\ntitle: Nine\ntype: element\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n');
    await plain.waitFor(() => (plain.diagnostics.get(uri)?.diagnostics.length === 0 ? true : undefined), 'FLM9 to become known');
    expect(plain.diagnostics.get(uriOf(FLM2))!.diagnostics.map((x) => x.code)).toEqual(['malformed-id']);
  });
});

describe('opmodel lsp: an element\'s file follows its ID where the client can rename files', () => {
  const RENAMING: ClientCapabilities = { ...RICH_CLIENT, workspace: { ...RICH_CLIENT.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } } };
  const REPORTING = 'alpha/flm/reporting.md';
  const LINKS = '# Links\n\nSee [roles](flm/FLM1.md) and [reporting](flm/reporting.md).\n';
  let renaming: LspClient;
  let textOnly: LspClient;
  beforeAll(async () => {
    dir = copyWorkspace();
    alpha = path.join(dir, 'alpha');
    writeFileSync(path.join(alpha, 'links.md'), LINKS);
    writeFileSync(path.join(dir, REPORTING), '---\nid: FLM5\ntitle: Reporting\ntype: element\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n\n# Reporting\n');
    [renaming, textOnly] = await Promise.all([LspClient.start({ folders: [alpha], capabilities: RENAMING }), LspClient.start({ folders: [alpha], capabilities: RICH_CLIENT })]);
    await Promise.all([renaming.ready(), textOnly.ready()]);
  }, 120_000);
  afterAll(() => {
    renaming?.kill();
    textOnly?.kill();
  });

  const at = () => ({ textDocument: { uri: uriOf(FLM2) }, position: rangeOf(textOf(FLM2), 'FLM1', 1).start });

  it('rename: the file and the links to it, renamed after the text edits', async () => {
    const edit = await renaming.request<any>('textDocument/rename', { ...at(), newName: 'FLM7' });
    const links = edit.documentChanges.find((c: any) => c.textDocument?.uri === uriOf('alpha/links.md'));
    expect(links).toEqual({ textDocument: { uri: uriOf('alpha/links.md'), version: null }, edits: [{ range: rangeOf(LINKS, 'FLM1.md'), newText: 'FLM7.md' }] });
    expect(edit.documentChanges.at(-1)).toEqual({ kind: 'rename', oldUri: uriOf(FLM1), newUri: uriOf('alpha/flm/FLM7.md'), options: { overwrite: false, ignoreIfExists: false } });
    expect(edit.documentChanges.filter((c: any) => c.kind).length).toBe(1);
  });

  it('rename: the ID only, and no link edit, where the client cannot rename files', async () => {
    const edit = await textOnly.request<any>('textDocument/rename', { ...at(), newName: 'FLM7' });
    expect(edit.documentChanges.some((c: any) => c.kind)).toBe(false);
    expect(edit.documentChanges.map((c: any) => c.textDocument.uri)).not.toContain(uriOf('alpha/links.md'));
  });

  it('file-name-mismatch: the fix renames the file, offered only where the client can rename files', async () => {
    const text = textOf(REPORTING);
    const params = { textDocument: { uri: uriOf(REPORTING) }, range: rangeOf(text, 'FLM5'), context: { diagnostics: [] } };
    const fixes = (await renaming.request<any[]>('textDocument/codeAction', params)).filter((a) => a.diagnostics?.[0]?.code === 'file-name-mismatch');
    expect(fixes.map((a) => a.title)).toEqual(['Rename the file to FLM5.md and update the links to it']);
    expect(fixes[0].edit.documentChanges).toEqual([
      { textDocument: { uri: uriOf('alpha/links.md'), version: null }, edits: [{ range: rangeOf(LINKS, 'reporting.md'), newText: 'FLM5.md' }] },
      { kind: 'rename', oldUri: uriOf(REPORTING), newUri: uriOf('alpha/flm/FLM5.md'), options: { overwrite: false, ignoreIfExists: false } },
    ]);
    const none = (await textOnly.request<any[]>('textDocument/codeAction', params)).filter((a) => a.diagnostics?.[0]?.code === 'file-name-mismatch');
    expect(none).toEqual([]);
  });
});
