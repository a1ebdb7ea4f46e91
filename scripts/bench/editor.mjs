// The extension in a real editor (code-server 4.100.3 in headless Chromium, as in the e2e suite):
// the time from the extension's activation to a complete index of a generated framework, in the
// Node extension host and in the web worker host, read from the extension's own status-bar item
// ("indexed in X s", also written to its output channel). While it indexes, a completion request
// shows whether answers come from what is read so far.
//
// `npm run bench -- --sizes 10000 --editor` runs it after the engine benchmark, beside the CLI run of
// the same corpus; alone: `node scripts/bench/editor.mjs [--size 10000] [--seed N]`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { e2eHome, ensureCodeServer, repoRoot, startCodeServer } from '../e2e/codeServer.mjs';
import { browserEntryOnly, packageExtension } from '../e2e/extensionPackage.mjs';
import { launchBrowser, opmodelStates, recordOpmodelStates, Workbench } from '../e2e/workbench.mjs';
import { DEFAULT_SEED, ensureCorpus } from './generate.mjs';

const INDEXED = /indexed in ([\d.]+) s$/;

/** Builds the .vsix once for every measurement of this run. */
export function prepareEditorBench(log) {
  ensureCodeServer();
  return packageExtension(log);
}

/**
 * Opens `dir` in code-server with the extension in one host ('node' or 'web') and returns
 * { indexedMs, files, wallMs, completionMs, completionItems, status } where indexedMs is the
 * extension's own activation → indexed time and wallMs the time from loading the page.
 */
export async function measureEditor({ dir, host, packaged, log, probe }) {
  const base = path.join(e2eHome, 'bench');
  const server = await startCodeServer({
    state: path.join(base, `state-${host}`),
    vsix: [packaged.vsix],
    afterInstall: host === 'web' ? browserEntryOnly(packaged.id) : undefined,
  });
  let browser;
  try {
    browser = await launchBrowser(path.join(base, `profile-${host}`));
    const { page } = browser;
    page.setDefaultTimeout(600_000);
    await recordOpmodelStates(page);
    const t0 = performance.now();
    const wb = new Workbench(page);
    await wb.open(server.url, dir);
    // While indexing: a completion in one of the corpus's files (never saved).
    let completion;
    if (probe) {
      await wb.openFile(probe.file, probe.line);
      await wb.caretToEnd();
      await page.keyboard.type('\nSee FL');
      const asked = performance.now();
      await page.keyboard.press('Control+Space');
      const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
      await rows.first().waitFor();
      const seen = await opmodelStates(page);
      completion = { ms: Math.round(performance.now() - asked), at: Math.round(performance.now() - t0), rows: await rows.count(), whileIndexing: !INDEXED.test(seen.status.at(-1)?.value ?? '') };
      await page.keyboard.press('Escape');
    }
    await page.waitForFunction((re) => new RegExp(re).test(window.__opmodelSeen?.status.at(-1)?.value ?? ''), INDEXED.source, { timeout: 900_000 });
    const wallMs = Math.round(performance.now() - t0);
    const status = (await opmodelStates(page)).status.at(-1).value;
    const files = Number(/ in ([\d,]+) files?/.exec(status)?.[1]?.replace(/,/g, ''));
    return { indexedMs: Math.round(Number(INDEXED.exec(status)[1]) * 1000), files, wallMs, completion, status, offLoopback: [...browser.offLoopback] };
  } finally {
    await browser?.context.close().catch(() => {});
    await server.stop();
  }
}

/** `opmodel check --format json` on `dir`, as a whole process (ms). */
export function timeCli(dir) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Math.round(performance.now() - t0);
  if (r.status === 2 || !r.stdout) throw new Error(`opmodel check failed: ${r.stderr}`);
  return { ms, files: JSON.parse(r.stdout).files };
}

/**
 * Both hosts on one corpus. Each is compared with a CLI run of the same folder made just before
 * it, so that the load of a shared machine weighs on both sides of the ratio alike; `cliMs` (the
 * CLI run of the engine benchmark) is kept beside them.
 */
export async function benchEditor({ dir, cliMs, packaged, log }) {
  const first = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.md')).sort()[0];
  const probe = first && { file: first, line: '---' };
  const out = { cliMs };
  for (const host of ['node', 'web']) {
    const cli = timeCli(dir);
    log(`editor, ${host} host: opmodel check took ${cli.ms} ms; opening ${dir}`);
    const m = await measureEditor({ dir, host, packaged, log, probe });
    log(`editor, ${host} host: ${m.status}${m.completion ? `; completion after ${m.completion.at} ms with ${m.completion.rows} rows${m.completion.whileIndexing ? ', while indexing' : ''}` : ''}`);
    if (m.offLoopback.length) throw new Error(`requests left 127.0.0.1: ${m.offLoopback.join(', ')}`);
    out[host] = { ...m, cliMs: cli.ms, ratio: m.indexedMs / cli.ms };
  }
  return out;
}

// Standalone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '10000' }, seed: { type: 'string', default: String(DEFAULT_SEED) } } });
  const log = (m) => process.stderr.write(`[bench:editor] ${m}\n`);
  const dir = ensureCorpus(Number(values.size), Number(values.seed), log);
  const packaged = prepareEditorBench(log);
  const r = await benchEditor({ dir, packaged, log });
  for (const host of ['node', 'web']) {
    const h = r[host];
    console.log(`${host.padEnd(4)} host: activation → indexed ${h.indexedMs} ms = ${h.ratio.toFixed(2)}× opmodel check (${h.cliMs} ms just before); page load → indexed ${h.wallMs} ms`);
  }
}
