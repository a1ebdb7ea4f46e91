// vscode.FileType bit flags -> the engine's FileKind. Kept free of `vscode` so it can be unit tested.
import type { FileKind } from '../language/index';

/** The values of vscode.FileType (stable API constants). */
export const FILE_TYPE = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

export function fileKindOf(type: number): FileKind {
  const isDir = (type & FILE_TYPE.Directory) !== 0;
  // A link to a folder is reported, never followed: a loop would never end.
  if (isDir && (type & FILE_TYPE.SymbolicLink) !== 0) return 'symlink-directory';
  if (isDir) return 'directory';
  if ((type & FILE_TYPE.File) !== 0) return 'file';
  return 'other';
}
