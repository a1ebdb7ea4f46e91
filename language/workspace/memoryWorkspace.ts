// An in-memory workspace for tests and for callers that hold files themselves.
import type { FileChange, FileKind, FileStat, Workspace } from './workspace';

export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, Uint8Array>();
  private readonly listeners = new Set<(c: FileChange) => void>();

  /** `files` maps URIs (file:///...) to text or bytes. */
  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [uri, content] of Object.entries(files)) this.files.set(uri, toBytes(content));
  }

  set(uri: string, content: string | Uint8Array): void {
    const existed = this.files.has(uri);
    this.files.set(uri, toBytes(content));
    this.emit({ kind: existed ? 'changed' : 'created', uri });
  }

  delete(uri: string): void {
    if (this.files.delete(uri)) this.emit({ kind: 'deleted', uri });
  }

  text(uri: string): string | undefined {
    const b = this.files.get(uri);
    return b && new TextDecoder().decode(b);
  }

  async readDirectory(uri: string): Promise<[string, FileKind][]> {
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    const out = new Map<string, FileKind>();
    for (const f of this.files.keys()) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) out.set(decodeURIComponent(rest), 'file');
      else out.set(decodeURIComponent(rest.slice(0, slash)), 'directory');
    }
    if (out.size === 0 && !this.files.has(uri)) throw new Error(`no such folder: ${uri}`);
    return [...out];
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const b = this.files.get(uri);
    if (!b) throw new Error(`no such file: ${uri}`);
    return b;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const b = this.files.get(uri);
    if (b) return { kind: 'file', size: b.byteLength };
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const f of this.files.keys()) if (f.startsWith(prefix)) return { kind: 'directory', size: 0 };
    return undefined;
  }

  watch(_root: string, listener: (c: FileChange) => void) {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  private emit(c: FileChange) {
    for (const l of this.listeners) l(c);
  }
}

const toBytes = (c: string | Uint8Array) => (typeof c === 'string' ? new TextEncoder().encode(c) : c);
