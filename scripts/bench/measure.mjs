// One size, one Node process (run with --expose-gc): the floor, then the engine's cold start and
// the heap it retains, incremental updates, completion, hover and memory across edits. Prints
// one JSON line. `--only cold` stops after the cold start (the second corpus).
// Usage: node --expose-gc scripts/bench/measure.mjs --dir DIR --engine BUNDLE.mjs [--only cold]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { floor } from './floor.mjs';

const { values } = parseArgs({ options: { dir: { type: 'string' }, engine: { type: 'string' }, edits: { type: 'string', default: '200' }, queries: { type: 'string', default: '1000' }, 'memory-edits': { type: 'string', default: '10000' }, only: { type: 'string' } } });
const dir = path.resolve(values.dir);
const { Project, NodeWorkspace, LineIndex, completions, hover, fileUri } = await import(pathToFileURL(path.resolve(values.engine)).href);
if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');

const now = () => performance.now();
/** This process's CPU time in ms: unlike wall time, it does not count waiting for a core. */
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const ms = (x) => Math.round(x * 1000) / 1000;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: ms(q(0.5)), p99: ms(q(0.99)), max: ms(s[s.length - 1]), mean: ms(s.reduce((a, b) => a + b, 0) / s.length) };
};
const heap = () => {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
};

floor(dir); // untimed: every measurement below reads from a warm page cache
const floorRun = floor(dir);

// Cold start: open (discover, read, parse, index) and every diagnostic of every file.
const rootUri = fileUri(dir);
const heapEmpty = heap();
let t0 = now();
const c0 = cpu();
const project = await Project.open({ workspace: new NodeWorkspace(), rootUri });
const openMs = now() - t0;
const t1 = now();
const all = project.allDiagnostics();
const diagnosticsMs = now() - t1;
const coldCpuMs = cpu() - c0;
const byCode = {};
for (const d of all) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
/** One hash over every diagnostic (file, range, severity, code, message), to compare with the CLI's. */
function digest(list) {
  const lines = list.map((d) => [path.relative(dir, new URL(d.uri).pathname), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.severity, d.code, d.message].join('\t'));
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 16);
}
const cold = { ms: ms(openMs + diagnosticsMs), cpuMs: ms(coldCpuMs), openMs: ms(openMs), diagnosticsMs: ms(diagnosticsMs), files: project.index.docs.size, diagnostics: all.length, byCode, digest: digest(all) };
// What the loaded engine keeps (documents, index, cached diagnostics), not the list just made.
all.length = 0;
const retainedBytes = heap() - heapEmpty;
cold.retainedMB = +(retainedBytes / 2 ** 20).toFixed(2);
cold.retainedKBPerDoc = +(retainedBytes / 1024 / cold.files).toFixed(2);
if (values.only === 'cold') {
  process.stdout.write(JSON.stringify({ floor: floorRun, cold }) + '\n');
  process.exit(0);
}

// Documents with body references, in a fixed order, with their text.
const uris = [...project.index.docs.keys()].sort();
const samples = [];
for (let i = 0; i < uris.length && samples.length < 200; i += Math.max(1, Math.floor(uris.length / 200))) {
  const doc = project.document(uris[i]);
  const refs = doc.references.filter((r) => !r.field);
  if (doc.definition && refs.length >= 2) samples.push({ uri: uris[i], doc, refs, text: readFileSync(new URL(uris[i]), 'utf8') });
}
const ids = project.index.definedIds();

/** The text of `sample` with its k-th body reference replaced by `id`. */
function withReference(sample, k, id, extra = '') {
  const lines = new LineIndex(sample.text);
  const r = sample.refs[k % sample.refs.length].range;
  const s = lines.offset(r.start);
  const e = lines.offset(r.end);
  return sample.text.slice(0, s) + id + extra + sample.text.slice(e);
}

/** One edit as an editor makes it: update the buffer, then read the diagnostics of every affected file. */
function edit(uri, text) {
  const affected = project.updateText(uri, text);
  let n = 0;
  for (const u of affected) n += project.diagnostics(u).length;
  return { affected: affected.size, diagnostics: n };
}

