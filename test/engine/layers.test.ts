// Client frameworks that extend another: config merging, the base indexed read-only, tailoring,
// scope and its fix, "did you mean" within a family, and resolution (folders, packages, cycles).
import { describe, expect, it } from 'vitest';
import { applyTextEdits, completions, definition, documentLinks, elementInfo, hover, listElements, loadConfig, matrix, MemoryWorkspace, Project, renameId, defaultConfig, type Diagnostic } from '../../language/index';
import { URI } from 'vscode-uri';
import { normalise, rangeOf } from '../helpers';

const WS = 'file:///ws';
// As the engine writes URIs ("@" becomes %40).
const at = (p: string) => URI.parse(`${WS}/${p}`).toString();

async function open(files: Record<string, string>, root = 'client') {
  const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [at(p), t])));
  const project = await Project.open({ workspace: ws, rootUri: at(root) });
  return { ws, project };
}

const el = (id: string, system: string, discipline: string, extra = '', body = '') =>
  `---\nid: ${id}\ntitle: Title of ${id}\ntype: element\nsystem: ${system}\ndiscipline: ${discipline}\nsummary: Base summary of ${id}\n${extra}---\n\n# ${id}\n\n${body}`;

const BASE_CONFIG = JSON.stringify({
  families: { FLM: { title: 'First Line' }, GOV: { title: 'Governance' } },
  systems: [
    { key: 'first-line', title: 'First Line', families: ['FLM'] },
    { key: 'upline', title: 'Upline', families: ['GOV'] },
  ],
  disciplines: [{ key: 'org', title: 'Organisation' }, { key: 'proc', title: 'Processes' }],
  leadership: [],
}, null, 2);

const BASE: Record<string, string> = {
  'base/opmodel.json': BASE_CONFIG,
  'base/FLM1.md': el('FLM1', 'first-line', 'org', 'accountable: Team Lead\nrelated: [FLM3, GOV1]\n', 'Runs with FLM3.'),
  'base/FLM2.md': el('FLM2', 'first-line', 'proc'),
  'base/FLM3.md': el('FLM3', 'first-line', 'proc'),
  'base/FLM5.md': el('FLM5', 'first-line', 'proc'),
  'base/GOV1.md': el('GOV1', 'upline', 'org'),
  'base/GOV4.md': el('GOV4', 'upline', 'org'),
  // A base with problems of its own: they are not the client's.
  'base/broken.md': '---\nid: FLM9\n---\nSee FLM77.\n',
};

const clientConfig = (extra: Record<string, unknown> = {}) => JSON.stringify({ extends: '../base', ...extra }, null, 2);

describe('extends: merge, and standalone replaces', () => {
  it('a new key adds, the same key overrides only the properties it names', async () => {
    const { project } = await open({
      ...BASE,
      'client/opmodel.json': clientConfig({
        families: { ACME: { title: 'Acme practices' }, GOV: { title: 'Client governance' } },
        systems: [{ key: 'first-line', families: ['FLM', 'ACME'] }],
        disciplines: [{ key: 'risk', title: 'Risk' }],
      }),
    });
    expect(project.configProblems).toEqual([]);
    const c = project.config;
    expect(c.families.map((f) => [f.key, f.title, f.prefix])).toEqual([['FLM', 'First Line', 'FLM'], ['GOV', 'Client governance', 'GOV'], ['ACME', 'Acme practices', 'ACME']]);
    expect(c.systems).toEqual([
      { key: 'first-line', title: 'First Line', families: ['FLM', 'ACME'] },
      { key: 'upline', title: 'Upline', families: ['GOV'] },
    ]);
    expect(c.disciplines.map((d) => d.key)).toEqual(['org', 'proc', 'risk']);
    expect(project.layers.map((l) => [l.rootUri, l.source?.kind ?? 'own'])).toEqual([[at('base'), 'folder'], [at('client'), 'own']]);
  });

  it('without extends, what a config declares replaces the defaults (as before)', () => {
    const { config, problems } = loadConfig(JSON.stringify({ families: { ACME: { title: 'Acme' } }, systems: [{ key: 'acme', families: ['ACME'] }] }));
    expect(problems).toEqual([]);
    expect(config.families.map((f) => f.key)).toEqual(['ACME']);
    expect(config.systems.map((s) => s.key)).toEqual(['acme']);
    expect(config.disciplines).toEqual(defaultConfig().disciplines);
  });

  it('with extends, the same declaration keeps everything the base declares', () => {
    const { config } = loadConfig(JSON.stringify({ extends: 'opmodel', families: { ACME: { title: 'Acme' } }, systems: [{ key: 'acme', families: ['ACME'] }] }), { base: defaultConfig() });
    expect(config.families.map((f) => f.key)).toEqual(['FLM', 'UM', 'GOV', 'EE', 'CORE', 'OM', 'LP', 'LC', 'ACME']);
    expect(config.systems.map((s) => s.key)).toEqual(['operational-management', 'first-line-management', 'upline-management', 'people-management', 'acme']);
  });
});

