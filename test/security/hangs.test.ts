// Hangs: input built to make a command run for minutes. Globs and .gitignore rules are matched
// without backtracking and within a step budget that names the pattern when it runs out; many
// .gitignore rules cost a map lookup each; the number of ID families is bounded; the site builder
// stops a page that takes too long. No test here asserts a time: a hang shows as a test timeout.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryWorkspace, Project } from '../../language/index';
import { goodElement, removeCliBundle, runCli, tempTree } from './cli';

afterAll(removeCliBundle);

const ROOT = 'file:///h';
async function open(files: Record<string, string>) {
  const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [`${ROOT}/${p}`, t])));
  return Project.open({ workspace: ws, rootUri: ROOT });
}
const rel = (p: Project) => [...p.index.docs.keys()].map((u) => u.slice(ROOT.length + 1)).sort();
const skips = (p: Project) => [...p.index.skipped.values()].map((s) => `${s.uri.slice(ROOT.length + 1)}: ${s.reason}`);

// Twenty "a*" in a row: a backtracking matcher tries every way to split a long run of "a"s.
const BACKTRACKING = 'a*'.repeat(20) + 'b';
const LONG_NAME = 'a'.repeat(40) + '.md';

describe('globs in include and exclude', () => {
  it('a backtracking include pattern: matched in linear time, other patterns still apply', async () => {
    const p = await open({
      'opmodel.json': JSON.stringify({ include: [`**/${BACKTRACKING}`, 'docs/**/*.md'] }),
      [LONG_NAME]: 'x', [`docs/${LONG_NAME}`]: 'x', 'docs/a.md': 'x', 'other.md': 'x',
    });
    expect(p.configProblems).toEqual([]);
    expect(rel(p)).toEqual(['docs/a.md', `docs/${LONG_NAME}`]);
  });

  it('a backtracking exclude pattern and one that matches', async () => {
    const p = await open({ 'opmodel.json': JSON.stringify({ exclude: [`**/${BACKTRACKING}`, `**/${'a*'.repeat(20)}.md`] }), [LONG_NAME]: 'x', 'b.md': 'x' });
    expect(rel(p)).toEqual(['b.md']);
  });

  it('a pattern that is linear but too costly for this folder: invalid-config naming it, exit 2', async () => {
    const costly = '*a'.repeat(450) + '*.md';
    const files: Record<string, string> = { 'opmodel.json': JSON.stringify({ include: [costly] }, null, 2) };
    for (let i = 0; i < 2_000; i++) files[`${'a'.repeat(200)}${i}.md`] = 'x';
    const p = await open(files);
    expect(p.configProblems.map((x) => `${x.range.start.line}:${x.range.start.character} ${x.message}`)).toEqual([
      `2:4 include/exclude: the pattern "${costly.slice(0, 60)}…" takes too long to match against the files of this folder; simplify it`,
    ]);
    expect(rel(p)).toEqual([]);
  });

  it('patterns the matcher refuses outright are problems at their own position', async () => {
    const text = JSON.stringify({ include: ['**/*.md', '+(a|b).md', 'x'.repeat(1_001), '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}.md'] }, null, 1);
    const p = await open({ 'opmodel.json': text, 'a.md': 'x' });
    expect(p.configProblems.map((x) => x.message)).toEqual([
      'include pattern "+(a|b).md" cannot be used: extended globs such as "+(a|b)" are not supported; use {a,b} or several patterns',
      `include pattern "${'x'.repeat(1_001)}" cannot be used: longer than 1,000 characters`,
      'include pattern "{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}.md" cannot be used: its {…} alternatives expand to more than 256 patterns',
    ]);
    expect(rel(p)).toEqual(['a.md']);
  });
});

