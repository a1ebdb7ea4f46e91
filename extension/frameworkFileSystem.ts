// A read-only file system for the documents of extended frameworks (scheme opmodel-framework):
// the copy bundled with the extension, served from memory (github.dev has no node_modules), and
// installed copies, served from their folder. Opened through it, a base document cannot be edited.
import * as vscode from 'vscode';

export const FRAMEWORK_SCHEME = 'opmodel-framework';

type Mount = { kind: 'memory'; files: Map<string, Uint8Array> } | { kind: 'folder'; root: vscode.Uri };

export class FrameworkFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly mounts = new Map<string, Mount>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly registration: vscode.Disposable;
  /** Mounts appear while frameworks open; a restored editor may ask before that. */
  private ready: Promise<void> = Promise.resolve();

  constructor() {
    this.registration = vscode.workspace.registerFileSystemProvider(FRAMEWORK_SCHEME, this, { isCaseSensitive: true, isReadonly: true });
  }

  whenMounted(ready: Promise<void>): void {
    this.ready = ready;
  }

  /** Files given as text by relative path; returns the root URI. */
  mountMemory(name: string, files: Record<string, string>): string {
    const enc = new TextEncoder();
    this.mounts.set(name, { kind: 'memory', files: new Map(Object.entries(files).map(([p, t]) => [p, enc.encode(t)])) });
    return `${FRAMEWORK_SCHEME}://${name}/`;
  }

  /** A folder of the workspace (an installed package), shown read-only; returns the root URI. */
  mountFolder(rootUri: string): string {
    const name = `installed-${shortHash(rootUri)}`;
    this.mounts.set(name, { kind: 'folder', root: vscode.Uri.parse(rootUri) });
    return `${FRAMEWORK_SCHEME}://${name}/`;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { mount, rel } = await this.locate(uri);
    if (mount.kind === 'folder') return { ...(await vscode.workspace.fs.stat(this.real(mount, rel))), permissions: vscode.FilePermission.Readonly };
    const file = mount.files.get(rel);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.byteLength, permissions: vscode.FilePermission.Readonly };
    if (rel === '' || [...mount.files.keys()].some((p) => p.startsWith(rel + '/'))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const { mount, rel } = await this.locate(uri);
    if (mount.kind === 'folder') return vscode.workspace.fs.readDirectory(this.real(mount, rel));
    const prefix = rel ? rel + '/' : '';
    const out = new Map<string, vscode.FileType>();
    for (const p of mount.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      out.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? vscode.FileType.File : vscode.FileType.Directory);
    }
    if (!out.size && rel) throw vscode.FileSystemError.FileNotFound(uri);
    return [...out];
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { mount, rel } = await this.locate(uri);
    if (mount.kind === 'folder') return vscode.workspace.fs.readFile(this.real(mount, rel));
    const file = mount.files.get(rel);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  watch(): vscode.Disposable {
    // The content never changes while the extension runs.
    return new vscode.Disposable(() => {});
  }

  createDirectory(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  delete(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  rename(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
  }

  private async locate(uri: vscode.Uri): Promise<{ mount: Mount; rel: string }> {
    if (!this.mounts.has(uri.authority)) await this.ready;
    const mount = this.mounts.get(uri.authority);
    if (!mount) throw vscode.FileSystemError.FileNotFound(uri);
    // URI paths are normalised: no "..", so nothing resolves outside the mount.
    return { mount, rel: uri.path.replace(/^\/+|\/+$/g, '') };
  }

  private real(mount: Extract<Mount, { kind: 'folder' }>, rel: string): vscode.Uri {
    return rel ? vscode.Uri.joinPath(mount.root, ...rel.split('/')) : mount.root;
  }
}

const readOnly = (uri: vscode.Uri) => vscode.FileSystemError.NoPermissions(`${uri.path.split('/').pop()} belongs to an extended framework and is read-only here; tailor it in a file of your own`);

function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