describe('the base framework, indexed read-only', () => {
  const CLIENT_DOC = '---\nid: ACME1\ntitle: Acme intake\ntype: element\nsystem: first-line\ndiscipline: proc\nrelated: [FLM2]\n---\n\nUses FLM1 and FLM3 daily.\n';
  const files = {
    ...BASE,
    'client/opmodel.json': clientConfig({ families: { ACME: { title: 'Acme' } }, systems: [{ key: 'first-line', families: ['FLM', 'ACME'] }] }),
    'client/ACME1.md': CLIENT_DOC,
  };

  it('references to base elements resolve; only the client\'s files get diagnostics', async () => {
    const { project } = await open(files);
    expect(project.index.docs.has(at('base/FLM1.md'))).toBe(true);
    expect(project.isBaseDocument(at('base/FLM1.md'))).toBe(true);
    expect(project.isBaseDocument(at('client/ACME1.md'))).toBe(false);
    expect(project.diagnostics(at('client/ACME1.md'))).toEqual([]);
    expect(project.diagnostics(at('base/broken.md'))).toEqual([]);
    expect(project.allDiagnostics()).toEqual([]);
    expect(project.contains(at('base/FLM1.md'))).toBe(false);
  });

  it('hover, definition and completion use the base', async () => {
    const { project } = await open(files);
    const uri = at('client/ACME1.md');
    const pos = rangeOf(CLIENT_DOC, 'FLM1').start;
    const h = hover(project, uri, pos)!;
    expect(h.title).toBe('Title of FLM1');
    expect(h.markdown).toContain('_From the ../base framework (read-only)_');
    expect(definition(project, uri, pos)).toEqual([{ uri: at('base/FLM1.md'), range: rangeOf(BASE['base/FLM1.md']!, 'FLM1') }]);
    const c = completions(project, uri, CLIENT_DOC, { line: 9, character: 0 })!;
    expect(c.items.map((i) => i.label)).toEqual(['FLM1', 'FLM2', 'FLM3', 'FLM5', 'FLM9', 'GOV1', 'GOV4']);
    const info = elementInfo(project, 'FLM1')!;
    expect([info.origin, info.framework?.kind, info.framework?.name, info.tailors]).toEqual(['base', 'folder', '../base', undefined]);
  });

  it('a base ID cannot be renamed from the client', async () => {
    const { project } = await open(files);
    expect(renameId(project, 'FLM1', 'FLM8')).toEqual({ error: 'FLM1 is defined by the ../base framework, which is read-only here: rename it there, or tailor it in a file of your own.' });
  });

  it('file names: a base document is never reported; renaming a client element renames its file and the client\'s links, never a base file', async () => {
    const { project } = await open({
      ...files,
      // A base that links into the client (a folder beside it): its text is not the client's to change.
      'base/links.md': 'See [the client](../client/ACME1.md).\n',
      'client/note.md': 'See [intake](ACME1.md) and [the base](../base/FLM1.md).\n',
    });
    // base/broken.md defines FLM9: a base file not named after its ID, not the client's problem.
    expect(project.index.diagnostics(at('base/broken.md')).map((d) => d.code)).not.toContain('file-name-mismatch');
    expect(project.allDiagnostics()).toEqual([]);
    const r = renameId(project, 'ACME1', 'ACME2');
    if (!('edit' in r)) throw new Error(r.error);
    expect(r.edit.renames).toEqual([{ oldUri: at('client/ACME1.md'), newUri: at('client/ACME2.md') }]);
    expect(Object.keys(r.edit.changes).sort()).toEqual([at('client/ACME1.md'), at('client/note.md')]);
    expect(applyTextEdits('See [intake](ACME1.md) and [the base](../base/FLM1.md).\n', r.edit.changes[at('client/note.md')]!)).toBe('See [intake](ACME2.md) and [the base](../base/FLM1.md).\n');
  });

  it('file-name-mismatch on a client file that tailors a base element: its fix renames the client file only', async () => {
    const tailoring = '---\nid: FLM1\nsummary: How Acme runs it.\n---\n\n# FLM1 at Acme\n';
    const { project } = await open({ ...files, 'client/meetings.md': tailoring, 'base/links.md': 'See [the client](../client/meetings.md).\n', 'client/note.md': 'See [meetings](meetings.md).\n' });
    const ds = project.allDiagnostics();
    expect(ds.map((d) => [d.uri, d.code, d.message])).toEqual([[at('client/meetings.md'), 'file-name-mismatch', 'FLM1 is defined in meetings.md: name the file FLM1.md, after its ID.']]);
    const edit = ds[0]!.fixes![0]!.edit;
    expect(edit.renames).toEqual([{ oldUri: at('client/meetings.md'), newUri: at('client/FLM1.md') }]);
    expect(Object.keys(edit.changes)).toEqual([at('client/note.md')]);
  });
});

