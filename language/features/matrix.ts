// The systems × disciplines grid and the leadership half of the framework, as plain data.
import type { Project } from '../project';
import { listElements, type ElementInfo } from './elements';

export interface Matrix {
  systems: { key: string; title: string }[];
  disciplines: { key: string; title: string }[];
  /** system -> discipline -> element IDs, every declared cell present (possibly empty). */
  cells: Record<string, Record<string, string[]>>;
  /** Elements of a management-system family with no valid system or discipline. */
  unplaced: string[];
  leadership: Leadership;
}

export interface Leadership {
  parts: { key: string; title: string; ids: string[] }[];
  /** Principle -> characteristics that list it in `supports`. */
  supportedBy: Record<string, string[]>;
}

export function matrix(project: Project, elements: ElementInfo[] = listElements(project)): Matrix {
  const { systems, disciplines, leadership } = project.config;
  // Keys come from front matter: no prototype, so "__proto__" or "constructor" find nothing.
  const cells: Record<string, Record<string, string[]>> = Object.create(null);
  for (const s of systems) {
    const row: Record<string, string[]> = (cells[s.key] = Object.create(null));
    for (const d of disciplines) row[d.key] = [];
  }
  const unplaced: string[] = [];
  const leadershipFamilies = new Set(leadership.flatMap((p) => p.families));
  for (const e of elements) {
    if (e.family && leadershipFamilies.has(e.family)) continue;
    const cell = e.system && e.discipline ? cells[e.system]?.[e.discipline] : undefined;
    if (cell) cell.push(e.id);
    else unplaced.push(e.id);
  }
  return {
    systems: systems.map(({ key, title }) => ({ key, title })),
    disciplines: disciplines.map(({ key, title }) => ({ key, title })),
    cells,
    unplaced,
    leadership: leadershipOf(project, elements),
  };
}

export function leadershipOf(project: Project, elements: ElementInfo[] = listElements(project)): Leadership {
  const parts = project.config.leadership.map((p) => ({
    key: p.key,
    title: p.title,
    ids: elements.filter((e) => e.family && p.families.includes(e.family)).map((e) => e.id),
  }));
  const supportedBy: Record<string, string[]> = Object.create(null);
  for (const e of elements) for (const target of e.relations['supports'] ?? []) (supportedBy[target] ??= []).push(e.id);
  return { parts, supportedBy };
}
