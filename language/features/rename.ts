// Rename an ID everywhere: the defining `id:` values, body references, relation fields and the
// keys of assessment entries.
import type { Project } from '../project';
import type { Position, Range, TextEdit, WorkspaceEdit } from '../types';
import { idAtPosition } from './idAtPosition';

export type RenameResult = { edit: WorkspaceEdit } | { error: string };

export function prepareRename(project: Project, uri: string, pos: Position): { range: Range; placeholder: string } | { error: string } {
  const at = idAtPosition(project, uri, pos);
  if (!at) return { error: 'Put the cursor on an element ID to rename it.' };
  if (at.kind === 'malformed') return { error: `Fix the spelling of ${at.id} first (see the malformed-id quick fix).` };
  return { range: at.range, placeholder: at.id };
}

export function rename(project: Project, uri: string, pos: Position, newId: string): RenameResult {
  const at = idAtPosition(project, uri, pos);
  if (!at || at.kind === 'malformed') return { error: 'Put the cursor on an element ID to rename it.' };
  return renameId(project, at.id, newId);
}

export function renameId(project: Project, oldId: string, newIdRaw: string): RenameResult {
  const newId = newIdRaw.trim();
  const syntax = project.syntax;
  if (newId === oldId) return { error: `${oldId} already has that name.` };
  const hit = syntax.classify(newId);
  if (!hit) return { error: `"${newId}" is not an ID of any family here (${syntax.families.map((f) => f.prefix + (f.groups[0] ?? '') + '1').join(', ')}).` };
  if (!hit.isCanonical) return { error: `"${newId}" is not written canonically: use ${hit.canonical}.` };
  if (project.index.isDefined(newId)) {
    const where = project.index.definitions(newId)[0]!;
    return { error: `${newId} already exists (${where.title ?? 'untitled'}, ${where.uri.split('/').slice(-2).join('/')}): pick a free ID.` };
  }
  const changes: Record<string, TextEdit[]> = {};
  const versions: Record<string, string> = {};
  const add = (uri: string, range: Range) => {
    (changes[uri] ??= []).push({ range, newText: newId });
    versions[uri] = project.versionOf(uri)!;
  };
  for (const d of project.index.definitions(oldId)) add(d.uri, d.definition!.range);
  for (const { uri, ref } of project.index.references(oldId)) add(uri, ref.range);
  for (const { uri, entry } of project.assessments.entriesOf(oldId)) add(uri, entry.keyRange);
  if (Object.keys(changes).length === 0) return { error: `${oldId} is neither defined nor referenced.` };
  return { edit: { changes, versions } };
}
