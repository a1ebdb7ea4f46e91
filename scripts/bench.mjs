// `npm run bench [-- --sizes 1000,10000,50000] [--seed N] [--peer-timeout S] [--shapes standard,deep] [--editor]`
// Generates synthetic frameworks outside the source tree, measures the engine (one child
// process per size), the CLI as a whole process, the language server over stdio, the floor and
// the peer (remark-cli with remark-validate-links), prints a table and the targets, and writes
// bench-results/<timestamp>.json. A second corpus with other proportions ('deep': longer
// documents, more references, deeper folders) is measured for the cold start only.
// --editor also opens each corpus of up to 10,000 documents in a real VS Code (code-server, as
// the e2e suite runs it) and reads the extension's own activation → indexed time, in the Node
// and in the web worker extension host (scripts/bench/editor.mjs).
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { benchEditor, prepareEditorBench } from './bench/editor.mjs';
import { DEFAULT_SEED, ensureCorpus, SHAPES } from './bench/generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'peer-timeout': { type: 'string', default: '300' },
    shapes: { type: 'string', default: SHAPES.join(',') },
    reps: { type: 'string' },
    editor: { type: 'boolean', default: false },
  },
});
const shapes = values.shapes.split(',').map((s) => s.trim());
if (!shapes.includes('standard') || shapes.some((s) => !SHAPES.includes(s))) {
  console.error(`--shapes takes a comma-separated list of corpus shapes (${SHAPES.join(', ')}) that includes standard, not "${values.shapes}"`);
  process.exit(2);
}
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
      let peakRssMB;
      try {
        const c = JSON.parse(readFileSync(cpuFile, 'utf8'));
        cpuMs = Math.round((c.user + c.system) / 1000);
        peakRssMB = Math.round(c.maxRSS / 1024);
      } catch {
        // Killed before it could write its CPU time.
      }
      resolve({ ms: Math.round(ms), cpuMs, peakRssMB, code, timedOut: signal === 'SIGKILL', stderr });
    });
  });
}

const loadStart = os.loadavg();
const results = [];
const tmp = path.join(os.tmpdir(), 'opmodel-bench');

/** The engine in its own process: the floor and the cold start (`only: 'cold'`) or everything. */
function measureEngine(dir, only) {
  const measured = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'scripts/bench/measure.mjs'), '--dir', dir, '--engine', engine, ...(only ? ['--only', only] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (measured.status !== 0) {
    console.error(measured.stderr);
    process.exit(1);
  }
  return JSON.parse(measured.stdout.trim().split('\n').pop());
}

/** The floor in a process of its own, read twice (the first untimed). */
function measureFloor(dir) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench/floor.mjs'), dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * `opmodel check --format json` as a whole process, each run right after a run of the floor, so
 * that a ratio compares two runs under the same load; the medians of several pairs are reported.
 * Its output is hashed as printed (to compare runs before and after a change), and its
 * diagnostics digested as measure.mjs digests the engine's (the two must agree).
 */
async function measureCli(dir, name, reps) {
  const cliOut = path.join(tmp, `check-${name}-${process.pid}.json`);
  const runs = [];
  let out;
  let json;
  for (let k = 0; k < reps; k++) {
    const fl = measureFloor(dir);
    const cli = await timed([path.join(root, 'dist/cli.js'), 'check', '.', '--format', 'json'], { cwd: dir, stdoutFile: cliOut });
    try {
      const bytes = readFileSync(cliOut);
      if (out && !bytes.equals(out)) {
        console.error(`opmodel check printed different output in two runs on ${dir}`);
        process.exit(1);
      }
      out = bytes;
      json ??= JSON.parse(bytes.toString('utf8'));
    } catch {
      console.error(`opmodel check printed no JSON (exit ${cli.code}): ${cli.stderr}`);
      process.exit(1);
    } finally {
      rmSync(cliOut, { force: true });
    }
    runs.push({ ms: cli.ms, cpuMs: cli.cpuMs, peakRssMB: cli.peakRssMB, exitCode: cli.code, floorMs: fl.ms, floorCpuMs: fl.cpuMs, ratio: cli.ms / fl.ms, cpuRatio: cli.cpuMs / fl.cpuMs });
  }
  const lines = json.diagnostics.map((d) => [d.file, d.line, d.column, d.endLine, d.endColumn, d.severity, d.code, d.message].join('\t'));
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB ?? 0)) || undefined,
    exitCode: runs[0].exitCode,
    floor: { ms: median(runs.map((r) => r.floorMs)), cpuMs: median(runs.map((r) => r.floorCpuMs)) },
    ratio: median(runs.map((r) => r.ratio)),
    cpuRatio: median(runs.map((r) => r.cpuRatio)),
    runs,
    diagnostics: json.diagnostics.length,
    digest: createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 16),
    outputSha256: createHash('sha256').update(out).digest('hex'),
  };
}

