// Injection through printed text: every piece of text from a repository that a command prints
// (titles, IDs, file names, config keys and values, link targets, paths given on the command
// line) reaches the terminal or the CI log neutralised (cli/neutralise.ts): no control or
// bidirectional character, no line break of its own, no line that GitHub Actions reads as a
// workflow command. The test runs every command on hostile folders and walks all of its output.
//
// Adding a command? Add its most talkative invocations to COMMANDS below: the last test fails
// until every registered command is listed.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../cli/commands/assess';
import '../../cli/commands/build';
import '../../cli/commands/diff';
import '../../cli/commands/lsp';
import { commandNames, main } from '../../cli/main';
import { isNeutral, neutralise, safeJson } from '../../cli/neutralise';
import { removeCliBundle, runCli, tempTree } from './cli';

afterAll(removeCliBundle);

/** Terminal control (OSC title, clear screen, C1 CSI), a forged workflow command, bidi and a line separator. */
const P = '\x1b]0;owned\x07\x1b[2J\r\n::error file=forged.md,line=1::forged\u202e\u009b31m\u2028##[error]x';
const Y = JSON.stringify(P); // a YAML double-quoted scalar is a JSON string

/** Commands that print nothing for a terminal (their output is a protocol), with the reason. */
const NOT_PRINTING: Record<string, string> = { lsp: 'stdout carries JSON-RPC; its log on stderr passes the same guard as every command' };

/**
 * Commands with the arguments that print the most repository text. `OUT` becomes a fresh
 * folder, `BASE` a second hostile framework (for diff).
 */
const COMMANDS: string[][] = [
  ['check', '.'],
  ['check', '--format', 'json', '.'],
  ['check', '--format', 'sarif', '.'],
  ['check', '--format', 'github', '.'],
  ['check', '--fix', '.'],
  ['list'],
  ['list', '--format', 'json'],
  ['matrix'],
  ['matrix', '--format', 'markdown'],
  ['matrix', '--format', 'csv'],
  ['matrix', '--format', 'json'],
  ['matrix', '--raci'],
  ['matrix', '--raci', '--format', 'markdown'],
  ['matrix', '--raci', '--format', 'csv'],
  ['matrix', '--raci', '--format', 'json'],
  ['diff', 'BASE', '.'],
  ['diff', 'BASE', '.', '--format', 'markdown'],
  ['diff', 'BASE', '.', '--format', 'json'],
  ['show', 'FLM1'],
  ['show', 'FLM1', '--format', 'json'],
  ['show', P],
  ['show', '::error x'],
  ['assess'],
  ['assess', '--format', 'markdown'],
  ['assess', '--format', 'csv'],
  ['assess', '--format', 'json'],
  ['assess', 'assessments/h.yaml', '--compare', 'assessments/old.yaml'],
  ['build', '--out', 'OUT', '--force'],
  ['build', '--out', `OUT${P.replace(/[\r\n\0/]/g, '')}`, '--force'],
  [P],
  ['check', `--format=${P}`],
];

