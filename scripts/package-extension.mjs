// Packages opmodel.vsix. The repository's package.json is both the npm package (whose "files"
// list is the CLI's) and the extension manifest, and vsce refuses "files" next to a
// .vscodeignore: so the extension is packaged from a staging copy whose manifest has no "files",
// and whose README.md is the page written for extension users (extension/README.md).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'opmodel.vsix');
// Never copied: what is not part of the source tree. .vscodeignore then picks what the .vsix holds.
const SKIP = new Set(['node_modules', '.git', '.e2e', 'site', 'bench-results', 'test-results', 'coverage', '.notes']);

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const stage = mkdtempSync(path.join(os.tmpdir(), 'opmodel-vsix-'));
try {
  for (const name of readdirSync(repo)) {
    if (SKIP.has(name) || name.endsWith('.vsix')) continue;
    cpSync(path.join(repo, name), path.join(stage, name), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const readme = path.join(repo, 'extension', 'README.md');
  if (existsSync(readme)) cpSync(readme, path.join(stage, 'README.md'));
  const vsce = path.join(repo, 'node_modules', '.bin', 'vsce');
  // `--ls`: list what the .vsix would hold instead of writing it.
  const args = process.argv.includes('--ls') ? ['ls', '--no-dependencies'] : ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out];
  const r = spawnSync(vsce, args, { cwd: stage, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