describe('tailoring', () => {
  const TAILORED = '---\nid: FLM1\nsummary: How Acme runs it.\naccountable: Service Desk Lead\n---\n\n# FLM1 at Acme\n\nDaily at 09:00.\n';

  it('a client document with a base ID replaces it; fields it leaves out are inherited', async () => {
    const { project } = await open({ ...BASE, 'client/opmodel.json': clientConfig(), 'client/FLM1.md': TAILORED });
    const info = elementInfo(project, 'FLM1')!;
    expect(info).toMatchObject({
      id: 'FLM1', title: 'Title of FLM1', summary: 'How Acme runs it.', system: 'first-line', discipline: 'org', type: 'element',
      origin: 'own', relations: { related: ['FLM3', 'GOV1'] },
      location: { uri: at('client/FLM1.md') },
      tailors: { uri: at('base/FLM1.md'), range: rangeOf(BASE['base/FLM1.md']!, 'FLM1') },
    });
    // No missing-title (inherited), no duplicate-id (another layer).
    expect(project.diagnostics(at('client/FLM1.md'))).toEqual([]);
    const h = hover(project, at('client/FLM1.md'), rangeOf(TAILORED, 'FLM1').start)!;
    expect(h.summary).toBe('How Acme runs it.');
    // The tailored document's accountable; the base's would show where it says none.
    expect(h.markdown).toContain('Accountable: Service Desk Lead');
    project.updateText(at('client/FLM1.md'), TAILORED.replace('accountable: Service Desk Lead\n', ''));
    expect(hover(project, at('client/FLM1.md'), rangeOf(TAILORED, 'FLM1').start)!.markdown).toContain('Accountable: Team Lead');
    project.updateText(at('client/FLM1.md'), TAILORED);
    expect(h.markdown).toContain('_Tailored for this client from the ../base framework:_');
    expect(definition(project, at('client/FLM1.md'), rangeOf(TAILORED, 'FLM1').start).map((l) => l.uri)).toEqual([at('client/FLM1.md')]);
    expect(listElements(project).map((e) => [e.id, e.origin, Boolean(e.tailors)])).toContainEqual(['FLM1', 'own', true]);
    // Links and "did you mean" name it by the title it inherits, never "untitled".
    project.updateText(at('client/note.md'), 'FLM1 and FLM4.\n');
    expect(documentLinks(project, at('client/note.md')).map((l) => l.tooltip)).toEqual(['FLM1 · Title of FLM1']);
    expect(project.diagnostics(at('client/note.md'))[0]!.message).toBe('Unknown ID FLM4: no document defines it. Did you mean FLM3 (Title of FLM3) or FLM5 (Title of FLM5) or FLM2 (Title of FLM2)?');
    expect(matrix(project).cells['first-line']!['org']).toEqual(['FLM1']);
  });

  it('duplicate-id only within one layer', async () => {
    const { project } = await open({ ...BASE, 'client/opmodel.json': clientConfig(), 'client/FLM1.md': TAILORED, 'client/again.md': TAILORED });
    const ds = [...project.diagnostics(at('client/FLM1.md')), ...project.diagnostics(at('client/again.md'))];
    expect(ds.map((d) => [d.uri.slice(WS.length + 1), d.code, d.message])).toEqual([
      ['client/FLM1.md', 'duplicate-id', 'Duplicate ID FLM1: also defined in again.md. Each ID must be defined once; the next free ID is FLM4.'],
      ['client/again.md', 'duplicate-id', 'Duplicate ID FLM1: also defined in FLM1.md. Each ID must be defined once; the next free ID is FLM4.'],
    ]);
  });

  it('edits give the same answers as a fresh open', async () => {
    const files = { ...BASE, 'client/opmodel.json': clientConfig({ scope: { exclude: ['FLM1'] } }), 'client/note.md': 'See FLM1 and FLM2.\n' };
    const { project } = await open(files);
    expect(project.diagnostics(at('client/note.md')).map((d) => d.code)).toEqual(['out-of-scope-id']);
    project.updateText(at('client/FLM1.md'), TAILORED);
    const fresh = (await open({ ...files, 'client/FLM1.md': TAILORED })).project;
    expect(normalise(project.allDiagnostics())).toEqual(normalise(fresh.allDiagnostics()));
    // Tailoring an excluded element brings it in: the client's own elements are always in scope.
    expect(project.allDiagnostics()).toEqual([]);
    project.remove(at('client/FLM1.md'));
    expect(project.diagnostics(at('client/note.md')).map((d) => d.code)).toEqual(['out-of-scope-id']);
  });
});

