// One size, the language server as editors run it: `opmodel lsp --stdio` in its own process,
// driven over stdio by a JSON-RPC client declaring what VS Code's client declares. Measures the
// time from `initialize` to the first and to the last of the initial diagnostics, then
// completion and hover round trips on open documents (the same queries as measure.mjs).
// Prints one JSON line.
// Usage: node scripts/bench/measureLsp.mjs --dir DIR --engine BUNDLE.mjs --cli dist/cli.js --diagnostics N
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values } = parseArgs({ options: { dir: { type: 'string' }, engine: { type: 'string' }, cli: { type: 'string' }, diagnostics: { type: 'string' }, queries: { type: 'string', default: '1000' } } });
const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const dir = path.resolve(values.dir);
const expected = Number(values.diagnostics);
const queries = Number(values.queries);

const ms = (x) => Math.round(x * 1000) / 1000;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: ms(q(0.5)), p99: ms(q(0.99)), max: ms(s[s.length - 1]) };
};

// The query positions, found with the engine before the server starts (so the two never compete).
const { Project, NodeWorkspace, fileUri } = await import(pathToFileURL(path.resolve(values.engine)).href);
const rootUri = fileUri(dir);
const samples = [];
{
  const project = await Project.open({ workspace: new NodeWorkspace(), rootUri });
  const uris = [...project.index.docs.keys()].sort();
  for (let i = 0; i < uris.length && samples.length < 200; i += Math.max(1, Math.floor(uris.length / 200))) {
    const doc = project.document(uris[i]);
    const refs = doc.references.filter((r) => !r.field);
    if (doc.definition && refs.length >= 2) samples.push({ uri: uris[i], refs: refs.map((r) => ({ id: r.id, range: r.range })) });
  }
}
global.gc?.();

const child = spawn(process.execPath, [path.resolve(values.cli), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let t0 = 0;
let first;
let all;
let received = 0;
const perUri = new Map();
let done;
const complete = new Promise((r) => (done = r));
let last = 0;
let quiet;
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const now = performance.now();
  first ??= now - t0;
  last = now - t0;
  received += p.diagnostics.length - (perUri.get(p.uri) ?? 0);
  perUri.set(p.uri, p.diagnostics.length);
  if (all === undefined && received >= expected) {
    all = last;
    done();
  }
  // A count that never matches must not hang the run: 5 s without a publication ends the wait.
  clearTimeout(quiet);
  quiet = setTimeout(() => {
    all ??= last;
    done();
  }, 5000);
});
conn.onRequest('client/registerCapability', () => null);
conn.onRequest('window/workDoneProgress/create', () => null);
conn.onNotification('$/progress', () => undefined);
conn.onNotification('window/logMessage', (m) => process.env.OPMODEL_BENCH_LOG && process.stderr.write(`[${Math.round(performance.now() - t0)} ms] ${m.message}\n`));
conn.listen();

const capabilities = {
  general: { positionEncodings: ['utf-16'] },
  textDocument: {
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true, resolveSupport: { properties: ['documentation'] } }, completionList: { itemDefaults: ['editRange'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true },
  },
  workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
};
t0 = performance.now();
await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities });
await conn.sendNotification('initialized', {});
const timeout = setTimeout(() => {
  process.stderr.write(`[bench] lsp: only ${received} of ${expected} diagnostics arrived in 600 s\n`);
  process.exit(1);
}, 600_000);
await complete;
clearTimeout(timeout);
clearTimeout(quiet);

for (const s of samples) {
  s.text = readFileSync(new URL(s.uri), 'utf8');
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: s.uri, languageId: 'markdown', version: 1, text: s.text } });
}
// A round trip the server answers without work, so that the opens are processed first.
await conn.sendRequest('textDocument/hover', { textDocument: { uri: samples[0].uri }, position: { line: 0, character: 0 } });

const completionTimes = [];
let items = 0;
for (let q = 0; q < queries; q++) {
  const s = samples[q % samples.length];
  const r = s.refs[Math.floor(q / samples.length) % s.refs.length];
  const prefix = /^[A-Z]+-?/.exec(r.id)[0];
  const t = performance.now();
  const res = await conn.sendRequest('textDocument/completion', { textDocument: { uri: s.uri }, position: { line: r.range.start.line, character: r.range.start.character + prefix.length } });
  completionTimes.push(performance.now() - t);
  items += res?.items.length ?? 0;
}
const hoverTimes = [];
let answered = 0;
for (let q = 0; q < queries; q++) {
  const s = samples[q % samples.length];
  const r = s.refs[Math.floor(q / samples.length) % s.refs.length];
  const t = performance.now();
  const h = await conn.sendRequest('textDocument/hover', { textDocument: { uri: s.uri }, position: { line: r.range.start.line, character: r.range.start.character + 1 } });
  hoverTimes.push(performance.now() - t);
  if (h) answered++;
}
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
await new Promise((r) => child.on('exit', r));
process.stdout.write(JSON.stringify({ firstDiagnosticsMs: ms(first), allDiagnosticsMs: ms(all), diagnostics: received, files: perUri.size, completion: { ...stats(completionTimes), meanItems: Math.round(items / queries) }, hover: { ...stats(hoverTimes), answered } }) + '\n');
