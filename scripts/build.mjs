// Bundles the CLI (Node) and the extension (Node and web worker) with esbuild.
import { build } from 'esbuild';
import { readFileSync, chmodSync, existsSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { OPMODEL_VERSION: JSON.stringify(pkg.version) };
const common = { bundle: true, mainFields: ['module', 'main'], sourcemap: false, minify: false, legalComments: 'none', logLevel: 'warning', define };

await build({
  ...common,
  entryPoints: ['cli/bin.ts'],
  outfile: 'dist/cli.js',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __opmodelRequire } from 'node:module'; const require = __opmodelRequire(import.meta.url);" },
});
chmodSync('dist/cli.js', 0o755);
// The GitHub Action's step (action.yml), self-contained like the CLI.
await build({
  ...common,
  entryPoints: ['cli/action/bin.ts'],
  outfile: 'dist/action.js',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: "import { createRequire as __opmodelRequire } from 'node:module'; const require = __opmodelRequire(import.meta.url);" },
});

if (existsSync('extension/extension.ts')) {
  await build({ ...common, entryPoints: ['extension/extension.ts'], outfile: 'dist/extension.cjs', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
  await build({
    ...common,
    entryPoints: ['extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    define: { ...define, 'process.env.NODE_ENV': '"production"' },
  });
}
