// `opmodel assess` on the fixture assessments (test/fixtures/cli-assess): every format, every exit
// code, and the JSON validated against schemas/assessment-report.schema.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import '../../cli/commands/assess';
import { main } from '../../cli/main';

const repo = path.resolve(__dirname, '../..');
const fixture = path.join(repo, 'test/fixtures/cli-assess');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

async function assess(args: string[], cwd = fixture) {
  let out = '';
  let err = '';
  const code = await main(['assess', ...args], { out: (s) => { out += s; }, err: (s) => { err += s; }, isTTY: false, cwd });
  return { code, out, err };
}

function copy(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opmodel-assess-'));
  temps.push(dir);
  fs.cpSync(fixture, dir, { recursive: true });
  for (const [p, t] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), t);
  }
  return dir;
}

const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/assessment-report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const valid = (json: unknown) => {
  const ok = validate(json);
  expect(validate.errors ?? []).toEqual([]);
  return ok;
};

const REVIEW = 'assessments/2027-03-review.yaml';
const BASELINE = 'assessments/2026-11-baseline.yaml';

describe('opmodel assess --format json', () => {
  it('prints the report with --compare in the documented shape', async () => {
    const r = await assess([REVIEW, '--compare', BASELINE, '--format', 'json']);
    expect([r.code, r.err]).toEqual([0, '']);
    const j = JSON.parse(r.out);
    expect(valid(j)).toBe(true);
    expect(j.assessment).toEqual({ client: 'Fixture Bank', title: 'Day 90 review', date: '2027-03-31', file: REVIEW, assessors: ['Consultant A'] });
    expect(j.elements[0]).toEqual({ id: 'OPS1', title: 'Incident Handling', system: 'operations', discipline: 'process', part: null, applicable: true, current: 2, target: 3, gap: 1, due: null, owner: null, evidence: 'Incident records in the tool since January' });
    expect(j.cells).toEqual({
      operations: { process: { current: 2, target: 3, assessed: 2 }, tools: { current: 2, target: 3.5, assessed: 2 } },
      people: { process: { current: 1, target: 2, assessed: 1 }, tools: { current: 1, target: 2, assessed: 1 } },
    });
    expect(j.systems).toEqual({ operations: { current: 2, target: 3.25, assessed: 4 }, people: { current: 1, target: 2, assessed: 2 } });
    expect(j.leadership).toEqual({ 'leadership-principles': { current: null, target: null, assessed: 0 }, 'leadership-characteristics': { current: 2, target: 3, assessed: 1 } });
    expect(j.roadmap).toEqual([
      { wave: 1, label: '2027 Q2 (due by 2027-06-30)', due: '2027-06-30', ids: ['OPS3'] },
      { wave: 2, label: 'Gap of 2 levels', due: null, ids: ['OPS1', 'OPS2', 'OPS4'] },
      { wave: 3, label: 'Gap of 1 level', due: null, ids: ['PPL1', 'PPL2', 'LC1'] },
    ]);
    expect(j.compare).toEqual({
      file: BASELINE,
      date: '2026-11-30',
      changes: [
        { id: 'OPS1', title: 'Incident Handling', from: 1, to: 2, direction: 'up' },
        { id: 'OPS3', title: 'Monitoring Tools', from: 1, to: 3, direction: 'up' },
        { id: 'PPL1', title: 'Coaching', from: 2, to: 1, direction: 'down' },
        { id: 'PPL2', title: 'Skills Matrix', from: null, to: 1, direction: 'added' },
      ],
    });
  });

  it('reports every assessment, the newest first, as an array', async () => {
    const r = await assess(['--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(valid(j)).toBe(true);
    expect(j.map((x: { assessment: { file: string } }) => x.assessment.file)).toEqual([REVIEW, BASELINE]);
    expect(j[1].elements.find((e: { id: string }) => e.id === 'PPL2')).toMatchObject({ applicable: false, current: null, target: null, gap: null });
    expect(j[1].compare).toBeNull();
  });

  it('compares the newest assessment when --compare is given without a file', async () => {
    const j = JSON.parse((await assess(['--compare', BASELINE, '--format', 'json'])).out);
    expect(j.assessment.file).toBe(REVIEW);
    expect(j.compare.changes).toHaveLength(4);
  });

  it('works from another folder, with paths relative to it', async () => {
    const r = await assess([`test/fixtures/cli-assess/${REVIEW}`, '--format', 'json'], repo);
    expect(JSON.parse(r.out).assessment.file).toBe(`test/fixtures/cli-assess/${REVIEW}`);
  });
});

describe('opmodel assess text, markdown and csv', () => {
  it('prints text with the matrix, the gaps, the roadmap and the movement', async () => {
    const r = await assess([REVIEW, '--compare', BASELINE]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Fixture Bank — Day 90 review (2027-03-31)
assessments/2027-03-review.yaml · assessed by Consultant A · 7 scored, 0 n/a

Elements (current → target, gap)
  OPS1  2 → 3    1  Incident Handling
  OPS2  2 → 3    1  Change Control
  OPS3  3 → 4    1  Monitoring Tools  (due 2027-06-30)
  OPS4  1 → 3    2  Automation
  PPL1  1 → 2    1  Coaching
  PPL2  1 → 2    1  Skills Matrix
  LC1   2 → 3    1  Listens First

Systems × disciplines (average current → target, elements assessed)
  Operations                  2.00 → 3.25 (4 assessed)
    Process                   2.00 → 3.00 (2 assessed)
    Tools                     2.00 → 3.50 (2 assessed)
  People                      1.00 → 2.00 (2 assessed)
    Process                   1.00 → 2.00 (1 assessed)
    Tools                     1.00 → 2.00 (1 assessed)

Leadership
  Leadership Principles       not assessed
  Leadership Characteristics  2.00 → 3.00 (1 assessed)

Largest gaps
  OPS4  1 → 3  gap 2  Automation
  OPS1  2 → 3  gap 1  Incident Handling
  OPS2  2 → 3  gap 1  Change Control
  OPS3  3 → 4  gap 1  Monitoring Tools
  PPL1  1 → 2  gap 1  Coaching
  PPL2  1 → 2  gap 1  Skills Matrix
  LC1   2 → 3  gap 1  Listens First

Roadmap
  Wave 1 — 2027 Q2 (due by 2027-06-30): OPS3
  Wave 2 — Gap of 2 levels: OPS1, OPS2, OPS4
  Wave 3 — Gap of 1 level: PPL1, PPL2, LC1

Since assessments/2026-11-baseline.yaml (2026-11-30)
  Up (2): OPS1 1 → 2, OPS3 1 → 3
  Down (1): PPL1 2 → 1
  Newly scored (1): PPL2 – → 1
`);
  });

  it('prints Markdown tables', async () => {
    const r = await assess([BASELINE, '--format', 'markdown']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('## Fixture Bank — Baseline assessment (2026-11-30)');
    expect(lines).toContain('| System | Process | Tools | All |');
    expect(lines).toContain('| Operations | 1.50 → 3.00 (2) | 1.00 → 3.00 (2) | 1.25 → 3.00 (4) |');
    expect(lines).toContain('| People | 2.00 → 2.00 (1) | — | 2.00 → 2.00 (1) |');
    expect(lines).toContain('| PPL2 | Skills Matrix | n/a | n/a |  |  |  |');
    expect(lines).toContain('| OPS1 | Incident Handling | 1 | 3 | 2 |  | Service Desk Lead |');
    expect(lines).toContain('1. **2027 Q2 (due by 2027-06-30):** OPS3');
    expect(lines).toContain('3. **Gap of 1 level:** OPS2, OPS4, LC1');
  });

  it('prints one CSV row per element and assessment', async () => {
    const r = await assess(['--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = r.out.trimEnd().split('\n');
    expect(rows[0]).toBe('file,date,id,title,system,discipline,part,current,target,gap,due,owner,evidence');
    expect(rows).toHaveLength(1 + 7 + 7);
    expect(rows[1]).toBe('assessments/2027-03-review.yaml,2027-03-31,OPS1,Incident Handling,operations,process,,2,3,1,,,Incident records in the tool since January');
    expect(rows).toContain('assessments/2026-11-baseline.yaml,2026-11-30,PPL2,Skills Matrix,people,tools,,n/a,n/a,,,,');
    expect(rows).toContain('assessments/2026-11-baseline.yaml,2026-11-30,LC1,Listens First,,,leadership-characteristics,2,3,1,,,');
  });

  it('keeps spreadsheet formulas and terminal escapes out of the output', async () => {
    const dir = copy({ 'assessments/x.yaml': 'date: 2027-05-01\nelements:\n  OPS1: { current: 1, target: 2, evidence: "=HYPERLINK(\\"http://x\\")", owner: "\\u001b[31mred" }\n' });
    const csv = await assess(['assessments/x.yaml', '--format', 'csv'], dir);
    expect(csv.out.split('\n')[1]).toBe('assessments/x.yaml,2027-05-01,OPS1,Incident Handling,operations,process,,1,2,1,,\\x1b[31mred,"\'=HYPERLINK(""http://x"")"');
    expect(csv.out).not.toContain('\x1b');
    const text = await assess(['assessments/x.yaml'], dir);
    expect(text.out).not.toContain('\x1b');
  });
});

describe('opmodel assess exit codes', () => {
  it('1 with errors in the assessment, and the report still printed, the problems on stderr', async () => {
    const dir = copy({ 'assessments/bad.yaml': 'date: 2027-05-01\nelements:\n  OPS1: { current: 9, target: 2 }\n  OPS2: { current: 2, target: 3 }\n  OPS9: n/a\n' });
    const r = await assess(['assessments/bad.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(valid(JSON.parse(r.out))).toBe(true);
    expect(JSON.parse(r.out).elements.map((e: { id: string }) => e.id)).toEqual(['OPS2']);
    expect(r.err).toContain('assessments/bad.yaml:3:20 error invalid-score The current level 9 is not on the maturity scale (1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising).\n');
    expect(r.err).toContain('assessments/bad.yaml:5:3 error unknown-id Unknown ID OPS9: no document defines it.');
    expect(r.err).toContain('5 elements in scope are not assessed (unassessed-element; "opmodel check" lists them).\n');
  });

  it('1 when the older assessment of --compare has errors', async () => {
    const dir = copy({ 'assessments/old.yaml': 'elements:\n  OPS1: { current: 1 }\n' });
    const r = await assess([REVIEW, '--compare', 'assessments/old.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('assessments/old.yaml:1:1 error invalid-assessment Invalid assessment: the assessment has no date');
    expect(r.out).toContain('Since assessments/old.yaml\n');
  });

  it('0 with warnings only; a file outside the assessments folder is read when named', async () => {
    const dir = copy({ 'notes/review.yml': 'date: 2027-05-01\nelements:\n  ops1: { current: 1, target: 2 }\n' });
    const r = await assess(['notes/review.yml', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('notes/review.yml:3:3 warning malformed-id "ops1" is not how IDs are written: use OPS1.');
    expect(JSON.parse(r.out).elements.map((e: { id: string }) => e.id)).toEqual(['OPS1']);
  });

  it('2 for bad usage', async () => {
    const cases: [string[], string][] = [
      [['--format', 'html'], '--format must be one of text, markdown, json, csv (got "html")'],
      [['elements/OPS1.md'], '"elements/OPS1.md" is not an assessment file: assessments are YAML files (.yaml or .yml)'],
      [[REVIEW, BASELINE, '--compare', BASELINE], '--compare compares one assessment with an older one: name at most one assessment file'],
      [['assessments/none.yaml'], 'no such file or folder: assessments/none.yaml'],
      [['--nope'], 'opmodel assess: unknown option --nope. Options: --compare (-c), --dir (-d), --format (-f).'],
    ];
    for (const [args, message] of cases) {
      const r = await assess(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.out).toBe('');
    }
  });

  it('2 when there is no assessment to report, or opmodel.json is broken', async () => {
    const empty = copy();
    fs.rmSync(path.join(empty, 'assessments'), { recursive: true });
    const r = await assess([], empty);
    expect(r.code).toBe(2);
    expect(r.err).toBe('opmodel assess: no assessment files in . (they are found by assessments/**/*.yaml, assessments/**/*.yml); name a file, or see "Assess a client" in the README\n');
    const broken = copy({ 'opmodel.json': '{ "maturity": { "levels": [] } }' });
    const b = await assess([], broken);
    expect(b.code).toBe(2);
    expect(b.err).toBe('opmodel.json:1:27 error invalid-config maturity.levels must be a non-empty array, e.g. { "levels": [{ "level": 1, "name": "Ad hoc" }, { "level": 2, "name": "Repeatable" }] }\n');
  });
});
