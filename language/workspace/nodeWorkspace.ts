// The workspace over the local disk, for the CLI. Not part of the browser bundle.
import { promises as fs, watch as fsWatch } from 'node:fs';
import path from 'node:path';
import { fileUri, fsPath } from './uris';
import type { FileChange, FileKind, FileStat, Workspace } from './workspace';

export class NodeWorkspace implements Workspace {
  async readDirectory(uri: string): Promise<[string, FileKind][]> {
    const dir = fsPath(uri);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    const out: [string, FileKind][] = [];
    for (const e of entries) {
      if (e.isDirectory()) out.push([e.name, 'directory']);
      else if (e.isFile()) out.push([e.name, 'file']);
      else if (e.isSymbolicLink()) {
        const st = await fs.stat(path.join(dir, e.name)).catch(() => undefined);
        out.push([e.name, st?.isDirectory() ? 'symlink-directory' : st?.isFile() ? 'file' : 'other']);
      } else out.push([e.name, 'other']);
    }
    return out;
  }

  async readFile(uri: string): Promise<Uint8Array> {
    return fs.readFile(fsPath(uri));
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const st = await fs.stat(fsPath(uri)).catch(() => undefined);
    if (!st) return undefined;
    return { kind: st.isDirectory() ? 'directory' : st.isFile() ? 'file' : 'other', size: st.size };
  }

  watch(rootUri: string, listener: (c: FileChange) => void) {
    const root = fsPath(rootUri);
    const w = fsWatch(root, { recursive: true }, (_event, name) => {
      if (!name) return;
      const full = path.join(root, name.toString());
      fs.stat(full).then(
        () => listener({ kind: 'changed', uri: fileUri(full) }),
        () => listener({ kind: 'deleted', uri: fileUri(full) }),
      );
    });
    return { dispose: () => w.close() };
  }
}
