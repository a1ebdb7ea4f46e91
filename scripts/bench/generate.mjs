// Deterministic synthetic frameworks for the benchmark: N element documents shaped like
// framework-docs/ (front matter, ~2 KB of prose with 5-10 ID references, code, links, URLs)
// and a sprinkling of documents that trip each diagnostic code. Same seed and version =>
// byte-identical output, so a corpus on disk is reused instead of written again.
// A second shape, 'deep', has other proportions: documents about three times as long, 20-40
// references each, three relation fields and folders five levels deep.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bump when the output changes, so that old corpora on disk are regenerated. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20261128;
const STAMP = '.opmodel-bench.json';
/** Corpus shapes: the standard one, and one with other proportions. */
export const SHAPES = ['standard', 'deep'];

/** Family prefix -> the system or leadership part that holds it (as in the shipped config). */
const FAMILIES = [
  { prefix: 'FLM', system: 'first-line-management' },
  { prefix: 'UM', system: 'upline-management' },
  { prefix: 'GOV', system: 'upline-management' },
  { prefix: 'EE', system: 'people-management' },
  { prefix: 'CORE-A', system: 'operational-management' },
  { prefix: 'CORE-B', system: 'operational-management' },
  { prefix: 'CORE-C', system: 'operational-management' },
  { prefix: 'OM', system: 'operational-management' },
  { prefix: 'LP', part: 'leadership-principles', type: 'principle' },
  { prefix: 'LC', part: 'leadership-characteristics', type: 'characteristic' },
];
const SYSTEMS = ['operational-management', 'first-line-management', 'upline-management', 'people-management'];
const DISCIPLINES = ['organization-management', 'processes-procedures', 'technology-tools', 'mindsets-behaviours'];

/** The kinds of deliberate mistakes, one per diagnostic code. */
export const ERROR_KINDS = [
  'unknown-id',
  'duplicate-id',
  'missing-id',
  'malformed-id',
  'invalid-front-matter',
  'unknown-system',
  'unknown-discipline',
  'id-family-mismatch',
  'invalid-id',
  'invalid-relation',
  'missing-title',
  'unknown-role',
  'undeclared-related',
];
/** Codes tripped by fixed documents rather than by the random mistakes (see maturitySection). */
export const FIXED_KINDS = ['maturity-levels'];
/** Declared in the shipped opmodel.json, which the corpus uses. */
const ROLES = ['team-lead', 'operations-manager', 'service-delivery-manager', 'delivery-executive', 'problem-manager'];
/** Share of documents that carry one deliberate mistake (spread evenly over the kinds). */
const ERROR_RATE = 0.055;

const WORDS = (
  'service team process review owner measure weekly quality change incident request knowledge ' +
  'capacity backlog customer escalation procedure audit coaching standard decision control risk ' +
  'report target trend improvement handover training schedule demand budget supplier contract ' +
  'priority workload skill goal outcome feedback meeting agenda evidence baseline threshold queue ' +
  'ticket runbook release problem catalog access compliance retention morale recognition clarity'
).split(' ');
const TITLE_WORDS = (
  'Roles Responsibilities Procedures Capacity Demand Quality Knowledge Change Incident Problem Service ' +
  'Level Supplier Budget Risk Continual Improvement Coaching Recognition Engagement Planning Reporting ' +
  'Governance Controls Metrics Workforce Onboarding Escalation Release Access Catalog'
).split(' ');

/** mulberry32: small, fast, good enough for synthetic text. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The opmodel.json written at the corpus root: the shipped framework's own, so the corpus is shaped like it. */
export function benchConfig() {
  const { $schema, ...config } = JSON.parse(readFileSync(new URL('../../framework-docs/opmodel.json', import.meta.url), 'utf8'));
  return config;
}

/** Document i: its family, its ID and its path relative to the corpus root. */
function slot(i, shape = 'standard') {
  const family = FAMILIES[i % FAMILIES.length];
  const n = Math.floor(i / FAMILIES.length) + 1;
  const id = `${family.prefix}${n}`;
  const folder = family.system ?? 'leadership';
  if (shape === 'deep') {
    // Four levels below the system, at most 12 documents a folder: many small folders.
    const k = Math.floor((n - 1) / 12);
    const levels = [k % 4, Math.floor(k / 4) % 6, Math.floor(k / 24) % 8, Math.floor(k / 192)].map((x, d) => `${'abcd'[d]}${x}`);
    return { family, n, id, depth: 5, rel: `${folder}/${levels.join('/')}/${id}.md` };
  }
  return { family, n, id, depth: 2, rel: `${folder}/${String(Math.floor((n - 1) / 250)).padStart(3, '0')}/${id}.md` };
}

