// Build settings shared by scripts/build.mjs and the tests that bundle the same entry points.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * esbuild options of a self-contained Node bundle (the CLI, the Action's step): ESM for Node 20,
 * and a require() for the bundled CommonJS dependencies that call it.
 */
export function nodeBundleOptions(version) {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    define: { OPMODEL_VERSION: JSON.stringify(version) },
    banner: { js: "import { createRequire as __opmodelRequire } from 'node:module'; const require = __opmodelRequire(import.meta.url);" },
  };
}

/**
 * Constants compiled into the CLI bundle, so that it runs with nothing installed beside it:
 * MiniSearch's browser build, which `opmodel build` copies into every site.
 */
export function cliDefines() {
  // The package exports only its module builds; the UMD build sits beside them.
  const main = createRequire(import.meta.url).resolve('minisearch');
  const umd = readFileSync(path.join(path.dirname(main), '..', 'umd', 'index.js'), 'utf8');
  return { OPMODEL_MINISEARCH_UMD: JSON.stringify(umd) };
}

/**
 * `import bundled from 'opmodel:bundled-framework'`: the shipped framework (framework-docs/) as
 * { version, files: { relative path: text } }, compiled into the extension. On github.dev there
 * is no node_modules to find it in; the extension serves it read-only from memory.
 */
export function bundledFrameworkPlugin() {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return {
    name: 'opmodel-bundled-framework',
    setup(b) {
      b.onResolve({ filter: /^opmodel:bundled-framework$/ }, () => ({ path: 'bundled-framework', namespace: 'opmodel' }));
      b.onLoad({ filter: /.*/, namespace: 'opmodel' }, () => {
        const root = path.join(repo, 'framework-docs');
        const files = {};
        const walk = (dir, rel) => {
          for (const name of readdirSync(dir).sort()) {
            const full = path.join(dir, name);
            const r = rel ? `${rel}/${name}` : name;
            if (statSync(full).isDirectory()) walk(full, r);
            else if (name.endsWith('.md') || name === 'opmodel.json') files[r] = readFileSync(full, 'utf8');
          }
        };
        walk(root, '');
        const version = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
        return { contents: `export default ${JSON.stringify({ version, files })};`, loader: 'js', watchDirs: [root] };
      });
    },
  };
}
