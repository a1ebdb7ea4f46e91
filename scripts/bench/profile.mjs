// Where a cold `opmodel check --format json` spends its time: runs the given CLI under
// `node --cpu-prof` on a benchmark corpus (each run right after a run of the floor, as bench.mjs
// does), sorts every sample into a category and prints a Markdown table, the wall time against
// the floor and the functions with the most self time.
// Usage: node scripts/bench/profile.mjs --cli dist/cli.js [--size 10000] [--shape standard|deep]
//          [--runs 3] [--label text] [--corpus DIR] [--interval µs] [--keep DIR]
// --corpus profiles that folder instead of a generated corpus (e.g. one written by an older
// checkout's generator, which an older CLI can read); --keep leaves the .cpuprofile files there
// (open them in Chrome DevTools' Performance panel); --interval is the sampling interval.
//
// How a sample is categorised: walking up from the sampled frame to the root, the first frame
// that belongs to a category decides; samples with no such frame are "other". A frame belongs to
// a category by its source file: a bundle built by esbuild without minification marks each
// module's code with a `// path/to/file.ts` line, which maps the frame's line back to its file
// (run from sources, the URL is the file). Frames of a bundle without those marks fall back to
// lists of function names.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { floor } from './floor.mjs';
import { DEFAULT_SEED, ensureCorpus, SHAPES } from './generate.mjs';

/** The categories, in the order the table lists them. */
export const CATEGORIES = [
  'garbage collection',
  'file system',
  'front matter',
  'Markdown scan',
  'ID tokenizer',
  'document parse other',
  'index linking',
  'rules/diagnostics',
  'hashing',
  'output',
  'startup/module loading',
  'program/idle/other',
  'other',
];

/** What each category holds, printed under the table. */
const LEGEND = {
  'file system': 'node:fs and its bindings, language/workspace/{nodeWorkspace,discoverFiles,gitignore,decodeText}',
  'front matter': 'language/parse/{frontMatter,frontMatterTree,simpleFrontMatter,nestedValue}, the yaml package',
  'Markdown scan': 'language/parse/markdownScanner',
  'ID tokenizer': 'language/ids/idSyntax',
  'document parse other': 'the rest of language/parse (document, maturity, located, ...)',
  'index linking': 'language/indexer (linking, and the lookups rules make)',
  'rules/diagnostics': 'language/rules, language/assessment/rules',
  hashing: 'hashText',
  output: 'cli/ (the report, fingerprints, JSON), writing stdout',
  'startup/module loading': "Node's module loader, compiling, the bundle's top-level code",
  'program/idle/other': "V8's (program) and (idle)",
  other: 'no frame of the above on the stack (language/project, config loading)',
};

