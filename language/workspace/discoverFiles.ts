// Finds the Markdown files of a framework (and its assessment files, YAML matched by
// `assessments`): `include`/`exclude` globs from the config, never
// node_modules or .git, and nothing that a .gitignore on the way ignores. Symbolic links to
// directories are not followed (a loop would never end); they are reported as skipped. A folder
// below the root with an opmodel.json of its own is a framework of its own: listed, not entered.
// Globs and .gitignore rules are matched without backtracking (glob.ts), and one walk may spend
// only a fixed number of matching steps on each: a pattern built to be slow is reported by name.
import { CONFIG_FILE_NAME, type OpmodelConfig } from '../config/config';
import type { SkippedFile } from '../indexer/frameworkIndex';
import { Gitignore } from './gitignore';
import { BudgetExceededError, GlobError, GlobList, MatchBudget } from './glob';
import { joinUri } from './uris';
import type { Workspace } from './workspace';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const MAX_GITIGNORE = 1024 * 1024;

/** Matching steps one walk may spend on include/exclude, and on .gitignore rules (about a second each). */
export const WALK_BUDGET = { globs: 50_000_000, gitignore: 50_000_000 } as const;
/** Steps for one path outside a walk (an editor event). */
const SINGLE_PATH_BUDGET = 1_000_000;

export interface Discovery {
  files: string[];
  /** Assessment files (YAML matching `assessments.include`). */
  assessments: string[];
  skipped: SkippedFile[];
  /** Folders below the root that hold an opmodel.json (not searched). */
  nestedRoots: string[];
  /** An include or exclude pattern that cannot be used; the walk stopped there. */
  globProblem?: { message: string; pattern: string };
}

export interface FileFilter {
  (relPath: string, budget?: MatchBudget): boolean;
}

const filters = new WeakMap<OpmodelConfig, FileFilter>();

/** Include/exclude of a config, compiled once. Throws GlobError for a pattern that cannot be used. */
export function fileFilter(config: OpmodelConfig): FileFilter {
  let f = filters.get(config);
  if (!f) {
    const inc = new GlobList(config.include, { dot: false });
    const exc = new GlobList(config.exclude, { dot: true });
    f = (rel, budget = new MatchBudget(SINGLE_PATH_BUDGET)) => inc.matches(rel, budget) && !exc.matches(rel, budget);
    filters.set(config, f);
  }
  return f;
}

/** Like fileFilter, but a pattern that cannot be used (or is too slow) matches nothing. */
export const safeFileFilter = (config: OpmodelConfig): ((relPath: string) => boolean) => safely(() => fileFilter(config));

/** A filter whose unusable or too slow pattern matches nothing, instead of throwing. */
function safely(compile: () => FileFilter): (relPath: string) => boolean {
  let f: FileFilter;
  try {
    f = compile();
  } catch (e) {
    if (e instanceof GlobError) return () => false;
    throw e;
  }
  return (rel) => {
    try {
      return f(rel);
    } catch (e) {
      if (e instanceof BudgetExceededError) return false;
      throw e;
    }
  };
}

/** Folder listings under way at once: where each is a round trip (a remote or virtual file system), one at a time adds up. */
const LIST_AHEAD = 8;

const YAML = /\.ya?ml$/i;
const assessmentFilters = new WeakMap<OpmodelConfig, FileFilter>();

/**
 * Whether a path is an assessment file: YAML matched by `assessments.include` and by none of
 * `assessments.exclude` and `exclude`. Compiled once; throws GlobError like fileFilter.
 */
export function assessmentFilter(config: OpmodelConfig): FileFilter {
  let f = assessmentFilters.get(config);
  if (!f) {
    const inc = new GlobList(config.assessments.include, { dot: false });
    const exc = new GlobList([...config.exclude, ...config.assessments.exclude], { dot: true });
    f = (rel, budget = new MatchBudget(SINGLE_PATH_BUDGET)) => YAML.test(rel) && inc.matches(rel, budget) && !exc.matches(rel, budget);
    assessmentFilters.set(config, f);
  }
  return f;
}

/** Like assessmentFilter, but a pattern that cannot be used (or is too slow) matches nothing. */
export const safeAssessmentFilter = (config: OpmodelConfig): ((relPath: string) => boolean) => safely(() => assessmentFilter(config));

