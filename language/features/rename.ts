// Rename an ID everywhere: the defining `id:` values, body references, relation fields, the keys
// of assessment entries and every misspelling of it, and the file named after it with the links
// to that file. Also decides which positions are ours to rename (or to refuse) at all.
import { fileNameFor, renameFileEdit } from '../fixes/renameFile';
import type { Project } from '../project';
import type { Position, Range, TextEdit, WorkspaceEdit } from '../types';
import { basename, dirnameUri, joinUri } from '../workspace/uris';
import { idAtPosition } from './idAtPosition';

export type RenameResult = { edit: WorkspaceEdit } | { error: string };

/** What F2 at a position is about: an ID (also when misspelt), or a relation item that is no ID. */
interface RenameTarget {
  range: Range;
  placeholder: string;
  id?: string;
}

/**
 * The range and text to offer for renaming, or `{ error }` when the position is not ours (plain
 * words, headings, links: other rename providers may act there). Every position we claim gets
 * an answer from `rename`, refusals included: an editor must not hand it on to another provider,
 * which inside a relation list would rewrite the list as a Markdown link reference.
 */
export function prepareRename(project: Project, uri: string, pos: Position): { range: Range; placeholder: string } | { error: string } {
  const t = targetAt(project, uri, pos);
  return t ? { range: t.range, placeholder: t.placeholder } : { error: 'Put the cursor on an element ID to rename it.' };
}

export interface RenameOptions {
  /** Rename the element's file with its ID (default). Off for an editor that cannot rename files. */
  files?: boolean;
}

export function rename(project: Project, uri: string, pos: Position, newId: string, opts: RenameOptions = {}): RenameResult {
  const t = targetAt(project, uri, pos);
  if (!t) return { error: 'Put the cursor on an element ID to rename it.' };
  if (!t.id) return { error: `"${t.placeholder}" is not an element ID, so there is nothing to rename; write an ID in its place.` };
  return renameId(project, t.id, newId, opts);
}

function targetAt(project: Project, uri: string, pos: Position): RenameTarget | undefined {
  const at = idAtPosition(project, uri, pos);
  if (at) return { range: at.range, placeholder: at.id, id: at.id };
  // Anywhere else inside a relation list (a value that is no ID, the commas and spaces between
  // items): the nearest item on the line, so that F2 there never reaches the Markdown provider.
  const doc = project.document(uri);
  if (!doc) return undefined;
  for (const rel of project.config.relations) {
    const f = doc.fields.get(rel.key);
    if (!f || !inside(f.valueRange, pos)) continue;
    let best: { d: number; range: Range; text: string } | undefined;
    for (const it of f.items) {
      if (it.range.start.line !== pos.line || !it.value?.trim()) continue;
      const d = Math.max(it.range.start.character - pos.character, pos.character - it.range.end.character, 0);
      if (!best || d < best.d) best = { d, range: it.range, text: it.value.trim() };
    }
    if (!best) return undefined;
    const id = idAtPosition(project, uri, best.range.start)?.id;
    return { range: best.range, placeholder: id ?? best.text, id };
  }
  return undefined;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (r: Range, p: Position) => before(r.start, p) && before(p, r.end);

export function renameId(project: Project, oldId: string, newIdRaw: string, opts: RenameOptions = {}): RenameResult {
  const newId = newIdRaw.trim();
  const syntax = project.syntax;
  const misspelt = project.index.misspellings(oldId);
  const entries = project.assessments.entriesOf(oldId, true);
  // The same name: only the misspellings change (F2, Enter on `flm5` respells it everywhere).
  if (newId === oldId && misspelt.length === 0 && entries.every((e) => e.entry.canonical)) return { error: `${oldId} already has that name.` };
  const hit = syntax.classify(newId);
  if (!hit) return { error: `"${newId}" is not an ID of any family here (${syntax.families.map((f) => f.prefix + (f.groups[0] ?? '') + '1').join(', ')}).` };
  if (!hit.isCanonical) return { error: `"${newId}" is not written canonically: use ${hit.canonical}.` };
  // A base framework's files are read-only: its IDs are renamed there, not in a client.
  const base = newId !== oldId ? project.index.allDefinitions(oldId).find((d) => project.isBaseDocument(d.uri)) : undefined;
  if (base) {
    const fw = project.layerOf(base.uri).source;
    return { error: `${oldId} is defined by ${fw ? `the ${fw.name} framework` : 'an extended framework'}, which is read-only here: rename it there, or tailor it in a file of your own.` };
  }
  if (newId !== oldId && project.index.isDefined(newId)) {
    const where = project.index.definitions(newId)[0]!;
    return { error: `${newId} already exists (${project.index.titleOf(newId) ?? 'untitled'}, ${where.uri.split('/').slice(-2).join('/')}): pick a free ID.` };
  }
  const changes: Record<string, TextEdit[]> = {};
  const versions: Record<string, string> = {};
  const seen = new Set<string>();
  const add = (uri: string, range: Range) => {
    // A misspelt `id:` is both the definition and a misspelling: one edit.
    const key = `${uri} ${range.start.line}:${range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    (changes[uri] ??= []).push({ range, newText: newId });
    versions[uri] = project.versionOf(uri)!;
  };
  if (newId !== oldId) {
    for (const d of project.index.definitions(oldId)) add(d.uri, d.definition!.range);
    for (const { uri, ref } of project.index.references(oldId)) if (!project.isBaseDocument(uri)) add(uri, ref.range);
  }
  for (const { uri, malformed } of misspelt) if (!project.isBaseDocument(uri)) add(uri, malformed.range);
  for (const { uri, entry } of entries) if (newId !== oldId || !entry.canonical) add(uri, entry.keyRange);
  if (Object.keys(changes).length === 0) return { error: `${oldId} is neither defined nor referenced.` };
  // The file follows the ID when it is named after it (and only one document defines it).
  const defs = project.index.definitions(oldId);
  let renames: { oldUri: string; newUri: string }[] | undefined;
  if (opts.files !== false && newId !== oldId && defs.length === 1 && basename(defs[0]!.uri) === fileNameFor(oldId)) {
    const oldUri = defs[0]!.uri;
    const newUri = joinUri(dirnameUri(oldUri), fileNameFor(newId));
    if (!project.index.docs.has(newUri) && !project.index.skipped.has(newUri)) {
      const file = renameFileEdit(project.index, oldUri, newUri);
      for (const [uri, edits] of Object.entries(file.changes)) {
        for (const e of edits) (changes[uri] ??= []).push(e);
        versions[uri] = file.versions[uri]!;
      }
      renames = file.renames;
    }
  }
  for (const edits of Object.values(changes)) edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { edit: renames ? { changes, versions, renames } : { changes, versions } };
}
