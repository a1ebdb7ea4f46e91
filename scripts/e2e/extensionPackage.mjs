// The .vsix the browser suites and the editor benchmark install, and the change that leaves code-server
// only the browser entry to run (as on github.dev).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

/** Runs `npm run package`; returns { vsix, id } of the .vsix it wrote at the repository root. */
export function packageExtension(log = () => {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  if (!pkg.scripts?.package) throw new Error('package.json has no "package" script yet');
  log('npm run package');
  const started = Date.now() - 1000;
  const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status})`);
  // The .vsix this run wrote at the repository root, whatever the script names it.
  const vsix = fs.readdirSync(repoRoot).filter((f) => f.endsWith('.vsix')).map((f) => path.join(repoRoot, f))
    .filter((f) => fs.statSync(f).mtimeMs >= started).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!vsix) throw new Error('npm run package wrote no .vsix at the repository root');
  log(`packaged ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
  if (!fs.existsSync(path.join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js missing after packaging');
  return { vsix, id: `${pkg.publisher}.${pkg.name}`.toLowerCase() };
}

/**
 * An `afterInstall` for startCodeServer: "main" is removed from the installed manifest, so the web
 * worker extension host is the only one that can load the extension. "type" goes too: without
 * "main", VS Code's worker host would take "type": "module" to mean an ESM browser entry, which it
 * cannot load; the browser bundle is CommonJS, and with "main" present (the real manifest) the
 * worker host decides by the ".cjs" of "main".
 */
export function browserEntryOnly(extId) {
  return (extensionsDir) => {
    const dir = fs.readdirSync(extensionsDir).find((d) => d.toLowerCase().startsWith(`${extId}-`));
    if (!dir) throw new Error(`${extId} is not in ${extensionsDir}`);
    const manifestFile = path.join(extensionsDir, dir, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (!manifest.browser) throw new Error('the packaged manifest has no "browser" entry');
    delete manifest.main;
    delete manifest.type;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  };
}
