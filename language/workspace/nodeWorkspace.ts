// The workspace over the local disk, for the CLI. Not part of the browser bundle.
import {
  close,
  closeSync,
  constants,
  fstat,
  fstatSync,
  lstat as lstatCallback,
  lstatSync,
  open,
  openSync,
  read,
  readdirSync,
  readFile as readFileCallback,
  readFileSync,
  readSync,
  stat as statCallback,
  statSync,
  promises as fs,
  watch as fsWatch,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { fileUri, fsPath } from './uris';
import { FileTooLargeError, type FileChange, type FileKind, type FileStat, type Workspace } from './workspace';

export interface NodeWorkspaceOptions {
  /**
   * The folder being checked. Symbolic links to files outside it are listed as 'other' and
   * never read: a hostile repository could otherwise make a check read, and echo parts of,
   * any file on the machine (~/.npmrc, a CI secret).
   */
  within?: string;
  /**
   * Read with the synchronous calls: 10,000 files cost about a fifth of the CPU time they take
   * through callbacks with many reads in flight. `true` for a command-line run, which has nothing
   * else to do meanwhile; 'yielding' for a server or an editor, which must keep answering: the
   * event loop runs every YIELD_EVERY calls or YIELD_MS, so a request waits a few milliseconds.
   */
  synchronous?: boolean | 'yielding';
}

/**
 * In 'yielding' mode, the event loop runs after this many calls (each read is followed by its
 * parsing) or this many milliseconds, whichever comes first: a slow disk (a network share) yields
 * after every read.
 */
const YIELD_EVERY = 32;
const YIELD_MS = 8;

export class NodeWorkspace implements Workspace {
  private withinReal: Promise<string> | undefined;

  /** 'yielding' mode: calls and time since the event loop last ran, and the turn every call waits for once either is spent. */
  private sinceTurn = 0;
  private turnAt = performance.now();
  private turn: Promise<void> | undefined;

  constructor(private readonly options: NodeWorkspaceOptions = {}) {}

  /**
   * A synchronous call behind the promise interface. In 'yielding' mode, once YIELD_EVERY calls or
   * YIELD_MS have passed, every call waits for the next turn of the event loop and then counts
   * again: a scan keeps many reads going at once, and each would otherwise go on regardless.
   */
  private sync<T>(f: () => T): Promise<T> {
    if (this.options.synchronous !== 'yielding') return settled(f);
    if (!this.turn && (++this.sinceTurn >= YIELD_EVERY || performance.now() - this.turnAt >= YIELD_MS)) {
      this.turn = new Promise<void>((resolve) =>
        setImmediate(() => {
          this.turn = undefined;
          this.sinceTurn = 0;
          this.turnAt = performance.now();
          resolve();
        }),
      );
    }
    return this.turn ? this.turn.then(() => this.sync(f)) : settled(f);
  }

  async readDirectory(uri: string): Promise<[string, FileKind][]> {
    const dir = fsPath(uri);
    // Names as bytes: one that is not UTF-8 would otherwise come back with U+FFFD in it, and
    // opening that name would fail as if the file had been deleted.
    const entries = this.options.synchronous ? await this.sync(() => readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) : await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    const out: [string, FileKind][] = [];
    for (const raw of entries) {
      const name = strictUtf8(raw.name);
      if (name === undefined) {
        // Only what a walk would look at: folders and Markdown files.
        const lossy = raw.name.toString('utf8');
        if (raw.isDirectory() || lossy.toLowerCase().endsWith('.md')) out.push([lossy, 'bad-name']);
        continue;
      }
      const e = { name, isDirectory: () => raw.isDirectory(), isFile: () => raw.isFile(), isSymbolicLink: () => raw.isSymbolicLink() };
      if (e.isDirectory()) out.push([e.name, 'directory']);
      else if (e.isFile()) out.push([e.name, 'file']);
      else if (e.isSymbolicLink()) {
        const full = path.join(dir, e.name);
        const st = this.options.synchronous ? syncOrUndefined(() => statSync(full)) : await fs.stat(full).catch(() => undefined);
        if (st?.isFile() && !(await this.inside(full))) out.push([e.name, 'other']);
        else out.push([e.name, st?.isDirectory() ? 'symlink-directory' : st?.isFile() ? 'file' : 'other']);
      } else out.push([e.name, 'other']);
    }
    return out;
  }

  /** True when the real path of `full` lies inside `within` (or when no `within` is set). */
  private async inside(full: string): Promise<boolean> {
    if (!this.options.within) return true;
    this.withinReal ??= fs.realpath(this.options.within).catch(() => path.resolve(this.options.within!));
    const [root, target] = await Promise.all([this.withinReal, fs.realpath(full).catch(() => undefined)]);
    if (target === undefined) return false;
    const rel = path.relative(root, target);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  // The callback forms, not fs.promises: reading 10,000 small files took 2.5-3x as long
  // through the FileHandle machinery of fs.promises.readFile (Node 20).
  // O_NOFOLLOW costs nothing on a regular file; a symbolic link fails with ELOOP and is read only
  // when its target lies inside `within`.
  readFile(uri: string): Promise<Uint8Array> {
    const file = fsPath(uri);
    const read = (p: string, flags: number) =>
      this.options.synchronous
        ? this.sync(() => readWholeSync(p, flags))
        : new Promise<Uint8Array>((resolve, reject) =>
            open(p, flags, (err, fd) => {
              if (err) return reject(err);
              readFileCallback(fd, (re, data) => close(fd, () => (re ? reject(re) : resolve(data))));
            }),
          );
    return read(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ELOOP') throw e;
      return read(await this.confined(file), constants.O_RDONLY | constants.O_NONBLOCK);
    });
  }

  /** The real path of a symbolic link, or a rejection when it leads outside `within`. */
  private async confined(file: string): Promise<string> {
    const real = await fs.realpath(file);
    if (!(await this.inside(real))) throw new Error('a symbolic link to a file outside the docs root; it is never read');
    return real;
  }

  // One open, fstat, read, close: the size is checked on the open file, so a file over the limit
  // is never read, and no separate stat is needed. O_NONBLOCK: opening a FIFO must not hang.
  readFileWithin(uri: string, limit: number): Promise<Uint8Array> {
    const file = fsPath(uri);
    return this.readOpen(file, limit, constants.O_NOFOLLOW).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ELOOP') throw e;
      return this.readOpen(await this.confined(file), limit, 0);
    });
  }

  private readOpen(file: string, limit: number, extraFlags: number): Promise<Uint8Array> {
    if (this.options.synchronous) return this.sync(() => readWithinSync(file, limit, extraFlags));
    return new Promise((resolve, reject) => {
      open(file, constants.O_RDONLY | constants.O_NONBLOCK | extraFlags, (err, fd) => {
        if (err) return reject(err);
        const done = (e: Error | null, data?: Uint8Array) => close(fd, () => (e ? reject(e) : resolve(data!)));
        fstat(fd, (e, st) => {
          if (e) return done(e);
          if (!st.isFile()) return done(new Error('not a regular file'));
          if (st.size > limit) return done(new FileTooLargeError(st.size));
          const buf = Buffer.allocUnsafe(st.size);
          const next = (off: number) => {
            if (off >= buf.length) return done(null, buf);
            read(fd, buf, off, buf.length - off, off, (re, n) => {
              if (re) return done(re);
              // The file shrank while being read: keep what is there.
              if (n === 0) return done(null, buf.subarray(0, off));
              next(off + n);
            });
          };
          next(0);
        });
      });
    });
  }

  /** Like the listing: a symbolic link that is dangling, loops or leads outside `within` is 'other'. */
  async stat(uri: string): Promise<FileStat | undefined> {
    const file = fsPath(uri);
    const statOf = (p: string, link: boolean) =>
      this.options.synchronous
        ? this.sync(() => syncOrUndefined(() => (link ? lstatSync : statSync)(p)))
        : new Promise<Stats | undefined>((resolve) => (link ? lstatCallback : statCallback)(p, (err, s) => resolve(err ? undefined : s)));
    let st = await statOf(file, true);
    if (!st) return undefined;
    if (st.isSymbolicLink()) {
      st = await statOf(file, false);
      if (!st || (st.isFile() && !(await this.inside(file)))) return { kind: 'other', size: 0 };
    }
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

const utf8 = new TextDecoder('utf-8', { fatal: true });
function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The result of `f` as a settled promise, for the synchronous mode behind an asynchronous interface. */
function settled<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e);
  }
}

function syncOrUndefined<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function readWholeSync(file: string, flags: number): Uint8Array {
  const fd = openSync(file, flags);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** readOpen with the synchronous calls: the same open, fstat, read and close. */
function readWithinSync(file: string, limit: number, extraFlags: number): Uint8Array {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | extraFlags);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > limit) throw new FileTooLargeError(st.size);
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      // The file shrank while being read: keep what is there.
      if (n === 0) return buf.subarray(0, off);
      off += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}
