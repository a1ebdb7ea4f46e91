// Whether a completion opened by a trigger character is wanted. Editors open the list on "-",
// "[" and ","; in prose a list item's "-" or a comma asks for nothing, while a family prefix
// ("CORE-") or a front-matter relation list does. VS Code also opens it on the space that
// starts a list item ("[ ", ", "): a list opened at the comma takes the space typed next as
// filter text there, and re-sorts itself by title.
import type { Project } from '../project';
import type { Position } from '../types';
import type { CompletionResult } from './completion';

export const COMPLETION_TRIGGER_CHARACTERS = ['-', '[', ','];

/** Cheap, before any engine work: a space is a request only right after "[" or ",". */
export function spaceStartsListItem(lineBefore: string): boolean {
  return /[[,] $/.test(lineBefore);
}

export function completionWanted(project: Project, uri: string, pos: Position, result: CompletionResult, triggerCharacter: string | undefined, lineBefore?: string): boolean {
  if (triggerCharacter === undefined) return true;
  if (triggerCharacter === ' ' && lineBefore !== undefined && !spaceStartsListItem(lineBefore)) return false;
  const fm = project.document(uri)?.frontMatter?.range;
  if (fm && pos.line > fm.start.line && pos.line < fm.end.line) return true;
  const typedPrefix = result.range.start.character < result.range.end.character;
  return triggerCharacter === '-' && typedPrefix;
}