// Incremental: change one reference in one document, 200 times, to a different defined ID each time.
const target = samples[Math.floor(samples.length / 2)];
const editTimes = [];
const editCpu = [];
let affectedTotal = 0;
for (let k = 0; k < Number(values.edits); k++) {
  const text = withReference(target, 0, ids[(k * 7919) % ids.length]);
  const t = now();
  const c = cpu();
  affectedTotal += edit(target.uri, text).affected;
  editCpu.push(cpu() - c);
  editTimes.push(now() - t);
}
edit(target.uri, target.text);
const incremental = { ...stats(editTimes), cpu: stats(editCpu), meanAffected: affectedTotal / editTimes.length, uri: path.relative(dir, new URL(target.uri).pathname) };

// Completion right after a family prefix ("FLM|", "CORE-|"): the widest list a user gets.
const queries = Number(values.queries);
const completionTimes = [];
const completionCpu = [];
let items = 0;
let maxItems = 0;
let incomplete = 0;
for (let q = 0; q < queries; q++) {
  const s = samples[q % samples.length];
  const r = s.refs[Math.floor(q / samples.length) % s.refs.length];
  // The bare family prefix ("FLM", "CORE-"): the one that matches the most IDs.
  const prefix = /^[A-Z]+-?/.exec(r.id)[0];
  const pos = { line: r.range.start.line, character: r.range.start.character + prefix.length };
  const t = now();
  const c = cpu();
  const res = completions(project, s.uri, s.text, pos);
  completionCpu.push(cpu() - c);
  completionTimes.push(now() - t);
  items += res?.items.length ?? 0;
  maxItems = Math.max(maxItems, res?.items.length ?? 0);
  if (res?.isIncomplete) incomplete++;
}
const completion = { ...stats(completionTimes), cpu: stats(completionCpu), meanItems: Math.round(items / queries), maxItems, incomplete, maxMatching: maxMatching() };

/** The most IDs one of the queried family prefixes matches. */
function maxMatching() {
  let most = 0;
  for (const p of new Set(samples.flatMap((s) => s.refs.map((r) => /^[A-Z]+-?/.exec(r.id)[0])))) most = Math.max(most, ids.filter((id) => id.startsWith(p)).length);
  return most;
}

// Hover on a reference.
const hoverTimes = [];
const hoverCpu = [];
let hovered = 0;
for (let q = 0; q < queries; q++) {
  const s = samples[q % samples.length];
  const r = s.refs[Math.floor(q / samples.length) % s.refs.length];
  const t = now();
  const c = cpu();
  const h = hover(project, s.uri, { line: r.range.start.line, character: r.range.start.character + 1 });
  hoverCpu.push(cpu() - c);
  hoverTimes.push(now() - t);
  if (h) hovered++;
}
const hoverStats = { ...stats(hoverTimes), cpu: stats(hoverCpu), answered: hovered };

// Memory across 10,000 edits of one document, every text different (no content-keyed cache may grow).
const memTarget = samples[0];
const memEdits = Number(values['memory-edits']);
const heapBefore = heap();
const tm = now();
let heapMid = 0;
for (let k = 0; k < memEdits; k++) {
  edit(memTarget.uri, withReference(memTarget, k, ids[(k * 104729) % ids.length], ` (rev ${k})`));
  if (k === memEdits / 2) heapMid = heap();
}
const memEditMs = now() - tm;
edit(memTarget.uri, memTarget.text);
const heapAfter = heap();
const memory = {
  edits: memEdits,
  meanEditMs: ms(memEditMs / memEdits),
  heapBeforeMB: +(heapBefore / 2 ** 20).toFixed(2),
  heapMidMB: +(heapMid / 2 ** 20).toFixed(2),
  heapAfterMB: +(heapAfter / 2 ** 20).toFixed(2),
  heapGrowthMB: +((heapAfter - heapBefore) / 2 ** 20).toFixed(2),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};

// The edits were undone: the diagnostics must equal the cold start's.
const again = project.allDiagnostics();
const consistent = digest(again) === cold.digest;

process.stdout.write(JSON.stringify({ floor: floorRun, cold, incremental, completion, hover: hoverStats, memory, consistent }) + '\n');
