// Interim content check for framework-docs/ used while the engine is being built.
// Usage: node scripts/check-docs-draft.mjs [file-or-dir ...]
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const catalog = parse(fs.readFileSync(new URL('../../shared/catalog.yaml', import.meta.url), 'utf8'));
const ids = new Set(Object.keys(catalog.elements));
const systems = new Set(catalog.systems.map((s) => s.key));
const disciplines = new Set(catalog.disciplines.map((s) => s.key));
const idRe = /(?<![\p{L}\p{N}])(?:FLM|UM|GOV|EE|OM|LP|LC|CORE-[ABC])\d+(?![\p{L}\p{N}])/gu;
const looseRe = /(?<![\p{L}\p{N}])(?:(?:FLM|UM|GOV|EE|OM|LP|LC|CORE)[ -]?[ABC]?[ -]?0\d+|(?:FLM|UM|GOV|EE|OM|LP|LC|CORE) [ABC]?\d+|CORE[ ]?[ABC]\d+|(?:flm|gov|core-[abc])\d+)(?![\p{L}\p{N}])/gu;
const args = process.argv.slice(2);
const files = [];
const walk = (p) => { const st = fs.statSync(p); if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e)); else if (p.endsWith('.md')) files.push(p); };
for (const a of args.length ? args : ['framework-docs']) walk(a);
let problems = 0;
const say = (f, m) => { problems++; console.log(`${f}: ${m}`); };
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) { say(f, 'no front matter'); continue; }
  let fm;
  try { fm = parse(m[1]); } catch (e) { say(f, 'YAML: ' + e.message); continue; }
  const body = text.slice(m[0].length).replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
  const refs = new Set([...body.matchAll(idRe)].map((x) => x[0]));
  for (const r of refs) if (!ids.has(r)) say(f, `unknown ID ${r}`);
  for (const x of body.matchAll(looseRe)) say(f, `malformed ID "${x[0]}"`);
  for (const r of [].concat(fm.related ?? [], fm.supports ?? [])) if (!ids.has(r)) say(f, `unknown related ID ${r}`);
  if (fm.id) {
    if (!ids.has(fm.id)) { say(f, `id ${fm.id} not in catalog`); continue; }
    if (fm.title !== catalog.elements[fm.id]) say(f, `title "${fm.title}" != catalog "${catalog.elements[fm.id]}"`);
    if (path.basename(f) !== fm.id + '.md') say(f, 'file name must be ID.md');
    const isLeader = /^L[PC]/.test(fm.id);
    if (!isLeader && (!systems.has(fm.system) || !disciplines.has(fm.discipline))) say(f, 'bad system/discipline');
    if (!fm.summary) say(f, 'missing summary');
    const words = body.split(/\s+/).filter(Boolean).length;
    if (words < 250) say(f, `only ${words} words`);
    refs.delete(fm.id);
    const cross = new Set([...refs, ...(fm.related ?? [])]); cross.delete(fm.id);
    if (cross.size < 3) say(f, `only ${cross.size} cross-references`);
    if (fm.id.startsWith('LC') && !(fm.supports ?? []).every((x) => /^LP[1-4]$/.test(x))) say(f, 'supports must list LP IDs');
  }
}
console.log(`${files.length} files, ${problems} problems`);
process.exitCode = problems ? 1 : 0;