for (const size of sizes) {
  const tg = performance.now();
  const dir = ensureCorpus(size, seed, log);
  log(`${size}: corpus ready in ${Math.round(performance.now() - tg)} ms (${dir})`);

  log(`${size}: engine (floor, cold start, incremental, completion, hover, memory)`);
  const engineResult = measureEngine(dir);

  const reps = values.reps ? Number(values.reps) : size <= 10000 ? 3 : 2;
  log(`${size}: opmodel check --format json (whole process, ${reps} runs, each after a run of the floor)`);
  const cli = await measureCli(dir, String(size), reps);

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

  // The second corpus: the floor, the engine's cold start and the CLI process.
  const other = {};
  for (const shape of shapes.filter((s) => s !== 'standard')) {
    const sdir = ensureCorpus(size, seed, log, shape);
    log(`${size} ${shape}: floor, engine cold start, opmodel check process (${sdir})`);
    const e = measureEngine(sdir, 'cold');
    other[shape] = { dir: sdir, ...e, cli: await measureCli(sdir, `${size}-${shape}`, reps) };
  }

  results.push({ size, dir, ...engineResult, lsp, cli, peer: { ms: peer.ms, cpuMs: peer.cpuMs, timedOut: peer.timedOut, exitCode: peer.code }, shapes: other });
}

