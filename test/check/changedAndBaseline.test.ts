// `opmodel check --changed-since` and `--baseline` through the real CLI over a throwaway git
// repository: a base commit with old findings, a branch that edits above them and adds new ones,
// and an untracked file.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCliBundle } from '../security/cli';
import { elementText, opmodel, TempRepo } from '../git/tempRepo';

let repo: TempRepo;
let baseJson = '';
let baseSarif = '';
const temps: string[] = [];

const NOTES_BASE = '# Notes\n\nOld mistake: FLM77.\nSame line FLM79.\nSame line FLM79.\n';
const NOTES_HEAD = '# Notes\n\nAn introduction added above.\nAnd a second line.\n\nOld mistake: FLM77.\nSame line FLM79.\nSame line FLM79.\nSame line FLM79.\nNew mistake: FLM88.\n';

beforeAll(async () => {
  repo = TempRepo.create('opmodel-changed-');
  repo.write('docs/opmodel.json', '{}\n');
  repo.write('docs/flm/FLM1.md', elementText('FLM1', 'Team Charter', 'organization-management', [], 'Plain text.'));
  repo.write('docs/notes.md', NOTES_BASE);
  repo.write('docs/other.md', '# Other\n\nUntouched mistake: FLM55.\n');
  repo.commit('base');
  baseJson = (await opmodel(['check', 'docs', '--format', 'json'], repo.dir)).stdout;
  baseSarif = (await opmodel(['check', 'docs', '--format', 'sarif'], repo.dir)).stdout;
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write('docs/notes.md', NOTES_HEAD);
  repo.commit('edit the notes');
  // FLM1 is defined in an unchanged file: it resolves only if every file is indexed.
  repo.write('docs/new.md', '# New\n\nUntracked: FLM66.\nDefined elsewhere: FLM1.\n');
  writeFileSync(path.join(repo.dir, 'base.json'), baseJson);
  writeFileSync(path.join(repo.dir, 'base.sarif'), baseSarif);
});
afterAll(() => {
  repo.dispose();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
  removeCliBundle();
});

