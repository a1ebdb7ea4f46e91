// The engine's Workspace over vscode.workspace.fs: works on disk, in remote and in virtual
// workspaces (github.dev), on the desktop and in the web worker. Never touches node:fs.
import * as vscode from 'vscode';
import type { FileKind, FileStat, Workspace } from '../language/index';
import { fileKindOf } from './fileKinds';

export class VscodeWorkspace implements Workspace {
  async readDirectory(uri: string): Promise<[string, FileKind][]> {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri));
    return entries.map(([name, type]) => [name, fileKindOf(type)]);
  }

  async readFile(uri: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
      return { kind: fileKindOf(s.type), size: s.size };
    } catch (e) {
      if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound')) return undefined;
      if ((e as { code?: string }).code === 'FileNotFound') return undefined;
      throw e;
    }
  }
}
