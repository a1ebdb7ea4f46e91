// Hover on a glossary term in prose: the term's definition and where it matters. It answers only
// on a word or phrase that a `type: glossary` document defines, never in front matter, code,
// comments, link targets or the glossary itself, and never where an ID hover applies.
import type { GlossaryEntry } from '../glossary/readGlossary';
import type { ParsedDocument } from '../parse/document';
import { scanMarkdown } from '../parse/markdownScanner';
import type { Project } from '../project';
import { LineIndex } from '../text/lineIndex';
import type { Location, Position, Range } from '../types';
import { escapeMd } from './hover';

export interface GlossaryHover {
  term: string;
  range: Range;
  definition: string;
  where: string;
  location: Location;
  markdown: string;
}

interface Matcher {
  key: string;
  /** Acronyms and terms with digits match in their exact case; words in any case. */
  exact?: RegExp;
  anyCase?: RegExp;
  byForm: Map<string, { entry: GlossaryEntry; doc: ParsedDocument }>;
}

const matchers = new WeakMap<Project, Matcher>();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isExact = (form: string) => /[A-Z]{2}|\d/.test(form);

/** One pair of regular expressions for all terms, rebuilt only when a glossary changes. */
function matcherFor(project: Project): Matcher | undefined {
  const glossaries = [...project.index.docs.values()].filter((d) => d.glossary?.length);
  if (!glossaries.length) return undefined;
  const key = glossaries.map((d) => `${d.uri}@${d.version}`).join('|');
  const cached = matchers.get(project);
  if (cached?.key === key) return cached;
  const byForm = new Map<string, { entry: GlossaryEntry; doc: ParsedDocument }>();
  for (const doc of glossaries) for (const entry of doc.glossary!) for (const f of entry.forms) {
    const k = isExact(f) ? f : f.toLowerCase();
    if (!byForm.has(k)) byForm.set(k, { entry, doc });
  }
  const build = (forms: string[], flags: string) => {
    if (!forms.length) return undefined;
    // Longest first, so "Recovery time objective" wins over a shorter term inside it; a plural
    // ending is part of the word.
    const alt = forms.sort((a, b) => b.length - a.length).map(escape).join('|');
    return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alt})(?:e?s)?(?![\\p{L}\\p{N}_-])`, `gu${flags}`);
  };
  const forms = [...byForm.keys()];
  const m: Matcher = { key, byForm, exact: build(forms.filter(isExact), ''), anyCase: build(forms.filter((f) => !isExact(f)), 'i') };
  matchers.set(project, m);
  return m;
}

export function glossaryHover(project: Project, uri: string, text: string, pos: Position, link: (l: Location) => string = (l) => l.uri): GlossaryHover | undefined {
  const doc = project.document(uri);
  if (doc?.type === 'glossary') return undefined;
  const m = matcherFor(project);
  if (!m) return undefined;
  const lines = new LineIndex(text);
  if (pos.line >= lines.lineCount) return undefined;
  const lineText = lines.lineText(pos.line);
  // Cheap test on the line first: most hovers are not on a term, and end here.
  let hit: { start: number; end: number; form: string } | undefined;
  for (const re of [m.exact, m.anyCase]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let x = re.exec(lineText); x; x = re.exec(lineText)) {
      if (x.index <= pos.character && pos.character <= x.index + x[0].length) {
        const word = x[0];
        const base = [word, word.replace(/e?s$/, ''), word.replace(/s$/, '')].map((w) => (re === m.exact ? w : w.toLowerCase())).find((w) => m.byForm.has(w));
        if (base && (!hit || word.length > hit.end - hit.start)) hit = { start: x.index, end: x.index + word.length, form: base };
      }
    }
  }
  if (!hit) return undefined;
  const range: Range = { start: { line: pos.line, character: hit.start }, end: { line: pos.line, character: hit.end } };
  const startOffset = lines.offset(range.start);
  const fm = doc?.frontMatter;
  if (fm && pos.line <= fm.range.end.line) return undefined;
  for (const r of doc?.references ?? []) if (r.range.start.line === pos.line && r.range.start.character < hit.end && hit.start < r.range.end.character) return undefined;
  const excluded = scanMarkdown(text, fm ? lines.offset(fm.range.end) : 0).excluded;
  for (let i = 0; i < excluded.length; i += 2) if (excluded[i]! < startOffset + (hit.end - hit.start) && startOffset < excluded[i + 1]!) return undefined;
  const { entry, doc: gdoc } = m.byForm.get(hit.form)!;
  const location: Location = { uri: gdoc.uri, range: gdoc.headings.find((h) => h.text.trim() === entry.term)?.selectionRange ?? range };
  const md = [`**${escapeMd(entry.term)}**`, '', escapeMd(entry.definition)];
  if (entry.where) md.push('', `_Where it matters:_ ${escapeMd(entry.where.replace(/[*_]/g, ''))}`);
  md.push('', `[${escapeMd(gdoc.title ?? 'Glossary')}](${link(location)})`);
  return { term: entry.term, range, definition: entry.definition, where: entry.where, location, markdown: md.join('\n') };
}
