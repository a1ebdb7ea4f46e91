// The two sides of `opmodel diff`: git revisions of one repository (read with git, never
// checked out) and the working tree, or two folders on disk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MemoryWorkspace, Project, type Workspace } from '../../language/index';
import { fileUri } from '../../language/workspace/uris';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { findRoot } from '../findRoot';
import { GitRepo } from '../git/gitRepo';
import { GitWorkspace } from '../git/gitWorkspace';
import type { Io } from '../main';
import { UsageError } from '../usage';

export interface SideInfo {
  kind: 'revision' | 'merge-base' | 'working-tree' | 'folder';
  /** What the user named (or what was chosen): a revision, "working tree", a folder. */
  name: string;
  commit: string | null;
}

export interface Side {
  info: SideInfo;
  project: Project;
  /** False when the docs folder does not exist on this side (every element is new, or gone). */
  exists: boolean;
}

export interface Sides {
  base: Side;
  head: Side;
  /** The repository, when the sides are revisions. */
  repo?: GitRepo;
  /** Absolute path of the docs root on the HEAD side. */
  headRoot: string;
  dispose(): void;
}

const isFolder = (p: string) => fs.stat(p).then((s) => s.isDirectory(), () => false);
const logger = (io: Io) => ({ info: () => {}, error: (m: string) => io.err(m + '\n') });

export async function openSides(positionals: string[], dir: string | undefined, io: Io, env: NodeJS.ProcessEnv): Promise<Sides> {
  if (positionals.length > 2) throw new UsageError('diff takes at most two revisions or folders: BASE and HEAD');
  const [a, b] = positionals.map((p) => ({ arg: p, abs: path.resolve(io.cwd, p) }));
  const aFolder = a ? await isFolder(a.abs) : false;
  const bFolder = b ? await isFolder(b.abs) : false;
  if (aFolder || bFolder) {
    if (!a || !b) throw new UsageError(`${a!.arg} is a folder: to compare two folders, name both (opmodel diff OLD_DIR NEW_DIR); to choose the framework inside a repository, use --dir ${a!.arg}`);
    if (aFolder !== bFolder) throw new UsageError(`${aFolder ? a.arg : b.arg} is a folder but ${aFolder ? b.arg : a.arg} is not: compare two revisions or two folders`);
    if (dir !== undefined) throw new UsageError('--dir chooses the framework inside a repository; two folders are each a framework already');
    const [base, head] = await Promise.all([openFolder(a.abs, a.arg, io), openFolder(b.abs, b.arg, io)]);
    return { base, head, headRoot: b.abs, dispose: () => {} };
  }

  const target = path.resolve(io.cwd, dir ?? '.');
  const existing = await nearestExisting(target);
  const repo = await GitRepo.at(existing);
  // The docs root: the nearest folder with opmodel.json, found in the working tree.
  const root = existing === target ? (await findRoot(target)).root : target;
  const rel = repo.relative(await fs.realpath(root).catch(() => path.resolve(root)));
  if (rel === undefined) throw new UsageError(`${dir ?? '.'} is outside the git repository at ${repo.top}`);
  const rootAbs = path.join(repo.top, ...rel.split('/').filter(Boolean));
  const opened: GitWorkspace[] = [];

  const fromRevision = async (info: SideInfo): Promise<Side> => {
    const ws = await GitWorkspace.open(repo, info.commit!, rel);
    opened.push(ws);
    return openProject(ws, rootAbs, info, io);
  };
  try {
    let baseInfo: SideInfo;
    if (a) baseInfo = { kind: 'revision', name: a.arg, commit: await repo.resolve(a.arg) };
    else {
      const branch = await repo.defaultBranch(env);
      const headCommit = await repo.resolve('HEAD');
      baseInfo = { kind: 'merge-base', name: branch, commit: await repo.mergeBase(await repo.resolve(branch), headCommit, [branch, 'HEAD']) };
    }
    const base = await fromRevision(baseInfo);
    const head = b
      ? await fromRevision({ kind: 'revision', name: b.arg, commit: await repo.resolve(b.arg) })
      : await openProject(new NodeWorkspace({ within: rootAbs, synchronous: true }), rootAbs, { kind: 'working-tree', name: 'working tree', commit: null }, io);
    return { base, head, repo, headRoot: rootAbs, dispose: () => opened.forEach((w) => w.dispose()) };
  } catch (e) {
    opened.forEach((w) => w.dispose());
    throw e;
  }
}

async function openFolder(abs: string, name: string, io: Io): Promise<Side> {
  return openProject(new NodeWorkspace({ within: abs, synchronous: true }), abs, { kind: 'folder', name, commit: null }, io);
}

async function openProject(ws: Workspace, rootAbs: string, info: SideInfo, io: Io): Promise<Side> {
  const rootUri = fileUri(rootAbs);
  const exists = (await ws.stat(rootUri))?.kind === 'directory';
  const project = await Project.open({ workspace: exists ? ws : new MemoryWorkspace(), rootUri, logger: logger(io) });
  // A side without the folder is an empty framework, not an unreadable one.
  if (!exists) for (const uri of [...project.index.skipped.keys()]) project.remove(uri);
  return { info, project, exists };
}

async function nearestExisting(p: string): Promise<string> {
  for (let d = p; ; d = path.dirname(d)) {
    if (await isFolder(d)) return d;
    if (path.dirname(d) === d) return d;
  }
}