const FORBIDDEN = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// Our own annotations: every repository byte after the command name is escaped (%0A, %3A, ...).
const ANNOTATION = /^::(error|warning|notice) file=[^:\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=opmodel [a-z-]+::[^\n]*$/;

/** Every problem in one command's output, as readable strings (empty when it is clean). */
function walk(output: string, github: boolean): string[] {
  const problems: string[] = [];
  output.split('\n').forEach((line, i) => {
    const raw = FORBIDDEN.exec(line);
    if (raw) problems.push(`line ${i + 1}: raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(line.slice(0, 120))}`);
    const t = line.trimStart();
    if ((t.startsWith('::') && !(github && ANNOTATION.test(line))) || t.startsWith('##[')) problems.push(`line ${i + 1}: reads as a workflow command: ${JSON.stringify(line.slice(0, 120))}`);
  });
  return problems;
}

const element = (id: string, extra = '') => `---\nid: ${id}\ntitle: ${Y}\ntype: element\nsummary: ${Y}\nsystem: first-line-management\ndiscipline: technology-tools\nsupports: [${Y}]\naccountable: ${Y}\n${extra}---\n\n`;

function hostileDocs() {
  const t = tempTree({
    'opmodel.json': '{}\n',
    'a.md': element('FLM1') + `See flm2 and FLM99, [a link](${encodeURI(P)}.md), ![img](${encodeURI(P)}.png).\n\n# ${P}\n`,
    'b.md': `---\nid: ${Y}\ntitle: ${Y}\ntype: ${Y}\nsystem: ${Y}\ndiscipline: ${Y}\nkey: ${Y}\n---\n\nFLM1\n`,
    'c.md': `---\nid: "::error file=c.md::forged by an id"\ntitle: t\n---\n`,
    'd.md': element('FLM2').replace('system: first-line-management', `system: ${Y}`),
    'guide.md': `---\ntitle: ${Y}\ntype: guide\n---\n\n[bad](nowhere.md#${encodeURIComponent(P)})\n`,
    // Assessments: hostile text in every field, and as keys.
    'assessments/h.yaml': `client: ${Y}\ntitle: ${Y}\ndate: 2026-11-30\nassessors: [${Y}]\nelements:\n  FLM1: { current: 1, target: 3, evidence: ${Y}, owner: ${Y}, due: 2027-01-31 }\n  FLM2: { current: ${Y} }\n  ${Y}: n/a\n`,
    'assessments/old.yaml': `client: ${Y}\ndate: 2026-01-01\nelements:\n  FLM1: { current: 2, target: 2, notes: ${Y} }\n`,
  });
  // File names: a right-to-left override, terminal escapes, a line break that forges a command.
  for (const name of ['x\u202ed.md', 'y\x1b[31m.md', 'n\n::error file=f::forged.md', 'c1\u009b2J.md']) writeFileSync(path.join(t.dir, name), element('FLM7'));
  mkdirSync(path.join(t.dir, `dir\u202e`));
  writeFileSync(path.join(t.dir, `dir\u202e`, 'e.md'), element('FLM8'));
  return t;
}

function hostileConfig() {
  const config = `{\n  "families": { ${JSON.stringify(P)}: {}, "OK": { "prefix": ${JSON.stringify(P)} } },\n  "systems": [{ "key": ${JSON.stringify(P)} }],\n  "severity": { ${JSON.stringify(P)}: ${JSON.stringify(P)} },\n  ${JSON.stringify(P)}: 1,\n  "include": [${JSON.stringify(`+(${P})`)}]\n}\n`;
  return tempTree({ 'opmodel.json': config, 'a.md': element('FLM1') });
}

describe('every command, every output, on hostile folders', () => {
  for (const [fixture, make] of [['hostile documents', hostileDocs], ['hostile opmodel.json', hostileConfig]] as const) {
    it(`${fixture}: nothing raw, nothing forged`, async () => {
      const t = make();
      try {
        let n = 0;
        const report: string[] = [];
        // The diff's other side: another hostile framework, elements retitled, removed and moved.
        const base = `${t.dir}-base`;
        mkdirSync(base);
        writeFileSync(path.join(base, 'opmodel.json'), '{}\n');
        writeFileSync(path.join(base, 'a.md'), element('FLM1').replace(`title: ${Y}`, 'title: Old'));
        writeFileSync(path.join(base, `${P.replace(/[\0/]/g, '')}.md`), element('FLM9') + `FLM1 and ${P}\n`);
        for (const cmd of COMMANDS) {
          const args = cmd.map((a) => (a.startsWith('OUT') ? `${a.replace('OUT', 'site')}-${n++}` : a === 'BASE' ? `../${path.basename(base)}` : a));
          const r = await runCli(args, t.dir);
          expect(r.stderr, args.join(' ')).not.toContain('internal error');
          const github = args.includes('github');
          for (const p of walk(r.stdout, github)) report.push(`${cmd.join(' ')} (stdout) ${p}`);
          for (const p of walk(r.stderr, false)) report.push(`${cmd.join(' ')} (stderr) ${p}`);
        }
        expect(report).toEqual([]);
      } finally {
        chmodSync(t.dir, 0o755);
        rmSync(`${t.dir}-base`, { recursive: true, force: true });
        t.cleanup();
      }
    }, 180_000);
  }

  it('the payload is really printed, neutralised: visible escapes, nothing lost', async () => {
    const t = hostileDocs();
    try {
      const list = await runCli(['list'], t.dir);
      expect(list.stdout).toContain(neutralise(P));
      expect(list.stdout).toContain('\\x3a:error file=c.md::forged by an id');
      const check = await runCli(['check', '.'], t.dir);
      expect(check.stdout).toContain('x\\u202ed.md:');
      expect(check.stdout).toContain('n\\n::error file=f::forged.md:');
      const json = JSON.parse((await runCli(['list', '--format', 'json'], t.dir)).stdout) as { title: string }[];
      expect(json.map((r) => r.title)).toContain(P);
    } finally {
      t.cleanup();
    }
  });

  it('with colour on a terminal, the only escape sequences are our own colours', async () => {
    const t = hostileDocs();
    try {
      let out = '';
      await main(['check', '.'], { out: (s) => void (out += s), err: () => {}, isTTY: true, cwd: t.dir });
      expect(out).toMatch(/\x1b\[31m/);
      expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(FORBIDDEN);
    } finally {
      t.cleanup();
    }
  });

  it('every registered command is walked (add new ones to COMMANDS)', () => {
    for (const name of commandNames()) expect(COMMANDS.some((c) => c[0] === name) || name in NOT_PRINTING, name).toBe(true);
  });
});

describe('neutralise', () => {
  it('escapes what terminals and CI logs act on, and nothing else', () => {
    expect(neutralise('plain text: Ünïcødé, 日本語, emoji 👩‍👩‍👧, tab\there')).toBe('plain text: Ünïcødé, 日本語, emoji 👩‍👩‍👧, tab\there');
    expect(neutralise('a\r\nb\rc\nd')).toBe('a\\nb\\nc\\nd');
    expect(neutralise('\x1b[31mred\x07\x7f\u009b')).toBe('\\x1b[31mred\\x07\\x7f\\x9b');
    expect(neutralise('abc\u202edef\u2066\u200f')).toBe('abc\\u202edef\\u2066\\u200f');
    expect(neutralise('x\u2028y\u2029')).toBe('x\\u2028y\\u2029');
    expect(neutralise('::error file=a::b')).toBe('\\x3a:error file=a::b');
    expect(neutralise('  ::warning::x')).toBe('  \\x3a:warning::x');
    expect(neutralise('##[error]x')).toBe('\\x23#[error]x');
    expect(neutralise('a ::error:: in the middle')).toBe('a ::error:: in the middle');
    expect(neutralise('lone \ud800 surrogate')).toBe('lone \\ud800 surrogate');
    expect(isNeutral(neutralise(P))).toBe(true);
  });

  it('safeJson keeps the data and escapes what JSON.stringify leaves raw', () => {
    const v = { t: P };
    const s = safeJson(v);
    expect(s).not.toMatch(FORBIDDEN);
    expect(JSON.parse(s)).toEqual(v);
  });
});
