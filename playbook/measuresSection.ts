// An element's measures, from its front matter, rendered where a reader expects them in the
// body: under a "Measures" heading if the body has one, else before the maturity levels.
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { targetText, type Measure } from '../language/index';
import { h } from './hast';

const AFTER_MEASURES = /^(maturity levels|how it is assessed|common pitfalls|related elements|related)$/i;

export function measuresTable(measures: Measure[]): Element {
  return h('table', { className: ['measures'] },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col' }, 'Definition'), h('th', { scope: 'col' }, 'Target'))),
    h('tbody', null, measures.map((m) => h('tr', null,
      h('td', null, m.name),
      h('td', null, m.definition ?? '—'),
      h('td', { className: m.setWithClient ? ['set-with-client'] : undefined }, targetText(m) ?? '—')))));
}

/** Inserts the measures into a rendered body (before heading ids are assigned). */
export function insertMeasures(body: ElementContent[], measures: Measure[]): void {
  if (!measures.length) return;
  const isH2 = (n: ElementContent, re: RegExp): n is Element => n.type === 'element' && n.tagName === 'h2' && re.test(toString(n).trim());
  const own = body.findIndex((n) => isH2(n, /^measures$/i));
  if (own >= 0) {
    body.splice(own + 1, 0, measuresTable(measures));
    return;
  }
  const section = [h('h2', null, 'Measures'), measuresTable(measures)];
  const before = body.findIndex((n) => isH2(n, AFTER_MEASURES));
  if (before >= 0) body.splice(before, 0, ...section);
  else body.push(...section);
}