describe('scope', () => {
  it('include and exclude take families and IDs; lists show what is in scope plus the client\'s own', async () => {
    const { project } = await open({
      ...BASE,
      'client/opmodel.json': clientConfig({ families: { ACME: {} }, systems: [{ key: 'first-line', families: ['FLM', 'ACME'] }], scope: { include: ['FLM', 'GOV4'], exclude: ['FLM2'] } }),
      'client/ACME1.md': '---\nid: ACME1\ntitle: Acme\ntype: element\nsystem: first-line\ndiscipline: org\n---\n',
    });
    expect(listElements(project).map((e) => e.id)).toEqual(['FLM1', 'FLM3', 'FLM5', 'FLM9', 'GOV4', 'ACME1']);
    expect(['FLM2', 'GOV1', 'GOV4', 'ACME1'].map((id) => project.inScope(id))).toEqual([false, false, true, true]);
    const m = matrix(project);
    expect(m.cells['first-line']).toEqual({ org: ['FLM1', 'ACME1'], proc: ['FLM3', 'FLM5'] });
    expect(m.cells['upline']).toEqual({ org: ['GOV4'], proc: [] });
  });

  it('out-of-scope-id: a warning at the reference, and a fix that adds the ID to opmodel.json', async () => {
    const config = '{\n  "extends": "../base",\n  "scope": {\n    "include": ["FLM"],\n    "exclude": ["FLM2"]\n  }\n}\n';
    const note = 'We follow FLM2 and GOV1.\n';
    const { ws, project } = await open({ ...BASE, 'client/opmodel.json': config, 'client/note.md': note });
    const ds = project.diagnostics(at('client/note.md'));
    expect(ds.map((d) => [d.code, d.severity, d.range, d.message])).toEqual([
      ['out-of-scope-id', 'warning', rangeOf(note, 'FLM2'), 'FLM2 (Title of FLM2) is out of this client\'s scope: opmodel.json excludes FLM2. It is left out of the matrix, the tree and the site; add it to the scope or refer to an element in scope.'],
      ['out-of-scope-id', 'warning', rangeOf(note, 'GOV1'), 'GOV1 (Title of GOV1) is out of this client\'s scope: GOV1 is not in the include list of opmodel.json. It is left out of the matrix, the tree and the site; add it to the scope or refer to an element in scope.'],
    ]);
    const apply = (d: Diagnostic, text: string) => {
      const fix = d.fixes![0]!;
      expect(fix.title).toBe(`Add ${d.message.slice(0, 4)} to the scope in opmodel.json`);
      expect(fix.safe).toBe(false);
      return applyTextEdits(text, fix.edit.changes[at('client/opmodel.json')]!, fix.edit.versions[at('client/opmodel.json')]!);
    };
    expect(apply(ds[0]!, config)).toBe('{\n  "extends": "../base",\n  "scope": {\n    "include": ["FLM"],\n    "exclude": []\n  }\n}\n');
    const withGov = apply(ds[1]!, config);
    expect(withGov).toBe('{\n  "extends": "../base",\n  "scope": {\n    "include": ["FLM", "GOV1"],\n    "exclude": ["FLM2"]\n  }\n}\n');
    ws.set(at('client/opmodel.json'), withGov);
    const again = await Project.open({ workspace: ws, rootUri: at('client') });
    expect(again.diagnostics(at('client/note.md')).map((d) => d.message.slice(0, 4))).toEqual(['FLM2']);
  });

  it('a family excluded without an include list: the fix excludes the family\'s other IDs instead', async () => {
    const config = '{ "extends": "../base", "scope": { "exclude": ["GOV"] } }';
    const { project } = await open({ ...BASE, 'client/opmodel.json': config, 'client/note.md': 'GOV4 matters.\n' });
    const [d] = project.diagnostics(at('client/note.md'));
    expect(d!.message).toContain('opmodel.json excludes the GOV family');
    const fix = d!.fixes![0]!;
    const next = applyTextEdits(config, fix.edit.changes[at('client/opmodel.json')]!, fix.edit.versions[at('client/opmodel.json')]!);
    expect(JSON.parse(next)).toEqual({ extends: '../base', scope: { exclude: ['GOV1'] } });
  });

  it('"did you mean" stays within the family when the family has neighbours, and offers only IDs in scope', async () => {
    const { project } = await open({ ...BASE, 'client/opmodel.json': clientConfig({ scope: { exclude: ['FLM5'] } }), 'client/note.md': 'See FLM4 and GOV5.\n' });
    expect(project.diagnostics(at('client/note.md')).map((d) => d.message)).toEqual([
      // Not GOV4 for FLM4, nor FLM5 (out of scope) for either.
      'Unknown ID FLM4: no document defines it. Did you mean FLM3 (Title of FLM3) or FLM2 (Title of FLM2) or FLM1 (Title of FLM1)?',
      'Unknown ID GOV5: no document defines it. Did you mean GOV4 (Title of GOV4) or GOV1 (Title of GOV1)?',
    ]);
  });

  it('scope entries are checked: families and canonical IDs only, and only with extends', async () => {
    const { project } = await open({ ...BASE, 'client/opmodel.json': '{ "extends": "../base", "scope": { "include": ["FLM", "gov1", "NOPE"], "exclude": "FLM2" } }' });
    expect(project.configProblems.map((p) => p.message)).toEqual([
      'scope.include item "gov1" is not how IDs are written: use GOV1',
      'scope.include item "NOPE" is neither a family (FLM, GOV) nor an ID of one',
      'scope.exclude must be an array of strings',
    ]);
    const { problems } = loadConfig('{ "scope": { "include": ["FLM"] } }');
    expect(problems.map((p) => p.message)).toEqual(['scope chooses elements of the framework named in "extends"; add "extends" (e.g. "opmodel") or remove scope']);
  });
});

