// The crosswalk page: every element with the ITIL 4 practices, COBIT 2019 objectives and
// ISO/IEC 20000-1 clauses (or whatever schemes opmodel.json declares) it maps onto, then each
// scheme item with the elements that cover it, so a consultant can read the mapping both ways.
import type { ElementInfo, Project } from '../language/index';
import { h, type Child } from './hast';
import type { SitePage, SitePlan } from './plan';
import { relHref } from './sitePaths';

export const CROSSWALK_PAGE: SitePage = { path: 'crosswalk.html', kind: 'crosswalk', title: 'Crosswalk' };

/** The page exists when schemes are declared and at least one element maps onto one. */
export function hasCrosswalk(project: Project): boolean {
  if (!project.config.crosswalks.length) return false;
  for (const d of project.index.docs.values()) if (d.definition && d.fields.get('crosswalk')?.tree?.kind === 'map') return true;
  return false;
}

export const schemeAnchor = (scheme: string) => `by-${scheme}`;

const listOf = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

export function crosswalkContent(project: Project, plan: SitePlan, page: SitePage, elements: ElementInfo[]): Child[] {
  const schemes = project.config.crosswalks;
  const link = (id: string): Child => {
    const target = plan.byId.get(id);
    return target ? [h('a', { className: ['idref'], href: relHref(page.path, target.path), title: `${id} · ${target.title}` }, id), ' ', h('span', { className: ['t'] }, target.title)] : id;
  };
  const item = (scheme: (typeof schemes)[number], value: string): Child => {
    const label = scheme.values.get(value);
    return label ? [h('span', { className: ['xw-item'] }, value), ' ', h('span', { className: ['t'] }, label)] : value;
  };
  const mapped = elements.filter((e) => e.crosswalk.some((c) => c.items.length));
  const unmapped = elements.filter((e) => !mapped.includes(e));
  const table = h('table', { className: ['crosswalk'] },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Element'), schemes.map((s) => h('th', { scope: 'col', dataScheme: s.key }, h('a', { href: `#${schemeAnchor(s.key)}` }, s.title))))),
    h('tbody', null, mapped.map((e) => h('tr', { dataId: e.id },
      h('th', { scope: 'row' }, link(e.id)),
      schemes.map((s) => {
        const items = e.crosswalk.find((c) => c.scheme === s.key)?.items ?? [];
        return h('td', { dataScheme: s.key }, items.length ? h('ul', null, items.map((i) => h('li', null, item(s, i.value)))) : h('span', { className: ['empty'] }, '—'));
      })))));
  const byScheme = schemes.map((s) => {
    const covering = new Map<string, string[]>();
    for (const e of mapped) for (const i of e.crosswalk.find((c) => c.scheme === s.key)?.items ?? []) (covering.get(i.value) ?? covering.set(i.value, []).get(i.value)!).push(e.id);
    const order = s.values.size ? [...s.values.keys()].filter((v) => covering.has(v)) : [...covering.keys()].sort();
    const uncovered = [...s.values.keys()].filter((v) => !covering.has(v));
    return h('section', { id: schemeAnchor(s.key), dataScheme: s.key },
      h('h2', null, `By ${s.title}`),
      h('dl', { className: ['xw-index'] }, order.map((v) => [
        h('dt', null, item(s, v)),
        h('dd', null, h('ul', { className: ['plain-list'] }, covering.get(v)!.map((id) => h('li', null, link(id))))),
      ])),
      uncovered.length ? h('p', { className: ['xw-uncovered'] }, h('strong', null, `Not mapped from any element (${uncovered.length}): `), uncovered.flatMap((v, i) => [i ? '; ' : '', item(s, v)])) : null);
  });
  return [
    h('h1', null, 'Crosswalk'),
    h('p', { className: ['summary'] },
      `Each element mapped to the nearest items of ${listOf(schemes.map((s) => s.title))}, then each item with the elements that cover it. `,
      'The mapping helps a client see where the framework meets what it already runs; it is orientation, not a claim of conformity.'),
    table,
    byScheme,
    unmapped.length ? [h('h2', null, `Without a crosswalk (${unmapped.length})`), h('ul', { className: ['plain-list'] }, unmapped.map((e) => h('li', null, link(e.id))))] : null,
  ];
}