type J = { file: string; line: number; column: number; code: string; id: string | null; fingerprint: string; message: string };
const brief = (ds: J[]) => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.id}`);

describe('opmodel check --changed-since', () => {
  it('reports findings only in files changed since the revision, untracked ones included, with every file indexed', async () => {
    const r = await opmodel(['check', 'docs', '--changed-since', 'main', '--format', 'json'], repo.dir);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(brief(j.diagnostics)).toEqual([
      'docs/new.md:3:12 unknown-id FLM66',
      'docs/notes.md:6:14 unknown-id FLM77',
      'docs/notes.md:7:11 unknown-id FLM79',
      'docs/notes.md:8:11 unknown-id FLM79',
      'docs/notes.md:9:11 unknown-id FLM79',
      'docs/notes.md:10:14 unknown-id FLM88',
    ]);
    expect([j.files, j.elements]).toEqual([2, 0]);
  });

  it('with --format github, annotates only the lines the change touched', async () => {
    const r = await opmodel(['check', 'docs', '--changed-since', 'main', '--format', 'github'], repo.dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(/::Unknown ID (\w+).*$/, ' $1'));
    expect(lines).toEqual([
      '::error file=docs/new.md,line=3,col=12,endLine=3,endColumn=17,title=opmodel unknown-id FLM66',
      '::error file=docs/notes.md,line=9,col=11,endLine=9,endColumn=16,title=opmodel unknown-id FLM79',
      '::error file=docs/notes.md,line=10,col=14,endLine=10,endColumn=19,title=opmodel unknown-id FLM88',
    ]);
  });

  it('says in the summary what it left out', async () => {
    const r = await opmodel(['check', 'docs', '--changed-since', 'main'], repo.dir);
    const mb = repo.git('merge-base', 'main', 'HEAD').trim();
    expect(r.stderr).toBe(`2 files, 0 elements: 6 errors, 0 warnings\nOnly files changed since main (merge base ${mb.slice(0, 12)}).\n`);
  });

  it('exits 0 when nothing changed', async () => {
    const r = await opmodel(['check', 'docs/flm', '--changed-since', 'HEAD', '--format', 'json'], repo.dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
  });

  it('needs a git repository and a known revision', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-changed-nogit-'));
    temps.push(tmp);
    writeFileSync(path.join(tmp, 'a.md'), 'FLM9\n');
    const nogit = await opmodel(['check', '.', '--changed-since', 'main'], tmp);
    expect(nogit.code).toBe(2);
    expect(nogit.stderr).toBe(`opmodel check: --changed-since: ${tmp} is not in a git repository. Give two folders to compare instead (opmodel diff OLD_DIR NEW_DIR), or run it inside a clone\n`);
    const unknown = await opmodel(['check', 'docs', '--changed-since', 'nope'], repo.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('opmodel check: --changed-since: unknown revision "nope" (a branch, tag or commit of this repository; remote branches are written origin/NAME)\n');
  });
});

describe('opmodel check --baseline', () => {
  for (const [name, file] of [['--format json', 'base.json'], ['--format sarif', 'base.sarif']] as const) {
    it(`reports only new findings; lines added above an old one do not make it new (baseline from ${name})`, async () => {
      const r = await opmodel(['check', 'docs', '--baseline', file, '--format', 'json'], repo.dir);
      expect(r.code).toBe(1);
      // FLM77 moved from line 3 to 6 and the two FLM79 lines from 4-5 to 7-8: not new. The third
      // FLM79 line, FLM88 and the untracked file are.
      expect(brief(JSON.parse(r.stdout).diagnostics)).toEqual(['docs/new.md:3:12 unknown-id FLM66', 'docs/notes.md:9:11 unknown-id FLM79', 'docs/notes.md:10:14 unknown-id FLM88']);
      const text = await opmodel(['check', 'docs', '--baseline', file], repo.dir);
      expect(text.stderr).toBe(`4 files, 1 element: 3 errors, 0 warnings\n4 findings already in the baseline ${file} left out.\n`);
    });
  }

  it('exits 0 when every finding is in the baseline', async () => {
    const r = await opmodel(['check', 'docs/other.md', '--baseline', 'base.json'], repo.dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
  });

  it('combines with --changed-since', async () => {
    const r = await opmodel(['check', 'docs', '--baseline', 'base.json', '--changed-since', 'main', '--format', 'github'], repo.dir);
    expect(r.stdout.trim().split('\n').map((l) => /line=(\d+)/.exec(l)![1] + ' ' + /file=([^,]+)/.exec(l)![1])).toEqual(['3 docs/new.md', '9 docs/notes.md', '10 docs/notes.md']);
  });

  it('matches a baseline without fingerprints by line, and says so', async () => {
    const old = JSON.parse(baseJson);
    for (const d of old.diagnostics) (delete d.fingerprint, delete d.id);
    writeFileSync(path.join(repo.dir, 'old.json'), JSON.stringify(old));
    const r = await opmodel(['check', 'docs', '--baseline', 'old.json'], repo.dir);
    expect(r.stderr).toContain('1 finding already in the baseline old.json left out. (Some baseline entries have no fingerprint, from an older opmodel: those were matched by line.)');
  });

  it('refuses a file that is not a check output, with exit code 2', async () => {
    writeFileSync(path.join(repo.dir, 'bad.json'), '{"files": 1}');
    const bad = await opmodel(['check', 'docs', '--baseline', 'bad.json'], repo.dir);
    expect([bad.code, bad.stderr]).toEqual([2, 'opmodel check: --baseline bad.json is neither "opmodel check --format json" nor "--format sarif" output\nRun "opmodel check --help" for usage.\n']);
    writeFileSync(path.join(repo.dir, 'bad.json'), 'not json');
    const notJson = await opmodel(['check', 'docs', '--baseline', 'bad.json'], repo.dir);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^opmodel check: --baseline bad\.json is not JSON \(.*\); give the output of "opmodel check --format json" or "--format sarif"\n/);
    const missing = await opmodel(['check', 'docs', '--baseline', 'missing.json'], repo.dir);
    expect([missing.code, missing.stderr]).toEqual([2, 'opmodel check: --baseline missing.json cannot be read (ENOENT)\nRun "opmodel check --help" for usage.\n']);
  });
});

describe('fingerprints', () => {
  it('SARIF partialFingerprints and JSON fingerprints stay the same across an unrelated edit above', async () => {
    const head = JSON.parse((await opmodel(['check', 'docs', '--format', 'sarif'], repo.dir)).stdout);
    const base = JSON.parse(baseSarif);
    type R = { ruleId: string; partialFingerprints: Record<string, string>; properties: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] };
    const of = (log: { runs: { results: R[] }[] }, id: string) => log.runs[0]!.results.filter((x) => x.properties.id === id).map((x) => ({ line: x.locations[0]!.physicalLocation.region.startLine, print: x.partialFingerprints['opmodel/v1'] }));
    const [b77] = of(base, 'FLM77');
    const [h77] = of(head, 'FLM77');
    expect([b77!.line, h77!.line]).toEqual([3, 6]);
    expect(h77!.print).toBe(b77!.print);
    expect(of(head, 'FLM55')).toEqual(of(base, 'FLM55'));
    // Equal lines get distinct fingerprints, numbered in order.
    const prints79 = of(head, 'FLM79').map((x) => x.print);
    expect(new Set(prints79).size).toBe(3);
    expect(prints79.slice(0, 2)).toEqual(of(base, 'FLM79').map((x) => x.print));
    const json = JSON.parse(readFileSync(path.join(repo.dir, 'base.json'), 'utf8')).diagnostics as J[];
    expect(json.find((d) => d.id === 'FLM77')!.fingerprint).toBe(b77!.print);
  });
});
