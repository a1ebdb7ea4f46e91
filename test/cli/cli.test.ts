// The real CLI (dist/cli.js, built from the current sources) on fixture folders on disk.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

const repo = path.resolve(__dirname, '../..');
const fixtures = path.join(repo, 'test/fixtures');
const small = path.join(fixtures, 'cli-small');
const clean = path.join(fixtures, 'cli-clean');
const temps: string[] = [];
let cliJs = '';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'pipe' });
  // Run a private copy of the bundle: `npm start` or the benchmark may rebuild dist/ meanwhile.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-cli-bin-'));
  temps.push(dir);
  cliJs = path.join(dir, 'cli.js');
  copyFileSync(path.join(repo, 'dist/cli.js'), cliJs);
}, 120_000);

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function run(args: string[], cwd: string) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [cliJs, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A private copy of a fixture, for commands that write. */
function copyOf(dir: string): string {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-cli-test-'));
  temps.push(tmp);
  const to = path.join(tmp, path.basename(dir));
  cpSync(dir, to, { recursive: true });
  return to;
}

const SMALL_TEXT = [
  'bom.md:1:10 error unknown-id Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?',
  'bom.md:1:19 warning malformed-id "RSK 2" is not how IDs are written: use RSK2.',
  'bom.md:2:13 warning malformed-id "CTLA1" is not how IDs are written: use CTL-A1.',
  'controls/CTL-A1.md:2:5 error duplicate-id Duplicate ID CTL-A1: also defined in controls/dup.md. Each ID must be defined once; the next free ID is CTL-A2.',
  'controls/dup.md:2:5 error duplicate-id Duplicate ID CTL-A1: also defined in controls/CTL-A1.md. Each ID must be defined once; the next free ID is CTL-A2.',
  'crlf.md:1:10 error unknown-id Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?',
  'crlf.md:1:19 warning malformed-id "RSK 2" is not how IDs are written: use RSK2.',
  'crlf.md:2:13 warning malformed-id "CTLA1" is not how IDs are written: use CTL-A1.',
  'lf.md:1:10 error unknown-id Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?',
  'lf.md:1:19 warning malformed-id "RSK 2" is not how IDs are written: use RSK2.',
  'lf.md:2:13 warning malformed-id "CTLA1" is not how IDs are written: use CTL-A1.',
  'odd, name.md:3:5 error unknown-id Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?',
  'odd, name.md:3:14 warning malformed-id "RSK 2" is not how IDs are written: use RSK2.',
  'odd, name.md:3:32 warning malformed-id "CTL-a1" is not how IDs are written: use CTL-A1.',
  'risks/RSK2.md:6:13 error unknown-discipline Unknown discipline "Response": did you mean "response"?',
  'risks/RSK2.md:7:21 error unknown-id Unknown ID CTL-B7 in mitigates: no document defines it. Create it or correct the reference.',
  'risks/RSK2.md:12:12 warning malformed-id "RSK 1" is not how IDs are written: use RSK1.',
  'risks/RSK2.md:12:22 warning malformed-id "rsk1" is not how IDs are written: use RSK1.',
  'risks/RSK2.md:12:35 error unknown-id Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?',
  'risks/RSK30.md:5:9 error unknown-system Unknown system "risk%\\nmanagement": did you mean "risk-management"?',
];

describe('opmodel check --format text', () => {
  it('prints file:line:col severity code message, without colour when not a TTY, and exits 1 on errors', () => {
    const r = run(['check'], small);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(SMALL_TEXT.map((l) => l + '\n').join(''));
    expect(r.stdout).not.toContain('\x1b[');
    // CTL-A1 is defined twice: one element, reported as a duplicate.
    expect(r.stderr).toBe('9 files, 4 elements: 10 errors, 10 warnings\n');
  });

  it('skips .gitignore\'d files and node_modules', () => {
    const r = run(['check', '--format', 'json'], small);
    const files = new Set((JSON.parse(r.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file));
    expect(files.has('ignored.md')).toBe(false);
    expect([...files].some((f) => f.startsWith('node_modules'))).toBe(false);
  });

  it('paths are relative to the current folder, and a file argument limits the report', () => {
    const r = run(['check', 'test/fixtures/cli-small/risks/RSK2.md'], repo);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(SMALL_TEXT.filter((l) => l.startsWith('risks/RSK2.md')).map((l) => 'test/fixtures/cli-small/' + l));
  });

  it('CRLF and BOM files report the same columns as the LF file', () => {
    const r = run(['check', '--format', 'json', 'lf.md', 'crlf.md', 'bom.md'], small);
    const byFile = (f: string) => (JSON.parse(r.stdout).diagnostics as { file: string }[]).filter((d) => d.file === f).map((d) => ({ ...d, file: undefined }));
    expect(byFile('lf.md')).toHaveLength(3);
    expect(byFile('crlf.md')).toEqual(byFile('lf.md'));
    expect(byFile('bom.md')).toEqual(byFile('lf.md'));
  });

  it('control characters quoted from front matter cannot drive the terminal', () => {
    const dir = copyOf(clean);
    writeFileSync(path.join(dir, 'risks/RSK3.md'), '---\nid: RSK3\ntitle: T\ntype: element\nsystem: "\\e[2Jrisk"\ndiscipline: response\n---\n');
    const r = run(['check', 'risks/RSK3.md'], dir);
    expect(r.stdout).toBe('risks/RSK3.md:5:9 error unknown-system Unknown system "\\x1b[2Jrisk": use one of risk-management.\n');
  });

  it('colours only on a TTY', async () => {
    let out = '';
    const code = await main(['check', small], { out: (s) => (out += s), err: () => {}, isTTY: true, cwd: small });
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toBe('\x1b[1mbom.md:1:10\x1b[0m \x1b[31merror\x1b[0m unknown-id Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?');
  });
});

describe('opmodel check --format json', () => {
  it('has exactly the documented shape', () => {
    const r = run(['check', '--format', 'json'], small);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['files', 'elements', 'diagnostics', 'frameworks']);
    expect(j.files).toBe(9);
    expect(j.elements).toBe(4);
    expect(j.frameworks).toEqual([{ root: '.', config: 'opmodel.json', extends: null }]);
    expect(j.diagnostics).toHaveLength(SMALL_TEXT.length);
    for (const d of j.diagnostics) expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'id', 'fingerprint']);
    expect(j.diagnostics[0]).toEqual({
      file: 'bom.md', line: 1, column: 10, endLine: 1, endColumn: 14, severity: 'error', code: 'unknown-id',
      message: 'Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?',
      id: 'RSK9', fingerprint: expect.stringMatching(/^[0-9a-z]+:0$/),
    });
    // The same finding in three files with the same line: the same fingerprint in each.
    const rsk9 = j.diagnostics.filter((d: { id: string; column: number }) => d.id === 'RSK9' && d.column === 10);
    expect(rsk9.map((d: { file: string }) => d.file)).toEqual(['bom.md', 'crlf.md', 'lf.md']);
    expect(new Set(rsk9.map((d: { fingerprint: string }) => d.fingerprint)).size).toBe(1);
    // A finding without an ID of its own takes its document's.
    expect(j.diagnostics.find((d: { code: string }) => d.code === 'unknown-system').id).toBe('RSK30');
    expect(j.diagnostics.find((d: { file: string; code: string }) => d.file === 'risks/RSK30.md').message).toBe('Unknown system "risk%\nmanagement": did you mean "risk-management"?');
    expect(r.stderr).toBe('');
  });
});