export async function discoverFiles(ws: Workspace, rootUri: string, config: OpmodelConfig): Promise<Discovery> {
  const files: string[] = [];
  const assessments: string[] = [];
  const skipped: SkippedFile[] = [];
  const nestedRoots: string[] = [];
  let wanted: FileFilter;
  let assessment: FileFilter;
  try {
    wanted = fileFilter(config);
    assessment = assessmentFilter(config);
  } catch (e) {
    if (e instanceof GlobError) return { files, assessments, skipped, nestedRoots, globProblem: { message: e.message, pattern: '' } };
    throw e;
  }
  const globBudget = new MatchBudget(WALK_BUDGET.globs);
  const ignoreBudget = new MatchBudget(WALK_BUDGET.gitignore);
  interface Level { base: string; rules: Gitignore; uri: string; dropped: boolean }

  // The walk stays in order (budgets and reports as a plain walk spends and gives them); only the
  // listings of a folder's subfolders are asked for ahead, LIST_AHEAD at a time.
  const list = limited(LIST_AHEAD);
  const listing = (uri: string) => {
    const p = list(() => ws.readDirectory(uri));
    p.catch(() => {}); // a folder left out (ignored) may fail unheard; one walked is awaited below
    return p;
  };
  const walk = async (dirUri: string, rel: string, levels: Level[], listed = listing(dirUri)) => {
    let entries: [string, string][];
    try {
      entries = await listed;
    } catch (e) {
      skipped.push({ uri: dirUri, reason: `folder could not be read (${(e as Error).message})` });
      return;
    }
    if (rel && entries.some(([n, k]) => n === CONFIG_FILE_NAME && k === 'file')) {
      nestedRoots.push(dirUri);
      return;
    }
    const here = [...levels];
    if (entries.some(([n, k]) => n === '.gitignore' && k === 'file')) {
      const gi = joinUri(dirUri, '.gitignore');
      try {
        // Sized before it is read: a hostile multi-gigabyte .gitignore is reported, not loaded.
        const size = (await ws.stat(gi))?.size ?? 0;
        if (size > MAX_GITIGNORE) skipped.push({ uri: gi, reason: `larger than ${MAX_GITIGNORE / 1024 / 1024} MB, so its rules were not applied` });
        else here.push({ base: rel, rules: new Gitignore(new TextDecoder().decode(await ws.readFile(gi))), uri: gi, dropped: false });
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    // The deepest .gitignore with a matching rule decides, as in git.
    const ignored = (path: string, isDir: boolean): boolean => {
      for (let i = here.length - 1; i >= 0; i--) {
        const level = here[i]!;
        if (level.dropped) continue;
        const sub = level.base ? path.slice(level.base.length + 1) : path;
        if (sub === '') continue;
        try {
          const d = level.rules.decide(sub, isDir, ignoreBudget);
          if (d !== undefined) return d;
        } catch (e) {
          if (!(e instanceof BudgetExceededError)) throw e;
          level.dropped = true;
          skipped.push({ uri: level.uri, reason: `its rule "${e.pattern.length > 60 ? e.pattern.slice(0, 60) + '…' : e.pattern}" takes too long to match against the files of this folder, so none of its ${level.rules.size.toLocaleString('en')} rules were applied from there on` });
        }
      }
      return false;
    };
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const ahead = new Map<string, ReturnType<typeof listing>>();
    for (const [name, kind] of entries) if (kind === 'directory' && !ALWAYS_SKIPPED.has(name)) ahead.set(name, listing(joinUri(dirUri, name)));
    for (const [name, kind] of entries) {
      const path = rel ? `${rel}/${name}` : name;
      const uri = joinUri(dirUri, name);
      const isMd = name.toLowerCase().endsWith('.md');
      if (kind === 'directory') {
        if (ALWAYS_SKIPPED.has(name) || ignored(path, true)) continue;
        await walk(uri, path, here, ahead.get(name));
      } else if (kind === 'symlink-directory') {
        if (!ALWAYS_SKIPPED.has(name) && !ignored(path, true)) skipped.push({ uri, reason: 'symbolic link to a folder, not followed' });
      } else if (kind === 'file' && isMd && wanted(path, globBudget) && !ignored(path, false)) {
        files.push(uri);
      } else if (kind === 'file' && !isMd && assessment(path, globBudget) && !ignored(path, false)) {
        assessments.push(uri);
      } else if (kind === 'bad-name' && !ignored(path, !isMd) && (!isMd || wanted(path, globBudget))) {
        // Shown with U+FFFD where the name has bytes that are not UTF-8; it cannot be opened.
        skipped.push({ uri, reason: 'its name is not valid UTF-8 (shown with \ufffd where it is not), so it cannot be opened by name; rename it' });
      } else if (kind === 'other' && (isMd ? wanted(path, globBudget) : assessment(path, globBudget)) && !ignored(path, false)) {
        // Never opened: reading a pipe or a device could block forever.
        skipped.push({ uri, reason: 'not a regular file in this folder (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)' });
      }
    }
  };
  try {
    await walk(rootUri, '', []);
  } catch (e) {
    if (!(e instanceof BudgetExceededError)) throw e;
    return { files: [], assessments: [], skipped, nestedRoots, globProblem: { message: `include/exclude: ${e.message}; simplify it`, pattern: e.pattern } };
  }
  return { files, assessments, skipped, nestedRoots };
}

/** Runs at most `n` of the tasks given to it at once. */
function limited(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its place to the next waiting one.
    if (running < n) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
