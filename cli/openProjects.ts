// Opens the framework(s) that hold the given paths.
import path from 'node:path';
import { Project } from '../language/index';
import { fileUri, fsPath } from '../language/workspace/uris';
import { NodeWorkspace } from '../language/workspace/nodeWorkspace';
import type { Io } from './main';
import { findRoot } from './findRoot';
import { neutralise } from './neutralise';

export interface Opened {
  project: Project;
  /** Absolute paths (files or folders) whose diagnostics the user asked for. */
  targets: string[];
}

export async function openProjects(paths: string[], io: Io): Promise<Opened[]> {
  const byRoot = new Map<string, string[]>();
  for (const p of paths.length ? paths : ['.']) {
    const abs = path.resolve(io.cwd, p);
    const { root } = await findRoot(abs);
    const list = byRoot.get(root) ?? [];
    list.push(abs);
    byRoot.set(root, list);
  }
  const out: Opened[] = [];
  for (const [root, targets] of byRoot) {
    // Links out of the docs root are never followed: checking a stranger's pull request must
    // not read files elsewhere on the machine.
    const ws = new NodeWorkspace({ within: root, synchronous: true });
    const project = await Project.open({ workspace: ws, rootUri: fileUri(root), logger: { info: () => {}, error: (m) => io.err(m.split('\n').map(neutralise).join('\n') + '\n') } });
    out.push({ project, targets });
  }
  return out;
}

export function isUnder(uri: string, targets: string[]): boolean {
  const file = fsPath(uri);
  return targets.some((t) => file === t || file.startsWith(t.endsWith(path.sep) ? t : t + path.sep));
}

export const relFile = (io: Io, uri: string) => path.relative(io.cwd, fsPath(uri)).split(path.sep).join('/');

/** Config problems print like diagnostics; they make the command exit 2. */
export function reportConfigProblems(opened: Opened[], io: Io): boolean {
  let bad = false;
  for (const { project } of opened) {
    for (const p of project.configProblems) {
      bad = true;
      io.err(`${neutralise(relFile(io, project.configUri ?? project.rootUri))}:${p.range.start.line + 1}:${p.range.start.character + 1} error invalid-config ${neutralise(p.message)}\n`);
    }
  }
  return bad;
}
