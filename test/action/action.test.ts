// The GitHub Action as action.yml declares it: each step's `run` is executed with bash, its
// expressions (github.action_path, inputs.*, steps.*.outputs.*) filled in, in a clone of a
// throwaway repository on a pull-request branch, with GITHUB_STEP_SUMMARY and GITHUB_OUTPUT
// pointing at temporary files whose content is then checked.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { nodeBundleOptions } from '../../scripts/buildOptions.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV } from '../git/tempRepo';
import { makeDiffRepo, type DiffFixture } from '../diff/diffFixture';

const repoRoot = path.resolve(__dirname, '../..');
const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; name: string; shell: string; env?: Record<string, string>; run: string }[] };
};
let actionPath = '';
let fx: DiffFixture;
const temps: string[] = [];

beforeAll(async () => {
  // The action's own checkout, as a release holds it: the install script and the bundles.
  actionPath = mkdtempSync(path.join(os.tmpdir(), 'opmodel-action-'));
  temps.push(actionPath);
  mkdirSync(path.join(actionPath, 'scripts/action'), { recursive: true });
  copyFileSync(path.join(repoRoot, 'scripts/action/install.sh'), path.join(actionPath, 'scripts/action/install.sh'));
  chmodSync(path.join(actionPath, 'scripts/action/install.sh'), 0o755);
  const common = { ...nodeBundleOptions('test'), logLevel: 'silent' as const };
  await build({ ...common, entryPoints: [path.join(repoRoot, 'cli/action/bin.ts')], outfile: path.join(actionPath, 'dist/action.js') });
  await build({ ...common, entryPoints: [path.join(repoRoot, 'cli/bin.ts')], outfile: path.join(actionPath, 'dist/cli.js') });
  fx = makeDiffRepo();
  fx.repo.git('checkout', '-q', 'main');
}, 120_000);

afterAll(() => {
  fx.repo.dispose();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A pull request's checkout: a full clone on the feature branch, plus uncommitted edits. */
function checkout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-action-ws-'));
  temps.push(dir);
  spawnSync('git', ['clone', '-q', '--branch', 'feature', fx.repo.dir, dir], { env: GIT_ENV });
  writeFileSync(path.join(dir, 'docs/notes.md'), '# Notes\n\nOpen points: FLM10.\nA new one: FLM42.\nSpelt loosely: FLM 3.\n');
  return dir;
}

interface Run {
  code: number;
  log: string;
  outputs: Record<string, string>;
  actionOutputs: Record<string, string>;
  summary: string | undefined;
}

/** Runs every step of action.yml in order, as the runner would for a composite action. */
function runAction(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}): Run {
  expect(action.runs.using).toBe('composite');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-action-run-'));
  temps.push(tmp);
  const outputFile = path.join(tmp, 'output');
  const summaryFile = path.join(tmp, 'summary.md');
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  for (const k of Object.keys(inputs)) expect(action.inputs, `action.yml has no input ${k}`).toHaveProperty(k);
  const steps: Record<string, Record<string, string>> = {};
  const expr = (s: string) =>
    s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, e: string) => {
      if (e === 'github.action_path') return actionPath;
      let m = /^inputs\.([\w-]+)$/.exec(e);
      if (m) return values[m[1]!] ?? '';
      m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
      if (m) return steps[m[1]!]?.[m[2]!] ?? '';
      throw new Error(`the test does not know the expression ${e}`);
    });
  let log = '';
  let code = 0;
  for (const step of action.runs.steps) {
    expect(step.shell).toBe('bash');
    writeFileSync(outputFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(String(v))]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expr(step.run)], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...GIT_ENV, GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: tmp, ...env, ...stepEnv },
    });
    log += r.stdout + r.stderr;
    if (step.id) steps[step.id] = parseOutputs(readFileSync(outputFile, 'utf8'));
    code = r.status ?? 1;
    if (code !== 0) break;
  }
  const actionOutputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expr(v.value)]));
  return { code, log, outputs: steps.opmodel ?? {}, actionOutputs, summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : undefined };
}

