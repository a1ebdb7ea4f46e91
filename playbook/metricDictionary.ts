// The metric dictionary: every measure of every element, with its definition and target,
// grouped by management system. Generated from front matter, the only place measures live.
import type { Element } from 'hast';
import { measuresOf, targetText, type Project } from '../language/index';
import { h, type Child } from './hast';

export function metricDictionary(project: Project, idItem: (id: string) => Child[]): Element {
  const groups = new Map<string, { title: string; rows: Child[] }>();
  for (const s of project.config.systems) groups.set(s.key, { title: s.title, rows: [] });
  let measures = 0;
  let elements = 0;
  let agreed = 0;
  for (const id of project.index.definedIds()) {
    const doc = project.index.definitions(id)[0]!;
    const ms = measuresOf(doc);
    if (!ms.length) continue;
    elements++;
    measures += ms.length;
    const key = doc.system && groups.has(doc.system) ? doc.system : '';
    if (!groups.has(key)) groups.set(key, { title: 'Other elements', rows: [] });
    ms.forEach((m, i) => {
      if (m.setWithClient) agreed++;
      groups.get(key)!.rows.push(h('tr', { dataId: id },
        i === 0 ? h('th', { scope: 'row', rowSpan: ms.length }, idItem(id)) : null,
        h('td', null, m.name),
        h('td', null, m.definition ?? '—'),
        h('td', { className: m.setWithClient ? ['set-with-client'] : undefined }, targetText(m) ?? '—')));
    });
  }
  return h('section', { className: ['metric-dictionary'], ariaLabel: 'Metric dictionary' },
    h('h2', null, 'All measures'),
    h('p', { className: ['summary'] }, `${measures} measures across ${elements} elements; ${agreed} ${agreed === 1 ? 'has' : 'have'} a target to be set with the client.`),
    [...groups.values()].filter((g) => g.rows.length).map((g) => [
      h('h3', null, g.title),
      h('table', { className: ['measures', 'dictionary'] },
        h('thead', null, h('tr', null, ['Element', 'Measure', 'Definition', 'Target'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, g.rows)),
    ]));
}
