// Bundles the CLI (Node) and the extension (Node and web worker) with esbuild.
// `--cli` builds the CLI only (the npm package's `prepare`); `--clean` empties dist/ first.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundledFrameworkPlugin, cliDefines, nodeBundleOptions } from './buildOptions.mjs';

const { values } = parseArgs({ options: { cli: { type: 'boolean' }, clean: { type: 'boolean' } } });
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { OPMODEL_VERSION: JSON.stringify(pkg.version) };
const common = { bundle: true, mainFields: ['module', 'main'], sourcemap: false, minify: false, legalComments: 'none', logLevel: 'warning', define };

if (values.clean) rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const node = nodeBundleOptions(pkg.version);
await build({
  ...common,
  ...node,
  define: { ...node.define, ...cliDefines() },
  entryPoints: ['cli/bin.ts'],
  outfile: 'dist/cli.js',
});
chmodSync('dist/cli.js', 0o755);
// The GitHub Action's step (action.yml), self-contained like the CLI.
await build({
  ...common,
  ...node,
  entryPoints: ['cli/action/bin.ts'],
  outfile: 'dist/action.js',
});

if (!values.cli && existsSync('extension/extension.ts')) {
  // Both extension bundles carry the shipped framework: github.dev has no node_modules to find it in.
  // The Node host's entry reads file: URIs from disk (extension/node.ts); the web one cannot.
  const plugins = [bundledFrameworkPlugin()];
  await build({ ...common, plugins, entryPoints: ['extension/node.ts'], outfile: 'dist/extension.cjs', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
  await build({
    ...common,
    plugins,
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
