// Over the protocol, a family prefix in a framework of hundreds of IDs: the server ships a
// window of 100 items and says the list is incomplete; typing on narrows it to a full list.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { removeCliBundle } from '../security/cli';
import { fileUri, LspClient } from './lspClient';

/** What VS Code's client declares for completion. */
const CAPABILITIES: ClientCapabilities = { textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true, resolveSupport: { properties: ['documentation'] } }, completionList: { itemDefaults: ['editRange'] } } } };

let dir = '';
let client: LspClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-lsp-window-'));
  mkdirSync(path.join(dir, 'flm'));
  writeFileSync(path.join(dir, 'opmodel.json'), '{}\n');
  for (let n = 1; n <= 300; n++) {
    writeFileSync(path.join(dir, 'flm', `FLM${n}.md`), `---\nid: FLM${n}\ntitle: Element ${n}\ntype: element\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n\nBody.\n`);
  }
  writeFileSync(path.join(dir, 'guide.md'), '# Guide\n\nSee \n');
  client = await LspClient.start({ folders: [dir], capabilities: CAPABILITIES });
  await client.ready();
}, 120_000);

afterAll(() => {
  client?.kill();
  rmSync(dir, { recursive: true, force: true });
  removeCliBundle();
});

describe('opmodel lsp: completion window', () => {
  it('ships 100 items of a large family, marked incomplete, and the full list once it fits', async () => {
    const uri = fileUri(path.join(dir, 'guide.md'));
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Guide\n\nSee FLM\n' } });
    const wide = await client.request<{ isIncomplete: boolean; items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 7 } });
    expect(wide.isIncomplete).toBe(true);
    expect(wide.items.map((i) => i.label)).toEqual(Array.from({ length: 100 }, (_, i) => `FLM${i + 1}`));
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '# Guide\n\nSee FLM29\n' }] });
    const narrow = await client.request<{ isIncomplete: boolean; items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 9 } });
    expect(narrow.isIncomplete).toBe(false);
    expect(narrow.items.map((i) => i.label)).toEqual(['FLM29', ...Array.from({ length: 10 }, (_, i) => `FLM${290 + i}`)]);
  });
});
