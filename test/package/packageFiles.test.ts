// The npm package holds what a CLI user needs and nothing else. `npm pack --dry-run` lists the
// files from the package.json `files` field; it runs here on a copy of the repository's files
// with a stand-in for the built CLI, so the developer's dist/ (extension bundles) cannot leak in.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-pack-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Files git would commit: tracked and new, not ignored. */
function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  // Deduplicated: during a merge, a conflicted file is listed once per stage.
  return [...new Set(out.split('\0').filter(Boolean))].filter((f) => {
    try {
      return statSync(path.join(repo, f)).isFile();
    } catch {
      return false; // deleted in the working tree
    }
  });
}

describe('npm package contents', () => {
  it('is the CLI and action bundles, the action, the shipped framework, the schemas, README, LICENSE and CHANGELOG', () => {
    const files = repoFiles();
    for (const f of files) {
      mkdirSync(path.dirname(path.join(temp, f)), { recursive: true });
      copyFileSync(path.join(repo, f), path.join(temp, f));
    }
    mkdirSync(path.join(temp, 'dist/web'), { recursive: true });
    writeFileSync(path.join(temp, 'dist/cli.js'), '#!/usr/bin/env node\n');
    writeFileSync(path.join(temp, 'dist/action.js'), '// the action\n');
    const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: temp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const packed = (JSON.parse(json) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
    const expected = [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'dist/action.js', 'action.yml',
      ...files.filter((f) => f.startsWith('framework-docs/') || f.startsWith('schemas/') || f.startsWith('scripts/action/')),
    ].sort();
    expect(packed).toEqual(expected);
    expect(packed.some((f) => /^(test|language|cli|extension|playbook|docs|lsp)\//.test(f) || f.endsWith('.ts') || f.endsWith('.png'))).toBe(false);
  }, 60_000);
});
