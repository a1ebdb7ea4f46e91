// Position encodings negotiated with the client: every position-sensitive request and
// notification, on a line with non-ASCII text (é, —, 🚀) before the IDs, in UTF-16, UTF-8 and
// UTF-32. Expected columns are counted here with Node's encoders, not with the server's code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Range } from '../../language/index';
import { rangeOf } from '../helpers';
import { removeCliBundle } from '../security/cli';
import { copyWorkspace, fileUri, LspClient, removeWorkspaces } from './lspClient';

type Encoding = 'utf-8' | 'utf-16' | 'utf-32';

afterAll(() => {
  removeWorkspaces();
  removeCliBundle();
});

/** A UTF-16 range of `text` in `encoding`. */
function inEncoding(text: string, r: Range, encoding: Encoding): Range {
  const lines = text.split(/\r\n|\r|\n/);
  const col = (p: Range['start']) => {
    const prefix = lines[p.line]!.slice(0, p.character);
    return encoding === 'utf-8' ? Buffer.byteLength(prefix) : encoding === 'utf-32' ? [...prefix].length : prefix.length;
  };
  return { start: { line: r.start.line, character: col(r.start) }, end: { line: r.end.line, character: col(r.end) } };
}

const cases: { encoding: Encoding; offered: string[] }[] = [
  { encoding: 'utf-16', offered: [] },
  // Helix's list, and Neovim's since 0.10.
  { encoding: 'utf-8', offered: ['utf-8', 'utf-32', 'utf-16'] },
  { encoding: 'utf-32', offered: ['utf-32', 'utf-16'] },
];

