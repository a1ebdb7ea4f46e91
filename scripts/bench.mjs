// `npm run bench [-- --sizes 1000,10000,50000] [--seed N] [--peer-timeout S]`
// Generates synthetic frameworks outside the source tree, measures the engine (one child
// process per size), the CLI as a whole process, the language server over stdio, the floor and
// the peer (remark-cli with remark-validate-links), prints a table and writes
// bench-results/<timestamp>.json.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { DEFAULT_SEED, ensureCorpus } from './bench/generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'peer-timeout': { type: 'string', default: '300' },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 20)) {
  console.error(`--sizes takes a comma-separated list of document counts (each at least 20), not "${values.sizes}"`);
  process.exit(2);
}
const seed = Number(values.seed);
const peerTimeoutMs = Number(values['peer-timeout']) * 1000;
const log = (m) => process.stderr.write(`[bench] ${m}\n`);

// The CLI as users run it, and the engine as one bundle the measuring process imports.
log('building dist/cli.js and the engine bundle');
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const engine = path.join(root, 'node_modules', '.cache', 'opmodel-bench', 'engine.mjs');
await build({
  stdin: {
    contents: "export * from './language/index';\nexport { NodeWorkspace } from './language/workspace/nodeWorkspace';\nexport { fileUri } from './language/workspace/uris';\n",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: engine,
  bundle: true,
  mainFields: ['module', 'main'],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
});

const cpuOnExit = pathToFileURL(path.join(root, 'scripts/bench/cpuOnExit.mjs')).href;
/** Runs a Node script to completion (or the timeout); stdout goes to a file. Wall and CPU time in ms. */
function timed(args, { cwd, timeoutMs, stdoutFile }) {
  return new Promise((resolve) => {
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    const cpuFile = path.join(os.tmpdir(), 'opmodel-bench', `cpu-${process.pid}.json`);
    rmSync(cpuFile, { force: true });
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', cpuOnExit, ...args], { cwd, stdio: ['ignore', out, 'pipe'], env: { ...process.env, OPMODEL_BENCH_CPU: cpuFile } });
    let stderr = '';
    child.stderr.on('data', (c) => { if (stderr.length < 4000) stderr += c; });
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined;
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      if (typeof out === 'number') closeSync(out);
      let cpuMs;
      try {
        const c = JSON.parse(readFileSync(cpuFile, 'utf8'));
        cpuMs = Math.round((c.user + c.system) / 1000);
      } catch {
        // Killed before it could write its CPU time.
      }
      resolve({ ms: Math.round(ms), cpuMs, code, timedOut: signal === 'SIGKILL', stderr });
    });
  });
}

const loadStart = os.loadavg();
const results = [];
const tmp = path.join(os.tmpdir(), 'opmodel-bench');
for (const size of sizes) {
  const tg = performance.now();
  const dir = ensureCorpus(size, seed, log);
  log(`${size}: corpus ready in ${Math.round(performance.now() - tg)} ms (${dir})`);

  log(`${size}: engine (floor, cold start, incremental, completion, hover, memory)`);
  const measured = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'scripts/bench/measure.mjs'), '--dir', dir, '--engine', engine], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (measured.status !== 0) {
    console.error(measured.stderr);
    process.exit(1);
  }
  const engineResult = JSON.parse(measured.stdout.trim().split('\n').pop());

  log(`${size}: opmodel check --format json (whole process)`);
  const cliOut = path.join(tmp, `check-${size}.json`);
  const cli = await timed([path.join(root, 'dist/cli.js'), 'check', '.', '--format', 'json'], { cwd: dir, stdoutFile: cliOut });
  let cliDiagnostics;
  try {
    cliDiagnostics = JSON.parse(readFileSync(cliOut, 'utf8')).diagnostics.length;
  } catch {
    console.error(`opmodel check printed no JSON (exit ${cli.code}): ${cli.stderr}`);
    process.exit(1);
  }

  log(`${size}: opmodel lsp over stdio (initialize -> diagnostics, completion, hover)`);
  const lspRun = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'scripts/bench/measureLsp.mjs'), '--dir', dir, '--engine', engine, '--cli', path.join(root, 'dist/cli.js'), '--diagnostics', String(engineResult.cold.diagnostics)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (lspRun.status !== 0) {
    console.error(lspRun.stderr);
    process.exit(1);
  }
  const lsp = JSON.parse(lspRun.stdout.trim().split('\n').pop());

  log(`${size}: peer remark-cli + remark-validate-links (timeout ${peerTimeoutMs / 1000} s)`);
  const peer = await timed(
    [path.join(root, 'node_modules/remark-cli/cli.js'), '.', '--use', 'remark-frontmatter', '--use', 'remark-validate-links', '--quiet', '--frail', '--no-stdout'],
    { cwd: dir, timeoutMs: peerTimeoutMs },
  );
  if (!peer.timedOut && peer.code !== 0 && peer.code !== 1) log(`peer exited ${peer.code}: ${peer.stderr.slice(0, 500)}`);

  results.push({ size, dir, ...engineResult, lsp, cli: { ms: cli.ms, cpuMs: cli.cpuMs, exitCode: cli.code, diagnostics: cliDiagnostics }, peer: { ms: peer.ms, cpuMs: peer.cpuMs, timedOut: peer.timedOut, exitCode: peer.code } });
}

