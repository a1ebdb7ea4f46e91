// Element files are named after their ID (`<system>/FLM3.md`). Renaming one, on an ID rename or
// as the file-name-mismatch fix, is a workspace edit: the file rename plus every relative
// Markdown link to it, so that one undo takes all of it back.
import type { FrameworkIndex } from '../indexer/frameworkIndex';
import type { ParsedDocument } from '../parse/document';
import type { TextEdit, WorkspaceEdit } from '../types';
import { basename, dirnameUri, joinUri } from '../workspace/uris';

/** The file an element with this ID should live in, beside its current one. */
export const fileNameFor = (id: string): string => `${id}.md`;

/** True unless the document defines a canonical ID and its file is named otherwise. */
export function isNamedAfterId(doc: ParsedDocument): boolean {
  const def = doc.definition;
  if (!def?.familyKey || def.text !== def.id) return true;
  return basename(doc.uri) === fileNameFor(def.id);
}

/** The URI a relative link from `fromUri` points at (its path part, as written), or undefined. */
export function resolveLink(fromUri: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  return joinUri(dirnameUri(fromUri), decoded);
}

/**
 * Renames `oldUri` to `newUri` and rewrites the file name in every relative link to it. The
 * text edits name documents by their URIs before the rename (the renamed file's own links too).
 */
export function renameFileEdit(index: FrameworkIndex, oldUri: string, newUri: string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  const versions: Record<string, string> = {};
  const oldName = basename(oldUri);
  const newName = basename(newUri);
  for (const from of index.linkedFrom(oldUri)) {
    // An extended framework's documents are read-only: a link there to a client file is theirs.
    if (index.layerOf(from) !== index.ownLayer) continue;
    const doc = index.docs.get(from)!;
    for (const link of doc.links) {
      // Only the last segment changes, and only when it is written as the plain file name.
      const slash = link.path.lastIndexOf('/');
      if (link.path.slice(slash + 1) !== oldName || link.target !== oldUri) continue;
      const start = { line: link.range.end.line, character: link.range.end.character - oldName.length };
      (changes[from] ??= []).push({ range: { start, end: link.range.end }, newText: newName });
      versions[from] = doc.version;
    }
  }
  return { changes, versions, renames: [{ oldUri, newUri }] };
}
