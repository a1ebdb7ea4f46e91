// Whether a completion opened by a trigger character is wanted. Editors open the list on "-",
// "[" and ","; in prose a list item's "-" or a comma asks for nothing, while a family prefix
// ("CORE-") or a front-matter relation list does.
import type { Project } from '../project';
import type { Position } from '../types';
import type { CompletionResult } from './completion';

export const COMPLETION_TRIGGER_CHARACTERS = ['-', '[', ','];

export function completionWanted(project: Project, uri: string, pos: Position, result: CompletionResult, triggerCharacter: string | undefined): boolean {
  if (triggerCharacter === undefined) return true;
  const fm = project.document(uri)?.frontMatter?.range;
  if (fm && pos.line > fm.start.line && pos.line < fm.end.line) return true;
  const typedPrefix = result.range.start.character < result.range.end.character;
  return triggerCharacter === '-' && typedPrefix;
}
