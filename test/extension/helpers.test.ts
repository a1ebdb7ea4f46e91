// The vscode-free helpers of the extension: file kinds, settings, the filtered workspace,
// framework detection, the new-element template and the matrix page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, FileTooLargeError, IdSyntax, matrix, MemoryWorkspace, Project } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { fileUri } from '../../language/workspace/uris';
import { elementTemplate, newElementUri, yamlScalar } from '../../extension/elementTemplate';
import { fileKindOf, FILE_TYPE } from '../../extension/fileKinds';
import { FilteredWorkspace } from '../../language/workspace/filteredWorkspace';
import { hasFrameworkFrontMatter } from '../../language/workspace/frameworkProbe';
import { escapeHtml, matrixCsp, renderMatrixHtml } from '../../extension/matrixHtml';
import { readSettings, settingsFilter } from '../../language/config/editorSettings';
import { element, openMemory, ROOT, u } from '../helpers';

describe('fileKindOf', () => {
  it('maps vscode.FileType flags, a link to a folder to symlink-directory', () => {
    expect(fileKindOf(FILE_TYPE.File)).toBe('file');
    expect(fileKindOf(FILE_TYPE.Directory)).toBe('directory');
    expect(fileKindOf(FILE_TYPE.Directory | FILE_TYPE.SymbolicLink)).toBe('symlink-directory');
    expect(fileKindOf(FILE_TYPE.File | FILE_TYPE.SymbolicLink)).toBe('file');
    expect(fileKindOf(FILE_TYPE.SymbolicLink)).toBe('other');
    expect(fileKindOf(FILE_TYPE.Unknown)).toBe('other');
  });
});

describe('readSettings', () => {
  it('keeps valid severities and globs', () => {
    const r = readSettings({ severity: { 'unknown-id': 'warning', 'missing-title': 'off' }, include: ['docs/**'], exclude: ['drafts/**'], debounceMs: 50 });
    expect(r).toEqual({ settings: { severity: { 'unknown-id': 'warning', 'missing-title': 'off' }, include: ['docs/**'], exclude: ['drafts/**'], debounceMs: 50, assessment: '' }, problems: [] });
  });
  it('drops bad values with a message naming the setting', () => {
    const r = readSettings({ severity: { 'no-such-code': 'error', 'unknown-id': 'loud' }, include: 'docs', exclude: [''], debounceMs: -1 });
    expect(r.settings).toEqual({ severity: {}, include: [], exclude: [], debounceMs: 300, assessment: '' });
    expect(r.problems.map((p) => p.split(':')[0])).toEqual(['opmodel.severity', 'opmodel.severity.unknown-id', 'opmodel.include must be a list of glob patterns; ignored.', 'opmodel.exclude must be a list of glob patterns; ignored.', 'opmodel.debounceMs must be a number of milliseconds (0 to 10000); using 300.']);
  });
  it('uses the defaults when nothing is set', () => {
    expect(readSettings({}).settings).toEqual({ severity: {}, include: [], exclude: [], debounceMs: 300, assessment: '' });
  });
});

