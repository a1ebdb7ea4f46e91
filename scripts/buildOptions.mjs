// Build settings shared by scripts/build.mjs and the tests that bundle the same entry points.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

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