describe('.gitignore', () => {
  it('backtracking rules (a chain of "**" over a deep folder, runs of "*"): matched in linear time', async () => {
    const deep = 'a/'.repeat(40);
    const p = await open({
      '.gitignore': `${'a/**/'.repeat(11)}b.md\n*${BACKTRACKING}*\n`,
      [`${deep}x.md`]: 'x', [`${'a/'.repeat(20)}b.md`]: 'x', [LONG_NAME]: 'x', [`${'a'.repeat(25)}b.md`]: 'x', 'c.md': 'x',
    });
    expect(rel(p)).toEqual([`${deep}x.md`, LONG_NAME, 'c.md']);
  });

  it('38,000 plain rules and 3,000 files: each file is one lookup, the last matching rule wins', async () => {
    const rules: string[] = [];
    for (let i = 0; i < 35_000; i++) rules.push(`not-here-${i}.md`);
    for (let i = 0; i < 3_000; i++) rules.push(i % 2 ? `f${i}.md` : `/docs/f${i}.md`);
    rules.push('*.tmp.md', 'draft-*', '!f1.md', 'docs/keep/');
    expect(rules.length).toBe(38_004);
    const files: Record<string, string> = { '.gitignore': rules.join('\n') };
    for (let i = 0; i < 3_000; i++) files[`docs/f${i}.md`] = 'x';
    Object.assign(files, { 'docs/x.tmp.md': 'x', 'docs/draft-1.md': 'x', 'docs/keep/k.md': 'x', 'docs/kept.md': 'x' });
    const p = await open(files);
    expect(rel(p)).toEqual(['docs/f1.md', 'docs/kept.md']);
  });

  it('rules that are linear but too costly together: the .gitignore is reported by name, the check goes on', async () => {
    const rules = Array.from({ length: 20_000 }, (_, i) => `*${i}*x*y*z`);
    const files: Record<string, string> = { 'sub/.gitignore': rules.join('\n'), 'top.md': 'x' };
    for (let i = 0; i < 3_000; i++) files[`sub/${'q'.repeat(100)}${i}.md`] = 'x';
    const p = await open(files);
    expect(skips(p)).toHaveLength(1);
    expect(skips(p)[0]).toMatch(/^sub\/\.gitignore: its rule "\*\d+\*x\*y\*z" takes too long to match against the files of this folder, so none of its 20,000 rules were applied from there on$/);
    expect(rel(p)).toHaveLength(3_001);
  });

  it('a deeper .gitignore re-includes what a shallower one ignores, as in git', async () => {
    const p = await open({ '.gitignore': '*.md\n!/keep.md\n', 'keep.md': 'x', 'drop.md': 'x', 'sub/.gitignore': '!a.md\n', 'sub/a.md': 'x', 'sub/b.md': 'x' });
    expect(rel(p)).toEqual(['keep.md', 'sub/a.md']);
  });
});

describe('ID families', () => {
  it('more than 256 families is a config problem at "families"; the defaults apply', async () => {
    const families = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`Q${i}`, { prefix: `Q${i}X` }]));
    const text = JSON.stringify({ families }, null, 1);
    const p = await open({ 'opmodel.json': text, 'a.md': 'FLM1' });
    expect(p.configProblems.map((x) => `${x.range.start.line}:${x.range.start.character} ${x.message}`)).toEqual([
      '1:13 families declares 10,000 families; at most 256 are allowed',
    ]);
    expect(p.config.families.map((f) => f.key)).toContain('FLM');
  });

  it('256 families and 8,000 unknown IDs in one file: every one reported', async () => {
    const name = (i: number) => `Q${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
    const families = Object.fromEntries(Array.from({ length: 256 }, (_, i) => [name(i), { prefix: name(i) }]));
    const body = Array.from({ length: 8_000 }, (_, i) => `${name(i % 256)}${100_000 + i}`).join(' ');
    const p = await open({ 'opmodel.json': JSON.stringify({ families }), 'a.md': `---\nid: ${name(0)}1\n---\n${body}\n` });
    expect(p.configProblems).toEqual([]);
    expect(p.diagnostics(`${ROOT}/a.md`).filter((d) => d.code === 'unknown-id')).toHaveLength(8_000);
  });
});

describe('build: a page that takes too long', () => {
  it('the issue\'s 80 KB of alternating emphasis markers: stopped at the time limit, shown as source', async () => {
    const t = tempTree({ 'a.md': goodElement('FLM1'), 'emphasis.md': '# Emphasis\n\n' + '*_'.repeat(40_000) + '\n' });
    try {
      writeFileSync(path.join(t.dir, 'opmodel.json'), '{}\n');
      const r = await runCli(['build', '--out', 'site'], t.dir);
      expect(r.stderr).toContain('emphasis.md: warning the page is shown as its Markdown source: it took longer than 5 s to render\n');
      expect(r.code).toBe(0);
    } finally {
      t.cleanup();
    }
  }, 60_000);
});