/**
 * The files of a corpus of `size` documents, as [relative path, text] pairs, in a fixed order.
 * Each document draws from its own PRNG stream, so any one of them can be regenerated alone.
 */
export function* corpusFiles(size, seed = DEFAULT_SEED, shape = 'standard') {
  if (!SHAPES.includes(shape)) throw new Error(`unknown corpus shape "${shape}" (${SHAPES.join(', ')})`);
  yield ['opmodel.json', JSON.stringify(benchConfig(), null, 2) + '\n'];
  for (let i = 0; i < size; i++) yield [slot(i, shape).rel, documentText(i, size, seed, shape)];
}

/**
 * The draws one document makes, from its own PRNG stream (`salt` keeps the shapes' streams apart):
 * numbers, picks, other documents' slots, words and sentences.
 */
function documentDraws(i, size, seed, salt, shape) {
  const rand = prng((seed ^ Math.imul(i + 1, salt)) >>> 0);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (n) => {
    const w = words(n);
    return w[0].toUpperCase() + w.slice(1) + '.';
  };
  return { rand, pick, int, words, sentence, me: slot(i, shape), other: () => slot(int(0, size - 1), shape) };
}

/** The document's mistake, if it makes one (ERROR_RATE of them do). */
function errorOf(rand) {
  const roll = rand();
  return roll < ERROR_RATE ? ERROR_KINDS[Math.floor((roll / ERROR_RATE) * ERROR_KINDS.length)] : undefined;
}

/** The document's system and discipline, spelt wrong or mismatched when that is its mistake. */
function placeOf(me, error, pick) {
  let system = me.family.system;
  if (error === 'unknown-system') system = (system ?? 'people-management').replace('management', 'managment');
  if (error === 'id-family-mismatch' && system) system = SYSTEMS[(SYSTEMS.indexOf(system) + 1) % SYSTEMS.length];
  let discipline = me.family.system ? pick(DISCIPLINES) : undefined;
  if (error === 'unknown-discipline') discipline = (discipline ?? 'technology-tools').replace('-', '-and-');
  return { system, discipline };
}

/**
 * The front matter's lines from "---" to the measures (as the framework writes them: front matter
 * only, each with a definition and a target). The shapes differ in how many words and measures.
 */
function frontMatterHead(d, { id, title, error, system, discipline }, { summary, measures, name, definition }) {
  const { me, pick, int, words, sentence } = d;
  const fm = ['---'];
  if (error !== 'missing-id') fm.push(`id: ${id}`);
  if (error !== 'missing-title') fm.push(`title: ${title}`);
  fm.push(`type: ${me.family.type ?? 'element'}`);
  if (system) fm.push(`system: ${system}`);
  if (discipline) fm.push(`discipline: ${discipline}`);
  if (me.family.part) fm.push(`part: ${error === 'id-family-mismatch' ? FAMILIES.find((f) => f.part && f.part !== me.family.part).part : me.family.part}`);
  fm.push(`summary: "${sentence(int(...summary))}"`);
  if (error === 'invalid-front-matter') fm.push(`accountable: [Team Lead, "unclosed`);
  else if (!me.family.part || error === 'unknown-role') fm.push(`accountable: ${error === 'unknown-role' ? 'Team Lead' : pick(ROLES)}`);
  if (!me.family.part) {
    fm.push('measures:');
    for (let k = measures(); k > 0; k--) fm.push(`  - name: ${words(int(...name))}`, `    definition: ${sentence(int(...definition))}`, `    target: At least ${int(50, 99)}%`);
  }
  return fm;
}

