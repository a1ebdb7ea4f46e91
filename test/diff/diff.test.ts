// `opmodel diff` through the real CLI over a throwaway git repository: two revisions, the
// working tree, two folders, and the messages when git cannot answer.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCliBundle } from '../security/cli';
import { opmodel, TempRepo } from '../git/tempRepo';
import { makeDiffRepo, type DiffFixture } from './diffFixture';

let fx: DiffFixture;
const temps: string[] = [];
const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/opmodel-diff.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

beforeAll(() => {
  fx = makeDiffRepo();
});
afterAll(() => {
  fx.repo.dispose();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
  removeCliBundle();
});

describe('opmodel diff between two revisions', () => {
  it('reports every kind of change with its file and line, and exits 1 for the broken references', async () => {
    const r = await opmodel(['diff', 'main', 'feature', '--dir', 'docs', '--format', 'json'], fx.repo.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.base).toEqual({ kind: 'revision', name: 'main', commit: fx.base });
    expect(report.head).toEqual({ kind: 'revision', name: 'feature', commit: fx.head });
    expect(report.root).toBe('docs');
    expect(report.added).toEqual(['FLM10']);
    expect(report.elements.FLM10).toEqual({ title: 'Retrospectives', system: 'first-line-management', discipline: 'processes-procedures', base: null, head: { file: 'docs/flm/FLM10.md', line: 2 } });
    expect(report.removed).toEqual(['FLM5']);
    expect(report.elements.FLM5).toEqual({ title: 'Old Practice', system: 'first-line-management', discipline: 'mindsets-behaviours', base: { file: 'docs/flm/FLM5.md', line: 2 }, head: null });
    expect(report.renamed).toEqual([
      { from: 'FLM2', to: 'FLM8', because: 'same-content', file: 'docs/flm/FLM8.md', line: 2, fromFile: 'docs/flm/FLM2.md', fromLine: 2 },
      { from: 'FLM7', to: 'FLM9', because: 'same-file', file: 'docs/flm/FLM7.md', line: 2, fromFile: 'docs/flm/FLM7.md', fromLine: 2 },
    ]);
    expect(report.retitled).toEqual([{ id: 'FLM1', from: 'Team Charter', to: 'Team Charter and Goals', file: 'docs/flm/FLM1.md', line: 3 }]);
    expect(report.moved).toEqual([
      { id: 'FLM4', from: { system: 'first-line-management', discipline: 'technology-tools' }, to: { system: 'first-line-management', discipline: 'processes-procedures' }, file: 'docs/flm/FLM4.md', line: 6 },
    ]);
    // FLM4's `related: [FLM7]` did not change: it is a broken reference, not a relation change.
    expect(report.relations).toEqual([{ id: 'FLM4', field: 'depends_on', added: ['FLM3'], removed: [], file: 'docs/flm/FLM4.md', line: 8 }]);
    // FLM8 and FLM9 differ from FLM2 and FLM7 only by the rename: not changed.
    expect(report.changed).toEqual([
      { id: 'FLM1', fields: ['title'], body: true, file: 'docs/flm/FLM1.md', line: 2 },
      { id: 'FLM4', fields: ['depends_on', 'discipline'], body: false, file: 'docs/flm/FLM4.md', line: 2 },
    ]);
    expect(report.broken).toEqual([
      { id: 'FLM7', file: 'docs/flm/FLM4.md', line: 7, column: 11, field: 'related', reason: 'renamed', renamedTo: 'FLM9' },
      { id: 'FLM5', file: 'docs/flm/FLM6.md', line: 11, column: 24, reason: 'removed' },
    ]);
    expect(report.fixed).toEqual([
      { id: 'FLM99', file: 'docs/notes.md', line: 3, column: 14, side: 'base', reason: 'removed' },
      { id: 'FLM10', file: 'docs/notes.md', line: 3, column: 14, side: 'head', reason: 'defined' },
    ]);
    expect(report.impact).toEqual([
      {
        id: 'FLM3', title: 'Meetings', file: 'docs/flm/FLM3.md', line: 7, because: ['FLM1'], inChange: false,
        reasons: [{ id: 'FLM1', via: 'depends_on', file: 'docs/flm/FLM3.md', line: 7 }, { id: 'FLM1', via: 'text', file: 'docs/flm/FLM3.md', line: 12 }],
      },
      { id: 'FLM8', title: 'Huddles', file: 'docs/flm/FLM8.md', line: 7, because: ['FLM1'], inChange: true, reasons: [{ id: 'FLM1', via: 'related', file: 'docs/flm/FLM8.md', line: 7 }] },
    ]);
    expect(report.summary).toEqual({ added: 1, removed: 1, renamed: 2, retitled: 1, moved: 1, relations: 1, changed: 2, broken: 2, fixed: 2, impact: 2 });
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/diff.json');
  });

  it('lines and files point at the text they describe', async () => {
    const r = await opmodel(['diff', 'main', 'feature', '--dir', 'docs', '--format', 'json'], fx.repo.dir);
    const report = JSON.parse(r.stdout);
    const lineAt = (rev: string, file: string, line: number) => fx.repo.git('show', `${rev}:${file}`).split('\n')[line - 1]!;
    for (const b of report.broken) expect(lineAt('feature', b.file, b.line).slice(b.column - 1)).toMatch(new RegExp(`^${b.id}\\b`));
    for (const x of report.retitled) expect(lineAt('feature', x.file, x.line)).toBe(`title: ${x.to}`);
    for (const x of report.moved) expect(lineAt('feature', x.file, x.line)).toBe(`discipline: ${x.to.discipline}`);
    for (const x of report.relations) expect(lineAt('feature', x.file, x.line)).toMatch(new RegExp(`^${x.field}:`));
    for (const x of report.renamed) {
      expect(lineAt('feature', x.file, x.line)).toBe(`id: ${x.to}`);
      expect(lineAt('main', x.fromFile, x.fromLine)).toBe(`id: ${x.from}`);
    }
    for (const i of report.impact) for (const reason of i.reasons) expect(lineAt('feature', reason.file, reason.line)).toContain(reason.id);
    for (const f of report.fixed) expect(lineAt(f.side === 'base' ? 'main' : 'feature', f.file, f.line).slice(f.column - 1)).toMatch(new RegExp(`^${f.id}\\b`));
  });

  it('prints the Markdown report: a summary line, a table per kind, links to the files', async () => {
    const r = await opmodel(['diff', 'main', 'feature', '--dir', 'docs', '--format', 'markdown'], fx.repo.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('**1 added, 1 removed, 2 renamed, 1 retitled, 1 moved, 1 relation change, 2 changed, 2 broken references, 2 references fixed, 2 to review**');
    for (const h of ['Broken references (2)', 'Review suggested (2)', 'Added (1)', 'Removed (1)', 'Renamed (2)', 'Retitled (1)', 'Moved (1)', 'Relations (1)', 'Changed (2)', 'References fixed (2)']) expect(r.stdout).toContain(`### ${h}\n`);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/diff.md');
  });

  it('links to the files at the commit when run in GitHub Actions', async () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/ops' };
    const r = await opmodel(['diff', 'main', 'feature', '--dir', 'docs', '--format', 'markdown'], fx.repo.dir, env);
    expect(r.stdout).toContain(`| [docs/flm/FLM4.md:7](https://github.com/acme/ops/blob/${fx.head}/docs/flm/FLM4.md#L7) | FLM7 in \`related\` | renamed to **FLM9** |`);
    // What was removed links to the base commit.
    expect(r.stdout).toContain(`| **FLM5** | Old Practice | [docs/flm/FLM5.md:2](https://github.com/acme/ops/blob/${fx.base}/docs/flm/FLM5.md#L2) |`);
  });

  it('--link-base links the files on another host; a link base that is no URL is refused', async () => {
    const r = await opmodel(['diff', 'main', 'feature', '--dir', 'docs', '--format', 'markdown', '--link-base', 'https://git.example/acme/ops/-/blob/feature/'], fx.repo.dir);
    expect(r.stdout).toContain('| [docs/flm/FLM6.md:11](https://git.example/acme/ops/-/blob/feature/docs/flm/FLM6.md#L11) | FLM5 | removed |');
    const bad = await opmodel(['diff', 'main', 'feature', '--dir', 'docs', '--format', 'markdown', '--link-base', 'javascript:alert(1)'], fx.repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--link-base must be an http(s) URL without spaces or brackets (got "javascript:alert(1)")');
  });

  it('links relative to the current folder when HEAD is the working tree', async () => {
    fx.repo.git('checkout', '-q', 'feature');
    const r = await opmodel(['diff', 'main', '--format', 'markdown'], path.join(fx.repo.dir, 'docs'));
    expect(r.stdout).toContain('| [flm/FLM6.md:11](flm/FLM6.md#L11) | FLM5 | removed |');
    const nowhere = await opmodel(['diff', 'main', '--dir', 'docs'], path.join(fx.repo.dir, 'docs'));
    expect([nowhere.code, nowhere.stderr]).toEqual([2, 'opmodel diff: docs is a folder neither at main nor at working tree\nRun "opmodel diff --help" for usage.\n']);
  });

  it('a framework that is new at HEAD: every element added, and a note that says why', async () => {
    fx.repo.write('other/opmodel.json', '{}\n');
    fx.repo.write('other/FLM1.md', '---\nid: FLM1\ntitle: One\ntype: element\nsystem: first-line-management\ndiscipline: organization-management\n---\n');
    try {
      const r = await opmodel(['diff', 'main', '--dir', 'other', '--format', 'json'], fx.repo.dir);
      const j = JSON.parse(r.stdout);
      expect([r.code, j.added, j.notes]).toEqual([0, ['FLM1'], ['other/ does not exist at the base: every element counts as added.']]);
    } finally {
      fx.repo.git('clean', '-fdq', 'other');
    }
  });

  it('prints the text report, file:line first', async () => {
    const r = await opmodel(['diff', 'main', 'feature', '--dir', 'docs'], fx.repo.dir);
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/diff.txt');
  });

  it('--fail-on none exits 0 with broken references', async () => {
    const r = await opmodel(['diff', 'main', 'feature', '--dir', 'docs', '--fail-on', 'none', '--format', 'json'], fx.repo.dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).broken).toHaveLength(2);
  });

  it('exits 0 when nothing is broken', async () => {
    const r = await opmodel(['diff', 'main', 'main', '--dir', 'docs'], fx.repo.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`opmodel diff: docs/ from main (${fx.base.slice(0, 12)}) to main (${fx.base.slice(0, 12)})\nno changes to elements\n`);
  });
});

