// Runs the real CLI in a child process, bundled from the current sources (not a stale dist/),
// on real folders under the system temp directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { JsonDiagnostic } from '../../cli/formatters';
import { nodeBundleOptions } from '../../scripts/buildOptions.mjs';

let bundled: Promise<string> | undefined;
let bundleDir: string | undefined;

/** Removes the bundle; call from afterAll in every file that runs the CLI. */
export function removeCliBundle(): void {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  bundled = bundleDir = undefined;
}

/** Bundles cli/bin.ts once per test file, like scripts/build.mjs does. */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    // Inside the repository, so that the bundle resolves minisearch's browser build (build).
    const cache = fileURLToPath(new URL('../../node_modules/.cache', import.meta.url));
    mkdirSync(cache, { recursive: true });
    bundleDir = mkdtempSync(path.join(cache, 'opmodel-seccli-'));
    const out = path.join(bundleDir, 'cli.mjs');
    await build({ ...nodeBundleOptions('test'), entryPoints: [fileURLToPath(new URL('../../cli/bin.ts', import.meta.url))], outfile: out, logLevel: 'silent' });
    return out;
  })();
  return bundled;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const cli = await cliBundle();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temp folder with the given files (text or bytes); removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-sec-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A well-formed element document, to show that the rest of a workspace is still checked. */
export function goodElement(id: string, body = ''): string {
  return `---\nid: ${id}\ntitle: Title of ${id}\ntype: element\nsystem: first-line-management\ndiscipline: technology-tools\n---\n\n${body}`;
}

export type { JsonDiagnostic };

/** `opmodel check --format json` on `dir`: exit code and "file:line:column code" (1-based) lines. */
export async function checkJson(dir: string, args: string[] = ['.']): Promise<{ code: number | null; brief: string[]; diagnostics: JsonDiagnostic[]; stderr: string }> {
  const r = await runCli(['check', '--format', 'json', ...args], dir);
  const report = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] };
  return { code: r.code, brief: report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`), diagnostics: report.diagnostics, stderr: r.stderr };
}
