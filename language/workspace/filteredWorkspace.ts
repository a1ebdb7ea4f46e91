// A view of a Workspace that hides the Markdown files the opmodel.include/exclude settings of an
// editor leave out, so that the engine's discovery never reads them.
import { joinUri, relativeUri } from './uris';
import type { FileChange, FileKind, Workspace } from './workspace';

export class FilteredWorkspace implements Workspace {
  readonly readFileWithin?: (uri: string, limit: number) => Promise<Uint8Array>;

  constructor(
    private readonly inner: Workspace,
    private readonly rootUri: string,
    private readonly keep: (relPath: string) => boolean,
  ) {
    if (inner.readFileWithin) this.readFileWithin = inner.readFileWithin.bind(inner);
  }

  /** True when `uri` (inside the root) is a file the settings let through. */
  allows(uri: string): boolean {
    const rel = relativeUri(this.rootUri, uri);
    return rel === undefined || rel === '' || this.keep(rel);
  }

  async readDirectory(uri: string): Promise<[string, FileKind][]> {
    const entries = await this.inner.readDirectory(uri);
    return entries.filter(([name, kind]) => kind !== 'file' || !name.toLowerCase().endsWith('.md') || this.allows(joinUri(uri, name)));
  }

  readFile(uri: string): Promise<Uint8Array> {
    return this.inner.readFile(uri);
  }

  stat(uri: string) {
    return this.inner.stat(uri);
  }

  watch(rootUri: string, listener: (c: FileChange) => void) {
    return this.inner.watch?.(rootUri, (c) => this.allows(c.uri) && listener(c)) ?? { dispose() {} };
  }
}