// Per frame, the first rule that matches wins (so hashText is hashing wherever it is defined).
// `source` is the frame's source file (see sourceResolver), `name` its function name.
const SOURCE_RULES = [
  ['file system', /(^|\/)language\/workspace\/(nodeWorkspace|discoverFiles|gitignore|decodeText)\.ts$/],
  ['front matter', /(^|\/)language\/parse\/(frontMatter\w*|simpleFrontMatter|nestedValue)\.ts$/],
  ['front matter', /(^|\/)node_modules\/yaml\//],
  ['Markdown scan', /(^|\/)language\/parse\/markdownScanner\.ts$/],
  ['ID tokenizer', /(^|\/)language\/ids\/idSyntax\.ts$/],
  ['document parse other', /(^|\/)language\/parse\//],
  ['index linking', /(^|\/)language\/indexer\//],
  ['rules/diagnostics', /(^|\/)language\/(assessment\/)?rules\//],
  ['output', /(^|\/)cli\//],
];
/** For frames of a bundle without module marks: function names seen in real profiles (before and after issue 17). */
const NAME_FALLBACK = [
  ['file system', /^(readFileWithin|readWithinSync|readWholeSync|readDirectory|discoverFiles|walk|listing|decodeText)$/],
  ['front matter', /^(readFrontMatter|readSimpleFrontMatter|frontMatterTree|rangedTree|findClose|parseDocument[34])$/],
  ['Markdown scan', /^(scanMarkdown|scanInline|flushRun|leaveTo|forwardFinder|matchParen)$/],
  ['ID tokenizer', /^(scan|tokenize|classify|classifyMatch)$/],
  ['document parse other', /^(parseDocument2?|keepMaturitySource|KeptMaturitySource|ReferenceAt|HeadingAt|FieldAt|ItemAt|Located)$/],
  ['index linking', /^(link|isDefined|definitionChain|titleOf|suggestionsFor)$/],
  ['rules/diagnostics', /^(runRules|check|editFix|replaceFix)$/],
  ['output', /^(checkCommand|buildReport|formatJson|safeJson|fingerprintFindings|addFingerprints|narrowReport)$/],
];
const FS_SYNC = /^(readFileSync|openSync|readSync|readdirSync|statSync|lstatSync|fstatSync|closeSync|realpathSync|existsSync)$/;

/**
 * The category of one frame, or undefined when the frame belongs to none (its caller decides).
 * `source`: the frame's source file when known (a bundle's module mark, or the file itself).
 */
export function classifyFrame(callFrame, source) {
  const name = callFrame.functionName;
  const url = callFrame.url;
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)' || name === '(idle)') return 'program/idle/other';
  if (name === 'hashText') return 'hashing';
  // Writing stdout: a file or pipe, through fs.writeSync or a stream.
  if (name === 'writeSync' || /^node:internal\/(fs\/sync_write_stream|streams\/|net|tty)/.test(url) || url === 'node:net' || url === 'node:tty') return 'output';
  if ((name === 'stringify' || name === 'JSON.stringify') && url === '') return 'output';
  if (url === 'node:fs' || url.startsWith('node:internal/fs/') || FS_SYNC.test(name)) return 'file system';
  if (/^node:internal\/(modules|main|bootstrap)\//.test(url) || /^compile(SourceTextModule|Function|ForInternalLoader)?$/.test(name)) return 'startup/module loading';
  // A module's top-level code (line 0), esbuild's wrappers and the bodies of bundled CommonJS
  // packages (named after their file) run while the CLI loads.
  if (url.startsWith('file:') && ((name === '' && callFrame.lineNumber === 0) || /^(__require|__commonJS|__esm|__toESM|init_\w+)$/.test(name) || /node_modules\/.*\.[cm]?js$/.test(name))) return 'startup/module loading';
  if (source !== undefined) {
    for (const [category, re] of SOURCE_RULES) if (re.test(source)) return category;
    return undefined;
  }
  if (url.startsWith('file:')) for (const [category, re] of NAME_FALLBACK) if (re.test(name)) return category;
  return undefined;
}

/** A bundle's module marks (`// language/parse/document.ts` lines): a function from a 0-based line to its source file. */
export function bundleModules(text) {
  const starts = [];
  const files = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\/\/ (\S+\.(?:[cm]?[jt]sx?|json))$/.exec(line);
    if (m) starts.push(i), files.push(m[1]);
  });
  if (!files.length) return undefined;
  return (lineNumber) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= lineNumber) (found = files[mid]), (lo = mid + 1);
      else hi = mid - 1;
    }
    return found;
  };
}

/** (url, lineNumber) -> source file: a bundle's module mark, or the file itself when it is a source file; read once per URL. */
export function sourceResolver() {
  const cache = new Map();
  return (url, lineNumber) => {
    if (!url.startsWith('file:')) return undefined;
    if (!cache.has(url)) {
      let entry;
      try {
        const file = fileURLToPath(url);
        entry = /\.[cm]?tsx?$/.test(file) ? { file } : { modules: bundleModules(readFileSync(file, 'utf8')) };
      } catch {
        entry = {};
      }
      cache.set(url, entry);
    }
    const e = cache.get(url);
    return e.file ?? e.modules?.(lineNumber);
  };
}

