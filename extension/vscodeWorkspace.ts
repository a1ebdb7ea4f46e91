// The engine's Workspace over vscode.workspace.fs: works on disk, in remote and in virtual
// workspaces (github.dev), on the desktop and in the web worker. Never touches node:fs itself:
// the Node entry (node.ts) may hand it a workspace for `file:` URIs, read directly from the disk
// the extension host runs on. Through vscode.workspace.fs every stat and read of a local file
// also costs a round trip to the window (activation of the file system provider), which made
// indexing 10,000 files several times slower than the CLI.
import * as vscode from 'vscode';
import { FileTooLargeError, type FileKind, type FileStat, type Workspace } from '../language/index';
import { fileKindOf } from './fileKinds';

export class VscodeWorkspace implements Workspace {
  readonly readFileWithin?: (uri: string, limit: number) => Promise<Uint8Array>;

  constructor(private readonly local?: Workspace) {
    const within = local?.readFileWithin?.bind(local);
    if (within) this.readFileWithin = (uri, limit) => (isFile(uri) ? within(uri, limit) : this.readWithin(uri, limit));
  }

  async readDirectory(uri: string): Promise<[string, FileKind][]> {
    if (this.local && isFile(uri)) return this.local.readDirectory(uri);
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri));
    return entries.map(([name, type]) => [name, fileKindOf(type)]);
  }

  async readFile(uri: string): Promise<Uint8Array> {
    if (this.local && isFile(uri)) return this.local.readFile(uri);
    return vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    if (this.local && isFile(uri)) return this.local.stat(uri);
    try {
      const s = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
      return { kind: fileKindOf(s.type), size: s.size };
    } catch (e) {
      if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound')) return undefined;
      if ((e as { code?: string }).code === 'FileNotFound') return undefined;
      throw e;
    }
  }

  /** Other schemes when a local workspace is there: a stat first, as the engine would do. */
  private async readWithin(uri: string, limit: number): Promise<Uint8Array> {
    const st = await this.stat(uri);
    if (!st) throw vscode.FileSystemError.FileNotFound(uri);
    if (st.size > limit) throw new FileTooLargeError(st.size);
    return this.readFile(uri);
  }
}

const isFile = (uri: string) => uri.startsWith('file:');