// The extension in a real editor, beside the CLI run of the same corpus above.
const EDITOR_MAX = 10_000;
if (values.editor) {
  const packaged = prepareEditorBench(log);
  for (const r of results) {
    if (r.size > EDITOR_MAX) {
      log(`${r.size}: editor skipped (--editor measures corpora of up to ${EDITOR_MAX.toLocaleString('en')} documents)`);
      continue;
    }
    r.editor = await benchEditor({ dir: r.dir, cliMs: r.cli.ms, packaged, log: (m) => log(`${r.size}: ${m}`) });
  }
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
  ['cold, `opmodel check --format json` process (ms, median)', (r) => fmt(r.cli.ms)],
  ['  × floor (median of runs, each after a floor run)', (r) => `${fmt(r.cli.ratio)} (${r.cli.runs.map((x) => fmt(x.ratio)).join(', ')})`],
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
  ['  CPU × floor: engine API / CLI', (r) => `${fmt(r.cold.cpuMs / r.floor.cpuMs)} / ${fmt(r.cli.cpuRatio)}`],
  ['CPU per query p50 / p99 (ms): edit', (r) => `${fmt(r.incremental.cpu.p50)} / ${fmt(r.incremental.cpu.p99)}`],
  ['  completion', (r) => `${fmt(r.completion.cpu.p50)} / ${fmt(r.completion.cpu.p99)}`],
  ['  hover', (r) => `${fmt(r.hover.cpu.p50)} / ${fmt(r.hover.cpu.p99)}`],
  ['peak RSS (MB): engine process / CLI process', (r) => `${r.memory.peakRssMB} / ${r.cli.peakRssMB ?? '?'}`],
  ['engine heap retained after cold load (MB; KB per document)', (r) => `${fmt(r.cold.retainedMB)}; ${fmt(r.cold.retainedKBPerDoc)}`],
  ['heap before / after 10,000 edits (MB)', (r) => `${r.memory.heapBeforeMB} / ${r.memory.heapAfterMB}`],
  ['completion items: mean / max (lists marked incomplete)', (r) => `${r.completion.meanItems} / ${r.completion.maxItems ?? '?'} (${r.completion.incomplete ?? 0} of ${r.completion.n}); a prefix matches up to ${r.completion.maxMatching ?? '?'}`],
  ['diagnostics (engine = CLI)', (r) => `${r.cold.diagnostics}${r.cold.digest === r.cli.digest ? '' : ` ≠ ${r.cli.diagnostics} (differ)`}`],
];
for (const shape of shapes.filter((x) => x !== 'standard')) {
  const o = (r) => r.shapes[shape];
  rows.push(
    [`${shape} corpus: floor (ms)`, (r) => fmt(o(r).floor.ms)],
    [`  cold, engine API (ms, × floor)`, (r) => `${fmt(o(r).cold.ms)} (${fmt(o(r).cold.ms / o(r).floor.ms)}×)`],
    [`  cold, CLI process (ms, × floor)`, (r) => `${fmt(o(r).cli.ms)} (${fmt(o(r).cli.ratio)}×: ${o(r).cli.runs.map((x) => fmt(x.ratio)).join(', ')})`],
    [`  CPU (ms): floor / engine API / CLI (CLI × floor)`, (r) => `${fmt(o(r).floor.cpuMs)} / ${fmt(o(r).cold.cpuMs)} / ${cpuOf(o(r).cli.cpuMs)} (${fmt(o(r).cli.cpuRatio)}×)`],
    [`  heap retained (KB per document); CLI peak RSS (MB)`, (r) => `${fmt(o(r).cold.retainedKBPerDoc)}; ${o(r).cli.peakRssMB ?? '?'}`],
    [`  diagnostics (engine = CLI)`, (r) => `${o(r).cold.diagnostics}${o(r).cold.digest === o(r).cli.digest ? '' : ` ≠ ${o(r).cli.diagnostics} (differ)`}`],
  );
}
if (values.editor) {
  const host = (h) => (r) => (r.editor ? `${fmt(r.editor[h].indexedMs)} (${fmt(r.editor[h].ratio)}× CLI's ${fmt(r.editor[h].cliMs)})` : '-');
  rows.push(
    ['editor, Node host: activation → indexed (ms)', host('node')],
    ['editor, web worker host: activation → indexed (ms)', host('web')],
    ['editor: completion while indexing, Node / web', (r) => (r.editor ? ['node', 'web'].map((h) => (r.editor[h].completion?.whileIndexing ? `${r.editor[h].completion.rows} rows` : 'after')).join(' / ') : '-')],
  );
}
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

