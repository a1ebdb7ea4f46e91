// `opmodel diff [BASE] [HEAD] [--dir DIR] [--format text|markdown|json] [--fail-on broken|none]`:
// what a change does to the framework — elements added, removed, renamed, retitled, moved,
// relations changed, references broken and fixed, and what to review because of it.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffFrameworks, type OpmodelConfig } from '../../language/index';
import { fsPath } from '../../language/workspace/uris';
import { diffReport, type DiffReport, type Where } from '../diff/diffReport';
import { formatDiffMarkdown, type LinkFor } from '../diff/formatDiffMarkdown';
import { formatDiffText } from '../diff/formatDiffText';
import { openSides, type Sides } from '../diff/openSides';
import { blobLink, githubRepoUrl } from '../diff/githubLinks';
import { encodePath, plain } from '../diff/printable';
import { GitError } from '../git/git';
import { registerCommand, type Io } from '../main';
import { safeJson } from '../neutralise';
import { oneOf, UsageError } from '../usage';

const FORMATS = ['text', 'markdown', 'json'] as const;

export async function diffCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string', short: 'd' }, format: { type: 'string', short: 'f' }, 'fail-on': { type: 'string' }, 'link-base': { type: 'string' } },
  });
  const format = oneOf(values.format, FORMATS, '--format', 'text');
  const failOn = oneOf(values['fail-on'], ['broken', 'none'] as const, '--fail-on', 'broken');
  let outcome: DiffOutcome;
  try {
    outcome = await computeDiff(positionals, values.dir, io, env, values['link-base']);
  } catch (e) {
    if (e instanceof GitError) {
      io.err(`opmodel diff: ${plain(e.message)}\n`);
      return 2;
    }
    if (e instanceof HeadConfigError) {
      for (const line of e.lines) io.err(line + '\n');
      return 2;
    }
    throw e;
  }
  const { report } = outcome;
  if (format === 'json') io.out(safeJson(report) + '\n');
  else if (format === 'markdown') io.out(formatDiffMarkdown(report, outcome.placeOf, outcome.link));
  else io.out(formatDiffText(report, outcome.placeOf));
  return report.broken.length && failOn === 'broken' ? 1 : 0;
}

/** opmodel.json at HEAD is broken: the lines to print, like `opmodel check` prints them. */
export class HeadConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export interface DiffOutcome {
  report: DiffReport;
  placeOf: (system: string | null, discipline: string | null) => string;
  link: LinkFor;
}

/** Opens both sides, compares them and disposes of them. Throws GitError, HeadConfigError or UsageError. */
export async function computeDiff(positionals: string[], dir: string | undefined, io: Io, env: NodeJS.ProcessEnv, linkBase?: string): Promise<DiffOutcome> {
  const sides = await openSides(positionals, dir, io, env);
  try {
    const cwd = realpathOr(io.cwd);
    const rel = (uri: string) => path.relative(cwd, fsPath(uri)).split(path.sep).join('/') || '.';
    const notes: string[] = [];
    for (const [name, side] of [['base', sides.base], ['head', sides.head]] as const) {
      const problems = side.project.configProblems;
      if (!problems.length) continue;
      const where = rel(side.project.configUri ?? side.project.rootUri);
      if (name === 'head') throw new HeadConfigError(problems.map((p) => `${plain(where)}:${p.range.start.line + 1}:${p.range.start.character + 1} error invalid-config ${plain(p.message)}`));
      notes.push(`opmodel.json at the base has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the base was read with the shipped defaults where it is broken.`);
    }
    if (!sides.base.exists && !sides.head.exists) throw new UsageError(`${rel(sides.head.project.rootUri)} is a folder neither at ${sides.base.info.name} nor at ${sides.head.info.name}`);
    if (!sides.base.exists) notes.push(`${rel(sides.base.project.rootUri)}/ does not exist at the base: every element counts as added.`);
    if (!sides.head.exists) notes.push(`${rel(sides.head.project.rootUri)}/ does not exist at the head: every element counts as removed.`);
    const diff = await diffFrameworks(sides.base.project, sides.head.project);
    const report = diffReport(diff, sides, rel, rel(sides.head.project.rootUri), notes);
    return { report, placeOf: placeNamer(sides.head.project.config, sides.base.project.config), link: await linker(sides, report, cwd, linkBase, env) };
  } finally {
    sides.dispose();
  }
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** "First Line Management × Processes & Procedures", from the config's titles. */
function placeNamer(...configs: OpmodelConfig[]) {
  const title = (key: string | null, pick: (c: OpmodelConfig) => { key: string; title: string }[]) =>
    key === null ? null : (configs.map((c) => pick(c).find((x) => x.key === key)?.title).find(Boolean) ?? key);
  return (system: string | null, discipline: string | null): string => {
    const s = title(system, (c) => [...c.systems, ...c.leadership]);
    const d = title(discipline, (c) => c.disciplines);
    return s || d ? [s ?? '?', d].filter(Boolean).join(' × ') : 'not placed';
  };
}

/**
 * Links to files in the Markdown report: `--link-base URL` (URL/PATH#L12, PATH from the
 * repository's top), else GitHub blob links at the commit when run in GitHub Actions, else
 * links relative to the current folder (HEAD side only: a removed file is not there).
 */
async function linker(sides: Sides, report: DiffReport, cwd: string, linkBase: string | undefined, env: NodeJS.ProcessEnv): Promise<LinkFor> {
  const repo = sides.repo;
  const repoPath = (w: Where) => (repo ? repo.relative(path.resolve(cwd, w.file)) : undefined);
  const anchor = (w: Where) => `#L${w.line}`;
  if (linkBase) {
    if (!/^https?:\/\/[^\s()<>]+$/.test(linkBase)) throw new UsageError(`--link-base must be an http(s) URL without spaces or brackets (got "${plain(linkBase)}")`);
    const base = linkBase.replace(/\/+$/, '');
    return (w, side) => {
      const p = repoPath(w);
      return side === 'head' && p !== undefined ? `${base}/${encodePath(p)}${anchor(w)}` : undefined;
    };
  }
  const repoUrl = githubRepoUrl(env);
  if (repo && repoUrl) {
    const headCommit = report.head.commit ?? (await repo.tryResolve('HEAD'));
    const commits = { base: report.base.commit, head: headCommit };
    return (w, side) => {
      const p = repoPath(w);
      const c = commits[side];
      return p !== undefined && c ? blobLink(repoUrl, c, p, w.line) : undefined;
    };
  }
  return (w, side) => (side === 'head' && report.head.kind !== 'revision' ? `${encodePath(w.file)}${anchor(w)}` : undefined);
}

registerCommand('diff', diffCommand);
