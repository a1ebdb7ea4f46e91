// Client repositories through the real CLI, on copies of test/fixtures/clients: merge versus
// standalone, tailoring, scope and the out-of-scope fix (read back from disk), duplicates across
// and within layers, extends cycles and unresolved names, nested frameworks, `init`, messages.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicWrite } from '../../cli/atomicWrite';
import { applyTextEdits, Project } from '../../language/index';
import { fileUri } from '../../language/workspace/uris';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { cliDefines, nodeBundleOptions } from '../../scripts/buildOptions.mjs';

const repo = path.resolve(__dirname, '../..');
const fixtures = path.join(repo, 'test/fixtures/clients');
const temp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-clients-'));
// The CLI as a package: pkg/dist/cli.js beside pkg/framework-docs (its own framework).
const pkg = path.join(temp, 'pkg');
const cli = path.join(pkg, 'dist', 'cli.js');

beforeAll(async () => {
  mkdirSync(path.dirname(cli), { recursive: true });
  cpSync(path.join(repo, 'framework-docs'), path.join(pkg, 'framework-docs'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'opmodel', version: '0.1.0', type: 'module', opmodel: { framework: 'framework-docs' } }));
  const node = nodeBundleOptions('0.1.0');
  await build({ ...node, define: { ...node.define, ...cliDefines() }, entryPoints: [path.join(repo, 'cli/bin.ts')], outfile: cli, logLevel: 'silent' });
}, 120_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [cli, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A private copy of the fixtures (commands that write, and fixtures that must not see each other). */
function copy(): string {
  const dir = mkdtempSync(path.join(temp, 'fx-'));
  cpSync(fixtures, dir, { recursive: true });
  return dir;
}

const lines = (s: string) => s.split('\n').filter(Boolean);

describe('merge versus standalone', () => {
  it('with extends, the client adds a family and a discipline and overrides what it names', async () => {
    const r = await run(['matrix', 'merge', '--format', 'json'], fixtures);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.systems).toEqual(['first-line', 'upline']);
    expect(m.disciplines).toEqual(['organisation', 'processes', 'risk']);
    expect(m.cells).toEqual({
      'first-line': { organisation: ['FLM1', 'FLM3'], processes: ['FLM2', 'ACME1'], risk: [] },
      upline: { organisation: ['GOV1'], processes: ['GOV2'], risk: [] },
    });
    const check = await run(['check', 'merge'], fixtures);
    expect([check.code, check.stdout, check.stderr]).toEqual([0, '', 'Framework: merge/ (opmodel.json; extends ../base (base))\n1 file, 1 element: 0 errors, 0 warnings\n']);
  });

  it('without extends, the config replaces the defaults: only its own family and system', async () => {
    const r = await run(['matrix', 'standalone', '--format', 'json'], fixtures);
    expect(JSON.parse(r.stdout)).toMatchObject({ systems: ['acme-operations'], disciplines: ['processes'], cells: { 'acme-operations': { processes: ['ACME1'] } } });
    expect((await run(['check', 'standalone'], fixtures)).code).toBe(0);
  });
});

describe('tailoring', () => {
  it('show says which layer defines an element and whether it is tailored; fields left out are inherited', async () => {
    const r = await run(['show', 'FLM1', '--dir', 'tailoring'], fixtures);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'FLM1 · Roles and Responsibilities\n' +
        'At Acme, the service desk manager owns the duty roster and every on-call rota.\n' +
        'first-line × organisation\n' +
        'tailored here from the ../base framework\n' +
        'defined at tailoring/elements/FLM1.md:2 (this client)\n' +
        'defined at base/first-line/FLM1.md:2 (framework)\n' +
        'related: FLM2, GOV1\n' +
        '\n7 references:\n  base/first-line/FLM1.md:13:3\n  base/first-line/FLM2.md:8:11\n  base/first-line/FLM2.md:13:37\n  base/first-line/FLM3.md:8:11\n  base/guides/consultant-notes.md:10:29\n  tailoring/elements/FLM1.md:7:3\n  tailoring/notes.md:3:1\n',
    );
    const base = JSON.parse((await run(['show', 'GOV1', '--dir', 'tailoring', '--format', 'json'], fixtures)).stdout);
    expect(base).toMatchObject({ id: 'GOV1', origin: 'base', tailored: false, inScope: true, framework: { name: '../base', version: null }, definitions: [{ file: 'base/upline/GOV1.md', line: 2, layer: 'base' }] });
    const list = await run(['list', 'tailoring'], fixtures);
    expect(lines(list.stdout).map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'FLM1 Roles and Responsibilities (first-line / organisation) tailoring/elements/FLM1.md:2 7 refs [tailored]',
      'FLM2 Procedures (first-line / processes) base/first-line/FLM2.md:2 5 refs [framework]',
      'FLM3 Meetings (first-line / organisation) base/first-line/FLM3.md:2 2 refs [framework]',
      'GOV1 Steering Committee (upline / organisation) base/upline/GOV1.md:2 6 refs [framework]',
      'GOV2 Innovation Forum (upline / processes) base/upline/GOV2.md:2 3 refs [framework]',
    ]);
    // The base's own problems (drafts.md) are never the client's.
    expect(await run(['check', 'tailoring', '--format', 'json'], fixtures).then((x) => JSON.parse(x.stdout))).toMatchObject({ files: 2, elements: 1, diagnostics: [] });
  });
});

