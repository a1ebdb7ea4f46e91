// The fix of out-of-scope-id: an edit of opmodel.json that puts one ID in scope and changes
// nothing else in what the scope admits. The edit replaces the "scope" value (or adds one) and
// keeps the rest of the file, comments included, as written.
import { applyEdits, findNodeAtLocation, modify, parseTree, type JSONPath } from 'jsonc-parser';
import type { ScopeConfig } from '../config/config';
import { hashText } from '../parse/document';
import { LineIndex } from '../text/lineIndex';
import type { Fix } from '../types';

export function scopeFix(text: string, configUri: string, id: string, family: string | undefined, scope: ScopeConfig, familyIds: string[]): Fix | undefined {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const options = { formattingOptions: { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' } };
  let next = text;
  const remove = (path: JSONPath) => {
    next = applyEdits(next, modify(next, path, undefined, options));
  };
  // Appends to an existing list in its own layout: on one line stays on one line.
  const append = (key: 'include' | 'exclude', value: string) => {
    const list = findNodeAtLocation(parseTree(next, [], { allowTrailingComma: true })!, ['scope', key]);
    if (list?.type !== 'array') return;
    const items = list.children ?? [];
    const last = items[items.length - 1];
    const quoted = JSON.stringify(value);
    let insertAt: number;
    let insert: string;
    if (!last) {
      insertAt = list.offset + 1;
      insert = quoted;
    } else {
      insertAt = last.offset + last.length;
      const multiLine = next.slice(list.offset, list.offset + list.length).includes('\n');
      const lineStart = next.lastIndexOf('\n', last.offset) + 1;
      insert = multiLine ? `,${options.formattingOptions.eol}${next.slice(lineStart, last.offset).match(/^[ \t]*/)![0]}${quoted}` : `, ${quoted}`;
    }
    next = next.slice(0, insertAt) + insert + next.slice(insertAt);
  };
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (!root) return undefined;
  const excludeNode = findNodeAtLocation(root, ['scope', 'exclude']);
  const items = (excludeNode?.children ?? []).map((c) => c.value as string);
  if (scope.exclude.includes(id)) {
    // Named as an exception: drop it from the list (every spelling the parser accepted).
    for (let i = items.length - 1; i >= 0; i--) if (String(items[i]).trim() === id) remove(['scope', 'exclude', i]);
  } else if (scope.include) {
    // An ID in include wins over its family in exclude; adding it changes nothing else.
    append('include', id);
  } else if (family && scope.exclude.includes(family)) {
    // No include list to add to: exclude the family's other IDs one by one instead.
    for (let i = items.length - 1; i >= 0; i--) if (String(items[i]).trim() === family) remove(['scope', 'exclude', i]);
    for (const other of familyIds) if (!scope.exclude.includes(other)) append('exclude', other);
  } else return undefined;
  if (next === text) return undefined;
  // One edit over the changed span, computed by trimming what both texts share.
  let start = 0;
  while (start < text.length && start < next.length && text[start] === next[start]) start++;
  let endOld = text.length;
  let endNew = next.length;
  while (endOld > start && endNew > start && text[endOld - 1] === next[endNew - 1]) { endOld--; endNew--; }
  // Never split a CRLF: a position between \r and \n does not exist in an editor.
  if (start > 0 && text[start - 1] === '\r' && text[start] === '\n') start--;
  if (text[endOld - 1] === '\r' && text[endOld] === '\n') { endOld++; endNew++; }
  const lines = new LineIndex(text);
  return {
    title: `Add ${id} to the scope in opmodel.json`,
    safe: false,
    preferred: true,
    edit: { changes: { [configUri]: [{ range: lines.range(start, endOld), newText: next.slice(start, endNew) }] }, versions: { [configUri]: hashText(text) } },
  };
}
