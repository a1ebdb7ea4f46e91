// `opmodel assess [files..] [--compare OLDER.yaml] [--format text|markdown|json|csv]`: the report of
// one or more assessments (default: every assessment of the framework, the newest first).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assessmentReport, type AssessmentReport, type ParsedAssessment, type Project } from '../../language/index';
import { fileUri } from '../../language/workspace/uris';
import { CSV_HEADER, reportCsvRows, reportJson, reportMarkdown, reportText } from '../assessFormats';
import { formatText } from '../formatters';
import { neutralise as n, safeJson } from '../neutralise';
import { registerCommand, type Io } from '../main';
import { openProjects, relFile, reportConfigProblems } from '../openProjects';
import { oneOf, UsageError } from '../usage';

const FORMATS = ['text', 'markdown', 'json', 'csv'] as const;
const YAML = /\.ya?ml$/i;

export async function assessCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, compare: { type: 'string', short: 'c' }, dir: { type: 'string', short: 'd' } },
  });
  const format = oneOf(values.format, FORMATS, '--format', 'text');
  for (const f of [...positionals, ...(values.compare ? [values.compare] : [])]) {
    if (!YAML.test(f)) throw new UsageError(`"${n(f)}" is not an assessment file: assessments are YAML files (.yaml or .yml)`);
  }
  if (values.compare && positionals.length > 1) throw new UsageError('--compare compares one assessment with an older one: name at most one assessment file');
  if (values.dir && positionals.length) throw new UsageError('give either assessment files or --dir, not both');

  const opened = await openProjects(positionals.length ? positionals : [values.dir ?? '.'], io);
  if (reportConfigProblems(opened, io)) return 2;
  const chosen: { project: Project; assessment: ParsedAssessment }[] = [];
  if (positionals.length) {
    for (const p of positionals) {
      const uri = fileUri(path.resolve(io.cwd, p));
      const project = opened.find((o) => o.targets.includes(path.resolve(io.cwd, p)))!.project;
      const a = await project.readAssessment(uri);
      if (!a) return usage(io, `${n(p)} could not be read as an assessment: ${n(project.index.skipped.get(uri)?.reason ?? 'unknown reason')}`);
      chosen.push({ project, assessment: a });
    }
  } else {
    const { project } = opened[0]!;
    // With --compare, the newest assessment is the one compared; otherwise every one is reported.
    const compareUri = values.compare ? fileUri(path.resolve(io.cwd, values.compare)) : undefined;
    const all = project.assessments.newestFirst().filter((a) => a.uri !== compareUri);
    for (const a of compareUri ? all.slice(0, 1) : all) chosen.push({ project, assessment: a });
    if (!chosen.length) {
      const where = relFile(io, project.rootUri) || '.';
      return usage(io, `no assessment files in ${n(where)} (they are found by ${n(project.config.assessments.include.join(', '))}); name a file, or see "Assess a client" in the README`);
    }
  }

  let older: ParsedAssessment | undefined;
  if (values.compare) {
    const uri = fileUri(path.resolve(io.cwd, values.compare));
    older = await chosen[0]!.project.readAssessment(uri);
    if (!older) return usage(io, `${n(values.compare)} could not be read as an assessment: ${n(chosen[0]!.project.index.skipped.get(uri)?.reason ?? 'unknown reason')}`);
  }

  // Problems of the files reported on go to stderr, like `opmodel check`; the report is printed anyway.
  const checked = [...chosen, ...(older ? [{ project: chosen[0]!.project, assessment: older }] : [])];
  const diagnostics = checked.flatMap(({ project, assessment }) =>
    project.diagnostics(assessment.uri).map((d) => ({ ...d, file: relFile(io, d.uri), relatedFiles: (d.related ?? []).map((x) => relFile(io, x.location.uri)) })),
  );
  const shown = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (shown.length) io.err(formatText({ files: checked.length, elements: 0, diagnostics: shown }, false));
  const unassessed = diagnostics.filter((d) => d.code === 'unassessed-element').length;
  if (unassessed) io.err(`${unassessed} element${unassessed === 1 ? ' in scope is' : 's in scope are'} not assessed (unassessed-element; "opmodel check" lists them).\n`);

  const file = (uri: string) => relFile(io, uri);
  const reports: { project: Project; report: AssessmentReport }[] = chosen.map(({ project, assessment }) => ({ project, report: assessmentReport(project, assessment, older) }));
  if (format === 'json') {
    const list = reports.map(({ report }) => reportJson(report, file));
    io.out(safeJson(list.length === 1 ? list[0] : list) + '\n');
  } else if (format === 'csv') {
    io.out(CSV_HEADER.join(',') + '\n' + reports.map(({ report }) => reportCsvRows(report, file)).join(''));
  } else {
    const render = format === 'markdown' ? reportMarkdown : reportText;
    io.out(reports.map(({ project, report }) => render(report, project.config, file)).join('\n'));
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function usage(io: Io, message: string): number {
  io.err(`opmodel assess: ${message}\n`);
  return 2;
}

registerCommand('assess', assessCommand);