/** GITHUB_OUTPUT's two forms: name=value, and name<<DELIMITER ... DELIMITER. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) out[lines[i]!.slice(0, lines[i]!.indexOf('='))] = lines[i]!.slice(lines[i]!.indexOf('=') + 1);
  }
  return out;
}

const PR = { GITHUB_BASE_REF: 'main', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/ops' };

describe('the GitHub Action', () => {
  it('annotates the changed lines, writes the impact report and the findings to the summary, and sets its outputs', () => {
    const ws = checkout();
    const r = runAction(ws, { path: 'docs' }, PR);
    expect(r.log).toContain('opmodel: using the bundles in');
    // Annotations: the check's on the lines the pull request touched, and the references it breaks.
    const annotations = r.log.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.map((l) => l.replace(/::(?!.*::).*$/, ''))).toEqual([
      // FLM7 became FLM9 by its id: line; its file kept the old name.
      '::warning file=docs/flm/FLM7.md,line=2,col=5,endLine=2,endColumn=9,title=opmodel file-name-mismatch',
      '::error file=docs/notes.md,line=4,col=12,endLine=4,endColumn=17,title=opmodel unknown-id',
      '::warning file=docs/notes.md,line=5,col=16,endLine=5,endColumn=21,title=opmodel malformed-id',
      '::error file=docs/flm/FLM4.md,line=7,col=11,title=opmodel broken reference',
      '::error file=docs/flm/FLM6.md,line=11,col=24,title=opmodel broken reference',
    ]);
    expect(annotations[3]).toMatch(/::FLM7 was renamed to FLM9 by this change but is still referenced here\.$/);
    expect(r.code).toBe(1);
    const head = fx.head;
    expect(r.outputs).toEqual({ errors: '1', warnings: '2', 'broken-references': '2', report: expect.stringMatching(/opmodel-report-[0-9a-f]{8}\.md$/), 'sarif-file': '' });
    expect(r.actionOutputs).toEqual(r.outputs);
    const report = readFileSync(r.outputs.report!, 'utf8');
    expect(r.summary!.startsWith(report)).toBe(true);
    expect(report).toContain(`| [docs/flm/FLM4.md:7](https://github.com/acme/ops/blob/${head}/docs/flm/FLM4.md#L7) | FLM7 in \`related\` | renamed to **FLM9** |`);
    expect(report).toContain('**1 added, 1 removed, 2 renamed, 1 retitled, 1 moved, 1 relation change, 2 changed, 2 broken references, 2 references fixed, 2 to review**');
    const findings = r.summary!.slice(report.length);
    expect(findings).toBe([
      '',
      '## opmodel: findings',
      '',
      '**6 files, 5 elements: 1 error, 2 warnings**',
      '',
      `> Only files changed since origin/main (merge base ${fx.base.slice(0, 12)}), on the lines the change touched.`,
      '',
      '| where | severity | code | message |',
      '| --- | --- | --- | --- |',
      `| [docs/flm/FLM7.md:2:5](https://github.com/acme/ops/blob/${head}/docs/flm/FLM7.md#L2) | warning | \`file-name-mismatch\` | FLM9 is defined in FLM7.md: name the file FLM9.md, after its ID. |`,
      `| [docs/notes.md:4:12](https://github.com/acme/ops/blob/${head}/docs/notes.md#L4) | error | \`unknown-id\` | Unknown ID FLM42: no document defines it. Did you mean FLM4 (Visual Board)? |`,
      `| [docs/notes.md:5:16](https://github.com/acme/ops/blob/${head}/docs/notes.md#L5) | warning | \`malformed-id\` | "FLM 3" is not how IDs are written: use FLM3. |`,
      '',
    ].join('\n'));
  });

  it('writes a SARIF file with fingerprints for format: sarif, and no summary for summary: false', () => {
    const ws = checkout();
    const r = runAction(ws, { path: 'docs', format: 'sarif', summary: 'false' }, PR);
    expect(r.summary).toBeUndefined();
    expect(r.log.split('\n').filter((l) => l.startsWith('::')).every((l) => l.includes('broken reference'))).toBe(true);
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string; partialFingerprints: Record<string, string> }) => [x.ruleId, Object.keys(x.partialFingerprints)])).toEqual([
      ['unknown-id', ['opmodel/v1']],
      ['file-name-mismatch', ['opmodel/v1']],
      ['unknown-id', ['opmodel/v1']],
      ['malformed-id', ['opmodel/v1']],
    ]);
  });

  it('reports only findings new since a baseline', () => {
    const ws = checkout();
    spawnSync('git', ['checkout', '-q', 'main', '--', 'docs/notes.md'], { cwd: ws, env: GIT_ENV });
    writeFileSync(path.join(ws, 'docs/notes.md'), '# Notes\n\nOpen points: FLM99.\n');
    const base = runAction(ws, { path: 'docs', format: 'json', 'changed-since': 'HEAD', summary: 'false' });
    const baseline = base.log.slice(base.log.indexOf('{'), base.log.lastIndexOf('}') + 1);
    writeFileSync(path.join(ws, 'baseline.json'), baseline);
    writeFileSync(path.join(ws, 'docs/notes.md'), '# Notes\n\nA line above.\n\nOpen points: FLM99.\nAnd FLM98.\n');
    const r = runAction(ws, { path: 'docs', baseline: 'baseline.json' }, PR);
    expect(r.outputs.errors).toBe('1');
    expect(r.summary).toContain('| [docs/notes.md:6:5]');
    expect(r.summary).not.toContain('FLM99:');
  });

  it('in a shallow pull-request checkout, fails with how to fetch the history', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-action-shallow-'));
    temps.push(dir);
    rmSync(dir, { recursive: true });
    spawnSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${fx.repo.dir}`, dir], { env: GIT_ENV });
    const r = runAction(dir, { path: 'docs' }, PR);
    expect(r.code).toBe(2);
    expect(r.log).toContain('::error title=opmodel check::unknown revision "origin/main"; this is a shallow clone, which may not have it: fetch the history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)');
    expect(r.outputs).toEqual({});
  });

  it('refuses an unknown format with an error annotation and exit code 2', () => {
    const r = runAction(checkout(), { path: 'docs', format: 'xml' }, PR);
    expect(r.code).toBe(2);
    expect(r.log).toContain('::error title=opmodel::input format must be github, sarif, json or text (got "xml")');
  });
});
