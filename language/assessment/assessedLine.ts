// One line for an element's hover in Markdown: its scores in the newest assessment.
import type { Project } from '../project';
import { reportElements } from './report';

export function assessedLine(project: Project, id: string): string | undefined {
  if (!project.assessments.files.size) return undefined;
  const a = project.assessments.newestFirst()[0]!;
  const e = reportElements(project, a).find((x) => x.id === id);
  if (!e) return undefined;
  const name = (n: number | null) => (n === null ? '' : `${n} ${project.config.maturity.levels.find((l) => l.level === n)?.name ?? ''}`.trim());
  const who = [a.client?.value, a.date?.value].filter(Boolean).join(', ');
  const score = !e.applicable ? 'n/a' : e.target !== null && e.target !== e.current ? `${name(e.current)} → ${name(e.target)}` : name(e.current);
  return `Assessed ${score}${who ? ` (${who})` : ''}`;
}
