// The documents the client has open: their text wins over the file on disk. Changes arrive in
// the client's position encoding and are applied here, in order, on UTF-16 text.
import { URI } from 'vscode-uri';
import { LineIndex } from '../language/index';
import { toUtf16, type PositionEncoding } from './positionEncoding';

export interface OpenDocument {
  uri: string;
  /** The client's version number, echoed in diagnostics and edits. */
  version: number;
  text: string;
  lines: LineIndex;
}

export interface ContentChange {
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** One spelling per file: clients encode URIs differently (Neovim escapes more than VS Code). */
export function normalizeUri(uri: string): string {
  return URI.parse(uri).toString();
}

export class OpenDocuments {
  private readonly docs = new Map<string, OpenDocument>();

  constructor(private readonly encoding: PositionEncoding) {}

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): IterableIterator<OpenDocument> {
    return this.docs.values();
  }

  open(uri: string, version: number, text: string): OpenDocument {
    const doc = { uri, version, text, lines: new LineIndex(text) };
    this.docs.set(uri, doc);
    return doc;
  }

  /** Applies the changes one after the other, each against the text the previous one left. */
  change(uri: string, version: number, changes: readonly ContentChange[]): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    let { text, lines } = doc;
    for (const c of changes) {
      if (!c.range) {
        text = c.text;
      } else {
        const start = lines.offset(this.utf16(lines, c.range.start));
        const end = Math.max(start, lines.offset(this.utf16(lines, c.range.end)));
        text = text.slice(0, start) + c.text + text.slice(end);
      }
      lines = new LineIndex(text);
    }
    const next = { uri, version, text, lines };
    this.docs.set(uri, next);
    return next;
  }

  close(uri: string): boolean {
    return this.docs.delete(uri);
  }

  private utf16(lines: LineIndex, p: { line: number; character: number }) {
    if (this.encoding === 'utf-16' || p.line >= lines.lineCount) return p;
    return { line: p.line, character: toUtf16(lines.lineText(p.line), p.character, this.encoding) };
  }
}