describe('opmodel check --format github', () => {
  it('prints workflow commands with properties and data escaped', () => {
    const r = run(['check', '--format', 'github'], small);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(SMALL_TEXT.length);
    expect(lines[0]).toBe('::error file=bom.md,line=1,col=10,endLine=1,endColumn=14,title=opmodel unknown-id::Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?');
    expect(lines[1]).toBe('::warning file=bom.md,line=1,col=19,endLine=1,endColumn=24,title=opmodel malformed-id::"RSK 2" is not how IDs are written: use RSK2.');
    expect(lines).toContain('::error file=odd%2C name.md,line=3,col=5,endLine=3,endColumn=9,title=opmodel unknown-id::Unknown ID RSK9: no document defines it. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?');
    expect(lines).toContain('::error file=risks/RSK30.md,line=5,col=9,endLine=5,endColumn=28,title=opmodel unknown-system::Unknown system "risk%25\\nmanagement": did you mean "risk-management"?');
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=opmodel [a-z-]+::[^\r\n]*$/);
  });
});

describe('opmodel check --format sarif', () => {
  const schemaPath = path.join(repo, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

  it('validates against the SARIF 2.1.0 JSON schema and carries what code scanning needs', () => {
    // The official schema (as shipped by @microsoft/jest-sarif) is draft-04; ajv 8 reads it once
    // the draft-04 "id" keyword is spelt "$id" and the meta-schema reference is dropped.
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    // One pattern in the schema (language tags) is not valid as a Unicode regular expression.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);

    const r = run(['check', '--format', 'sarif'], small);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);

    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('opmodel');
    const ruleIds = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(run0.results).toHaveLength(SMALL_TEXT.length);
    for (const res of run0.results) {
      expect(ruleIds[res.ruleIndex]).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(res.message.text).toBeTruthy();
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/[ ,]/);
      expect(loc.region.startLine).toBeGreaterThan(0);
      expect(loc.region.startColumn).toBeGreaterThan(0);
    }
    const dup = run0.results.find((x: { ruleId: string }) => x.ruleId === 'duplicate-id');
    expect(dup.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('controls/dup.md');
    expect(run0.results.find((x: { message: { text: string } }) => x.message.text.includes('RSK9')).locations[0].physicalLocation.artifactLocation.uri).toBe('bom.md');
    expect(run0.results.some((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'odd%2C%20name.md')).toBe(true);
  });
});

describe('exit codes', () => {
  it('0 for a clean framework, with nothing on stdout', () => {
    const r = run(['check'], clean);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '2 files, 2 elements: 0 errors, 0 warnings\n']);
  });

  it('0 when there are only warnings', () => {
    const dir = copyOf(clean);
    const r0 = run(['check'], dir);
    expect(r0.code).toBe(0);
    const f = path.join(dir, 'risks/RSK1.md');
    const text = readFileSync(f, 'utf8').replace('See RSK2.', 'See rsk2.');
    writeFileSync(f, text);
    const r = run(['check'], dir);
    expect([r.code, r.stdout]).toEqual([0, 'risks/RSK1.md:12:5 warning malformed-id "rsk2" is not how IDs are written: use RSK2.\n']);
  });

  it('2 for bad usage', () => {
    for (const args of [['check', '--format', 'nope'], ['check', '--nope'], ['nope'], ['list', 'a', 'b'], ['show'], []]) {
      const r = run(args, clean);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(run(['check', '--format', 'nope'], clean).stderr).toBe('opmodel check: --format must be one of text, json, sarif, github (got "nope")\nRun "opmodel check --help" for usage.\n');
    const missing = run(['check', 'no-such-folder'], clean);
    expect([missing.code, missing.stderr]).toEqual([2, 'opmodel check: no such file or folder: no-such-folder\n']);
  });

  it('2 for a bad opmodel.json, with every problem located', () => {
    const r = run(['check'], path.join(fixtures, 'cli-badconfig'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'opmodel.json:2:17 error invalid-config family name "risk" must be upper-case letters and digits\n' +
        'opmodel.json:3:42 error invalid-config systems "x" names family "NOPE", which is not declared in families\n',
    );
    for (const cmd of ['list', 'matrix']) expect(run([cmd], path.join(fixtures, 'cli-badconfig')).code).toBe(2);
  });
});

describe('opmodel check --fix', () => {
  it('applies only safe fixes, keeps every other byte, CRLF and the BOM', () => {
    const dir = copyOf(small);
    const before = (p: string) => readFileSync(path.join(small, p), 'utf8');
    const after = (p: string) => readFileSync(path.join(dir, p), 'utf8');
    const r = run(['check', '--fix'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Fixed 12 problems in 6 files.');
    expect(after('lf.md')).toBe(before('lf.md').replace('RSK 2', 'RSK2').replace('CTLA1', 'CTL-A1'));
    expect(after('crlf.md')).toBe('Emoji 😀 RSK9 and RSK2.\r\nSecond line CTL-A1.\r\n');
    expect(readFileSync(path.join(dir, 'bom.md'))).toEqual(Buffer.from('\ufeffEmoji 😀 RSK9 and RSK2.\r\nSecond line CTL-A1.\r\n', 'utf8'));
    expect(after('odd, name.md')).toBe(before('odd, name.md').replace('RSK 2', 'RSK2').replace('CTL-a1', 'CTL-A1'));
    expect(after('risks/RSK2.md')).toBe(before('risks/RSK2.md').replace('discipline: Response', 'discipline: response').replace('RSK 1', 'RSK1').replace('rsk1', 'RSK1'));
    // The same key spelt with other punctuation is safe to rewrite, quotes and all.
    expect(after('risks/RSK30.md')).toBe(before('risks/RSK30.md').replace('system: "risk%\\nmanagement"', 'system: risk-management'));
    // Unsafe fixes (did-you-mean, renumbering a duplicate) are left to people.
    for (const p of ['controls/CTL-A1.md', 'controls/dup.md', 'risks/RSK1.md', 'ignored.md', 'node_modules/pkg/readme.md']) expect(after(p), p).toBe(before(p));
    expect(r.stdout).toBe(
      SMALL_TEXT.filter((l) => / error /.test(l) && !/unknown-(discipline|system)/.test(l))
        // "RSK 1" became "RSK1" earlier on that line.
        .map((l) => l.replace('risks/RSK2.md:12:35', 'risks/RSK2.md:12:34') + '\n')
        .join(''),
    );
    // A second run has nothing left to fix.
    const again = run(['check', '--fix'], dir);
    expect(again.stderr).not.toContain('Fixed');
  });

  it('reports a file not named after its element, and leaves renaming it to the author', () => {
    const dir = copyOf(clean);
    renameSync(path.join(dir, 'risks/RSK2.md'), path.join(dir, 'risks/data-loss.md'));
    const r = run(['check', '--fix'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('risks/data-loss.md:2:5 warning file-name-mismatch RSK2 is defined in data-loss.md: name the file RSK2.md, after its ID.\n');
    expect(r.stderr).not.toContain('Fixed');
    expect(existsSync(path.join(dir, 'risks/data-loss.md')) && !existsSync(path.join(dir, 'risks/RSK2.md'))).toBe(true);
  });
});

describe('list, matrix, show', () => {
  it('list --format json', () => {
    const r = run(['list', '--format', 'json'], clean);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: 'RSK1', title: 'Supplier failure', type: 'element', system: 'risk-management', discipline: 'assessment', file: 'risks/RSK1.md', line: 2, references: 4, origin: 'own', tailored: false },
      { id: 'RSK2', title: 'Data loss', type: 'element', system: 'risk-management', discipline: 'response', file: 'risks/RSK2.md', line: 2, references: 1, origin: 'own', tailored: false },
    ]);
    expect(run(['list'], clean).stdout).toBe('RSK1  Supplier failure  (risk-management / assessment)  risks/RSK1.md:2  4 refs\nRSK2  Data loss  (risk-management / response)  risks/RSK2.md:2  1 refs\n');
  });

  it('matrix --format json', () => {
    const r = run(['matrix', '--format', 'json'], clean);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      systems: ['risk-management'],
      disciplines: ['assessment', 'response'],
      cells: { 'risk-management': { assessment: ['RSK1'], response: ['RSK2'] } },
      unplaced: [],
      leadership: { parts: [], supportedBy: {} },
    });
    expect(run(['matrix', '--format', 'csv'], clean).stdout).toBe('system,assessment,response\nrisk-management,RSK1,RSK2\n');
  });

  it('show ID prints the definition and every reference', () => {
    const r = run(['show', 'RSK1'], clean);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'RSK1 · Supplier failure\nA key supplier stops delivering.\nrisk-management × assessment\ndefined at risks/RSK1.md:2\n\n4 references:\n  risks/RSK1.md:10:3\n  risks/RSK2.md:7:11\n  risks/RSK2.md:10:9\n  risks/RSK2.md:10:15\n',
    );
    const j = JSON.parse(run(['show', 'rsk01', '--format', 'json'], clean).stdout);
    expect(j).toMatchObject({ id: 'RSK1', defined: true, title: 'Supplier failure', definitions: [{ file: 'risks/RSK1.md', line: 2 }] });
    const unknown = run(['show', 'RSK7'], clean);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'RSK7 is not defined in this folder. Did you mean RSK2 (Data loss) or RSK1 (Supplier failure)?\n']);
    const nonsense = run(['show', 'NOPE1'], clean);
    expect([nonsense.code, nonsense.stderr]).toEqual([1, '"NOPE1" is not an ID of any family in this folder: IDs look like RSK1.\n']);
  });
});