describe('scope', () => {
  it('out-of-scope-id at the reference; the fix edits opmodel.json, read back from disk', async () => {
    const dir = path.join(copy(), 'scope');
    const r = await run(['check'], dir);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      "plan.md:4:8 warning out-of-scope-id FLM3 (Meetings) is out of this client's scope: opmodel.json excludes FLM3. It is left out of the matrix, the tree and the site; add it to the scope or refer to an element in scope.",
      "plan.md:4:30 warning out-of-scope-id GOV2 (Innovation Forum) is out of this client's scope: GOV2 is not in the include list of opmodel.json. It is left out of the matrix, the tree and the site; add it to the scope or refer to an element in scope.",
    ]);
    expect(JSON.parse((await run(['matrix', '--format', 'json'], dir)).stdout).cells).toEqual({ 'first-line': { organisation: ['FLM1'], processes: ['FLM2'] }, upline: { organisation: ['GOV1'], processes: [] } });
    // --fix applies safe fixes only: the scope is a decision, so it is left alone.
    const before = readFileSync(path.join(dir, 'opmodel.json'), 'utf8');
    await run(['check', '--fix'], dir);
    expect(readFileSync(path.join(dir, 'opmodel.json'), 'utf8')).toBe(before);

    // The editor's quick fix: the engine's edit, written as the extension's WorkspaceEdit would be.
    const project = await Project.open({ workspace: new NodeWorkspace({ within: dir }), rootUri: fileUri(dir) });
    const gov2 = project.diagnostics(fileUri(path.join(dir, 'plan.md'))).find((d) => d.message.startsWith('GOV2'))!;
    const fix = gov2.fixes![0]!;
    expect(fix.title).toBe('Add GOV2 to the scope in opmodel.json');
    const configUri = fileUri(path.join(dir, 'opmodel.json'));
    await atomicWrite(path.join(dir, 'opmodel.json'), applyTextEdits(before, fix.edit.changes[configUri]!, fix.edit.versions[configUri]!));
    expect(readFileSync(path.join(dir, 'opmodel.json'), 'utf8')).toBe('{\n  "extends": "../base",\n  "scope": {\n    "include": ["FLM", "GOV1", "GOV2"],\n    "exclude": ["FLM3"]\n  }\n}\n');
    const after = await run(['check'], dir);
    expect(lines(after.stdout).map((l) => l.split(' ')[0])).toEqual(['plan.md:4:8']);
  });
});

describe('duplicates', () => {
  it('are quiet across layers (tailoring) and reported within one', async () => {
    const r = await run(['check', '--format', 'json', 'duplicates'], fixtures);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; column: number; code: string }) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'duplicates/elements/ACME1-copy.md:2:5 duplicate-id',
      'duplicates/elements/ACME1.md:2:5 duplicate-id',
    ]);
    expect(JSON.parse(r.stdout).elements).toBe(2);
  });
});

describe('extends that cannot be used', () => {
  it('a cycle is invalid-config naming the chain, exit 2', async () => {
    const r = await run(['check', 'cycle-a'], fixtures);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'cycle-b/opmodel.json:2:14 error invalid-config "extends" forms a cycle: opmodel.json → ../cycle-b/opmodel.json → opmodel.json; a framework cannot extend itself\n']);
  });

  it('an unresolved extends is invalid-config at the value, exit 2', async () => {
    const r = await run(['check', 'unresolved'], fixtures);
    expect([r.code, r.stderr]).toEqual([2, 'unresolved/opmodel.json:2:14 error invalid-config "extends": "acme-frameworks": no installed package "acme-frameworks" was found in node_modules here or in any folder above; install it (npm install -D acme-frameworks), or name a folder ("../framework")\n']);
  });
});