/**
 * One .cpuprofile: the time of each sample (until the next sample, the last one until the
 * profile's end, as DevTools counts it), summed per category and per function.
 * Returns { totalMs, samples, categories: { [category]: ms }, functions: [{ key, name, where, selfMs, byCategory }] }.
 */
export function aggregateProfile(profile, sourceOf = () => undefined) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map();
  const category = (id) => {
    // Iteratively: the chain of not yet known frames up to one that is known or the root.
    const chain = [];
    let at = id;
    while (at !== undefined && !categoryOf.has(at)) {
      chain.push(at);
      at = parent.get(at);
    }
    let inherited = at === undefined ? 'other' : categoryOf.get(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      const cf = nodes.get(chain[i]).callFrame;
      inherited = classifyFrame(cf, sourceOf(cf.url, cf.lineNumber)) ?? inherited;
      categoryOf.set(chain[i], inherited);
    }
    return categoryOf.get(id);
  };
  const self = new Map();
  const { samples, timeDeltas } = profile;
  let t = profile.startTime;
  const times = timeDeltas.map((d) => (t += d));
  for (let i = 0; i < samples.length; i++) {
    const us = Math.max(0, (i + 1 < samples.length ? times[i + 1] : profile.endTime) - times[i]);
    self.set(samples[i], (self.get(samples[i]) ?? 0) + us);
  }
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  const functions = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const ms = us / 1000;
    const c = category(id);
    categories[c] += ms;
    total += ms;
    const cf = nodes.get(id).callFrame;
    const key = `${cf.functionName}\t${cf.url}\t${cf.lineNumber}\t${cf.columnNumber}`;
    let f = functions.get(key);
    if (!f) {
      const source = sourceOf(cf.url, cf.lineNumber);
      const where = source ?? (cf.url === '' ? '(native)' : cf.url.startsWith('file:') ? `${path.basename(fileURLToPath(cf.url))}:${cf.lineNumber + 1}` : cf.url);
      functions.set(key, (f = { key, name: cf.functionName || '(anonymous)', where, selfMs: 0, byCategory: {} }));
    }
    f.selfMs += ms;
    f.byCategory[c] = (f.byCategory[c] ?? 0) + ms;
  }
  return { totalMs: total, samples: samples.length, categories, functions: [...functions.values()] };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const int = (x) => Math.round(x).toLocaleString('en');