export function documentText(i, size, seed = DEFAULT_SEED, shape = 'standard') {
  if (shape === 'deep') return deepDocumentText(i, size, seed);
  const d = documentDraws(i, size, seed, 0x9e3779b1, 'standard');
  const { rand, pick, int, words, sentence, me, other } = d;
  const title = `${pick(TITLE_WORDS)} & ${pick(TITLE_WORDS)} ${pick(['Management', 'Practice', 'Review', 'Standard'])}`;

  const error = errorOf(rand);

  // Front matter.
  let id = me.id;
  if (error === 'duplicate-id' && i >= FAMILIES.length) id = slot(i - FAMILIES.length).id;
  if (error === 'invalid-id') id = `XQ${me.n}`;
  const { system, discipline } = placeOf(me, error, pick);
  const related = Array.from({ length: int(2, 5) }, () => other().id);
  if (error === 'invalid-relation') related.splice(1, 0, 'see-below');

  const fm = frontMatterHead(d, { id, title, error, system, discipline }, { summary: [12, 20], measures: () => 3, name: [3, 6], definition: [10, 16] });
  fm.push(`related: [${related.join(', ')}]`);
  fm.push('---', '');

  // Body: 5-10 references in prose and lists, plus IDs that must not count (code, URLs, links).
  const refs = Array.from({ length: int(5, 10) }, () => other());
  if (error === 'unknown-id') refs[0] = { ...refs[0], id: `${me.family.prefix}${size + 1000 + i}` };
  if (error === 'malformed-id') refs[1] = { ...refs[1], id: refs[1].id.replace(/(\d+)$/, ' $1') };
  const body = [`# ${id} · ${title}`, '', '## Purpose', ''];
  body.push(`${sentence(int(14, 22))} ${sentence(int(10, 18))} It works with ${refs[0].id} and feeds ${refs[1].id}. ${sentence(int(12, 20))}`, '');
  body.push(`${sentence(int(16, 24))} See \`${other().id}\` in the export, or [the procedure](../../${refs[2].rel}) for ${refs[2].id}.`, '');
  body.push('## Key practices', '');
  for (let k = 3; k < refs.length; k++) body.push(`- **${pick(TITLE_WORDS)}.** ${sentence(int(8, 14))} Owned with ${refs[k].id}; ${words(int(6, 10))}.`);
  body.push('', '```yaml', `owner: ${other().id}`, `review: ${other().id} # ${words(4)}`, '```', '');
  body.push(`${sentence(int(10, 16))} Background: https://example.org/framework/${other().id}/notes and <https://example.org/${other().id}>.`, '');
  if (me.family.type !== 'principle') body.push(...maturitySection(i));
  // The body's Related elements repeat IDs the front matter lists, as in the real framework.
  body.push('## Related elements', '');
  for (const r of related.filter((x) => x !== 'see-below').slice(0, 3)) body.push(`- ${r} — ${words(int(5, 9))}.`);
  if (error === 'undeclared-related') body.push(`- ${refs[refs.length - 1].id} — ${words(int(5, 9))}.`);
  body.push('');
  return fm.join('\n') + '\n' + body.join('\n');
}

/** A 'deep' document: ~6-8 KB, 20-40 references, `related`, `depends_on` and `supports`. */
function deepDocumentText(i, size, seed) {
  const d = documentDraws(i, size, seed, 0x85ebca6b, 'deep');
  const { rand, pick, int, words, sentence, me, other } = d;
  const up = '../'.repeat(me.depth);
  const title = `${pick(TITLE_WORDS)}, ${pick(TITLE_WORDS)} & ${pick(TITLE_WORDS)} ${pick(['Management', 'Practice', 'Review', 'Standard'])}`;
  const error = errorOf(rand);

  let id = me.id;
  if (error === 'duplicate-id' && i >= FAMILIES.length) id = slot(i - FAMILIES.length, 'deep').id;
  if (error === 'invalid-id') id = `XQ${me.n}`;
  const { system, discipline } = placeOf(me, error, pick);
  const relation = (lo, hi) => Array.from({ length: int(lo, hi) }, () => other().id);
  const related = relation(4, 10);
  if (error === 'invalid-relation') related.splice(2, 0, 'see-below');

  const fm = frontMatterHead(d, { id, title, error, system, discipline }, { summary: [20, 32], measures: () => int(3, 5), name: [4, 8], definition: [14, 24] });
  fm.push(`related: [${related.join(', ')}]`);
  fm.push('depends_on:', ...relation(1, 4).map((x) => `  - ${x}`));
  fm.push(`supports: [${relation(1, 3).join(', ')}]`);
  fm.push('---', '');

  const refs = Array.from({ length: int(20, 40) }, () => other());
  if (error === 'unknown-id') refs[0] = { ...refs[0], id: `${me.family.prefix}${size + 1000 + i}` };
  if (error === 'malformed-id') refs[1] = { ...refs[1], id: refs[1].id.replace(/(\d+)$/, ' $1') };
  let r = 0;
  const ref = () => refs[r++ % refs.length];
  const body = [`# ${id} · ${title}`, ''];
  for (const section of ['Purpose', 'Scope', 'Key practices', 'Inputs and outputs', 'Working with other elements', 'Evidence']) {
    body.push(`## ${section}`, '');
    for (let p = int(2, 3); p > 0; p--) {
      body.push(`${sentence(int(14, 22))} It draws on ${ref().id} and hands over to ${ref().id}. ${sentence(int(12, 20))} ${sentence(int(8, 16))}`, '');
    }
    const kind = int(0, 3);
    if (kind === 0) {
      for (let k = int(3, 5); k > 0; k--) body.push(`- **${pick(TITLE_WORDS)}.** ${sentence(int(8, 14))} Owned with ${ref().id}; ${words(int(6, 10))}.`);
      body.push('');
    } else if (kind === 1) {
      body.push('| Step | Owner | Feeds |', '| --- | --- | --- |');
      for (let k = int(3, 5); k > 0; k--) body.push(`| ${words(int(2, 4))} | ${pick(ROLES)} | ${ref().id} |`);
      body.push('');
    } else if (kind === 2) {
      body.push('```yaml', `owner: ${other().id}`, `review: ${other().id} # ${words(4)}`, `inputs: [${other().id}, ${other().id}]`, '```', '');
    } else {
      body.push(`> ${sentence(int(10, 16))} See ${ref().id} and [the procedure](${up}${ref().rel}).`, '');
    }
  }
  body.push(`${sentence(int(10, 16))} Background: https://example.org/framework/${other().id}/notes, <https://example.org/${other().id}> and \`${other().id}\`.`, '');
  if (me.family.type !== 'principle') body.push(...maturitySection(i));
  body.push('## Related elements', '');
  for (const x of related.filter((y) => y !== 'see-below').slice(0, 6)) body.push(`- ${x} — ${words(int(5, 9))}.`);
  if (error === 'undeclared-related') body.push(`- ${refs[refs.length - 1].id} — ${words(int(5, 9))}.`);
  body.push('');
  return fm.join('\n') + '\n' + body.join('\n');
}