describe('FilteredWorkspace', () => {
  it('hides excluded Markdown from discovery and from the project', async () => {
    const inner = new MemoryWorkspace({
      [u('flm/FLM1.md')]: element('FLM1', 'first-line-management', 'organization-management'),
      [u('drafts/FLM2.md')]: element('FLM2', 'first-line-management', 'organization-management', 'Uses FLM1.'),
      [u('drafts/notes.txt')]: 'not markdown',
    });
    const ws = new FilteredWorkspace(inner, ROOT, settingsFilter({ include: [], exclude: ['drafts/**'] }));
    const project = await Project.open({ workspace: ws, rootUri: ROOT });
    expect([...project.index.docs.keys()]).toEqual([u('flm/FLM1.md')]);
    expect(ws.allows(u('drafts/FLM2.md'))).toBe(false);
    expect(ws.allows(u('flm/FLM1.md'))).toBe(true);
    expect(await ws.readDirectory(u('drafts'))).toEqual([['notes.txt', 'file']]);
  });
  it('with include set, keeps only matching files', async () => {
    const inner = new MemoryWorkspace({ [u('a/FLM1.md')]: element('FLM1', 'first-line-management', 'organization-management'), [u('b/FLM2.md')]: element('FLM2', 'first-line-management', 'organization-management') });
    const ws = new FilteredWorkspace(inner, ROOT, settingsFilter({ include: ['a/**'], exclude: [] }));
    const project = await Project.open({ workspace: ws, rootUri: ROOT });
    expect(project.index.definedIds()).toEqual(['FLM1']);
  });
  it('passes on the size-checked read of the disk workspace, so that no file costs a stat as well', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-filtered-'));
    try {
      writeFileSync(path.join(dir, 'FLM1.md'), element('FLM1', 'first-line-management', 'organization-management'));
      const root = fileUri(dir);
      const ws = new FilteredWorkspace(new NodeWorkspace(), root, settingsFilter({ include: [], exclude: [] }));
      expect(ws.readFileWithin).toBeTypeOf('function');
      expect(new TextDecoder().decode(await ws.readFileWithin!(`${root}/FLM1.md`, 1000))).toContain('id: FLM1');
      await expect(ws.readFileWithin!(`${root}/FLM1.md`, 10)).rejects.toBeInstanceOf(FileTooLargeError);
      expect(new FilteredWorkspace(new MemoryWorkspace({}), ROOT, () => true).readFileWithin).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hasFrameworkFrontMatter', () => {
  it('recognises element front matter of the shipped families', () => {
    expect(hasFrameworkFrontMatter(readFileSync('framework-docs/first-line-management/FLM3.md', 'utf8'))).toBe(true);
    expect(hasFrameworkFrontMatter('---\nid: CORE-B4\n---\n')).toBe(true);
  });
  it('ignores other Markdown', () => {
    expect(hasFrameworkFrontMatter(readFileSync('framework-docs/README.md', 'utf8'))).toBe(false);
    expect(hasFrameworkFrontMatter('# Readme\n\nid: FLM3\n')).toBe(false);
    expect(hasFrameworkFrontMatter('---\nid: my-post\ntitle: Blog\n---\n')).toBe(false);
    expect(hasFrameworkFrontMatter('---\nid: [FLM3\n---\n')).toBe(false);
  });
});

describe('elementTemplate', () => {
  it('creates a document the engine reads back without problems', async () => {
    const text = elementTemplate({ id: 'FLM8', title: 'Shift: Handover #1', type: 'element', system: 'first-line-management', discipline: 'processes-procedures' });
    expect(text.split('\n').slice(0, 10)).toEqual([
      '---',
      'id: FLM8',
      'title: "Shift: Handover #1"',
      'type: element',
      'system: first-line-management',
      'discipline: processes-procedures',
      'summary: ""',
      'related: []',
      '---',
      '',
    ]);
    const { project } = await openMemory({ 'flm/FLM8.md': text });
    const doc = project.document(u('flm/FLM8.md'))!;
    expect([doc.definition?.id, doc.title, doc.system, doc.discipline]).toEqual(['FLM8', 'Shift: Handover #1', 'first-line-management', 'processes-procedures']);
    expect(project.diagnostics(u('flm/FLM8.md'))).toEqual([]);
    expect(doc.headings.map((h) => h.text)).toEqual(['FLM8 · Shift: Handover #1', 'Purpose', 'What good looks like', 'Key practices', 'Measures', 'Maturity levels', 'Common pitfalls', 'Related elements']);
  });
  it('uses a part instead of system and discipline for leadership', async () => {
    const text = elementTemplate({ id: 'LP5', title: 'Listen first', type: 'principle', part: 'leadership-principles' });
    const { project } = await openMemory({ 'lead/LP5.md': text });
    expect(project.document(u('lead/LP5.md'))!.fields.get('part')?.value).toBe('leadership-principles');
    expect(project.diagnostics(u('lead/LP5.md'))).toEqual([]);
  });
  it('quotes titles YAML would misread', () => {
    expect(yamlScalar('Meetings Management')).toBe('Meetings Management');
    expect(yamlScalar('yes: no')).toBe('"yes: no"');
    expect(yamlScalar('- dash')).toBe('"- dash"');
    expect(yamlScalar('[x]')).toBe('"[x]"');
  });
  it('places the file next to its family, else in the system folder', () => {
    expect(newElementUri(ROOT, 'FLM8', u('flm/FLM3.md'), 'first-line-management')).toBe(u('flm/FLM8.md'));
    expect(newElementUri(ROOT, 'EE1', undefined, 'people-management')).toBe(u('people-management/EE1.md'));
    expect(newElementUri(ROOT, 'EE1')).toBe(u('EE1.md'));
  });
});

describe('matrix page', () => {
  it('has a strict CSP, no scripts, escaped titles and command links', async () => {
    const { project } = await openMemory({
      'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management').replace('Title of FLM1', '<img src=x onerror=alert(1)>'),
    });
    const html = renderMatrixHtml(matrix(project), {
      nonce: 'abc123',
      cspSource: 'https://webview.test',
      title: (id) => project.index.definitions(id)[0]?.title,
      openHref: (id) => `command:opmodel.openLocation?${encodeURIComponent(JSON.stringify([id]))}`,
      heading: 'Matrix',
    });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https://webview.test 'nonce-abc123'; img-src https://webview.test; font-src https://webview.test;">`);
    expect(matrixCsp('n', 's')).toMatch(/^default-src 'none';/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<style nonce="abc123">');
    expect(html).toContain('href="command:opmodel.openLocation?%5B%22FLM1%22%5D"');
    // 4 systems × 4 disciplines, 15 of them empty.
    expect(html.match(/<td class="empty">empty<\/td>/g)?.length).toBe(15);
  });
  it('escapes every HTML-special character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('injection grammar', () => {
  const grammar = JSON.parse(readFileSync('language/syntaxes/opmodel-ids.tmLanguage.json', 'utf8'));
  const re = new RegExp(grammar.repository.id.match, 'gu');
  const hits = (s: string) => [...s.matchAll(re)].map((m) => m[0]);

  it('is injected into Markdown outside code and matches as package.json declares', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const contrib = pkg.contributes.grammars.find((g: { path: string }) => g.path.endsWith('opmodel-ids.tmLanguage.json'));
    expect(contrib).toEqual({ scopeName: grammar.scopeName, path: './language/syntaxes/opmodel-ids.tmLanguage.json', injectTo: ['text.html.markdown'] });
    expect(grammar.injectionSelector).toMatch(/^L:text\.html\.markdown /);
    for (const scope of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw', '-comment']) expect(grammar.injectionSelector).toContain(scope);
  });

  it('matches exactly the canonical IDs of the default families', () => {
    const syntax = new IdSyntax(defaultConfig().families);
    const text = 'FLM3, UM12 and GOV4; EE17 (CORE-B4) OM23 LP2 LC20. Not flm3, FLM03, FLM 3, CORE-D1, CORE-B, XFLM3, FLM3x, FLM0.';
    const fromEngine = syntax.scan(text).filter((m) => m.isCanonical).map((m) => m.text);
    expect(hits(text)).toEqual(['FLM3', 'UM12', 'GOV4', 'EE17', 'CORE-B4', 'OM23', 'LP2', 'LC20']);
    expect(hits(text)).toEqual(fromEngine);
  });

  it('matches every ID the shipped framework defines', async () => {
    const { NodeWorkspace } = await import('../../language/workspace/nodeWorkspace');
    const { fileUri } = await import('../../language/workspace/uris');
    const project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(`${process.cwd()}/framework-docs`) });
    const ids = project.index.definedIds();
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) expect(hits(` ${id} `)).toEqual([id]);
  });
});

describe('Framework view welcome', () => {
  it('is shown only once discovery found no framework, and reads as plain text', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const welcome = pkg.contributes.viewsWelcome.filter((w: { view: string }) => w.view === 'opmodel.framework');
    expect(welcome).toHaveLength(1);
    // Set by extension/indexingStatus.ts after discovery; while indexing the view shows progress.
    expect(welcome[0].when).toBe('opmodel.noFramework');
    expect(readFileSync('extension/indexingStatus.ts', 'utf8')).toContain("'opmodel.noFramework'");
    // Welcome content renders links, not code spans: backticks would show as they are.
    expect(welcome[0].contents).not.toContain('`');
  });
});
