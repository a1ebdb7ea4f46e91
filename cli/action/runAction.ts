// The GitHub Action's work (action.yml runs dist/action.js): check the framework with
// annotations, compare it with the base of the change, write the impact report and a table of
// findings to the job summary, and set the step's outputs. Inputs and GitHub's files come from
// the environment only, so a test runs it with temporary GITHUB_STEP_SUMMARY and GITHUB_OUTPUT.
import { randomBytes } from 'node:crypto';
import { promises as fs, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReport } from '../commands/check';
import { computeDiff, HeadConfigError, type DiffOutcome } from '../commands/diff';
import { narrowReport } from '../check/narrowReport';
import { formatFindingsMarkdown } from '../check/findingsMarkdown';
import { formatDiffMarkdown } from '../diff/formatDiffMarkdown';
import { blobLink, githubRepoUrl } from '../diff/githubLinks';
import { encodePath, md } from '../diff/printable';
import { escData, escProp, formatGithub, formatJson, formatSarif, formatText, summary, toJsonDiagnostic } from '../formatters';
import { GitError } from '../git/git';
import { GitRepo } from '../git/gitRepo';
import { VERSION, type Io } from '../main';
import { neutralise } from '../neutralise';
import { openProjects, relFile } from '../openProjects';
import { UsageError } from '../usage';

export interface ActionInputs {
  path: string;
  format: 'github' | 'sarif' | 'json' | 'text';
  changedSince: string;
  baseline: string;
  summary: boolean;
}

