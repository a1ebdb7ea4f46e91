// Editor features for assessment files, as plain data: completion of IDs, levels and keys; hover
// on an ID and on a score; and the scores of the chosen assessment for the tree.
import { escapeMd } from '../features/hover';
import { levelFor, maturityOf } from '../features/maturity';
import type { Project } from '../project';
import { LineIndex } from '../text/lineIndex';
import type { Position, Range } from '../types';
import { ENTRY_FIELDS, TOP_LEVEL_KEYS, type AssessmentEntry, type ParsedAssessment, type Score } from './model';
import { previousAssessment, reportElements } from './report';
import { assessmentScope } from './scope';

export interface AssessmentCompletion {
  label: string;
  kind: 'id' | 'level' | 'key';
  /** Shown beside the label: a title, a level's name. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText: string;
  /** Text to insert instead of the label. */
  insertText?: string;
  /** `insertText` is a snippet ($1, $2 tab stops). */
  snippet?: boolean;
  /** After inserting, open completion again (an ID is followed by its levels). */
  retrigger?: boolean;
}

export interface AssessmentCompletionResult {
  items: AssessmentCompletion[];
  /** The typed text the chosen item replaces. */
  range: Range;
}

const BLOCK_SCORE = /^(\s+)(current|target)[ \t]*:[ \t]*([\w/"'.-]*)$/;
const FLOW_SCORE = /^\s*([^\s:#{][^:#{]*?)\s*:\s*\{[^}]*?\b(current|target)[ \t]*:[ \t]*([\w/"'.-]*)$/;
const KEY_LINE = /^([ \t]*)([A-Za-z_][\w-]*)?$/;
const OWNER_LINE = /^([ \t]*)([^\s#:][^#:]*?)[ \t]*:/;

/** Completion at `pos` in an assessment's (possibly unsaved) `text`. */
export function assessmentCompletions(project: Project, uri: string, text: string, pos: Position): AssessmentCompletionResult | undefined {
  const lines = new LineIndex(text);
  const before = lines.lineText(pos.line).slice(0, pos.character);
  const word = /[\w/"'.-]*$/.exec(before)![0];
  const range: Range = { start: { line: pos.line, character: pos.character - word.length }, end: pos };

  const flow = FLOW_SCORE.exec(before);
  const block = flow ? null : BLOCK_SCORE.exec(before);
  if (flow || block) {
    const field = (flow ? flow[2] : block![2]) as 'current' | 'target';
    const key = flow ? flow[1]! : ownerOf(lines, pos.line, block![1]!.length);
    if (key === undefined) return undefined;
    const id = project.syntax.classify(key.trim().replace(/^["']|["']$/g, ''))?.canonical;
    const current = id ? project.assessment(uri)?.entries.find((e) => e.id === id)?.current?.level : undefined;
    return { items: levelItems(project, id, field, current), range };
  }
  const keyLine = KEY_LINE.exec(before);
  if (!keyLine) return undefined;
  const indent = keyLine[1]!.length;
  if (indent === 0) {
    const present = new Set(topKeys(lines));
    return { items: TOP_LEVEL_KEYS.filter((k) => !present.has(k)).map((k, i) => ({ label: k, kind: 'key', sortText: String(i).padStart(3, '0'), insertText: `${k}: ` })), range };
  }
  const owner = ownerOf(lines, pos.line, indent);
  if (owner === 'elements') {
    // On an existing key ("  FL|M3: {...}") only the ID is replaced.
    const after = lines.lineText(pos.line).slice(pos.character);
    const rest = /^[\w-]*/.exec(after)![0];
    const keyed = /^[\w-]*[ \t]*:/.test(after);
    const items = idItems(project, uri, text, pos.line, !keyed);
    return { items, range: { start: range.start, end: { line: pos.line, character: pos.character + rest.length } } };
  }
  if (owner !== undefined && ownerOf(lines, lineOf(lines, pos.line, indent), indentOfOwner(lines, pos.line, indent)) === 'elements') {
    // Inside an entry written as a block: its keys.
    const taken = new Set(siblingKeys(lines, pos.line, indent));
    return { items: ENTRY_FIELDS.filter((k) => !taken.has(k)).map((k, i) => ({ label: k, kind: 'key', sortText: String(i).padStart(3, '0'), insertText: `${k}: `, retrigger: k === 'current' || k === 'target' })), range };
  }
  return undefined;
}

function levelItems(project: Project, id: string | undefined, field: 'current' | 'target', current: number | undefined): AssessmentCompletion[] {
  return project.config.maturity.levels.map((l, i) => {
    const own = levelFor(project, id, l.level)!;
    const below = field === 'target' && current !== undefined && l.level < current;
    const doc = [`**${l.level} · ${escapeMd(l.name)}**${id ? ` for ${id}` : ''}`];
    if (own.description) doc.push('', escapeMd(own.description));
    if (own.criteria.length) doc.push('', ...own.criteria.map((c) => `- ${escapeMd(c)}`));
    return {
      label: String(l.level),
      kind: 'level',
      detail: below ? `${l.name} (below the current level)` : l.name,
      documentation: doc.join('\n'),
      // A target below the current level is offered last.
      sortText: `${below ? 1 : 0}${String(i).padStart(3, '0')}`,
    };
  });
}

function idItems(project: Project, uri: string, text: string, line: number, withScores: boolean): AssessmentCompletion[] {
  const scope = assessmentScope(project.index, project.config);
  // IDs already entered elsewhere in the file are not offered again.
  const entered = new Set((project.assessment(uri)?.entries ?? []).filter((e) => e.keyRange.start.line !== line).map((e) => e.id));
  if (!project.assessment(uri)) for (const m of text.matchAll(/^[ \t]+([A-Z][\w-]*)[ \t]*:/gm)) entered.add(m[1]!);
  return scope.ids().filter((id) => !entered.has(id)).map((id, i) => {
    const doc = project.index.definitions(id)[0]!;
    const place = [doc.system, doc.discipline].filter(Boolean).join(' × ') || doc.fields.get('part')?.value || '';
    return {
      label: id,
      kind: 'id',
      detail: doc.title ?? '',
      documentation: [`**${id} · ${escapeMd(doc.title ?? 'untitled')}**`, ...(place ? ['', `_${escapeMd(place)}_`] : []), ...(doc.summary ? ['', escapeMd(doc.summary)] : [])].join('\n'),
      sortText: String(i).padStart(6, '0'),
      ...(withScores ? { insertText: `${id}: { current: $1, target: $2 }$0`, snippet: true, retrigger: true } : {}),
    };
  });
}

/** The key of the nearest line above `line` indented less than `indent` (the mapping holding it). */
function ownerOf(lines: LineIndex, line: number, indent: number): string | undefined {
  const at = lineOf(lines, line, indent);
  if (at < 0) return undefined;
  return OWNER_LINE.exec(lines.lineText(at))?.[2]?.trim();
}

function lineOf(lines: LineIndex, line: number, indent: number): number {
  for (let l = line - 1; l >= 0; l--) {
    const t = lines.lineText(l);
    if (!t.trim() || /^\s*#/.test(t)) continue;
    const ind = t.length - t.trimStart().length;
    if (ind < indent) return l;
  }
  return -1;
}

function indentOfOwner(lines: LineIndex, line: number, indent: number): number {
  const at = lineOf(lines, line, indent);
  const t = at < 0 ? '' : lines.lineText(at);
  return t.length - t.trimStart().length;
}

function topKeys(lines: LineIndex): string[] {
  const out: string[] = [];
  for (let l = 0; l < lines.lineCount; l++) {
    const m = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(lines.lineText(l));
    if (m) out.push(m[1]!);
  }
  return out;
}

function siblingKeys(lines: LineIndex, line: number, indent: number): string[] {
  const out: string[] = [];
  const collect = (l: number) => {
    const t = lines.lineText(l);
    const ind = t.length - t.trimStart().length;
    const m = /^\s*([A-Za-z_][\w-]*)[ \t]*:/.exec(t);
    if (ind === indent && m) out.push(m[1]!);
    return ind >= indent || !t.trim();
  };
  for (let l = line - 1; l >= 0 && collect(l); l--);
  for (let l = line + 1; l < lines.lineCount && collect(l); l++);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hover

export interface AssessmentHover {
  range: Range;
  markdown: string;
}

const inside = (r: Range, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) && (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

/** Hover on an entry's ID (title and levels, current and target marked) or on a score (that level). */
export function assessmentHover(project: Project, uri: string, pos: Position): AssessmentHover | undefined {
  const a = project.assessment(uri);
  if (!a) return undefined;
  for (const e of a.entries) {
    if (inside(e.keyRange, pos)) return idHover(project, a, e);
    for (const which of ['current', 'target'] as const) {
      const s = e[which];
      if (s && (inside(s.range, pos) || inside(s.keyRange, pos))) return scoreHover(project, e, which, s);
    }
    if (e.na && inside(e.valueRange, pos)) {
      return { range: e.valueRange, markdown: `**${e.id}: not applicable**\n\nLeft out of the averages, the gaps and the roadmap. Remove the entry, or score it, when it applies after all.` };
    }
  }
  return undefined;
}

function idHover(project: Project, a: ParsedAssessment, e: AssessmentEntry): AssessmentHover {
  const doc = project.index.definitions(e.id)[0];
  if (!doc) return { range: e.keyRange, markdown: `**${escapeMd(e.key)}** is not defined in this framework.` };
  const out = [`**${e.id} · ${escapeMd(doc.title ?? 'untitled')}**`];
  if (doc.summary) out.push('', escapeMd(doc.summary));
  const maturity = maturityOf(project, e.id);
  if (maturity?.question) out.push('', `_Assessment question:_ ${escapeMd(maturity.question)}`);
  if (e.na) out.push('', 'Not applicable in this assessment.');
  const cur = e.current?.level;
  const tgt = e.target?.level;
  const lines: string[] = [];
  for (const l of project.config.maturity.levels) {
    const own = levelFor(project, e.id, l.level)!;
    const marks = [l.level === cur ? 'current' : '', l.level === tgt ? 'target' : ''].filter(Boolean);
    const head = `${l.level} ${escapeMd(l.name)}`;
    const text = own.description ? ` — ${escapeMd(own.description)}` : '';
    lines.push(marks.length ? `- **${head}** ← _${marks.join(' and ')}_${text}` : `- ${head}${text}`);
  }
  out.push('', ...lines);
  const prev = previousAssessment(project, a);
  const before = prev ? reportElements(project, prev).find((x) => x.id === e.id) : undefined;
  if (prev && before) out.push('', `_Previous round (${prev.date?.value ?? 'undated'}): ${before.applicable ? `${before.current} → ${before.target ?? '?'}` : 'n/a'}_`);
  return { range: e.keyRange, markdown: out.join('\n') };
}

function scoreHover(project: Project, e: AssessmentEntry, which: 'current' | 'target', s: Score): AssessmentHover {
  const l = s.level !== undefined ? levelFor(project, e.id, s.level) : undefined;
  if (!l) return { range: s.range, markdown: `**${escapeMd(s.raw)}** is not a level of the maturity scale (${project.config.maturity.levels.map((x) => `${x.level} ${escapeMd(x.name)}`).join(', ')}).` };
  const out = [`**${e.id} ${which}: ${l.level} · ${escapeMd(l.name)}**`];
  if (l.description) out.push('', escapeMd(l.description));
  if (l.criteria.length) out.push('', '_What an assessor looks for:_', '', ...l.criteria.map((c) => `- ${escapeMd(c)}`));
  if (!l.fromElement) out.push('', `_${e.id} does not describe this level itself; this is the scale's description._`);
  return { range: s.range, markdown: out.join('\n') };
}

// ---------------------------------------------------------------------------------------------
// The chosen assessment, for the tree and for hovers in Markdown

export interface ElementScore {
  applicable: boolean;
  current: number | null;
  target: number | null;
}

/**
 * The assessment the editor shows: the one at `preferred` (a path relative to the root) when it
 * exists, else the newest by date.
 */
export function chosenAssessment(project: Project, preferred?: string): ParsedAssessment | undefined {
  const all = project.assessments.newestFirst();
  if (preferred) {
    const want = preferred.replace(/\\/g, '/').replace(/^\.\//, '');
    const hit = all.find((a) => a.uri === project.rootUri + '/' + want.split('/').map(encodeURIComponent).join('/') || decodeURIComponent(a.uri).endsWith('/' + want));
    if (hit) return hit;
  }
  return all[0];
}

/** Scores by ID in `a`, as the report counts them. */
export function scoresOf(project: Project, a: ParsedAssessment): Map<string, ElementScore> {
  return new Map(reportElements(project, a).map((e) => [e.id, { applicable: e.applicable, current: e.current, target: e.target }]));
}

/** "2 → 3", "2", or "n/a". */
export function scoreBadge(s: ElementScore): string {
  if (!s.applicable) return 'n/a';
  return s.target !== null && s.target !== s.current ? `${s.current} → ${s.target}` : String(s.current);
}