describe('resolving extends', () => {
  it('"opmodel" is the installed package, found in node_modules here or above, at the folder its package.json names', async () => {
    const pkg = Object.fromEntries(Object.entries(BASE).map(([p, t]) => [p.replace(/^base\//, 'node_modules/opmodel/framework-docs/'), t]));
    const { project } = await open({
      ...pkg,
      'node_modules/opmodel/package.json': JSON.stringify({ name: 'opmodel', version: '9.8.7', opmodel: { framework: 'framework-docs' } }),
      'clients/acme/opmodel.json': '{ "extends": "opmodel" }',
      'clients/acme/note.md': 'FLM1\n',
    }, 'clients/acme');
    expect(project.configProblems).toEqual([]);
    expect(project.base).toEqual({ kind: 'package', name: 'opmodel', version: '9.8.7', rootUri: at('node_modules/opmodel/framework-docs') });
    expect(project.allDiagnostics()).toEqual([]);
  });

  it('another installed package that ships an opmodel.json at its root', async () => {
    const pkg = Object.fromEntries(Object.entries(BASE).map(([p, t]) => [p.replace(/^base\//, 'client/node_modules/@agency/ops/'), t]));
    const { project } = await open({ ...pkg, 'client/node_modules/@agency/ops/package.json': '{ "name": "@agency/ops", "version": "2.0.0" }', 'client/opmodel.json': '{ "extends": "@agency/ops" }' });
    expect(project.configProblems).toEqual([]);
    expect(project.base?.rootUri).toBe(at('client/node_modules/@agency/ops'));
  });

  it('chains: a client of a client of the base', async () => {
    const { project } = await open({
      ...BASE,
      'agency/opmodel.json': '{ "extends": "../base", "families": { "AGY": { "title": "Agency" } }, "scope": { "exclude": ["GOV1"] } }',
      'agency/AGY1.md': '---\nid: AGY1\ntitle: Agency practice\n---\n',
      'client/opmodel.json': '{ "extends": "../agency", "scope": { "exclude": ["FLM5"] } }',
      'client/note.md': 'AGY1, FLM1, FLM5, GOV1.\n',
    });
    expect(project.configProblems).toEqual([]);
    expect(project.layers.map((l) => l.rootUri)).toEqual([at('base'), at('agency'), at('client')]);
    expect(project.diagnostics(at('client/note.md')).map((d) => [d.code, d.message.split(':')[1]])).toEqual([
      ['out-of-scope-id', ' opmodel.json excludes FLM5. It is left out of the matrix, the tree and the site; add it to the scope or refer to an element in scope.'],
      ['out-of-scope-id', ' ../agency/opmodel.json excludes GOV1. It is left out of the matrix, the tree and the site; add it to the scope or refer to an element in scope.'],
    ]);
    // The agency's scope is the agency's to change: no fix offered here.
    expect(project.diagnostics(at('client/note.md'))[1]!.fixes).toBeUndefined();
  });

  it('a cycle is invalid-config naming the chain', async () => {
    const { project } = await open({ 'a/opmodel.json': '{ "extends": "../b" }', 'b/opmodel.json': '{\n  "extends": "../a"\n}' }, 'a');
    expect(project.configProblems).toEqual([
      { uri: at('b/opmodel.json'), message: '"extends" forms a cycle: opmodel.json → ../b/opmodel.json → opmodel.json; a framework cannot extend itself', range: rangeOf('{\n  "extends": "../a"\n}', '"../a"') },
    ]);
    const self = await open({ 'a/opmodel.json': '{ "extends": "." }' }, 'a');
    expect(self.project.configProblems.map((p) => p.message)).toEqual(['"extends" forms a cycle: opmodel.json → opmodel.json; a framework cannot extend itself']);
  });

  it('an unresolved extends is a clear invalid-config at the value', async () => {
    const text = '{ "extends": "acme-frameworks" }';
    const { project } = await open({ 'client/opmodel.json': text, 'client/note.md': 'FLM1\n' });
    expect(project.configProblems).toEqual([{ message: '"extends": "acme-frameworks": no installed package "acme-frameworks" was found in node_modules here or in any folder above; install it (npm install -D acme-frameworks), or name a folder ("../framework")', range: rangeOf(text, '"acme-frameworks"') }]);
    const folder = await open({ 'client/opmodel.json': '{ "extends": "../missing" }' });
    expect(folder.project.configProblems.map((p) => p.message)).toEqual(['"extends": "../missing": there is no opmodel.json in that folder']);
    const pkgless = await open({ 'client/opmodel.json': '{ "extends": "left-pad" }', 'client/node_modules/left-pad/package.json': '{ "name": "left-pad" }' });
    expect(pkgless.project.configProblems.map((p) => p.message)).toEqual(['package "left-pad" is installed but ships no framework: its package.json has no "opmodel": { "framework": "<folder>" } and there is no opmodel.json in it']);
  });

  it('problems in the base config name the base file', async () => {
    const { project } = await open({ 'base/opmodel.json': '{ "sytems": [] }', 'client/opmodel.json': '{ "extends": "../base" }' });
    expect(project.configProblems.map((p) => [p.uri, p.message.slice(0, 27)])).toEqual([[at('base/opmodel.json'), 'unknown property "sytems"; ']]);
  });
});

describe('nested frameworks', () => {
  it('an outer framework never indexes an inner one\'s files', async () => {
    const { project } = await open({
      'repo/opmodel.json': '{}',
      'repo/FLM1.md': '---\nid: FLM1\ntitle: Outer\n---\n',
      'repo/inner/opmodel.json': '{}',
      'repo/inner/FLM1.md': '---\nid: FLM1\ntitle: Inner\n---\n',
      'repo/inner/deeper/x.md': 'FLM1\n',
    }, 'repo');
    expect([...project.index.docs.keys()]).toEqual([at('repo/FLM1.md')]);
    expect(project.nestedRoots).toEqual([at('repo/inner')]);
    expect(project.contains(at('repo/inner/deeper/x.md'))).toBe(false);
    expect(project.allDiagnostics()).toEqual([]);
  });
});

describe('undeclared-related in a tailored element', () => {
  it('counts the relations it inherits as declared, and its fix keeps them', async () => {
    const tailored = '---\nid: FLM1\nsummary: Ours\n---\n\n# FLM1 at Acme\n\n## Related elements\n\n- FLM3 and GOV1, as the framework says.\n- FLM2, which we add.\n';
    const { project } = await open({ ...BASE, 'client/opmodel.json': clientConfig(), 'client/FLM1.md': tailored });
    const ds = project.diagnostics(at('client/FLM1.md'));
    expect(ds.map((d) => [d.code, d.range])).toEqual([['undeclared-related', rangeOf(tailored, 'FLM2')]]);
    const fix = ds[0]!.fixes![0]!;
    expect(applyTextEdits(tailored, fix.edit.changes[at('client/FLM1.md')]!, fix.edit.versions[at('client/FLM1.md')]!)).toBe(tailored.replace('summary: Ours\n', 'summary: Ours\nrelated: [FLM3, GOV1, FLM2]\n'));
  });
});
