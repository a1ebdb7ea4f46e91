// `opmodel build [dir] --out DIR [--force]`: the framework as a static, printable playbook site.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fsPath } from '../../language/workspace/uris';
import { buildSite, SiteCheckError } from '../../playbook/build';
import { checkOutDir, OutputFolderError, writeSite } from '../../playbook/writeSite';
import { formatText, summary } from '../formatters';
import { registerCommand, VERSION, type Io } from '../main';
import { neutralise } from '../neutralise';
import { openProjects, relFile, reportConfigProblems, reportFrameworks } from '../openProjects';
import { bugReportHint } from '../bugReport';
import { UsageError } from '../usage';
import { buildReport } from './check';

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  });
  if (!values.out) throw new UsageError('build needs --out DIR, the folder to write the site to');
  if (positionals.length > 1) throw new UsageError('build takes at most one folder');
  const opened = await openProjects(positionals, io);
  if (reportConfigProblems(opened, io)) return 2;
  if (opened.length > 1) {
    const roots = opened.map((o) => relFile(io, o.project.rootUri) || '.');
    throw new UsageError(`found ${opened.length} frameworks (${roots.join(', ')}); a site is built from one: opmodel build ${roots[0]} --out site`);
  }
  reportFrameworks(opened, io);
  const { project } = opened[0]!;
  const docsRoot = fsPath(project.rootUri);
  let out: string;
  try {
    out = await checkOutDir(path.resolve(io.cwd, values.out), docsRoot);
  } catch (e) {
    if (e instanceof OutputFolderError) throw new UsageError(e.message);
    throw e;
  }

  const report = buildReport([{ project, targets: [docsRoot] }], io);
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    io.err(formatText({ ...report, diagnostics: errors }, false));
    // The same counts as "opmodel check" prints; only the errors stop a build, so only they are listed.
    io.err(summary(report) + '\n');
    if (!values.force) {
      io.err('opmodel build: the framework has errors, so no site was written. Fix them, or build anyway with --force.\n');
      return 1;
    }
    io.err('opmodel build: building anyway (--force).\n');
  }

  let site: Awaited<ReturnType<typeof buildSite>>;
  try {
    site = await buildSite(project, { generator: `opmodel build ${VERSION}` });
  } catch (e) {
    if (!(e instanceof SiteCheckError)) throw e;
    io.err(`opmodel build: ${e.message.split('\n').map(neutralise).join('\n')}\nNo site was written. ${bugReportHint()}\n`);
    return 1;
  }
  for (const p of site.problems) {
    const where = p.uri ? `${neutralise(relFile(io, p.uri))}${p.line !== undefined ? `:${p.line + 1}` : ''}: ` : '';
    io.err(`${where}${p.severity} ${neutralise(p.message)}\n`);
  }
  const buildErrors = site.problems.filter((p) => p.severity === 'error').length;
  if (buildErrors && !values.force) {
    io.err(`opmodel build: ${buildErrors} problem${buildErrors === 1 ? '' : 's'} stop the build, so no site was written (--force builds without those pages).\n`);
    return 1;
  }
  try {
    await writeSite(out, site.files, docsRoot);
  } catch (e) {
    if (e instanceof OutputFolderError) throw new UsageError(e.message);
    throw e;
  }
  const pages = [...site.files.keys()].filter((f) => f.endsWith('.html')).length;
  const shown = out.startsWith(io.cwd + path.sep) ? path.relative(io.cwd, out) : out;
  io.err(`Built ${pages} pages into ${neutralise(shown)}${path.sep} — open ${neutralise(path.join(shown, 'index.html'))} in a browser\n`);
  return 0;
}

registerCommand('build', buildCommand);
