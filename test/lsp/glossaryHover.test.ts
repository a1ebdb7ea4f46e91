// `opmodel lsp`: the hover on a glossary term (Markdown and plain-text clients), and an ID's
// crosswalk in plain text, over stdio against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers';
import { removeCliBundle } from '../security/cli';
import { startClientPair, type ClientPair, type LspClient } from './lspClient';

const GLOSSARY = '---\ntitle: Glossary\ntype: glossary\n---\n\n# Glossary\n\n### Hypercare\nThe weeks after go-live in which extra staff protect a new service.\n\n*Where it matters:* FLM1.\n';
const FLM1 = '---\nid: FLM1\ntitle: Roles\ntype: element\nsystem: first-line-management\ndiscipline: organization-management\ncrosswalk:\n  itil4: [Workforce and talent management]\n  cobit2019: [APO07]\n---\n\n# FLM1 · Roles\n';
const NOTES = '# Notes\n\nDuring hypercare, FLM1 owns the rota.\n';

let pair: ClientPair | undefined;
let rich: LspClient;
let plain: LspClient;
const uri = (rel: string) => pair!.uri(rel);

beforeAll(async () => {
  pair = await startClientPair({ 'opmodel.json': '{}', 'glossary.md': GLOSSARY, 'flm/FLM1.md': FLM1, 'notes.md': NOTES }, { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } });
  ({ rich, plain } = pair);
}, 120_000);

afterAll(() => {
  pair?.stop();
  removeCliBundle();
});

describe('opmodel lsp hover on glossary terms', () => {
  it('answers on a term in a file on disk, with the exact range, in Markdown and in plain text', async () => {
    const term = rangeOf(NOTES, 'hypercare');
    const at = { textDocument: { uri: uri('notes.md') }, position: { line: term.start.line, character: term.start.character + 3 } };
    expect(await rich.request('textDocument/hover', at)).toEqual({
      contents: { kind: 'markdown', value: `**Hypercare**\n\nThe weeks after go-live in which extra staff protect a new service.\n\n_Where it matters:_ FLM1.\n\n[Glossary](${uri('glossary.md')}#L8)` },
      range: term,
    });
    expect(await plain.request('textDocument/hover', at)).toEqual({
      contents: { kind: 'plaintext', value: 'Hypercare\n\nThe weeks after go-live in which extra staff protect a new service.\n\nWhere it matters: FLM1.' },
      range: term,
    });
  });

  it('reads an open buffer, not the file, and leaves IDs to the ID hover with its crosswalk', async () => {
    const edited = NOTES.replace('During hypercare', 'Long before any hypercare');
    rich.notify('textDocument/didOpen', { textDocument: { uri: uri('notes.md'), languageId: 'markdown', version: 1, text: edited } });
    const term = rangeOf(edited, 'hypercare');
    expect((await rich.request<{ range: unknown }>('textDocument/hover', { textDocument: { uri: uri('notes.md') }, position: term.end })).range).toEqual(term);
    const id = rangeOf(NOTES, 'FLM1');
    const h = await plain.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uri('notes.md') }, position: id.start });
    expect(h.contents.value).toContain('ITIL 4: Workforce and talent management\nCOBIT 2019: APO07');
    expect(await rich.request('textDocument/hover', { textDocument: { uri: uri('notes.md') }, position: { line: 0, character: 3 } })).toBeNull();
  });
});