describe('opmodel diff defaults', () => {
  it('compares the merge base with the default branch to the working tree, uncommitted edits included', async () => {
    fx.repo.write('docs/flm/FLM6.md', fx.repo.git('show', 'feature:docs/flm/FLM6.md').replace('FLM5', 'FLM10'));
    try {
      const r = await opmodel(['diff', '--dir', 'docs', '--format', 'json'], fx.repo.dir);
      const report = JSON.parse(r.stdout);
      expect(report.base).toEqual({ kind: 'merge-base', name: 'main', commit: fx.base });
      expect(report.head).toEqual({ kind: 'working-tree', name: 'working tree', commit: null });
      expect(report.broken.map((b: { id: string }) => b.id)).toEqual(['FLM7']);
      expect(report.relations).toHaveLength(1);
      expect(r.code).toBe(1);
    } finally {
      fx.repo.git('checkout', '--', 'docs/flm/FLM6.md');
    }
  });

  it('finds the docs root from a folder inside it, and reads files relative to the current folder', async () => {
    const r = await opmodel(['diff', 'main', '--format', 'json'], path.join(fx.repo.dir, 'docs', 'flm'));
    const report = JSON.parse(r.stdout);
    expect(report.root).toBe('..');
    expect(report.broken[0]).toMatchObject({ id: 'FLM7', file: 'FLM4.md', line: 7 });
  });

  it('uses the pull request base in GitHub Actions (GITHUB_BASE_REF)', async () => {
    const clone = TempRepo.create('opmodel-diff-clone-');
    temps.push(clone.dir);
    rmSync(clone.dir, { recursive: true, force: true });
    fx.repo.git('clone', '-q', '--branch', 'feature', fx.repo.dir, clone.dir);
    const r = await opmodel(['diff', '--dir', 'docs', '--format', 'json'], clone.dir, { GITHUB_BASE_REF: 'main' });
    expect(JSON.parse(r.stdout).base).toEqual({ kind: 'merge-base', name: 'origin/main', commit: fx.base });
  });
});

