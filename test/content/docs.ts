// The shipped framework read for the content tests: every document with its text, front matter
// and body split into clauses with line numbers, and the Markdown tables of the reference
// documents. The tests parse the documents; they hold no copy of the facts they check.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project, readFrontMatter, type ParsedDocument } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { fileUri, fsPath, relativeUri } from '../../language/workspace/uris';

export const DOCS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../framework-docs');

export interface Doc {
  uri: string;
  /** Path relative to framework-docs/. */
  rel: string;
  text: string;
  parsed: ParsedDocument;
  /** The element ID the document defines, if any. */
  id?: string;
  /** Line (1-based) where the body starts. */
  bodyLine: number;
}

export interface Clause {
  doc: Doc;
  /** 1-based line in the file. */
  line: number;
  text: string;
  /** Where it comes from: a front-matter field, or the body. */
  where: 'cadence' | 'measure' | 'body';
  /** The heading it sits under (body only). */
  section?: string;
  /** Cells of the table row it belongs to, if any. */
  row?: string[];
}

export interface Framework {
  project: Project;
  docs: Doc[];
  byId: Map<string, Doc>;
  byRel: Map<string, Doc>;
}

let cached: Promise<Framework> | undefined;

export function loadFramework(): Promise<Framework> {
  cached ??= (async () => {
    const project = await Project.open({ workspace: new NodeWorkspace(), rootUri: fileUri(DOCS_ROOT) });
    const docs: Doc[] = [];
    for (const [uri, parsed] of [...project.index.docs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const text = await fs.readFile(fsPath(uri), 'utf8');
      const fm = readFrontMatter(text);
      const bodyLine = fm ? text.slice(0, fm.end).split('\n').length : 1;
      docs.push({ uri, rel: relativeUri(fileUri(DOCS_ROOT), uri)!, text, parsed, id: parsed.definition?.id, bodyLine });
    }
    return { project, docs, byId: new Map(docs.filter((d) => d.id).map((d) => [d.id!, d])), byRel: new Map(docs.map((d) => [d.rel, d])) };
  })();
  return cached;
}

/** Markdown links and formatting reduced to their text, so that a clause reads as prose. */
export function plain(s: string): string {
  return s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|`/g, '').replace(/(^|\s)\*([^*]+)\*/g, '$1$2');
}

/** Splits prose into clauses at sentence ends and semicolons. */
export function splitClauses(s: string): string[] {
  return s.split(/(?<=[.!?])\s+(?=[A-Z0-9*_(])|;\s+/).map((c) => c.trim()).filter(Boolean);
}

/** Every clause of every document: front-matter cadence, measures, and the body line by line. */
export function clauses(doc: Doc): Clause[] {
  const out: Clause[] = [];
  const lines = doc.text.split('\n');
  const cad = doc.parsed.fields.get('cadence');
  if (cad?.value) for (const c of splitClauses(cad.value)) out.push({ doc, line: cad.valueRange.start.line + 1, text: c, where: 'cadence' });
  const ms = doc.parsed.fields.get('measures')?.tree;
  if (ms?.kind === 'seq') {
    for (const item of ms.items) {
      if (item.kind !== 'map') continue;
      for (const e of item.entries) if (e.value.kind === 'scalar' && e.value.value) out.push({ doc, line: e.keyRange.start.line + 1, text: e.value.value, where: 'measure' });
    }
  }
  let section: string | undefined;
  let fence = false;
  for (let i = doc.bodyLine - 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      section = h[1]!.trim();
      continue;
    }
    if (/^\s*\|/.test(line)) {
      if (/^\s*\|[\s:|-]+\|\s*$/.test(line)) continue;
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => plain(c.trim()));
      for (const cell of cells) for (const c of splitClauses(cell)) out.push({ doc, line: i + 1, text: c, where: 'body', section, row: cells });
      continue;
    }
    // "**Hypercare.** Typically ..." is one statement about hypercare, not two sentences.
    const item = line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').replace(/\*\*([^*]+?)[.:]\*\*:?\s*/g, '$1: ');
    for (const c of splitClauses(plain(item))) out.push({ doc, line: i + 1, text: c, where: 'body', section });
  }
  return out;
}

export interface Table {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

/** The tables under each heading of a document, in order; cells keep their Markdown. */
export function tablesBySection(doc: Doc): Map<string, Table[]> {
  const out = new Map<string, Table[]>();
  const lines = doc.text.split('\n');
  let section = '';
  let table: Table | undefined;
  const cellsOf = (l: string) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  lines.forEach((line, i) => {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) section = h[1]!.trim();
    if (!/^\s*\|/.test(line)) {
      table = undefined;
      return;
    }
    if (!table) {
      table = { header: cellsOf(line), rows: [] };
      out.set(section, [...(out.get(section) ?? []), table]);
      return;
    }
    if (/^\s*\|[\s:|-]+\|\s*$/.test(line)) return;
    table.rows.push({ cells: cellsOf(line), line: i + 1 });
  });
  return out;
}

/** A table's rows as records keyed by header. */
export function records(t: Table): ({ line: number } & Record<string, string>)[] {
  return t.rows.map((r) => Object.assign({ line: r.line }, Object.fromEntries(t.header.map((h, i) => [h, r.cells[i] ?? '']))));
}

export const ID_RE = /\b(?:CORE-[A-C][1-9]\d*|(?:FLM|UM|GOV|EE|OM|LP|LC)[1-9]\d*)\b/g;

export function idsIn(s: string): { id: string; index: number }[] {
  return [...s.matchAll(ID_RE)].map((m) => ({ id: m[0], index: m.index! }));
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, thirty: 30, a: 1, an: 1 };
export function num(s: string): number {
  const n = WORDS[s.toLowerCase()];
  return n ?? Number(s);
}

/** Frequencies, from the words prose uses for them. */
const FREQUENCIES: [RegExp, string][] = [
  [/^(?:every shift|each shift)$/i, 'every shift'],
  [/^(?:daily|every day|each day)$/i, 'daily'],
  [/^(?:weekly|every week|each week)$/i, 'weekly'],
  [/^(?:fortnightly|every two weeks|biweekly)$/i, 'fortnightly'],
  [/^(?:monthly|every month|each month|once a month)$/i, 'monthly'],
  [/^(?:quarterly|every quarter|each quarter|once a quarter)$/i, 'quarterly'],
  [/^(?:twice a year|half-yearly|every six months)$/i, 'twice a year'],
  [/^(?:annual|annually|yearly|once a year|every year|each year)$/i, 'yearly'],
  [/^every (?:\w+ to )?\w+ weeks$/i, 'every few weeks'],
];
export const FREQUENCY_RE = /\b(every shift|each shift|daily|every day|each day|weekly|every week|each week|fortnightly|every two weeks|biweekly|monthly|every month|each month|once a month|quarterly|every quarter|each quarter|once a quarter|twice a year|half-yearly|every six months|annual|annually|yearly|once a year|every year|each year|every (?:\w+ to )?\w+ weeks)\b/gi;

export function frequency(phrase: string): string | undefined {
  return FREQUENCIES.find(([re]) => re.test(phrase.trim()))?.[1];
}

/** Every frequency named in a text, normalised. */
export function frequenciesIn(s: string): string[] {
  return [...s.matchAll(FREQUENCY_RE)].map((m) => frequency(m[1]!)!).filter(Boolean);
}

export const where = (c: Clause) => `${c.doc.rel}:${c.line}`;
