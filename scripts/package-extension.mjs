// Packages opmodel.vsix. The repository's package.json is both the npm package (whose "files"
// list is the CLI's) and the extension manifest, and vsce refuses "files" next to a
// .vscodeignore: so the extension is packaged from a staging copy whose manifest has no "files",
// and whose README.md is the page written for extension users (extension/README.md), with its
// screenshots inlined as data: images. VS Code's extension page loads images only from https:
// and data: URLs, and there is no https home for them, so they travel inside the README itself.
// vsce's link rewriting refuses data: images and has nothing left to rewrite once they are
// inlined, so it is turned off; this script instead refuses any link in the page that could break.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'opmodel.vsix');
// Never copied: what is not part of the source tree. .vscodeignore then picks what the .vsix holds.
const SKIP = new Set(['node_modules', '.git', '.e2e', 'site', 'bench-results', 'test-results', 'coverage', '.notes']);

/** The README with its relative images inlined; throws on any link that would not work in the .vsix. */
export function selfContainedReadme(file) {
  const dir = path.dirname(file);
  const types = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };
  const text = readFileSync(file, 'utf8').replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (all, alt, src) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return all;
    const type = types[path.extname(src).toLowerCase()];
    if (!type) throw new Error(`${path.relative(repo, file)}: image "${src}" is not a PNG, JPEG, GIF or WebP`);
    return `![${alt}](data:${type};base64,${readFileSync(path.resolve(dir, src)).toString('base64')})`;
  });
  const links = [...text.matchAll(/\]\(([^)\s]+)\)|<(?:a|img)\b[^>]*?(?:href|src)=["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
  const broken = links.filter((l) => !/^(https:|mailto:|#|data:image\/(png|jpeg|gif|webp);base64,)/i.test(l));
  if (broken.length) throw new Error(`${path.relative(repo, file)}: links that would break in the .vsix (use https: URLs): ${broken.join(', ')}`);
  return text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
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
    if (existsSync(readme)) writeFileSync(path.join(stage, 'README.md'), selfContainedReadme(readme));
    const vsce = path.join(repo, 'node_modules', '.bin', 'vsce');
    // `--ls`: list what the .vsix would hold instead of writing it.
    const args = process.argv.includes('--ls') ? ['ls', '--no-dependencies'] : ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out];
    const r = spawnSync(vsce, args, { cwd: stage, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