describe('the shipped framework', () => {
  it('opmodel check framework-docs exits 0 with no errors and no warnings', () => {
    const r = run(['check', 'framework-docs', '--format', 'json'], repo);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.diagnostics).toEqual([]);
    expect(j.elements).toBe(106);
  });
});

describe('assessments through the CLI bundle', () => {
  const assessFixture = path.join(fixtures, 'cli-assess');

  it('check reports assessment files with everything else, in every format, and exits 1 on their errors', () => {
    const dir = copyOf(assessFixture);
    writeFileSync(path.join(dir, 'assessments/2027-03-review.yaml'), readFileSync(path.join(dir, 'assessments/2027-03-review.yaml'), 'utf8').replace('OPS2: { current: 2, target: 3 }', 'OPS2: { current: 2, target: "3" }\n  OPS7: n/a'));
    const j = JSON.parse(run(['check', '--format', 'json'], dir).stdout);
    expect(j.diagnostics.map((d: { file: string; line: number; column: number; code: string }) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'assessments/2027-03-review.yaml:7:31 invalid-score',
      'assessments/2027-03-review.yaml:8:3 unknown-id',
    ]);
    const text = run(['check'], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('assessments/2027-03-review.yaml:8:3 error unknown-id Unknown ID OPS7: no document defines it. Did you mean OPS4 (Automation) or OPS3 (Monitoring Tools) or OPS2 (Change Control)?\n');
    expect(run(['check', '--format', 'github'], dir).stdout).toContain('::error file=assessments/2027-03-review.yaml,line=8,col=3,endLine=8,endColumn=7,title=opmodel unknown-id::Unknown ID OPS7');
    const sarif = JSON.parse(run(['check', '--format', 'sarif'], dir).stdout);
    const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    for (const code of ['invalid-score', 'duplicate-entry', 'unassessed-element', 'invalid-assessment', 'maturity-levels']) expect(rules).toContain(code);
    expect(new Set(rules).size).toBe(rules.length);
    const result = sarif.runs[0].results[0];
    expect(rules[result.ruleIndex]).toBe(result.ruleId);
  });

  it('check --fix applies the safe fixes of an assessment and keeps every other byte', () => {
    const dir = copyOf(assessFixture);
    const file = path.join(dir, 'assessments/2027-03-review.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('OPS2: { current: 2', 'ops2: { current: "2"'));
    const r = run(['check', '--fix'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('assess is part of the bundle, and show prints an element\'s maturity levels', () => {
    const r = run(['assess', '--format', 'json'], assessFixture);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    const show = JSON.parse(run(['show', 'OPS1', '--format', 'json'], assessFixture).stdout);
    expect(show.assessmentQuestion).toBe('Does OPS1 run the same way every week, with an owner and a record?');
    expect(show.maturity[0]).toEqual({ level: 1, name: 'Ad hoc', description: 'Incident Handling happens when someone remembers.', criteria: ["Nobody can show last month's record.", 'Each person does it their own way.'] });
    expect(show.maturity.map((l: { level: number; name: string }) => `${l.level} ${l.name}`)).toEqual(['1 Ad hoc', '2 Repeatable', '3 Defined', '4 Optimising']);
    const text = run(['show', 'OPS1'], assessFixture).stdout;
    expect(text).toContain('\nMaturity levels:\n  Assessment question: Does OPS1 run the same way every week, with an owner and a record?\n  1. Ad hoc — Incident Handling happens when someone remembers.\n     - Nobody can show last month\'s record.\n');
    expect(JSON.parse(run(['show', 'LP1', '--format', 'json'], assessFixture).stdout)).toMatchObject({ assessmentQuestion: null, maturity: [] });
  });
});