const fmt = (x) => (x >= 100 ? int(x) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const cell = (s) => String(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\n/g, ' ');
const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** The Markdown report of several runs' aggregates (see aggregateProfile) and their measurements. */
export function formatReport({ label, cli, dir, size, files, shape, runs, aggregates, interval, loadStart, loadEnd }) {
  const out = [];
  const med = (f) => median(runs.map(f));
  out.push(`### CPU profile of \`opmodel check --format json\`${label ? `: ${label}` : ''}`, '');
  out.push(
    `${cli}; ${size === undefined ? `${dir} (${files?.toLocaleString('en') ?? '?'} Markdown files)` : `${size.toLocaleString('en')} documents, ${shape} corpus (${dir})`}; ${runs.length} run${runs.length === 1 ? '' : 's'}; Node ${process.version}, ${os.cpus().length} CPUs; load average ${loadStart.map((x) => x.toFixed(2)).join(' ')} at the start, ${loadEnd.map((x) => x.toFixed(2)).join(' ')} at the end.`,
    '',
    `Sampled by \`node --cpu-prof\` every ${interval} µs. Profiling costs time of its own (taking samples, writing the profile when the process exits), so these times are somewhat above those of an unprofiled run: read the shares, and the ratio to the floor measured beside each run, rather than the absolute times. A sample counts for the innermost frame on its stack that belongs to a category; milliseconds are medians across runs (so they need not add up to the total), shares are of the median total.`,
    '',
  );
  const total = median(aggregates.map((a) => a.totalMs));
  out.push('| category | ms (median) | share | per run (ms) |', '| --- | ---: | ---: | --- |');
  for (const c of CATEGORIES) {
    const xs = aggregates.map((a) => a.categories[c]);
    out.push(`| ${c} | ${int(median(xs))} | ${((100 * median(xs)) / total).toFixed(1)}% | ${xs.map(int).join(', ')} |`);
  }
  out.push(`| **total sampled** | **${int(total)}** | 100% | ${aggregates.map((a) => int(a.totalMs)).join(', ')} |`, '');
  out.push(
    `Process wall time (median, profiled): ${int(med((r) => r.ms))} ms; floor (read + one ID regex, run right before each profiled run): ${int(med((r) => r.floorMs))} ms; ratio ${fmt(med((r) => r.ms / r.floorMs))}× (median of ${runs.map((r) => fmt(r.ms / r.floorMs)).join(', ')}).`,
  );
  const shas = new Set(runs.map((r) => r.sha256));
  out.push(`Exit code ${[...new Set(runs.map((r) => r.code))].join(', ')}; ${runs[0].diagnostics === undefined ? 'no JSON on stdout' : `${runs[0].diagnostics.toLocaleString('en')} diagnostics`}; stdout sha256 ${[...shas].join(', ')}${shas.size > 1 ? ' (DIFFERENT between runs)' : ''}.`);
  const failed = runs.find((r) => r.code !== 0 && r.code !== 1);
  if (failed) out.push(`Warning: the CLI failed (exit ${failed.code}), so the profile is not that of a whole check: ${clip(failed.stderr.trim().split('\n')[0] ?? '', 200)}`);
  out.push('', 'Categories: ' + Object.entries(LEGEND).map(([c, what]) => `${c}: ${what}`).join('; ') + '.', '');

  // Functions by self time: the median across runs (0 in a run where a function was not sampled).
  const byKey = new Map();
  aggregates.forEach((a, i) => {
    for (const f of a.functions) {
      if (!byKey.has(f.key)) byKey.set(f.key, { ...f, perRun: aggregates.map(() => 0), byCategory: {} });
      const g = byKey.get(f.key);
      g.perRun[i] = f.selfMs;
      for (const [c, ms] of Object.entries(f.byCategory)) g.byCategory[c] = (g.byCategory[c] ?? 0) + ms;
    }
  });
  const top = [...byKey.values()].map((f) => ({ ...f, ms: median(f.perRun) })).sort((a, b) => b.ms - a.ms).slice(0, 15);
  out.push('Top 15 functions by self time:', '', '| # | function | source | self ms (median) | category (share of its self time) |', '| ---: | --- | --- | ---: | --- |');
  top.forEach((f, i) => {
    const sum = Object.values(f.byCategory).reduce((x, y) => x + y, 0);
    const cats = Object.entries(f.byCategory).filter(([, ms]) => ms >= sum / 100).sort((a, b) => b[1] - a[1]);
    const shown = cats.length === 1 ? cats[0][0] : cats.slice(0, 3).map(([c, ms]) => `${c} ${Math.round((100 * ms) / sum)}%`).join(', ');
    out.push(`| ${i + 1} | ${cell(clip(f.name, 70))} | ${cell(f.where)} | ${fmt(f.ms)} | ${shown} |`);
  });
  return out.join('\n');
}

/** Runs `node script args` to completion with stdout to a file; wall ms, exit code, stderr. */
function timed(args, { cwd, stdoutFile }) {
  return new Promise((resolve) => {
    const out = openSync(stdoutFile, 'w');
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => { if (stderr.length < 4000) stderr += c; });
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      closeSync(out);
      resolve({ ms, code, stderr });
    });
  });
}