describe('frameworks across a repository', () => {
  it('every opmodel.json below the path is its own root; an outer framework never indexes an inner one', async () => {
    const r = await run(['check', 'nested'], fixtures);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('nested/playbook-b/RSK1.md:11:5 error unknown-id Unknown ID RSK2: no document defines it. Did you mean RSK1 (Supplier failure)?\n');
    expect(r.stderr).toBe('3 frameworks: nested/playbook-a/ (opmodel.json; extends ../../base (base)), nested/playbook-b/ (opmodel.json), nested/playbook-b/appendix/ (opmodel.json)\n4 files, 3 elements: 1 error, 0 warnings\n');
    const j = JSON.parse((await run(['check', 'nested', '--format', 'json'], fixtures)).stdout);
    expect(j.frameworks).toEqual([
      { root: 'nested/playbook-a', config: 'nested/playbook-a/opmodel.json', extends: { name: '../../base', version: null, root: 'base' } },
      { root: 'nested/playbook-b', config: 'nested/playbook-b/opmodel.json', extends: null },
      { root: 'nested/playbook-b/appendix', config: 'nested/playbook-b/appendix/opmodel.json', extends: null },
    ]);
    const list = JSON.parse((await run(['list', 'nested', '--format', 'json'], fixtures)).stdout);
    expect(list.filter((x: { origin: string }) => x.origin === 'own').map((x: { id: string; framework: string }) => `${x.framework} ${x.id}`)).toEqual(['nested/playbook-b RSK1', 'nested/playbook-b/appendix RSK1', 'nested/playbook-b/appendix RSK2']);
    const build = await run(['build', 'nested', '--out', path.join(temp, 'nested-site')], fixtures);
    expect([build.code, build.stderr]).toEqual([2, 'opmodel build: found 3 frameworks (nested/playbook-a, nested/playbook-b, nested/playbook-b/appendix); a site is built from one: opmodel build nested/playbook-a --out site\nRun "opmodel build --help" for usage.\n']);
  });
});

describe('"extends": "opmodel"', () => {
  it('is the installed package, found as Node finds packages', async () => {
    const dir = mkdtempSync(path.join(temp, 'installed-'));
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(repo, path.join(dir, 'node_modules', 'opmodel'), 'dir');
    mkdirSync(path.join(dir, 'client', 'docs'), { recursive: true });
    writeFileSync(path.join(dir, 'client', 'opmodel.json'), '{ "extends": "opmodel" }');
    writeFileSync(path.join(dir, 'client', 'docs', 'note.md'), '# Note\n\nWe adopt FLM3 and CORE-B4.\n');
    const r = await run(['check', '--format', 'json', 'client'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 1, diagnostics: [], frameworks: [{ root: 'client', extends: { name: 'opmodel', version: '0.1.0', root: 'node_modules/opmodel/framework-docs' } }] });
  });

  it('falls back to the framework shipped with the CLI when no package is installed', async () => {
    const dir = mkdtempSync(path.join(temp, 'bare-'));
    writeFileSync(path.join(dir, 'opmodel.json'), '{ "extends": "opmodel" }');
    writeFileSync(path.join(dir, 'note.md'), 'FLM3\n');
    const r = await run(['check'], dir);
    expect([r.code, r.stderr]).toEqual([0, `Framework: ./ (opmodel.json; extends opmodel 0.1.0 from ${path.join(pkg, 'framework-docs')})\n1 file, 0 elements: 0 errors, 0 warnings\n`]);
  });
});

