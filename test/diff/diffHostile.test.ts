// opmodel diff on what a repository should not be able to do: links out of the tree, files over
// the size limit, titles that try to be Markdown, HTML, mentions or terminal escapes.
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCliBundle } from '../security/cli';
import { elementText as el, opmodel, TempRepo } from '../git/tempRepo';

let repo: TempRepo;
// In YAML double quotes, "\\e" is ESC.
const EVIL = '"Evil [click](https://evil.example) <img src=x onerror=alert(1)> @org/team #12 | cell \\e[2J"';

beforeAll(() => {
  repo = TempRepo.create('opmodel-diff-hostile-');
  repo.write('docs/opmodel.json', '{ "maxFileSize": 2000 }\n');
  repo.write('docs/FLM1.md', el('FLM1', 'Plain', 'organization-management', [], 'Text.'));
  repo.write('docs/FLM2.md', el('FLM2', 'Big', 'organization-management', [], 'x'.repeat(5000)));
  symlinkSync('/etc/passwd', path.join(repo.dir, 'docs/FLM3.md'));
  repo.commit('base');
  repo.write('docs/FLM1.md', el('FLM1', EVIL, 'organization-management', [], 'Text.'));
  repo.write('docs/FLM4.md', el('FLM4', EVIL, 'technology-tools', [], 'New.'));
  repo.commit('head');
});
afterAll(() => {
  repo.dispose();
  removeCliBundle();
});

describe('opmodel diff over hostile content', () => {
  it('never follows a link out of the tree nor reads a file over maxFileSize, at any revision', async () => {
    const r = await opmodel(['diff', 'HEAD~1', 'HEAD', '--dir', 'docs', '--format', 'json'], repo.dir);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/root:/);
    const j = JSON.parse(r.stdout);
    expect(j.added).toEqual(['FLM4']);
    expect(j.removed).toEqual([]);
  });

  it('escapes titles in Markdown: no links, HTML, mentions, issue links or broken tables', async () => {
    const r = await opmodel(['diff', 'HEAD~1', 'HEAD', '--dir', 'docs', '--format', 'markdown'], repo.dir);
    const row = r.stdout.split('\n').find((l) => l.startsWith('| **FLM4**'))!;
    expect(row).toBe('| **FLM4** | Evil \\[click\\](https:\u200b//evil.example) \\<img src=x onerror=alert(1)\\> @\u200borg/team #\u200b12 \\| cell \\\\x1b\\[2J | First Line Management × Technology \\& Tools | docs/FLM4.md:2 |');
    // Four cells, whatever the title holds.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(4);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('prints no terminal escapes in text', async () => {
    const r = await opmodel(['diff', 'HEAD~1', 'HEAD', '--dir', 'docs'], repo.dir);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('docs/FLM1.md:3: FLM1 "Plain" → "Evil [click](https://evil.example) <img src=x onerror=alert(1)> @org/team #12 | cell \\x1b[2J"');
  });
});