// The targets (issue 17, and those of issue 5 that still stand), judged at every size run. A
// target the issue sets only for larger frameworks is shown at 1,000 documents as "info": there,
// starting Node and loading the CLI is most of a whole-process check.
const judged = (size) => size >= 10000;
const targetsOf = (r) => {
  const t = [];
  const add = (what, met, applies = true) => t.push({ what, met, status: !applies ? 'info' : met ? 'met' : 'MISSED' });
  for (const shape of shapes) {
    const o = shape === 'standard' ? r : r.shapes[shape];
    add(`cold \`opmodel check\` process at most 4x the floor, ${shape} corpus: ${fmt(o.cli.ratio)}x (median of ${o.cli.runs.length}: ${o.cli.runs.map((x) => `${fmt(x.ms)} / ${fmt(x.floorMs)} ms`).join(', ')}; CPU ${fmt(o.cli.cpuRatio)}x)`, o.cli.ratio <= 4, judged(r.size));
  }
  add(`engine heap retained after a cold load at most 6 KB per document: ${fmt(r.cold.retainedKBPerDoc)} KB (${fmt(r.cold.retainedKBPerDoc / 6)}x the limit)`, r.cold.retainedKBPerDoc <= 6, judged(r.size));
  add(`peak RSS of the CLI under 400 MB: ${r.cli.peakRssMB ?? '?'} MB (${r.cli.peakRssMB ? fmt(r.cli.peakRssMB / 400) : '?'}x the limit)`, r.cli.peakRssMB !== undefined && r.cli.peakRssMB < 400);
  add(`completion p99 under 5 ms after a bare family prefix (matching up to ${r.completion.maxMatching ?? '?'} IDs): ${fmt(r.completion.p99)} ms (CPU ${fmt(r.completion.cpu.p99)} ms)`, r.completion.p99 < 5);
  add(`cold check faster than the peer: CLI process ${fmt(r.cli.ms)} ms vs ${r.peer.timedOut ? `> ${peerTimeoutMs / 1000} s` : `${fmt(r.peer.ms)} ms (${fmt(r.cli.ms / r.peer.ms)}x)`}`, r.cli.ms < r.peer.ms);
  add(`incremental median under 10 ms: ${fmt(r.incremental.p50)} ms`, r.incremental.p50 < 10);
  add(`hover p99 under 5 ms: ${fmt(r.hover.p99)} ms (CPU ${fmt(r.hover.cpu.p99)} ms)`, r.hover.p99 < 5);
  add(`heap flat across 10,000 edits: ${r.memory.heapGrowthMB >= 0 ? '+' : ''}${r.memory.heapGrowthMB} MB`, Math.abs(r.memory.heapGrowthMB) < 2);
  if (r.editor) {
    add(`editor, Node host within 1.5x the CLI's cold check (${fmt(r.editor.node.indexedMs)} ms, ${fmt(r.editor.node.ratio)}x)`, r.editor.node.ratio <= 1.5);
    add(`editor, web worker host within 4x the CLI's cold check (${fmt(r.editor.web.indexedMs)} ms, ${fmt(r.editor.web.ratio)}x)`, r.editor.web.ratio <= 4);
  }
  add(`CLI output equals the engine's diagnostics: ${r.cold.digest === r.cli.digest ? 'same' : 'different'}${shapes.filter((x) => x !== 'standard').map((x) => `; ${x} corpus: ${r.shapes[x].cold.digest === r.shapes[x].cli.digest ? 'same' : 'different'}`).join('')}`, r.cold.digest === r.cli.digest && shapes.every((x) => x === 'standard' || r.shapes[x].cold.digest === r.shapes[x].cli.digest));
  return t;
};
const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
const targets = [];
for (const r of results) {
  const t = targetsOf(r);
  targets.push({ size: r.size, targets: t });
  console.log(`\ntargets at ${r.size.toLocaleString('en')} documents:`);
  for (const { what, status } of t) console.log(`  ${status.padEnd(6)} ${what}`);
}
if (results.length > 1) {
  const first = results[0];
  const last = results[results.length - 1];
  const g = (f) => f(last) / last.size / (f(first) / first.size);
  const growth = { what: `no worse than linear growth: CPU time per document ${first.size} -> ${last.size} changes ${fmt(g((r) => r.cli.cpuMs))}x (CLI process), ${fmt(g((r) => r.cold.cpuMs))}x (engine API); wall ${fmt(g((r) => r.cli.ms))}x`, met: g((r) => r.cli.cpuMs) <= 1.5 };
  targets.push({ size: 'growth', targets: [{ ...growth, status: growth.met ? 'met' : 'MISSED' }] });
  console.log(`\n  ${(growth.met ? 'met' : 'MISSED').padEnd(6)} ${growth.what}`);
}
console.log(`\nload average ${load} on ${os.cpus().length} CPUs (at the start: ${loadStart.map((x) => x.toFixed(1)).join(' ')})`);
for (const r of results) {
  console.log(`CLI output sha256 at ${r.size}: ${r.cli.outputSha256}${shapes.filter((x) => x !== 'standard').map((x) => `; ${x}: ${r.shapes[x].cli.outputSha256}`).join('')}`);
}

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
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), seed, machine, targets, results }, null, 2) + '\n');
console.log(`\nwritten ${path.relative(root, file)}`);
