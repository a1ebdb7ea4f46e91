// Opens the framework(s) that hold the given paths: the nearest framework at or above each path,
// and every framework below it (a folder with an opmodel.json of its own is its own root).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, Project, type FrameworkResolver } from '../language/index';
import { fileUri, fsPath } from '../language/workspace/uris';
import { NodeWorkspace } from '../language/workspace/nodeWorkspace';
import { findRoot } from './findRoot';
import type { JsonFramework } from './formatters';
import type { Io } from './main';
import { neutralise } from './neutralise';
import { VERSION } from './version';

export interface Opened {
  project: Project;
  /** Absolute paths (files or folders) whose diagnostics the user asked for. */
  targets: string[];
}

export async function openProjects(paths: string[], io: Io): Promise<Opened[]> {
  const queue: { root: string; targets: string[]; hasConfig: boolean }[] = [];
  const byRoot = new Map<string, (typeof queue)[number]>();
  for (const p of paths.length ? paths : ['.']) {
    const abs = path.resolve(io.cwd, p);
    const { root, hasConfig } = await findRoot(abs);
    const entry = byRoot.get(root);
    if (entry) entry.targets.push(abs);
    else {
      const e = { root, targets: [abs], hasConfig };
      byRoot.set(root, e);
      queue.push(e);
    }
  }
  const out: Opened[] = [];
  while (queue.length) {
    const { root, targets, hasConfig } = queue.shift()!;
    const project = await openOne(root, io);
    // Frameworks below the paths are checked as their own; the outer one never indexes their files.
    const nested = project.nestedRoots.map(fsPath).filter((n) => targets.some((t) => within(n, t)));
    for (const n of nested) {
      if (byRoot.has(n)) continue;
      const e = { root: n, targets: [n], hasConfig: true };
      byRoot.set(n, e);
      queue.push(e);
    }
    // A folder without opmodel.json that only holds other frameworks is not a framework itself.
    if (!hasConfig && nested.length && project.index.definedIds().length === 0) continue;
    out.push({ project, targets });
  }
  return out.sort((a, b) => (a.project.rootUri < b.project.rootUri ? -1 : 1));
}

async function openOne(root: string, io: Io): Promise<Project> {
  // Links out of the docs root are never followed: checking a stranger's pull request must
  // not read files elsewhere on the machine. An extended framework gets the same confinement.
  // Synchronous reads: the CLI has nothing else to do while it reads.
  const ws = new NodeWorkspace({ within: root, synchronous: true });
  return Project.open({ workspace: ws, rootUri: fileUri(root), logger: { info: () => {}, error: (m) => io.err(m.split('\n').map(neutralise).join('\n') + '\n') }, resolveFramework: cliResolver });
}

const cliResolver: FrameworkResolver = async (spec, _from, next) => {
  const found = await next();
  if (!('error' in found)) return { ...found, workspace: new NodeWorkspace({ within: fsPath(found.rootUri), synchronous: true }) };
  // Not installed where the client is (a CLI run from a clone): the framework shipped with this CLI.
  const own = spec === 'opmodel' ? ownFramework() : undefined;
  if (!own) return found;
  const rootUri = fileUri(own);
  return { rootUri, workspace: new NodeWorkspace({ within: own, synchronous: true }), source: { kind: 'package', name: 'opmodel', version: VERSION, rootUri } };
};

/** framework-docs/ of the package this CLI belongs to (dist/cli.js or, from sources, cli/). */
function ownFramework(): string | undefined {
  let here: string;
  try {
    here = path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
  const dir = path.resolve(here, '..', 'framework-docs');
  return existsSync(path.join(dir, CONFIG_FILE_NAME)) ? dir : undefined;
}

const within = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

export function isUnder(uri: string, targets: string[]): boolean {
  const file = fsPath(uri);
  return targets.some((t) => within(file, t));
}

/** A file for messages: relative to the current folder when inside it, otherwise absolute. */
export function relFile(io: Io, uri: string): string {
  const abs = fsPath(uri);
  const rel = path.relative(io.cwd, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

/** "client/ (extends the opmodel 0.1.0 framework in node_modules/opmodel/framework-docs)". */
export function describeFramework(io: Io, project: Project): string {
  const where = relFile(io, project.rootUri) || '.';
  const parts = [project.configUri ? CONFIG_FILE_NAME : `no ${CONFIG_FILE_NAME}: the shipped defaults`];
  const base = project.base;
  if (base) {
    const at = relFile(io, base.rootUri) || '.';
    parts.push(`extends ${base.name}${base.version ? ` ${base.version}` : ''}${base.kind === 'folder' ? ` (${at})` : ` from ${at}`}`);
  }
  return `${where}${where.endsWith('/') ? '' : '/'} (${parts.join('; ')})`;
}

export function frameworkJson(io: Io, o: Opened): JsonFramework {
  const p = o.project;
  const base = p.base;
  return {
    root: relFile(io, p.rootUri) || '.',
    config: p.configUri ? relFile(io, p.configUri) : null,
    extends: base ? { name: base.name, version: base.version ?? null, root: relFile(io, base.rootUri) || '.' } : null,
  };
}

/** Which frameworks a command covered, on stderr: said when there is more to it than one plain folder. */
export function reportFrameworks(opened: Opened[], io: Io): void {
  if (opened.length < 2 && !opened.some((o) => o.project.base)) return;
  io.err(`${opened.length === 1 ? 'Framework' : `${opened.length} frameworks`}: ${opened.map((o) => neutralise(describeFramework(io, o.project))).join(', ')}\n`);
}

/** Config problems print like diagnostics; they make the command exit 2. */
export function reportConfigProblems(opened: Opened[], io: Io): boolean {
  let bad = false;
  for (const { project } of opened) {
    for (const p of project.configProblems) {
      bad = true;
      io.err(`${neutralise(relFile(io, p.uri ?? project.configUri ?? project.rootUri))}:${p.range.start.line + 1}:${p.range.start.character + 1} error invalid-config ${neutralise(p.message)}\n`);
    }
  }
  return bad;
}