describe.each(cases)('positions in $encoding', ({ encoding, offered }) => {
  it('are exact in diagnostics, references to closed files, hover, definition, symbols, tokens, completion, edits and rename', async () => {
    const dir = copyWorkspace();
    const rel = (p: string) => path.join(dir, 'alpha', p);
    const uri = (p: string) => fileUri(rel(p));
    const flm2 = readFileSync(rel('flm/FLM2.md'), 'utf8');
    const flm1 = readFileSync(rel('flm/FLM1.md'), 'utf8');
    const enc = (r: Range, text = flm2) => inEncoding(text, r, encoding);
    const client = await LspClient.start({
      folders: [path.join(dir, 'alpha')],
      capabilities: { general: offered.length ? { positionEncodings: offered } : {}, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, rename: { prepareSupport: true } }, workspace: { workspaceEdit: { documentChanges: true } } },
    });
    try {
      expect(client.initializeResult.capabilities.positionEncoding).toBe(encoding);
      await client.ready();

      // Diagnostics of a file no one opened: converted with its text from disk.
      const pushed = await client.waitFor(() => client.diagnostics.get(uri('flm/FLM2.md')), 'diagnostics of FLM2.md');
      expect(pushed.diagnostics.map((d) => [d.code, d.range])).toEqual([
        ['malformed-id', enc(rangeOf(flm2, 'FLM 1'))],
        ['unknown-id', enc(rangeOf(flm2, 'FLM9'))],
      ]);
      // References into a closed file with non-ASCII text before the ID.
      const refs = await client.request<any[]>('textDocument/references', { textDocument: { uri: uri('flm/FLM1.md') }, position: { line: 1, character: 4 }, context: { includeDeclaration: false } });
      expect(refs.filter((r) => r.uri === uri('flm/FLM2.md')).map((r) => r.range)).toEqual([enc(rangeOf(flm2, 'FLM1', 0)), enc(rangeOf(flm2, 'FLM1', 1))]);

      await client.notify('textDocument/didOpen', { textDocument: { uri: uri('flm/FLM2.md'), languageId: 'markdown', version: 1, text: flm2 } });
      const body = rangeOf(flm2, 'FLM1', 1);
      const inBody = enc({ start: { line: body.start.line, character: body.start.character + 2 }, end: body.end }).start;
      const h = await client.request<any>('textDocument/hover', { textDocument: { uri: uri('flm/FLM2.md') }, position: inBody });
      expect(h.range).toEqual(enc(body));
      expect(await client.request('textDocument/definition', { textDocument: { uri: uri('flm/FLM2.md') }, position: inBody })).toEqual([{ uri: uri('flm/FLM1.md'), range: enc(rangeOf(flm1, 'FLM1'), flm1) }]);
      // A column just past the ID's end, in this encoding, is still on the ID; one more is not.
      const after = enc(body).end;
      expect(await client.request('textDocument/hover', { textDocument: { uri: uri('flm/FLM2.md') }, position: after })).not.toBeNull();
      expect(await client.request('textDocument/hover', { textDocument: { uri: uri('flm/FLM2.md') }, position: { line: after.line, character: after.character + 1 } })).toBeNull();

      const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: uri('flm/FLM2.md') } });
      expect(symbols[1].range).toEqual(enc(rangeOf(flm2, '# FLM2 · Café rhythm')));
      expect(await client.request('textDocument/prepareRename', { textDocument: { uri: uri('flm/FLM2.md') }, position: inBody })).toEqual({ range: enc(body), placeholder: 'FLM1' });

      const tokens = (await client.request<any>('textDocument/semanticTokens/full', { textDocument: { uri: uri('flm/FLM2.md') } })).data as number[];
      const [bodyFlm1, flm9] = [enc(body), enc(rangeOf(flm2, 'FLM9'))];
      expect(tokens.slice(-10)).toEqual([2, bodyFlm1.start.character, 4, 0, 2, 0, flm9.start.character - bodyFlm1.start.character, 4, 0, 2]);

      // Type " FL" at the end of the line, then complete there.
      const line12 = flm2.split('\n')[12]!;
      const eol = enc({ start: { line: 12, character: line12.length }, end: { line: 12, character: line12.length } }).start;
      await client.notify('textDocument/didChange', { textDocument: { uri: uri('flm/FLM2.md'), version: 2 }, contentChanges: [{ range: { start: eol, end: eol }, text: ' FL' }] });
      const typed = flm2.replace(line12, line12 + ' FL');
      const list = await client.request<any>('textDocument/completion', { textDocument: { uri: uri('flm/FLM2.md') }, position: { line: 12, character: eol.character + 3 } });
      expect(list.items.map((i: any) => [i.label, i.textEdit.range])).toEqual([['FLM1', enc(rangeOf(typed, 'FL', typed.split('FL').length - 2), typed)]]);

      // Replace FLM9 by its range in this encoding: only the misspelling is left, at the same place.
      await client.notify('textDocument/didChange', { textDocument: { uri: uri('flm/FLM2.md'), version: 3 }, contentChanges: [{ range: enc(rangeOf(typed, 'FLM9'), typed), text: 'FLM1' }] });
      const fixed = await client.waitFor(() => {
        const d = client.diagnostics.get(uri('flm/FLM2.md'));
        return d?.version === 3 ? d : undefined;
      }, 'diagnostics of version 3');
      expect(fixed.diagnostics.map((d) => [d.code, d.range])).toEqual([['malformed-id', enc(rangeOf(flm2, 'FLM 1'))]]);

      const edit = await client.request<any>('textDocument/rename', { textDocument: { uri: uri('flm/FLM2.md') }, position: inBody, newName: 'FLM7' });
      const now = typed.replace('FLM9', 'FLM1');
      const ranges = [rangeOf(now, 'FLM1', 0), rangeOf(now, 'FLM1', 1), rangeOf(now, 'FLM 1'), rangeOf(now, 'FLM1', 2)];
      expect(edit.documentChanges.find((c: any) => c.textDocument.uri === uri('flm/FLM2.md')).edits.map((e: any) => e.range)).toEqual(ranges.map((r) => enc(r, now)));
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  }, 60_000);
});