describe('opmodel diff between two folders', () => {
  it('compares the frameworks in two folders, file by file', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-diff-folders-'));
    temps.push(tmp);
    for (const [rev, dir] of [['main', 'old'], ['feature', 'new']] as const) {
      fx.repo.git('worktree', 'add', '-q', '--detach', path.join(tmp, 'wt-' + dir), rev);
      cpSync(path.join(tmp, 'wt-' + dir, 'docs'), path.join(tmp, dir), { recursive: true });
      fx.repo.git('worktree', 'remove', '--force', path.join(tmp, 'wt-' + dir));
    }
    const r = await opmodel(['diff', 'old', 'new', '--format', 'json'], tmp);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.base).toEqual({ kind: 'folder', name: 'old', commit: null });
    expect(report.head).toEqual({ kind: 'folder', name: 'new', commit: null });
    expect(report.renamed.map((x: { from: string; to: string }) => `${x.from}>${x.to}`)).toEqual(['FLM2>FLM8', 'FLM7>FLM9']);
    expect(report.broken[0]).toEqual({ id: 'FLM7', file: 'new/flm/FLM4.md', line: 7, column: 11, field: 'related', reason: 'renamed', renamedTo: 'FLM9' });
    expect(report.elements.FLM5.base).toEqual({ file: 'old/flm/FLM5.md', line: 2 });
  });
});

