// cli/git/changes.ts on real git output: touched lines, odd file names git quotes, binary and
// deleted files, untracked files.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changesSince, parseZeroContextPatch, unquote } from '../../cli/git/changes';
import { GitRepo } from '../../cli/git/gitRepo';
import { TempRepo } from '../git/tempRepo';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.dispose()));

describe('changesSince', () => {
  it('lists the touched lines of each file against the merge base, whatever its name', async () => {
    const repo = TempRepo.create();
    repos.push(repo);
    const odd = 'odd, "quoted"\té.md';
    repo.write(odd, 'one\ntwo\nthree\nfour\n');
    repo.write('gone.md', 'x\n');
    repo.write('pic.md', Buffer.from([0, 1, 2, 3]).toString('latin1'));
    repo.write('same.md', 'same\n');
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'topic');
    repo.write(odd, 'zero\none\ntwo\nTHREE\nfour\nfive\n');
    repo.remove('gone.md');
    repo.write('pic.md', Buffer.from([0, 9, 9, 9]).toString('latin1'));
    repo.commit('topic');
    repo.write('same.md', 'same\nuncommitted\n');
    repo.write('sub/new file.md', 'new\n');
    const { changes } = await changesSince(await GitRepo.at(repo.dir), 'main', [repo.dir]);
    const rel = Object.fromEntries([...changes].map(([f, l]) => [path.relative(repo.dir, f), l === 'all' ? 'all' : [...l].sort((a, b) => a - b)]));
    expect(rel).toEqual({ [odd]: [1, 4, 6], 'pic.md': 'all', 'same.md': [2], [path.join('sub', 'new file.md')]: 'all' });
  });
});

describe('paths are not globs', () => {
  it('a path that reads like a pattern names only itself', async () => {
    const repo = TempRepo.create();
    repos.push(repo);
    repo.write('docs/b.md', 'one\n');
    repo.commit('base');
    repo.write('docs/b.md', 'one\ntwo\n');
    // "d*" would match docs/b.md as a glob; as a path it names nothing here.
    const { changes } = await changesSince(await GitRepo.at(repo.dir), 'HEAD', [path.join(repo.dir, 'd*')]);
    expect([...changes.keys()]).toEqual([]);
  });
});

describe('parseZeroContextPatch', () => {
  it('reads hunks without counts as one line and pure removals as none', () => {
    const patch = ['diff --git a/a.md b/a.md', '--- a/a.md', '+++ b/a.md', '@@ -3 +3 @@', '-x', '+y', '@@ -7,2 +6,0 @@', '-p', '-q', ''].join('\n');
    expect(parseZeroContextPatch(patch)).toEqual(new Map([['a.md', new Set([3])]]));
  });

  it('unquotes C-style names', () => {
    expect(unquote('"b/a\\tb\\303\\251\\"c\\\\d.md"')).toBe('b/a\tbé"c\\d.md');
    expect(unquote('b/plain name.md\t')).toBe('b/plain name.md');
  });
});
