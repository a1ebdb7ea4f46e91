// The web extension (github.dev, vscode.dev) runs in a web worker: its bundle may require only
// `vscode`. Built here in memory with the browser options of scripts/build.mjs.
import { build } from 'esbuild';
import { bundledFrameworkPlugin } from '../../scripts/buildOptions.mjs';
import { describe, expect, it } from 'vitest';

describe('web extension bundle', () => {
  it('requires nothing but vscode', async () => {
    const out = await build({
      entryPoints: ['extension/extension.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      plugins: [bundledFrameworkPlugin()],
      mainFields: ['browser', 'module', 'main'],
      define: { OPMODEL_VERSION: '"test"', 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const js = out.outputFiles[0]!.text;
    const required = new Set([...js.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['vscode']);
    expect(js).not.toMatch(/["']node:/);
    expect(js).not.toContain('nodeWorkspace');
    // The shipped framework travels inside the bundle: github.dev has no node_modules.
    expect(js).toContain('"first-line-management/FLM3.md":');
  });
});
