// The engine's Workspace over a commit's tree, read with `git ls-tree` and `git cat-file
// --batch`: the files of any revision, without checking it out. URIs are those the files would
// have in the working tree, so that messages and reports name the same paths for both sides.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileUri, fsPath } from '../../language/workspace/uris';
import { FileTooLargeError, type FileKind, type FileStat, type Workspace } from '../../language/index';
import { GitError, runGit } from './git';
import type { GitRepo } from './gitRepo';

interface Entry {
  kind: FileKind;
  oid: string;
  size: number;
}

export class GitWorkspace implements Workspace {
  private readonly files = new Map<string, Entry>();
  private readonly dirs = new Map<string, Map<string, FileKind>>();
  private reader: BlobReader | undefined;

  private constructor(readonly repo: GitRepo, readonly commit: string) {
    this.dirs.set('', new Map());
  }

  /** The tree of `commit` under `subdir` (a path relative to the repository's top, "" for all). */
  static async open(repo: GitRepo, commit: string, subdir = ''): Promise<GitWorkspace> {
    const ws = new GitWorkspace(repo, commit);
    const args = ['ls-tree', '-r', '-z', '--long', '--full-tree', commit];
    if (subdir) args.push('--', subdir);
    const r = await runGit(args, repo.top);
    if (r.code !== 0) throw new GitError(`git ls-tree ${commit} failed: ${r.stderr.trim()}`);
    for (const rec of r.stdout.toString('utf8').split('\0')) {
      // <mode> SP <type> SP <object> SP+ <size> TAB <path>
      const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]+)$/.exec(rec);
      if (!m) continue;
      const [, mode, type, oid, size, p] = m as unknown as [string, string, string, string, string, string];
      // Symbolic links and submodules are not followed, as on disk: listed, never read.
      const kind: FileKind = type === 'blob' && (mode === '100644' || mode === '100755') ? 'file' : 'other';
      ws.add(p, { kind, oid, size: size === '-' ? 0 : Number(size) });
    }
    return ws;
  }

  private add(p: string, entry: Entry): void {
    this.files.set(p, entry);
    const parts = p.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      let children = this.dirs.get(dir);
      if (!children) this.dirs.set(dir, (children = new Map()));
      children.set(parts[i]!, i === parts.length - 1 ? entry.kind : 'directory');
    }
  }

  uriOf(relPath: string): string {
    return fileUri(path.join(this.repo.top, ...relPath.split('/')));
  }

  private rel(uri: string): string | undefined {
    return this.repo.relative(fsPath(uri));
  }

  async readDirectory(uri: string): Promise<[string, FileKind][]> {
    const rel = this.rel(uri);
    const children = rel === undefined ? undefined : this.dirs.get(rel);
    if (!children) throw new Error(`no such folder at ${this.commit.slice(0, 12)}: ${rel ?? uri}`);
    return [...children];
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const rel = this.rel(uri);
    if (rel === undefined) return undefined;
    const f = this.files.get(rel);
    if (f) return { kind: f.kind, size: f.size };
    return this.dirs.has(rel) ? { kind: 'directory', size: 0 } : undefined;
  }

  readFile(uri: string): Promise<Uint8Array> {
    return this.readFileWithin(uri, Number.MAX_SAFE_INTEGER);
  }

  async readFileWithin(uri: string, limit: number): Promise<Uint8Array> {
    const rel = this.rel(uri);
    const f = rel === undefined ? undefined : this.files.get(rel);
    if (!f) throw Object.assign(new Error(`no such file at ${this.commit.slice(0, 12)}: ${rel ?? uri}`), { code: 'ENOENT' });
    if (f.kind !== 'file') throw new Error('not a regular file');
    if (f.size > limit) throw new FileTooLargeError(f.size);
    this.reader ??= new BlobReader(this.repo.top);
    return this.reader.read(f.oid);
  }

  /** Ends the `git cat-file` process. */
  dispose(): void {
    this.reader?.close();
    this.reader = undefined;
  }
}

/**
 * One `git cat-file --batch` process for every blob: requests go in one a line, answers come
 * back in the same order as `<oid> <type> <size>\n<bytes>\n`.
 */
class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, env: { ...process.env, LC_ALL: 'C' } });
    this.child.stdout.on('data', (b: Buffer) => this.data(b));
    this.child.stderr.resume();
    const fail = (e: Error) => {
      this.failed = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    this.child.on('error', fail);
    this.child.on('close', () => fail(new Error('git cat-file ended')));
    this.child.stdin.on('error', fail);
  }

  read(oid: string): Promise<Uint8Array> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(oid + '\n');
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private data(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl < 0) return;
      const header = this.buf.subarray(0, nl).toString('utf8');
      const w = this.waiting[0];
      const m = /^[0-9a-f]+ \w+ (\d+)$/.exec(header);
      if (!m) {
        // "<oid> missing": answer this request and go on.
        this.buf = this.buf.subarray(nl + 1);
        this.waiting.shift();
        w?.reject(new Error(`git has no object ${header.split(' ')[0]}`));
        continue;
      }
      const size = Number(m[1]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const body = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.waiting.shift();
      w?.resolve(body);
    }
  }
}
