// The scores of the chosen assessment as tree badges ("2 → 3" beside an element). Free of
// `vscode`, so it is unit tested.
import { chosenAssessment, relativeUri, scoreBadge, scoresOf, type Project } from '../../language/index';

export function assessmentBadges(project: Project, preferred: string): Map<string, { badge: string; badgeTooltip: string }> {
  const out = new Map<string, { badge: string; badgeTooltip: string }>();
  const a = chosenAssessment(project, preferred || undefined);
  if (!a) return out;
  const name = (n: number | null) => (n === null ? '?' : `${n} ${project.config.maturity.levels.find((l) => l.level === n)?.name ?? ''}`.trim());
  const source = `${[a.client?.value, a.title?.value].filter(Boolean).join(' — ') || relativeUri(project.rootUri, a.uri)}${a.date ? ` (${a.date.value})` : ''}`;
  for (const [id, s] of scoresOf(project, a)) {
    const text = s.applicable ? `current ${name(s.current)}${s.target !== null ? `, target ${name(s.target)}` : ''}` : 'not applicable';
    out.set(id, { badge: scoreBadge(s), badgeTooltip: `${source}: ${text}` });
  }
  return out;
}
