// Completion candidates: IDs in prose and in relation lists, keys in system/discipline/part/type.
import type { FrameworkIndex } from '../indexer/frameworkIndex';
import type { ParsedDocument } from '../parse/document';
import { scanMarkdown } from '../parse/markdownScanner';
import type { Project } from '../project';
import { LineIndex } from '../text/lineIndex';
import type { Position, Range } from '../types';

export interface CompletionCandidate {
  label: string;
  kind: 'id' | 'system' | 'discipline' | 'part' | 'type';
  detail?: string;
  documentation?: string;
  family?: string;
  system?: string;
  discipline?: string;
  /** Sorts candidates in framework order. */
  sortText: string;
}

export interface CompletionResult {
  items: CompletionCandidate[];
  /** The typed prefix that the chosen item replaces. */
  range: Range;
  /**
   * More IDs match than `items` holds (the first ones in framework order): editors ask again as
   * the user types, and the list narrows.
   */
  isIncomplete: boolean;
  /** The items were found by the words of their titles, not by ID prefix. */
  byTitle?: boolean;
}

export interface CompletionOptions {
  /**
   * Also look the typed word up in titles ("queue" finds OM18). For explicit requests (Ctrl+Space):
   * while typing prose, every word would otherwise open a list of IDs.
   */
  titles?: boolean;
  /** At most this many IDs (COMPLETION_LIMIT unless said). */
  limit?: number;
}

/**
 * At most this many IDs in one list. A bare family prefix matches thousands of IDs in a large
 * framework; nobody scrolls through them, and shipping them all cost a language server's client
 * 100 ms and more per keystroke.
 */
export const COMPLETION_LIMIT = 100;

const KEY_FIELDS = ['system', 'discipline', 'part', 'type'] as const;

export function completions(project: Project, uri: string, text: string, pos: Position, opts: CompletionOptions = {}): CompletionResult | undefined {
  const lines = new LineIndex(text);
  const offset = lines.offset(pos);
  const lineText = lines.lineText(pos.line).slice(0, pos.character);
  const fm = project.document(uri)?.frontMatter;
  const inFrontMatter = fm ? pos.line > fm.range.start.line && pos.line < fm.range.end.line : /^---\s*$/.test(lines.lineText(0)) && !closedBefore(lines, pos.line);
  const word = /[A-Za-z][A-Za-z0-9-]*$/.exec(lineText)?.[0] ?? '';
  const range: Range = { start: { line: pos.line, character: pos.character - word.length }, end: pos };

  if (inFrontMatter) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lineText)?.[1] ?? listOwner(lines, pos.line);
    if (!key) return undefined;
    if ((KEY_FIELDS as readonly string[]).includes(key)) {
      const valueWord = /:\s*([\w-]*)$/.exec(lineText)?.[1] ?? '';
      const r: Range = { start: { line: pos.line, character: pos.character - valueWord.length }, end: pos };
      return { items: keyCandidates(project, key as (typeof KEY_FIELDS)[number]), range: r, isIncomplete: false };
    }
    if (!project.config.relations.some((x) => x.key === key)) return undefined;
    return idsFor(project, word, uri, range, opts);
  }
  // Not inside code, comments or link destinations.
  const excluded = scanMarkdown(text, fm ? lines.offset(fm.range.end) : 0).excluded;
  for (let i = 0; i < excluded.length; i += 2) if (excluded[i]! < offset && offset <= excluded[i + 1]!) return undefined;
  return idsFor(project, word, uri, range, opts);
}

/** IDs that start with the typed word; or, when no family does and titles may be searched, IDs whose title has a word starting with it. */
function idsFor(project: Project, word: string, uri: string, range: Range, opts: CompletionOptions): CompletionResult | undefined {
  const prefix = word.toUpperCase();
  const matchesFamily = project.syntax.families.some((f) => f.prefix.startsWith(prefix) || prefix.startsWith(f.prefix.replace(/-$/, '')));
  const limit = opts.limit ?? COMPLETION_LIMIT;
  if (!word || matchesFamily) return { ...idCandidates(project, word, uri, limit), range };
  // Three letters at least: with quick suggestions on, shorter words would match half the titles.
  if (!opts.titles || word.length < 3) return undefined;
  const needle = word.toLowerCase();
  const items = idCandidates(project, '', uri, Infinity).items.filter((c) => c.detail !== undefined && titleWords(c.detail).some((w) => w.startsWith(needle)));
  return items.length ? { items: items.slice(0, limit), range, byTitle: true, isIncomplete: items.length > limit } : undefined;
}

const titleWords = (title: string) => title.toLowerCase().split(/[^\p{L}\p{N}]+/u);