// The table.
const fmt = (x) => (x >= 100 ? String(Math.round(x)) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const peerMs = (r) => (r.peer.timedOut ? undefined : r.peer.ms);
const cpuOf = (x) => (x === undefined ? '?' : fmt(x));
const rows = [
  ['floor: read + one ID regex (ms)', (r) => fmt(r.floor.ms)],
  ['peer: remark-validate-links (ms)', (r) => (r.peer.timedOut ? `> ${peerTimeoutMs / 1000} s` : fmt(r.peer.ms))],
  ['cold, engine API: open + all diagnostics (ms)', (r) => fmt(r.cold.ms)],
  ['  × floor', (r) => fmt(r.cold.ms / r.floor.ms)],
  ['  × peer', (r) => (peerMs(r) ? fmt(r.cold.ms / peerMs(r)) : '< ' + fmt(r.cold.ms / r.peer.ms))],
  ['cold, `opmodel check --format json` process (ms)', (r) => fmt(r.cli.ms)],
  ['  × floor', (r) => fmt(r.cli.ms / r.floor.ms)],
  ['  × peer', (r) => (peerMs(r) ? fmt(r.cli.ms / peerMs(r)) : '< ' + fmt(r.cli.ms / r.peer.ms))],
  ['incremental edit + affected diagnostics, median (ms)', (r) => fmt(r.incremental.p50)],
  ['incremental p99 (ms)', (r) => fmt(r.incremental.p99)],
  ['completion p50 / p99 (ms)', (r) => `${fmt(r.completion.p50)} / ${fmt(r.completion.p99)}`],
  ['hover p50 / p99 (ms)', (r) => `${fmt(r.hover.p50)} / ${fmt(r.hover.p99)}`],
  ['LSP `opmodel lsp`: initialize -> first / all diagnostics (ms)', (r) => `${fmt(r.lsp.firstDiagnosticsMs)} / ${fmt(r.lsp.allDiagnosticsMs)}`],
  ['  all × engine API cold / × CLI process', (r) => `${fmt(r.lsp.allDiagnosticsMs / r.cold.ms)} / ${fmt(r.lsp.allDiagnosticsMs / r.cli.ms)}`],
  ['LSP completion round trip p50 / p99 (ms)', (r) => `${fmt(r.lsp.completion.p50)} / ${fmt(r.lsp.completion.p99)}`],
  ['  × in-process p50 / p99', (r) => `${fmt(r.lsp.completion.p50 / r.completion.p50)} / ${fmt(r.lsp.completion.p99 / r.completion.p99)}`],
  ['LSP hover round trip p50 / p99 (ms)', (r) => `${fmt(r.lsp.hover.p50)} / ${fmt(r.lsp.hover.p99)}`],
  ['  × in-process p50 / p99', (r) => `${fmt(r.lsp.hover.p50 / r.hover.p50)} / ${fmt(r.lsp.hover.p99 / r.hover.p99)}`],
  ['CPU time (ms): floor / engine API / CLI / peer', (r) => `${fmt(r.floor.cpuMs)} / ${fmt(r.cold.cpuMs)} / ${cpuOf(r.cli.cpuMs)} / ${r.peer.timedOut ? '-' : cpuOf(r.peer.cpuMs)}`],
  ['  CPU × floor: engine API / CLI', (r) => `${fmt(r.cold.cpuMs / r.floor.cpuMs)} / ${r.cli.cpuMs ? fmt(r.cli.cpuMs / r.floor.cpuMs) : '?'}`],
  ['CPU per query p50 / p99 (ms): edit', (r) => `${fmt(r.incremental.cpu.p50)} / ${fmt(r.incremental.cpu.p99)}`],
  ['  completion', (r) => `${fmt(r.completion.cpu.p50)} / ${fmt(r.completion.cpu.p99)}`],
  ['  hover', (r) => `${fmt(r.hover.cpu.p50)} / ${fmt(r.hover.cpu.p99)}`],
  ['peak RSS (MB)', (r) => String(r.memory.peakRssMB)],
  ['heap before / after 10,000 edits (MB)', (r) => `${r.memory.heapBeforeMB} / ${r.memory.heapAfterMB}`],
  ['diagnostics (engine = CLI)', (r) => `${r.cold.diagnostics}${r.cold.diagnostics === r.cli.diagnostics ? '' : ` ≠ ${r.cli.diagnostics}`}`],
];
const head = ['', ...results.map((r) => `${r.size.toLocaleString('en')} docs`)];
const table = [head, ...rows.map(([label, f]) => [label, ...results.map(f)])];
if (results.length > 1) {
  const growth = (f) => results.slice(1).map((r, i) => fmt(f(r) / f(results[i])) + '×').join(' → ');
  const n = growth((r) => r.size);
  table.push([`growth per step (documents ${n})`, ...results.map(() => '')]);
  for (const [label, f] of [['  floor', (r) => r.floor.ms], ['  cold, engine API', (r) => r.cold.ms], ['  cold, CLI process', (r) => r.cli.ms], ['  incremental median', (r) => r.incremental.p50], ['  completion p99', (r) => r.completion.p99], ['  hover p99', (r) => r.hover.p99]]) {
    table.push([label, growth(f), ...results.slice(1).map(() => '')]);
  }
}
const widths = table[0].map((_, c) => Math.max(...table.map((row) => String(row[c] ?? '').length)));
const line = (row) => '| ' + row.map((cell, c) => String(cell ?? '').padEnd(widths[c])).join(' | ') + ' |';
console.log(line(table[0]));
console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
for (const row of table.slice(1)) console.log(line(row));

// The targets of issue 5, judged at 10,000 documents (or the nearest size run).
const at = results.reduce((best, r) => (Math.abs(r.size - 10000) < Math.abs(best.size - 10000) ? r : best), results[0]);
const first = results[0];
const last = results[results.length - 1];
const perDoc = (r, f) => f(r) / r.size;
const targets = [
  [`cold check within 3x the floor (wall: engine API ${fmt(at.cold.ms / at.floor.ms)}x, CLI process ${fmt(at.cli.ms / at.floor.ms)}x; CPU: engine API ${fmt(at.cold.cpuMs / at.floor.cpuMs)}x)`, at.cold.ms <= 3 * at.floor.ms],
  [`cold check faster than the peer (CLI process ${fmt(at.cli.ms)} ms vs ${at.peer.timedOut ? `> ${peerTimeoutMs / 1000} s` : `${fmt(at.peer.ms)} ms`})`, at.cli.ms < at.peer.ms],
  [`incremental median under 10 ms (${fmt(at.incremental.p50)} ms)`, at.incremental.p50 < 10],
  [`completion p99 under 5 ms (wall ${fmt(at.completion.p99)} ms; CPU ${fmt(at.completion.cpu.p99)} ms)`, at.completion.p99 < 5],
  [`hover p99 under 5 ms (wall ${fmt(at.hover.p99)} ms; CPU ${fmt(at.hover.cpu.p99)} ms)`, at.hover.p99 < 5],
  [`heap flat across 10,000 edits (${at.memory.heapGrowthMB >= 0 ? '+' : ''}${at.memory.heapGrowthMB} MB)`, Math.abs(at.memory.heapGrowthMB) < 2],
];
if (results.length > 1) {
  const g = perDoc(last, (r) => r.cold.ms) / perDoc(first, (r) => r.cold.ms);
  targets.push([`no worse than linear growth: cold time per document ${first.size} -> ${last.size} changes ${fmt(g)}x`, g <= 1.5]);
}
console.log(`\ntargets at ${at.size.toLocaleString('en')} documents (load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs):`);
for (const [what, ok] of targets) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${what}`);

for (const r of results) {
  if (!r.consistent) console.log(`warning: ${r.size}: diagnostics after undoing the edits differ from the cold start`);
  if (r.lsp.diagnostics !== r.cold.diagnostics) console.log(`warning: ${r.size}: the language server published ${r.lsp.diagnostics} diagnostics, the engine found ${r.cold.diagnostics}`);
  const missing = ['unknown-id', 'duplicate-id', 'missing-id', 'malformed-id', 'invalid-front-matter', 'unknown-system', 'unknown-discipline', 'id-family-mismatch', 'invalid-id', 'invalid-relation', 'missing-title'].filter((c) => !r.cold.byCode[c]);
  if (missing.length) console.log(`warning: ${r.size}: the corpus trips no ${missing.join(', ')}`);
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outDir = path.join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `${stamp}.json`);
const machine = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), loadavgStart: loadStart, loadavgEnd: os.loadavg() };
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), seed, machine, targets: targets.map(([what, met]) => ({ what, met })), results }, null, 2) + '\n');
console.log(`\nwritten ${path.relative(root, file)}`);
