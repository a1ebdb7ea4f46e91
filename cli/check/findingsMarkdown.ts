// A table of a check's findings in Markdown, for a job summary or a pull-request comment.
import { summary, toJsonDiagnostic, type CheckReport } from '../formatters';
import { md, mdCode, mdLink } from '../diff/printable';

export const MAX_FINDING_ROWS = 200;

export function formatFindingsMarkdown(r: CheckReport, link: (file: string, line: number) => string | undefined, notes: string[] = []): string {
  const out = ['## opmodel: findings', '', `**${md(summary(r))}**`, ''];
  for (const n of notes) out.push(`> ${md(n)}`, '');
  if (!r.diagnostics.length) return out.join('\n').replace(/\n+$/, '') + '\n';
  out.push('| where | severity | code | message |', '| --- | --- | --- | --- |');
  for (const d of r.diagnostics.slice(0, MAX_FINDING_ROWS)) {
    const j = toJsonDiagnostic(d);
    out.push(`| ${mdLink(`${j.file}:${j.line}:${j.column}`, link(j.file, j.line))} | ${j.severity} | ${mdCode(j.code)} | ${md(j.message)} |`);
  }
  if (r.diagnostics.length > MAX_FINDING_ROWS) out.push('', `_…and ${r.diagnostics.length - MAX_FINDING_ROWS} more: run \`opmodel check\` for the whole list._`);
  return out.join('\n') + '\n';
}
