// Who answers for what: the role fields of each element (`accountable`, `responsible`,
// `consulted`, `informed`), resolved against the `roles` vocabulary of opmodel.json.
import type { RoleConfig } from '../config/config';
import type { ParsedDocument } from '../parse/document';
import type { Project } from '../project';
import type { Range } from '../types';
import { listElements, type ElementInfo } from './elements';

export const ROLE_FIELDS = ['accountable', 'responsible', 'consulted', 'informed'] as const;
export type RoleField = (typeof ROLE_FIELDS)[number];
export type RaciLetter = 'A' | 'R' | 'C' | 'I';
export const RACI_LETTER: Record<RoleField, RaciLetter> = { accountable: 'A', responsible: 'R', consulted: 'C', informed: 'I' };

export interface RoleAssignment {
  field: RoleField;
  /** As written (a role key when the vocabulary is followed). */
  role: string;
  range: Range;
}

/** Every role named in the document's role fields, scalar or list, in field order. */
export function roleAssignments(doc: ParsedDocument): RoleAssignment[] {
  const out: RoleAssignment[] = [];
  for (const field of ROLE_FIELDS) {
    const f = doc.fields.get(field);
    if (!f) continue;
    for (const item of f.items) {
      const role = item.value?.trim();
      if (role) out.push({ field, role, range: item.range });
    }
  }
  return out;
}

export function roleTitle(roles: readonly RoleConfig[], key: string): string {
  return roles.find((r) => r.key === key)?.title ?? key;
}

export interface RaciMatrix {
  /** Declared roles that appear in at least one element, in declaration order, then undeclared ones. */
  roles: { key: string; title: string; declared: boolean }[];
  /** Elements with at least one role field, in framework order. */
  rows: { id: string; title: string; cells: Record<string, RaciLetter[]> }[];
  /** Role key -> element IDs per letter. */
  byRole: Record<string, Record<RaciLetter, string[]>>;
}

export function raciMatrix(project: Project, elements: ElementInfo[] = listElements(project)): RaciMatrix {
  const declared = project.config.roles;
  const used = new Set<string>();
  const rows: RaciMatrix['rows'] = [];
  // Keys come from front matter: no prototype, so "__proto__" finds nothing.
  const byRole: RaciMatrix['byRole'] = Object.create(null);
  for (const e of elements) {
    const doc = project.index.docs.get(e.location.uri);
    if (!doc) continue;
    const cells: Record<string, RaciLetter[]> = Object.create(null);
    for (const a of roleAssignments(doc)) {
      const letter = RACI_LETTER[a.field];
      const list = (cells[a.role] ??= []);
      if (!list.includes(letter)) list.push(letter);
      used.add(a.role);
      const r = (byRole[a.role] ??= { A: [], R: [], C: [], I: [] });
      if (!r[letter].includes(e.id)) r[letter].push(e.id);
    }
    if (Object.keys(cells).length) rows.push({ id: e.id, title: e.title, cells });
  }
  const roles = declared.filter((r) => used.has(r.key)).map((r) => ({ key: r.key, title: r.title, declared: true }));
  const known = new Set(declared.map((r) => r.key));
  for (const key of [...used].filter((k) => !known.has(k)).sort()) roles.push({ key, title: key, declared: false });
  return { roles, rows, byRole };
}
