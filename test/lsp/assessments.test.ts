// `opmodel lsp` in assessment files (YAML), over stdio against the real server: diagnostics pushed
// and pulled like the CLI's, hover on an entry's ID and on a score, completion of levels and IDs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers';
import { removeCliBundle, runCli } from '../security/cli';
import { startClientPair, type ClientPair, type LspClient } from './lspClient';

const LEVELS = '## Maturity levels\n\n1. **Ad hoc** — Nobody owns the rota.\n   - No written rota.\n2. **Repeatable** — A rota exists.\n   - A rota on the wall.\n3. **Defined** — The rota is agreed and reviewed.\n   - Reviewed every month.\n4. **Optimising** — The rota improves from data.\n   - Changes come from measured gaps.\n';
const FLM1 = `---\nid: FLM1\ntitle: Roles\ntype: element\nsystem: first-line-management\ndiscipline: organization-management\n---\n\n# FLM1 · Roles\n\n${LEVELS}`;
const FLM2 = `---\nid: FLM2\ntitle: Shift Handover\ntype: element\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n\n# FLM2 · Shift Handover\n\n${LEVELS}`;
const ROUND = '# opmodel-disable-file unassessed-element\ndate: 2026-11-30\nelements:\n  FLM1: { current: 7, target: 3 }\n';

let pair: ClientPair | undefined;
let dir = '';
let rich: LspClient;
let plain: LspClient;
const uri = (rel: string) => pair!.uri(rel);
const ROUND_URI = () => uri('assessments/round.yaml');

beforeAll(async () => {
  pair = await startClientPair(
    { 'opmodel.json': '{}', 'flm/FLM1.md': FLM1, 'flm/FLM2.md': FLM2, 'assessments/round.yaml': ROUND },
    { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } } } },
  );
  ({ dir, rich, plain } = pair);
}, 120_000);

afterAll(() => {
  pair?.stop();
  removeCliBundle();
});

describe('opmodel lsp in assessment files', () => {
  it('pushes and pulls the CLI\'s diagnostics for a closed assessment file, at the same place', async () => {
    const cli = JSON.parse((await runCli(['check', '.', '--format', 'json'], dir)).stdout) as { diagnostics: { file: string; line: number; column: number; code: string; message: string }[] };
    const expected = cli.diagnostics.filter((d) => d.file.endsWith('round.yaml'));
    expect(expected.map((d) => d.code)).toEqual(['invalid-score']);
    const col = ROUND.split('\n')[3]!.indexOf('7');
    const score = { start: { line: 3, character: col }, end: { line: 3, character: col + 1 } };
    expect(expected[0]).toMatchObject({ line: score.start.line + 1, column: score.start.character + 1 });
    const pushed = await rich.waitFor(() => rich.diagnostics.get(ROUND_URI()), 'diagnostics of the assessment');
    expect(pushed.diagnostics.map((d) => [d.code, d.range, d.message])).toEqual([['invalid-score', score, expected[0]!.message]]);
    const pulled = await plain.request<{ kind: string; items: { code: string; range: unknown }[] }>('textDocument/diagnostic', { textDocument: { uri: ROUND_URI() } });
    expect(pulled.items.map((d) => [d.code, d.range])).toEqual([['invalid-score', score]]);
  });

  it('hovers an entry\'s ID with its title, and a score with that level\'s description and criteria', async () => {
    const id = rangeOf(ROUND, 'FLM1');
    const onId = await rich.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri: ROUND_URI() }, position: id.start });
    expect(onId.range).toEqual(id);
    expect(onId.contents.kind).toBe('markdown');
    expect(onId.contents.value).toContain('Roles');
    const col = ROUND.split('\n')[3]!.indexOf('target: 3') + 'target: '.length;
    const target = { start: { line: 3, character: col }, end: { line: 3, character: col + 1 } };
    const onScore = await plain.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri: ROUND_URI() }, position: target.start });
    expect(onScore.range).toEqual(target);
    expect(onScore.contents.kind).toBe('plaintext');
    expect(onScore.contents.value).toContain('Defined');
    expect(onScore.contents.value).toContain('The rota is agreed and reviewed.');
    expect(onScore.contents.value).toContain('Reviewed every month.');
    expect(onScore.contents.value).not.toContain('**');
  });

  it('completes the levels of current: in an open buffer, and IDs as keys (tab stops only for clients that take snippets)', async () => {
    const text = `${ROUND}  FLM2: { current: `;
    for (const c of [rich, plain]) c.notify('textDocument/didOpen', { textDocument: { uri: ROUND_URI(), languageId: 'yaml', version: 1, text } });
    const end = { line: 4, character: '  FLM2: { current: '.length };
    type Items = { items: { label: string; detail?: string; textEdit: { range: unknown; newText: string }; insertTextFormat?: number }[] };
    const levels = await rich.request<Items>('textDocument/completion', { textDocument: { uri: ROUND_URI() }, position: end });
    expect(levels.items.map((i) => [i.label, i.detail])).toEqual([['1', 'Ad hoc'], ['2', 'Repeatable'], ['3', 'Defined'], ['4', 'Optimising']]);
    expect(levels.items[0]!.textEdit).toEqual({ range: { start: end, end }, newText: '1' });

    const keyText = `${ROUND}  `;
    for (const c of [rich, plain]) c.notify('textDocument/didChange', { textDocument: { uri: ROUND_URI(), version: 2 }, contentChanges: [{ text: keyText }] });
    const at = { line: 4, character: 2 };
    const richIds = await rich.request<Items>('textDocument/completion', { textDocument: { uri: ROUND_URI() }, position: at });
    const plainIds = await plain.request<Items>('textDocument/completion', { textDocument: { uri: ROUND_URI() }, position: at });
    const flm2 = (l: Items) => l.items.find((i) => i.label === 'FLM2')!;
    expect(flm2(richIds)).toMatchObject({ detail: 'Shift Handover', insertTextFormat: 2, textEdit: { newText: 'FLM2: { current: $1, target: $2 }$0' } });
    expect(flm2(plainIds).insertTextFormat).toBeUndefined();
    expect(flm2(plainIds).textEdit.newText).toBe('FLM2: { current: , target:  }');
  });
});
