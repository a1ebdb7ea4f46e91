// Where an element sits, in words: "First Line Management × Organization & Management", or its
// leadership part. Completion details, hovers and pickers in every editor say it the same way.
import type { Project } from '../project';

export function placeOf(project: Project, c: { system?: string; discipline?: string; family?: string }): string | undefined {
  const cfg = project.config;
  const sys = cfg.systems.find((s) => s.key === c.system)?.title ?? c.system;
  const disc = cfg.disciplines.find((d) => d.key === c.discipline)?.title ?? c.discipline;
  if (sys || disc) return `${sys ?? '?'} × ${disc ?? '?'}`;
  return cfg.leadership.find((p) => c.family && p.families.includes(c.family))?.title;
}
