// Suppression directives in HTML comments, and severities from opmodel.json and the editor.
import { describe, expect, it } from 'vitest';
import { element, openMemory, u } from '../helpers';

const base = { 'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management') };

async function lines(body: string, extra: Record<string, string> = {}) {
  const text = `# Notes\n\n${body}\n`;
  const { project } = await openMemory({ ...base, ...extra, 'notes.md': text });
  return project.diagnostics(u('notes.md')).map((d) => `${d.range.start.line}:${d.code}`);
}

describe('suppression directives', () => {
  it('disable/enable with a code switch off a region for that code only', async () => {
    const body = ['FLM9 a', '<!-- opmodel-disable unknown-id -->', 'FLM9 b flm1', '<!-- opmodel-enable unknown-id -->', 'FLM9 c'].join('\n');
    expect(await lines(body)).toEqual(['2:unknown-id', '4:malformed-id', '6:unknown-id']);
  });

  it('disable without codes switches off every code until enable', async () => {
    const body = ['<!-- opmodel-disable -->', 'FLM9 flm1', '<!-- opmodel-enable -->', 'UM9'].join('\n');
    expect(await lines(body)).toEqual(['5:unknown-id']);
  });

  it('disable without a matching enable lasts to the end of the document', async () => {
    expect(await lines('FLM9\n<!-- opmodel-disable unknown-id -->\nUM9\n\nGOV9')).toEqual(['2:unknown-id']);
  });

  it('several codes, separated by spaces or commas', async () => {
    expect(await lines('<!-- opmodel-disable unknown-id, malformed-id -->\nFLM9 flm1 EE 17')).toEqual([]);
    expect(await lines('<!-- opmodel-disable unknown-id malformed-id -->\nFLM9 flm1 EE 17')).toEqual([]);
  });

  it('disable-next-line covers exactly the next line, also after a multi-line comment', async () => {
    expect(await lines('<!-- opmodel-disable-next-line unknown-id -->\nFLM9 flm1\nUM9')).toEqual(['3:malformed-id', '4:unknown-id']);
    expect(await lines('<!--\nopmodel-disable-next-line\n-->\nFLM9\nUM9')).toEqual(['6:unknown-id']);
    expect(await lines('<!-- opmodel-disable-next-line -->\nFLM9 flm1\nUM9')).toEqual(['4:unknown-id']);
  });

  it('an inline directive at the end of a line disables the next line', async () => {
    expect(await lines('FLM9 <!-- opmodel-disable-next-line unknown-id -->\nUM9\nGOV9')).toEqual(['2:unknown-id', '4:unknown-id']);
  });

  it('disable-file anywhere in the document, with and without codes', async () => {
    expect(await lines('FLM9 flm1\n\n<!-- opmodel-disable-file unknown-id -->')).toEqual(['2:malformed-id']);
    expect(await lines('FLM9 flm1\n\n<!-- opmodel-disable-file -->')).toEqual([]);
  });

  it('suppresses front-matter diagnostics too', async () => {
    const text = element('FLM3', 'upline-management', 'processes-procedures', '<!-- opmodel-disable-file id-family-mismatch -->\n');
    const { project } = await openMemory({ ...base, 'flm/FLM3.md': text });
    expect(project.diagnostics(u('flm/FLM3.md'))).toEqual([]);
  });

  it('is not a directive inside code or under another name', async () => {
    expect(await lines('`<!-- opmodel-disable -->`\nFLM9')).toEqual(['3:unknown-id']);
    expect(await lines('```\n<!-- opmodel-disable -->\n```\nFLM9')).toEqual(['5:unknown-id']);
    expect(await lines('<!-- opmodel-disabled -->\nFLM9')).toEqual(['3:unknown-id']);
    expect(await lines('<!-- eslint-disable -->\nFLM9')).toEqual(['3:unknown-id']);
    expect(await lines('<!-- opmodel-disable other-code -->\nFLM9')).toEqual(['3:unknown-id']);
  });
});

describe('severity', () => {
  const config = (severity: Record<string, string>) => JSON.stringify({ severity });

  it('opmodel.json sets the severity per code, and "off" removes the code', async () => {
    const { project } = await openMemory({ ...base, 'opmodel.json': config({ 'unknown-id': 'warning', 'malformed-id': 'off' }), 'notes.md': 'FLM9 flm1\n' });
    expect(project.configProblems).toEqual([]);
    expect(project.diagnostics(u('notes.md')).map((d) => [d.code, d.severity])).toEqual([['unknown-id', 'warning']]);
  });

  it('editor overrides win over the config file and can be changed later', async () => {
    const { project } = await openMemory({ ...base, 'opmodel.json': config({ 'unknown-id': 'warning' }), 'notes.md': 'FLM9 flm1\n' }, { 'unknown-id': 'hint', 'malformed-id': 'info' });
    expect(project.diagnostics(u('notes.md')).map((d) => [d.code, d.severity])).toEqual([['unknown-id', 'hint'], ['malformed-id', 'info']]);
    project.setSeverityOverrides({ 'unknown-id': 'off' });
    expect(project.diagnostics(u('notes.md')).map((d) => [d.code, d.severity])).toEqual([['malformed-id', 'warning']]);
  });

  it('skipped-file takes its severity from the config too', async () => {
    const { project } = await openMemory({ ...base, 'opmodel.json': JSON.stringify({ severity: { 'skipped-file': 'error' }, maxFileSize: 100 }), 'big.md': 'x'.repeat(200) });
    expect(project.diagnostics(u('big.md')).map((d) => [d.code, d.severity, d.message])).toEqual([
      ['skipped-file', 'error', 'Not checked: larger than the 100 bytes limit (maxFileSize; the file has 200 bytes).'],
    ]);
  });
});

describe('files that cannot be checked', () => {
  it('non-UTF-8 and binary files are reported and skipped; the rest is still checked', async () => {
    const { MemoryWorkspace, Project } = await import('../../language/index');
    const ws = new MemoryWorkspace({
      [u('latin1.md')]: new Uint8Array([0x46, 0x4c, 0x4d, 0x39, 0x20, 0xe9, 0x0a]),
      [u('binary.md')]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      [u('ok.md')]: 'FLM9\n',
    });
    const project = await Project.open({ workspace: ws, rootUri: 'file:///ws' });
    expect(project.allDiagnostics().map((d) => [d.uri.slice(11), d.code, d.severity, d.message])).toEqual([
      ['binary.md', 'skipped-file', 'warning', 'Not checked: binary file (it contains NUL bytes).'],
      ['latin1.md', 'skipped-file', 'warning', 'Not checked: not valid UTF-8 text.'],
      ['ok.md', 'unknown-id', 'error', 'Unknown ID FLM9: no document defines it. Create it or correct the reference.'],
    ]);
    // Once fixed on disk, a re-read checks it.
    ws.set(u('latin1.md'), 'FLM8\n');
    await project.readAndIndex(u('latin1.md'));
    expect(project.diagnostics(u('latin1.md')).map((d) => d.code)).toEqual(['unknown-id']);
  });
});