function closedBefore(lines: LineIndex, line: number): boolean {
  for (let l = 1; l < line; l++) if (/^(---|\.\.\.)\s*$/.test(lines.lineText(l))) return true;
  return false;
}

/** The key of the block list a "  - item" line belongs to. */
function listOwner(lines: LineIndex, line: number): string | undefined {
  if (!/^\s*-\s*/.test(lines.lineText(line))) return undefined;
  for (let l = line - 1; l > 0; l--) {
    const t = lines.lineText(l);
    if (/^\s*-/.test(t)) continue;
    return /^([A-Za-z_][\w-]*)\s*:\s*$/.exec(t)?.[1];
  }
  return undefined;
}

/**
 * ID items by position in definedIds(), reused while that list and the defining document stay
 * the same: building thousands of items on every keystroke was most of a completion's time.
 * Replaced whenever the list changes, so it never holds more than one item per defined ID.
 */
const idItemCache = new WeakMap<FrameworkIndex, { ids: readonly string[]; docs: ParsedDocument[]; items: CompletionCandidate[] }>();

/**
 * The first `limit` IDs (in framework order) that start with `typed`, and whether there are
 * more. Items are shared between calls: treat them as read-only. Only the families the prefix
 * can belong to are looked at (each is one run of the sorted list, found by bisection), so a
 * call costs the same at 100 or 100,000 IDs.
 */
function idCandidates(project: Project, typed: string, uri: string, limit: number): { items: CompletionCandidate[]; isIncomplete: boolean } {
  const prefix = typed.toUpperCase();
  const out: CompletionCandidate[] = [];
  const index = project.index;
  const syntax = project.syntax;
  const ids = index.definedIds();
  let cache = idItemCache.get(index);
  if (cache?.ids !== ids) idItemCache.set(index, (cache = { ids, docs: new Array(ids.length), items: new Array(ids.length) }));
  const own = project.document(uri)?.definition?.id;
  const scoped = project.layers.length > 1;
  // Framework order: by family as declared, IDs of no family last.
  const rank = (id: string) => {
    const f = syntax.familyOf(id);
    return f ? syntax.families.indexOf(f) : syntax.families.length;
  };
  const firstAtLeast = (r: number) => {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rank(ids[mid]!) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const runs: number[] = [];
  syntax.families.forEach((f, r) => {
    if (prefix && !f.prefix.startsWith(prefix) && !prefix.startsWith(f.prefix.replace(/-$/, ''))) return;
    runs.push(r);
  });
  runs.push(syntax.families.length);
  for (const r of runs) {
    for (let i = firstAtLeast(r), end = firstAtLeast(r + 1); i < end; i++) {
      const id = ids[i]!;
      if (id === own || (prefix && !id.startsWith(prefix))) continue;
      if (scoped && !project.inScope(id)) continue;
      if (out.length === limit) return { items: out, isIncomplete: true };
      out.push(itemAt(index, cache, i, scoped));
    }
  }
  return { items: out, isIncomplete: false };
}

/** The item of the i-th defined ID, from the cache while its defining document is the same. */
function itemAt(index: FrameworkIndex, cache: { ids: readonly string[]; docs: ParsedDocument[]; items: CompletionCandidate[] }, i: number, scoped: boolean): CompletionCandidate {
  const seen = cache.docs[i];
  // The same list means the same definitions; the same document object means the same fields.
  if (seen && index.docs.get(seen.uri) === seen) return cache.items[i]!;
  const id = cache.ids[i]!;
  const doc = index.firstDefinition(id)!;
  // A tailored element: what its document leaves out comes from the element it tailors.
  const chain = scoped ? index.definitionChain(id) : [doc];
  const pick = <T>(get: (d: ParsedDocument) => T | undefined) => chain.map(get).find((v) => v !== undefined);
  const item: CompletionCandidate = {
    label: id,
    kind: 'id',
    detail: pick((d) => d.title),
    documentation: pick((d) => d.summary),
    family: doc.definition?.familyKey,
    system: pick((d) => d.system),
    discipline: pick((d) => d.discipline),
    sortText: String(i).padStart(7, '0'),
  };
  cache.docs[i] = doc;
  cache.items[i] = item;
  return item;
}

function keyCandidates(project: Project, field: (typeof KEY_FIELDS)[number]): CompletionCandidate[] {
  const c = project.config;
  const list: { key: string; title?: string }[] =
    field === 'system' ? c.systems : field === 'discipline' ? c.disciplines : field === 'part' ? c.leadership : c.types;
  return list.map((k, i) => ({ label: k.key, kind: field, detail: k.title, sortText: String(i).padStart(4, '0') }));
}
