// The RACI page: for each role, the elements it is accountable for, responsible for, consulted
// on and informed of; then the whole grid of elements × roles.
import type { Root as HastRoot } from 'hast';
import type { RaciLetter, RaciMatrix } from '../language/index';
import { h, type Child } from './hast';
import type { SitePage } from './plan';

const LETTERS: [RaciLetter, string][] = [['A', 'Accountable for'], ['R', 'Responsible for'], ['C', 'Consulted on'], ['I', 'Informed of']];

/** The anchor of a role on the RACI page; declared keys are already safe names. */
export function roleAnchor(key: string): string {
  return 'role-' + (key.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x');
}

export function raciPage(
  page: SitePage,
  m: RaciMatrix,
  descriptions: Map<string, string>,
  idItem: (id: string) => Child[],
  linkOnly: (id: string) => Child[],
  layout: (content: Child[]) => HastRoot,
): HastRoot {
  const order = (ls: RaciLetter[]) => LETTERS.map(([l]) => l).filter((l) => ls.includes(l)).join('/');
  const roles = m.roles.map((role) => {
    const by = m.byRole[role.key]!;
    return h('section', { className: ['role'], id: roleAnchor(role.key) },
      h('h3', null, role.title, role.declared ? null : h('span', { className: ['count'] }, ' (not a declared role)')),
      descriptions.get(role.key) ? h('p', { className: ['summary'] }, descriptions.get(role.key)!) : null,
      h('dl', { className: ['raci-lists'] }, LETTERS.filter(([l]) => by[l].length).map(([l, label]) => [
        h('dt', null, `${label} (${by[l].length})`),
        h('dd', null, h('ul', { className: ['plain-list'] }, by[l].map((id) => h('li', null, idItem(id))))),
      ])));
  });
  const grid = h('div', { className: ['raci-scroll'] }, h('table', { className: ['raci'] },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Element'), m.roles.map((r) => h('th', { scope: 'col', dataRole: r.key }, h('a', { href: `#${roleAnchor(r.key)}` }, h('span', null, r.title)))))),
    h('tbody', null, m.rows.map((row) => h('tr', { dataId: row.id },
      h('th', { scope: 'row' }, linkOnly(row.id)),
      m.roles.map((r) => h('td', { dataRole: r.key }, order(row.cells[r.key] ?? []))))))));
  return layout([
    h('h1', null, 'Roles and RACI'),
    h('p', { className: ['summary'] }, `${m.roles.length} roles across ${m.rows.length} elements: who is accountable (A), responsible (R), consulted (C) and informed (I) for each element, as each element states it.`),
    h('h2', null, 'By role'),
    roles,
    h('h2', null, 'Elements × roles'),
    grid,
  ]);
}
