// An element's maturity levels as plain data (for `opmodel show`, hovers and the site), and the
// scale they are read against.
import type { MaturityLevelConfig } from '../config/maturityConfig';
import { documentMaturity } from '../parse/maturity';
import type { Project } from '../project';

export interface ElementMaturityLevel {
  level: number;
  name: string;
  description: string;
  criteria: string[];
}

export interface ElementMaturity {
  question: string | null;
  levels: ElementMaturityLevel[];
}

/** The levels an element writes in its `## Maturity levels`, or undefined when it has none. */
export function maturityOf(project: Project, id: string): ElementMaturity | undefined {
  const section = documentMaturity(project.index.definitions(id)[0]);
  if (!section) return undefined;
  return {
    question: section.question?.text ?? null,
    levels: section.levels.map((l) => ({ level: l.level, name: l.name, description: l.description, criteria: l.criteria.map((c) => c.text) })),
  };
}

/**
 * What a level of the scale means for one element: the element's own description and criteria
 * when it writes that level, otherwise the scale's name and description.
 */
export function levelFor(project: Project, id: string | undefined, level: number): (ElementMaturityLevel & { fromElement: boolean }) | undefined {
  const scale: MaturityLevelConfig | undefined = project.config.maturity.levels.find((l) => l.level === level);
  const own = id ? documentMaturity(project.index.definitions(id)[0])?.levels.find((l) => l.level === level) : undefined;
  if (own) return { level, name: scale?.name ?? own.name, description: own.description, criteria: own.criteria.map((c) => c.text), fromElement: true };
  if (!scale) return undefined;
  return { level, name: scale.name, description: scale.description ?? '', criteria: [], fromElement: false };
}