const USAGE = 'usage: node scripts/bench/profile.mjs --cli dist/cli.js [--size 10000] [--shape standard|deep] [--runs 3] [--label text] [--corpus DIR] [--interval µs] [--keep DIR]';
const OPTIONS = {
  cli: { type: 'string' },
  size: { type: 'string', default: '10000' },
  shape: { type: 'string', default: 'standard' },
  runs: { type: 'string', default: '3' },
  label: { type: 'string', default: '' },
  corpus: { type: 'string' },
  interval: { type: 'string', default: '1000' },
  keep: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS });
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return;
  }
  const { values } = parsed;
  const fail = (m) => {
    console.error(m);
    process.exit(2);
  };
  if (!values.cli) fail('--cli takes the path of a built cli.js (node scripts/build.mjs --cli writes dist/cli.js)');
  const cli = path.resolve(values.cli);
  if (!existsSync(cli)) fail(`no CLI at ${cli}`);
  const size = Number(values.size);
  const runsWanted = Number(values.runs);
  const interval = Number(values.interval);
  if (!Number.isInteger(size) || size < 20) fail(`--size takes a document count of at least 20, not "${values.size}"`);
  if (!SHAPES.includes(values.shape)) fail(`--shape takes one of ${SHAPES.join(', ')}, not "${values.shape}"`);
  if (!Number.isInteger(runsWanted) || runsWanted < 1) fail(`--runs takes a positive whole number, not "${values.runs}"`);
  if (!Number.isInteger(interval) || interval < 1) fail(`--interval takes microseconds, not "${values.interval}"`);
  const log = (m) => process.stderr.write(`[profile] ${m}\n`);

  const dir = values.corpus ? path.resolve(values.corpus) : ensureCorpus(size, DEFAULT_SEED, log, values.shape);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'opmodel-profile-'));
  const keep = values.keep ? path.resolve(values.keep) : undefined;
  if (keep) mkdirSync(keep, { recursive: true });
  const loadStart = os.loadavg();
  // A read of the whole corpus first, untimed: every run after it finds the files in the page cache.
  const { files } = floor(dir);
  const runs = [];
  const aggregates = [];
  const sourceOf = sourceResolver();
  try {
    for (let k = 0; k < runsWanted; k++) {
      const fl = spawnSync(process.execPath, [path.join(here, 'floor.mjs'), dir], { encoding: 'utf8' });
      if (fl.status !== 0) fail(fl.stderr);
      const floorMs = JSON.parse(fl.stdout.trim()).ms;
      const profDir = keep ? path.join(keep, `run-${k + 1}`) : path.join(tmp, `run-${k + 1}`);
      rmSync(profDir, { recursive: true, force: true });
      mkdirSync(profDir, { recursive: true });
      const stdoutFile = path.join(tmp, `stdout-${k + 1}.json`);
      const r = await timed(['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', String(interval), cli, 'check', '.', '--format', 'json'], { cwd: dir, stdoutFile });
      const bytes = readFileSync(stdoutFile);
      let diagnostics;
      try {
        diagnostics = JSON.parse(bytes.toString('utf8')).diagnostics.length;
      } catch {
        // No JSON: the CLI failed before its report (the warning under the table says so).
      }
      const profiles = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
      if (profiles.length !== 1) fail(`expected one .cpuprofile in ${profDir}, found ${profiles.length} (exit ${r.code}): ${r.stderr}`);
      aggregates.push(aggregateProfile(JSON.parse(readFileSync(path.join(profDir, profiles[0]), 'utf8')), sourceOf));
      runs.push({ ...r, floorMs, diagnostics, sha256: createHash('sha256').update(bytes).digest('hex') });
      log(`run ${k + 1}: ${Math.round(r.ms)} ms (floor ${Math.round(floorMs)} ms), exit ${r.code}, ${Math.round(aggregates[k].totalMs)} ms sampled`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(formatReport({ label: values.label, cli, dir, size: values.corpus ? undefined : size, files, shape: values.shape, runs, aggregates, interval, loadStart, loadEnd: os.loadavg() }));
  if (keep) log(`profiles kept in ${keep}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
