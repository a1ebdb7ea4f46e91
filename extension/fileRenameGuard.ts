// A file rename in an engine edit must not land on a file the engine does not index (ignored by
// .gitignore or excluded): VS Code would skip the rename and still apply the link edits that name
// the new file. Only the file system knows; the engine's index does not.
import * as vscode from 'vscode';
import type { WorkspaceEdit } from '../language/index';

/** The targets of the edit's file renames that already exist. */
export async function takenRenameTargets(edit: WorkspaceEdit): Promise<string[]> {
  const taken: string[] = [];
  for (const r of edit.renames ?? []) {
    if (await vscode.workspace.fs.stat(vscode.Uri.parse(r.newUri)).then(() => true, () => false)) taken.push(r.newUri);
  }
  return taken;
}
