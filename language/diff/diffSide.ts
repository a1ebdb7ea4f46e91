// One side of a diff (BASE or HEAD): its elements by ID and by path, and the text of its
// documents, read through the project's workspace only when a comparison needs it.
import type { ParsedDocument } from '../parse/document';
import { hashText } from '../parse/document';
import type { Project } from '../project';
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import { decodeText } from '../workspace/decodeText';
import { relativeUri } from '../workspace/uris';
import type { DiffElement } from './types';

export interface SourceText {
  text: string;
  lines: LineIndex;
}

export class DiffSide {
  /** ID -> its (first) defining document. */
  readonly elements = new Map<string, ParsedDocument>();
  /** Path relative to the docs root -> document. */
  readonly byPath = new Map<string, ParsedDocument>();
  private readonly texts = new Map<string, Promise<SourceText | undefined>>();

  constructor(readonly project: Project) {
    for (const id of project.index.definedIds()) this.elements.set(id, project.index.definitions(id)[0]!);
    for (const doc of project.index.docs.values()) this.byPath.set(this.path(doc.uri), doc);
  }

  path(uri: string): string {
    return relativeUri(this.project.rootUri, uri) ?? uri;
  }

  isDefined(id: string): boolean {
    return this.elements.has(id);
  }

  element(id: string): DiffElement {
    const doc = this.elements.get(id)!;
    return { id, title: doc.title ?? '', system: doc.system ?? null, discipline: doc.discipline ?? null, location: { uri: doc.uri, range: doc.definition!.range } };
  }

  /** The document's text as it was indexed; undefined when it cannot be read back. */
  text(doc: ParsedDocument): Promise<SourceText | undefined> {
    let t = this.texts.get(doc.uri);
    if (!t) {
      t = this.project.workspace.readFile(doc.uri).then(
        (bytes) => {
          const d = decodeText(bytes, Number.MAX_SAFE_INTEGER);
          // Changed on disk since it was indexed: its ranges no longer fit the text.
          if (!('text' in d) || hashText(d.text) !== doc.version) return undefined;
          return { text: d.text, lines: new LineIndex(d.text) };
        },
        () => undefined,
      );
      this.texts.set(doc.uri, t);
    }
    return t;
  }
}

export interface Replacement {
  range: Range;
  newText: string;
}

/**
 * `text[from, to)` with replacements applied (those inside the span), line breaks as \n and
 * trailing blanks dropped: what a reader sees, not how the file spells it.
 */
export function spanText(src: SourceText, from: number, to: number, replacements: Replacement[] = []): string {
  const edits = replacements
    .map((r) => ({ start: src.lines.offset(r.range.start), end: src.lines.offset(r.range.end), newText: r.newText }))
    .filter((e) => e.start >= from && e.end <= to)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = from;
  for (const e of edits) {
    if (e.start < at) continue;
    out += src.text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  out += src.text.slice(at, to);
  return out.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
}

/** Where the body starts: after the front matter, if any. */
export function bodyStart(src: SourceText, doc: ParsedDocument): number {
  return doc.frontMatter ? src.lines.offset(doc.frontMatter.range.end) : 0;
}

/** Replacements that write every occurrence of an ID in `map` (definition, references, misspellings) as its new ID. */
export function renameReplacements(doc: ParsedDocument, map: ReadonlyMap<string, string>): Replacement[] {
  if (!map.size) return [];
  const out: Replacement[] = [];
  const add = (id: string, range: Range) => {
    const to = map.get(id);
    if (to !== undefined) out.push({ range, newText: to });
  };
  if (doc.definition) add(doc.definition.id, doc.definition.range);
  for (const r of doc.references) add(r.id, r.range);
  for (const m of doc.malformed) if (!m.isDefinition) add(m.canonical, m.range);
  return out;
}