describe('opmodel init', () => {
  it('writes a ready client repository; check then finds nothing and build brands the site', async () => {
    const dir = mkdtempSync(path.join(temp, 'init-'));
    const r = await run(['init', 'acme', '--client', 'Acme Bank'], dir);
    expect(r.code).toBe(0);
    expect(lines(r.stderr).slice(0, 6)).toEqual(['wrote   acme/opmodel.json', 'wrote   acme/README.md', 'wrote   acme/elements/ACME1.md', 'wrote   acme/elements/FLM3.md', 'wrote   acme/.gitignore', 'wrote   acme/.github/workflows/opmodel.yml']);
    const root = path.join(dir, 'acme');
    expect(JSON.parse(readFileSync(path.join(root, 'opmodel.json'), 'utf8'))).toEqual({
      $schema: './node_modules/opmodel/schemas/opmodel.schema.json',
      extends: 'opmodel',
      families: { ACME: { title: 'Acme Bank practices' } },
      systems: [{ key: 'first-line-management', families: ['FLM', 'ACME'] }],
      scope: { exclude: [] },
      site: { title: 'Acme Bank: Operating Model Playbook', subtitle: 'Prepared for Acme Bank with the opmodel framework' },
    });
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('node_modules/\nsite/\n');
    const wf = readFileSync(path.join(root, '.github/workflows/opmodel.yml'), 'utf8');
    for (const step of ['run: npm ci', 'run: npx opmodel check --format github', 'run: npx opmodel build --out site']) expect(wf).toContain(step);
    const check = await run(['check'], root);
    expect([check.code, check.stdout]).toEqual([0, '']);
    expect(check.stderr).toMatch(/: 0 errors, 0 warnings\n$/);
    const show = await run(['show', 'FLM3'], root);
    expect(show.stdout).toContain('tailored here from the opmodel 0.1.0 framework');
  });

  it('never overwrites: an existing file is reported and left byte for byte; exit 2', async () => {
    const dir = mkdtempSync(path.join(temp, 'init-existing-'));
    const readme = '# Our own readme\r\n\r\nKeep me.\r\n';
    writeFileSync(path.join(dir, 'README.md'), readme);
    mkdirSync(path.join(dir, 'elements'));
    writeFileSync(path.join(dir, 'elements', 'FLM3.md'), 'mine');
    const r = await run(['init', '--client', 'Acme Bank'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('skipped README.md: it exists and was left as it is\n');
    expect(r.stderr).toContain('skipped elements/FLM3.md: it exists and was left as it is\n');
    expect(r.stderr).toContain('opmodel init: 2 files were not written because they exist');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(readme);
    expect(readFileSync(path.join(dir, 'elements', 'FLM3.md'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(dir, 'opmodel.json'))).toBe(true);
    // A second run writes nothing at all.
    const before = readFileSync(path.join(dir, 'opmodel.json'), 'utf8');
    const again = await run(['init', '--client', 'Acme Bank'], dir);
    expect(again.code).toBe(2);
    expect(lines(again.stderr).filter((l) => l.startsWith('skipped'))).toHaveLength(6);
    expect(readFileSync(path.join(dir, 'opmodel.json'), 'utf8')).toBe(before);
  });

  it('bad usage: no client, a framework family, a name across lines', async () => {
    const dir = mkdtempSync(path.join(temp, 'init-usage-'));
    expect((await run(['init'], dir)).stderr).toBe('opmodel init: init needs --client NAME, the client\'s name, e.g. --client "Acme Bank"\nRun "opmodel init --help" for usage.\n');
    expect((await run(['init', '--client', 'Flm Partners'], dir)).stderr).toContain('the family FLM belongs to the framework; choose another with --family');
    expect((await run(['init', '--client', 'A\nB'], dir)).code).toBe(2);
    expect(existsSync(path.join(dir, 'opmodel.json'))).toBe(false);
  });
});

describe('messages', () => {
  it('unknown options, short options in help, per-command help, mistyped commands', async () => {
    const dir = path.join(fixtures, 'merge');
    expect((await run(['check', '--formt', 'json'], dir)).stderr).toBe('opmodel check: unknown option --formt. Did you mean --format? Options: --format (-f), --fix, --changed-since, --baseline, --quiet (-q).\nRun "opmodel check --help" for usage.\n');
    const help = await run(['check', '--help'], dir);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'Usage: opmodel check [paths..] [--format text|json|sarif|github] [--fix] [--changed-since REV] [--baseline FILE]']);
    expect(help.stdout).toContain('  -f, --format FORMAT');
    expect((await run(['buidl'], dir)).stderr).toBe('opmodel: unknown command "buidl". Did you mean "build"? Commands: check, diff, list, matrix, show, build, assess, lsp, init.\nRun "opmodel --help" for usage.\n');
    expect((await run(['--help'], dir)).stdout).toContain('Run "opmodel COMMAND --help" for a command\'s options.');
  });

  it('an absolute path is echoed as given; an unknown severity code and a trailing comma are explained', async () => {
    const missing = path.join(temp, 'no-such-folder');
    expect((await run(['check', missing], fixtures)).stderr).toBe(`opmodel check: no such file or folder: ${missing}\n`);
    const dir = mkdtempSync(path.join(temp, 'config-'));
    writeFileSync(path.join(dir, 'opmodel.json'), '{\n  "severity": { "unknown-idd": "off" }\n}\n');
    expect((await run(['check'], dir)).stderr).toBe('opmodel.json:2:17 error invalid-config severity names "unknown-idd", which is not a diagnostic code; codes: unknown-id, duplicate-id, missing-id, malformed-id, invalid-front-matter, unknown-system, unknown-discipline, id-family-mismatch, invalid-id, invalid-relation, missing-title, invalid-crosswalk, unknown-role, undeclared-related, file-name-mismatch, out-of-scope-id, maturity-levels, invalid-assessment, duplicate-entry, invalid-score, unassessed-element, skipped-file\n');
    writeFileSync(path.join(dir, 'opmodel.json'), '{\n  "exclude": ["drafts/**"],\n');
    expect((await run(['check'], dir)).stderr).toBe('opmodel.json:3:1 error invalid-config JSON: the file ends after the comma at line 2, column 27: remove that comma, or add the entry and the closing brackets that should follow it\n');
    writeFileSync(path.join(dir, 'opmodel.json'), '{\n  "exclude": ["drafts/**"]\n},\n');
    expect((await run(['check'], dir)).stderr).toBe('opmodel.json:3:2 error invalid-config JSON: the comma at line 3, column 2, after the object\'s closing "}", is one too many: remove it\n');
  });
});
