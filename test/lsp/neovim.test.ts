// A real editor: Neovim (Debian's 0.7) runs headless with the repository's Lua config
// (editors/neovim/opmodel.lua, the one the README shows), starts `opmodel lsp` on a copy of
// framework-docs/, and its own LSP client asks for hover, diagnostics, completion and definition
// (test/lsp/nvim/driver.lua). Neovim counts columns in bytes, so the config negotiates UTF-8.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessmentHover, hover, Project } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { cliBundle, removeCliBundle } from '../security/cli';
import { fileUri } from './lspClient';

const repo = path.resolve(__dirname, '../..');
const CONFIG = path.join(repo, 'editors/neovim/opmodel.lua');
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
const temps: string[] = [];

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
  removeCliBundle();
});

describe('the README\'s Neovim config', () => {
  it('is the file the Neovim test runs, word for word', () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    expect(readme).toContain('```lua\n' + readFileSync(CONFIG, 'utf8') + '```');
  });
});

describe('Neovim', () => {
  if (!hasNvim) {
    // CI installs Neovim (.ci/run sets CI): there the missing editor is a failure, not a skip.
    if (process.env.CI) it('is installed', () => expect.fail('nvim is not installed; CI must run the Neovim test (apt-get install neovim)'));
    else it.skip('is not installed here (apt-get install neovim): the real-editor test is skipped', () => {});
    return;
  }

  it('gets hover, diagnostics, completion and definition from opmodel lsp through its own client', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-nvim-'));
    temps.push(tmp);
    const docs = path.join(tmp, 'framework-docs');
    cpSync(path.join(repo, 'framework-docs'), docs, { recursive: true });
    const file = path.join(docs, 'first-line-management/FLM3.md');
    const out = path.join(tmp, 'out.json');
    // The maturity line of level 3, which names GOV4 after an em dash (found, not numbered: the text moves).
    const lines = readFileSync(file, 'utf8').split('\n');
    const hoverLine = lines.findIndex((l) => /^3\. \*\*Defined\*\* — .*GOV4/.test(l));
    expect(hoverLine).toBeGreaterThan(0);
    // The first entry of the worked example's newer assessment.
    const assessment = path.join(docs, 'assessments/2026-12-harbourline-day-90.yaml');
    const assessmentLines = readFileSync(assessment, 'utf8').split('\n');
    const entryLine = assessmentLines.findIndex((l) => /^ {2}[A-Z][A-Z-]*\d+:/.test(l));
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(__dirname, 'nvim/driver.lua')}`], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, OPMODEL_NVIM_OUT: out, OPMODEL_CMD: JSON.stringify([process.execPath, await cliBundle(), 'lsp', '--stdio']), OPMODEL_CONFIG: CONFIG, OPMODEL_FILE: file, OPMODEL_HOVER_LINE: String(hoverLine + 1), OPMODEL_ASSESSMENT: assessment, OPMODEL_ASSESSMENT_LINE: String(entryLine + 1) },
    });
    let got: any;
    try {
      got = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`Neovim wrote no result (exit ${r.status}): ${r.stdout}${r.stderr}`);
    }
    expect(got.error).toBeUndefined();
    expect(got.client).toEqual({ name: 'opmodel', offset_encoding: 'utf-8', position_encoding: 'utf-8' });

    // Expected answers: byte columns counted here, hover text from the engine on the same files.
    const maturityLine = lines[hoverLine]!;
    const bytes = (s: string) => Buffer.byteLength(s);
    const gov4 = maturityLine.indexOf('GOV4');
    expect(maturityLine.slice(0, gov4)).toContain('—');
    const project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(docs) });
    const engine = hover(project, fileUri(file), { line: hoverLine, character: gov4 + 1 }, (l) => `${l.uri}#L${l.range.start.line + 1}`)!;
    expect(got.hover).toEqual({ byte_col: bytes(maturityLine.slice(0, gov4)), value: engine.markdown, range: { start: { line: hoverLine, character: bytes(maturityLine.slice(0, gov4)) }, end: { line: hoverLine, character: bytes(maturityLine.slice(0, gov4)) + 4 } } });
    expect(engine.markdown.split('\n')[0]).toBe('**GOV4 · Monthly Operational Meetings**');

    const typed = 'Café 🚀 — see FLM99, FLM5 and FL';
    const at = (needle: string) => bytes(typed.slice(0, typed.indexOf(needle)));
    const line = got.typed.line - 1;
    // The driver appends a blank line and the typed one after the file's last line.
    expect(got.typed).toEqual({ line: lines.length + (lines[lines.length - 1] === '' ? 1 : 2), flm99: at('FLM99'), flm5: at('FLM5') });
    expect(got.diagnostics).toEqual([
      { lnum: line, col: at('FLM99'), end_col: at('FLM99') + 5, severity: 1, code: 'unknown-id', message: 'Unknown ID FLM99: no document defines it. Create it or correct the reference.' },
    ]);
    expect(got.completion).toEqual({ labels: ['FLM1', 'FLM2', 'FLM4', 'FLM5', 'FLM6', 'FLM7'], range: { start: { line, character: bytes(typed) - 2 }, end: { line, character: bytes(typed) } } });
    expect(got.hover_after_emoji).toEqual({ start: { line, character: at('FLM5') }, end: { line, character: at('FLM5') + 4 } });
    expect(got.definition).toEqual({ file: path.join(docs, 'first-line-management/FLM5.md'), row: 2, col: 4 });

    const entry = assessmentLines[entryLine]!;
    const id = /^ {2}([A-Z][A-Z-]*\d+):/.exec(entry)![1]!;
    const expected = assessmentHover(project, fileUri(assessment), { line: entryLine, character: 2 })!;
    expect(expected.markdown.split('\n')[0]).toBe(`**${id} · ${project.index.definitions(id)[0]!.title}**`);
    expect(got.assessment).toEqual({ filetype: 'yaml', same_client: true, col: 2, value: expected.markdown, range: { start: { line: entryLine, character: 2 }, end: { line: entryLine, character: 2 + id.length } } });
  }, 180_000);
});