describe('opmodel diff says what is wrong', () => {
  it('outside a git repository', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-diff-nogit-'));
    temps.push(tmp);
    const r = await opmodel(['diff'], tmp);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`opmodel diff: ${tmp} is not in a git repository. Give two folders to compare instead (opmodel diff OLD_DIR NEW_DIR), or run it inside a clone\n`);
  });

  it('for an unknown revision', async () => {
    const r = await opmodel(['diff', 'no-such-branch', '--dir', 'docs'], fx.repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('opmodel diff: unknown revision "no-such-branch" (a branch, tag or commit of this repository; remote branches are written origin/NAME)\n');
  });

  it('for a revision that looks like an option', async () => {
    const r = await opmodel(['diff', '--dir', 'docs', '--', '--output=x'], fx.repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('opmodel diff: "--output=x" is not a revision (revisions do not start with "-")\n');
  });

  it('in a shallow clone without the merge base, and how to fix it', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-diff-shallow-'));
    temps.push(tmp);
    const clone = path.join(tmp, 'clone');
    fx.repo.git('clone', '-q', '--depth', '1', '--branch', 'feature', `file://${fx.repo.dir}`, clone);
    // As actions/checkout leaves a pull request: one commit, the base branch not fetched.
    const pr = { GITHUB_BASE_REF: 'main' };
    const noBase = await opmodel(['diff', '--dir', 'docs'], clone, pr);
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toBe("opmodel diff: the pull request's base branch origin/main is not in this clone. This is a shallow clone: fetch the history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0).\n");
    fx.repo.git('-C', clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
    const r = await opmodel(['diff', '--dir', 'docs'], clone, pr);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('opmodel diff: origin/main and HEAD have no merge base in this shallow clone: fetch the history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)\n');
    fx.repo.git('-C', clone, 'fetch', '-q', '--unshallow');
    const after = await opmodel(['diff', '--dir', 'docs', '--format', 'json'], clone, pr);
    expect(JSON.parse(after.stdout).base.commit).toBe(fx.base);
  });

  it('for a folder given alone, or a folder and a revision', async () => {
    const one = await opmodel(['diff', 'docs'], fx.repo.dir);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('docs is a folder: to compare two folders, name both (opmodel diff OLD_DIR NEW_DIR); to choose the framework inside a repository, use --dir docs');
    const mixed = await opmodel(['diff', 'main', 'docs'], fx.repo.dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('docs is a folder but main is not');
  });
});
