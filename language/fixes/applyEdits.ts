// Applies text edits to a document's text, refusing edits computed against another version.
import { hashText } from '../parse/document';
import { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../types';

export class StaleEditError extends Error {}

export function applyTextEdits(text: string, edits: TextEdit[], expectedVersion?: string): string {
  if (expectedVersion !== undefined && hashText(text) !== expectedVersion) {
    throw new StaleEditError('the file changed after the edits were computed; run the command again');
  }
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.end) throw new Error('overlapping edits');
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
