// How the engine sees files. The CLI passes a Node fs implementation, the extension one over
// vscode.workspace.fs, the tests an in-memory one. URIs are strings (file:///..., vscode-vfs://...).

/**
 * 'bad-name': a folder or Markdown file whose name is not valid UTF-8 on disk. Its listed name has
 * U+FFFD where the invalid bytes are, and no file has that name, so it cannot be opened by it.
 */
export type FileKind = 'file' | 'directory' | 'symlink-directory' | 'other' | 'bad-name';

export interface FileStat {
  kind: FileKind;
  size: number;
}

export interface FileChange {
  kind: 'created' | 'changed' | 'deleted';
  uri: string;
}

export interface Disposable {
  dispose(): void;
}

/** Rejection of `readFileWithin` for a file over the limit: it was not read. */
export class FileTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`the file has ${size} bytes, more than allowed`);
  }
}

export interface Workspace {
  readDirectory(uri: string): Promise<[name: string, kind: FileKind][]>;
  readFile(uri: string): Promise<Uint8Array>;
  /**
   * Optional: reads a regular file only when it has at most `limit` bytes, checking the size on
   * the open file, and rejects with FileTooLargeError otherwise. Saves a stat per file on disks
   * where that costs as much as the read; without it the engine stats first.
   */
  readFileWithin?(uri: string, limit: number): Promise<Uint8Array>;
  stat(uri: string): Promise<FileStat | undefined>;
  watch?(rootUri: string, listener: (change: FileChange) => void): Disposable;
}