/** The action's inputs, as action.yml passes them (INPUT_*), checked. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const get = (name: string) => (env[`INPUT_${name}`] ?? '').trim();
  const format = get('FORMAT') || 'github';
  if (!['github', 'sarif', 'json', 'text'].includes(format)) throw new UsageError(`input format must be github, sarif, json or text (got "${format}")`);
  const summaryInput = (get('SUMMARY') || 'true').toLowerCase();
  if (!['true', 'false'].includes(summaryInput)) throw new UsageError(`input summary must be true or false (got "${summaryInput}")`);
  // In a pull request, the change is what it adds to its base branch.
  const changedSince = get('CHANGED_SINCE') || (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : '');
  return { path: get('PATH') || '.', format: format as ActionInputs['format'], changedSince, baseline: get('BASELINE'), summary: summaryInput === 'true' };
}

export async function runAction(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (e) {
    io.out(`::error title=opmodel::${escData((e as Error).message)}\n`);
    return 2;
  }
  const outputs: Record<string, string> = { errors: '', warnings: '', 'broken-references': '', report: '', 'sarif-file': '' };
  const sections: string[] = [];
  let exit = 0;

  // 1. The check, narrowed to what the change introduced.
  const annotated = new Set<string>();
  try {
    const opened = await openProjects([inputs.path], io);
    const problems = opened.flatMap(({ project }) => project.configProblems.map((p) => ({ file: relFile(io, project.configUri ?? project.rootUri), p })));
    if (problems.length) {
      for (const { file, p } of problems) io.out(`::error file=${escProp(file)},line=${p.range.start.line + 1},col=${p.range.start.character + 1},title=opmodel invalid-config::${escData(p.message)}\n`);
      return 2;
    }
    const narrowed = await narrowReport(buildReport(opened, io), opened, { changedSince: inputs.changedSince || undefined, baseline: inputs.baseline || undefined, touchedLinesOnly: inputs.format === 'github', fingerprints: true }, io);
    const report = narrowed.report;
    if (inputs.format === 'github') {
      io.out(formatGithub(report));
      for (const d of report.diagnostics.map(toJsonDiagnostic)) if (d.code === 'unknown-id') annotated.add(`${d.file}:${d.line}:${d.column}`);
    } else if (inputs.format === 'json') io.out(formatJson(report));
    else if (inputs.format === 'text') io.out(formatText(report, false));
    else {
      const file = path.join(env.RUNNER_TEMP || os.tmpdir(), 'opmodel.sarif');
      await fs.writeFile(file, formatSarif(report, VERSION));
      outputs['sarif-file'] = file;
    }
    io.out(`opmodel check: ${summary(report)}\n${narrowed.notes.map((n) => `opmodel check: ${neutralise(n)}\n`).join('')}`);
    const count = (s: string) => report.diagnostics.filter((d) => d.severity === s).length;
    outputs.errors = String(count('error'));
    outputs.warnings = String(count('warning'));
    if (count('error')) exit = 1;
    if (inputs.summary) sections.push(formatFindingsMarkdown(report, await linkerForFiles(io, env), narrowed.notes));
  } catch (e) {
    if (!(e instanceof GitError || e instanceof UsageError)) throw e;
    io.out(`::error title=opmodel check::${escData(e.message)}\n`);
    return 2;
  }

  // 2. The impact report: against the same base, the working tree as HEAD.
  let diff: DiffOutcome | undefined;
  try {
    diff = await computeDiff(inputs.changedSince ? [inputs.changedSince] : [], inputs.path, io, env);
  } catch (e) {
    if (!(e instanceof GitError || e instanceof HeadConfigError || e instanceof UsageError)) throw e;
    // Without a diff the check still stands: say why, and go on.
    io.out(`::warning title=opmodel diff::No impact report: ${escData(e.message)}\n`);
    if (inputs.summary) sections.unshift(`## opmodel: framework changes\n\n> No impact report: ${md(e.message)}\n`);
  }
  if (diff) {
    const markdown = formatDiffMarkdown(diff.report, diff.placeOf, diff.link);
    const file = path.join(env.RUNNER_TEMP || os.tmpdir(), `opmodel-report-${randomBytes(4).toString('hex')}.md`);
    await fs.writeFile(file, markdown);
    outputs.report = file;
    outputs['broken-references'] = String(diff.report.broken.length);
    io.out(`opmodel diff: ${diff.report.broken.length} broken reference${diff.report.broken.length === 1 ? '' : 's'}, ${diff.report.impact.length} element${diff.report.impact.length === 1 ? '' : 's'} to review\n`);
    // Broken references the check did not already annotate (as unknown-id) on the same spot.
    for (const b of diff.report.broken.filter((x) => !annotated.has(`${x.file}:${x.line}:${x.column}`))) {
      io.out(`::error file=${escProp(b.file)},line=${b.line},col=${b.column},title=opmodel broken reference::${escData(`${b.id} ${b.reason === 'renamed' ? `was renamed to ${b.renamedTo}` : 'was removed'} by this change but is still referenced here.`)}\n`);
    }
    if (diff.report.broken.length) exit = 1;
    if (inputs.summary) sections.unshift(markdown);
  }

  if (inputs.summary && env.GITHUB_STEP_SUMMARY) await fs.appendFile(env.GITHUB_STEP_SUMMARY, sections.join('\n'));
  if (env.GITHUB_OUTPUT) await fs.appendFile(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => outputLine(k, v)).join(''));
  return exit;
}

/** `name=value`, or the heredoc form when the value spans lines (never the case here, but safe). */
function outputLine(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  const delimiter = `opmodel_${randomBytes(8).toString('hex')}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** Links to files in the findings table: GitHub blob links at HEAD in Actions, else relative. */
async function linkerForFiles(io: Io, env: NodeJS.ProcessEnv): Promise<(file: string, line: number) => string | undefined> {
  const repoUrl = githubRepoUrl(env);
  const repo = await GitRepo.at(io.cwd).catch(() => undefined);
  const commit = repo && (await repo.tryResolve('HEAD'));
  if (repo && commit && repoUrl) {
    const cwd = realpathSync(io.cwd);
    return (file, line) => {
      const p = repo.relative(path.resolve(cwd, file));
      return p === undefined ? undefined : blobLink(repoUrl, commit, p, line);
    };
  }
  return (file, line) => `${encodePath(file)}#L${line}`;
}
