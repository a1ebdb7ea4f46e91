// How the engine sees files. The CLI passes a Node fs implementation, the extension one over
// vscode.workspace.fs, the tests an in-memory one. URIs are strings (file:///..., vscode-vfs://...).

export type FileKind = 'file' | 'directory' | 'symlink-directory' | 'other';

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

export interface Workspace {
  readDirectory(uri: string): Promise<[name: string, kind: FileKind][]>;
  readFile(uri: string): Promise<Uint8Array>;
  stat(uri: string): Promise<FileStat | undefined>;
  watch?(rootUri: string, listener: (change: FileChange) => void): Disposable;
}