const LEVELS = ['Ad hoc', 'Repeatable', 'Defined', 'Optimising'];

/**
 * A maturity section in the shipped format: a question, four levels, two or three criteria each.
 * Fixed text (no draws from the PRNG), so the rest of every document is what it was before.
 * Every 200th document swaps two levels: a maturity-levels finding.
 */
function maturitySection(i) {
  const order = i % 200 === 7 ? [0, 2, 1, 3] : [0, 1, 2, 3];
  const out = ['## Maturity levels', '', '**Assessment question:** Does the team run this practice as a routine with an owner, a record and a review?', ''];
  for (const k of order) {
    out.push(`${k + 1}. **${LEVELS[k]}** — The practice runs ${['when someone remembers', 'by habit in some teams', 'to a written standard everywhere', 'and improved from its own measures'][k]}.`);
    out.push(`   - An observer finds evidence of level ${k + 1} in the team's records.`);
    out.push('   - The owner can explain how the practice ran last month.');
    if (k % 2) out.push('   - Exceptions are written down and reviewed.');
  }
  out.push('');
  return out;
}

// The temp folder is shared by every checkout on the machine: two branches that both bump the
// version must not reuse each other's corpus, so the folder also names this file's content.
const SOURCE_HASH = createHash('sha256').update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 10);

export function corpusDir(size, seed = DEFAULT_SEED, shape = 'standard') {
  return path.join(os.tmpdir(), 'opmodel-bench', `${size}-${seed}-v${GENERATOR_VERSION}${shape === 'standard' ? '' : `-${shape}`}-${SOURCE_HASH}`);
}

/** Writes the corpus unless the same size, seed and version is already on disk; returns its folder. */
export function ensureCorpus(size, seed = DEFAULT_SEED, log = () => {}, shape = 'standard') {
  const dir = corpusDir(size, seed, shape);
  const stampFile = path.join(dir, STAMP);
  const stamp = { version: GENERATOR_VERSION, seed, size, shape };
  if (existsSync(stampFile)) {
    try {
      const old = JSON.parse(readFileSync(stampFile, 'utf8'));
      if (old.version === stamp.version && old.seed === seed && old.size === size && (old.shape ?? 'standard') === shape && old.complete) return dir;
    } catch {
      // A broken stamp means a broken corpus: write it again.
    }
  }
  log(`generating ${size} ${shape} documents in ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  const made = new Set();
  let bytes = 0;
  for (const [rel, text] of corpusFiles(size, seed, shape)) {
    const folder = path.dirname(path.join(dir, rel));
    if (!made.has(folder)) mkdirSync(folder, { recursive: true }), made.add(folder);
    writeFileSync(path.join(dir, rel), text);
    bytes += text.length;
  }
  writeFileSync(stampFile, JSON.stringify({ ...stamp, bytes, complete: true }) + '\n');
  return dir;
}
