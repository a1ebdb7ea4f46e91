// The crosswalk in the site: a row on each element's card and a page that reads the mapping both
// ways (element -> items, item -> elements), built from a small framework and read as HTML.
import { describe, expect, it } from 'vitest';
import { $, $$, attr, buildInto, docsFolder, listFiles, readPage, text } from './helpers';

const CONFIG = JSON.stringify({
  crosswalks: {
    itil4: { title: 'ITIL 4', values: ['Incident management', 'Problem management', 'Service desk'] },
    cobit2019: { title: 'COBIT 2019', values: { DSS02: 'Managed service requests and incidents', DSS03: 'Managed problems' } },
  },
});

const el = (id: string, extra = '') => `---\nid: ${id}\ntitle: Title of ${id}\ntype: element\nsystem: first-line-management\ndiscipline: organization-management\n${extra}---\n\n# ${id}\n\nSee FLM1.\n`;

async function build(dir: string) {
  const { code, err, site } = await buildInto(dir);
  expect(code, err).toBe(0);
  expect(err).not.toMatch(/warning|error/);
  return site;
}

describe('crosswalk in the site', () => {
  it('shows each element\'s crosswalk on its card and builds a crosswalk page read both ways', async () => {
    const site = await build(docsFolder({
      'opmodel.json': CONFIG,
      'FLM1.md': el('FLM1', 'crosswalk:\n  itil4: [Service desk, Incident management]\n  cobit2019: [DSS02]\n'),
      'FLM2.md': el('FLM2', 'crosswalk: { itil4: [Incident management], cobit2019: [] }\n'),
      'FLM3.md': el('FLM3'),
    }));
    expect(listFiles(site)).toContain('crosswalk.html');

    const card = readPage(site, 'elements/FLM1.html');
    const row = $(card, 'dd[data-field="crosswalk"]')!;
    expect($$(row, 'li').map(text)).toEqual(['ITIL 4: Service desk, Incident management', 'COBIT 2019: DSS02']);
    expect($$(row, 'a').map((a) => attr(a, 'href'))).toEqual(['../crosswalk.html#by-itil4', '../crosswalk.html#by-cobit2019']);
    expect(attr($(row, 'abbr')!, 'title')).toBe('Managed service requests and incidents');
    expect($(readPage(site, 'elements/FLM3.html'), 'dd[data-field="crosswalk"]')).toBeUndefined();

    const page = readPage(site, 'crosswalk.html');
    expect($$(page, 'table.crosswalk thead th').map(text)).toEqual(['Element', 'ITIL 4', 'COBIT 2019']);
    expect($$(page, 'table.crosswalk tbody tr').map((tr) => [attr(tr, 'dataId'), ...$$(tr, 'td').map(text)])).toEqual([
      ['FLM1', 'Service deskIncident management', 'DSS02 Managed service requests and incidents'],
      ['FLM2', 'Incident management', '—'],
    ]);
    expect(attr($(page, 'table.crosswalk tbody tr th a')!, 'href')).toBe('elements/FLM1.html');
    // Item -> elements, in the scheme's declared order, and what no element covers.
    const itil = $(page, 'section#by-itil4')!;
    expect($$(itil, 'dt').map(text)).toEqual(['Incident management', 'Service desk']);
    expect($$(itil, 'dd').map((dd) => $$(dd, 'a.idref').map(text))).toEqual([['FLM1', 'FLM2'], ['FLM1']]);
    expect(text($(itil, '.xw-uncovered'))).toBe('Not mapped from any element (1): Problem management');
    expect(text($(page, 'section#by-cobit2019 .xw-uncovered'))).toBe('Not mapped from any element (1): DSS03 Managed problems');
    expect($$(page, 'main > h2').map(text)).toContain('Without a crosswalk (1)');
    expect($$(readPage(site, 'index.html'), 'main a').map((a) => attr(a, 'href'))).toContain('crosswalk.html');
  });

  it('builds no crosswalk page when no element has a crosswalk', async () => {
    const site = await build(docsFolder({ 'opmodel.json': CONFIG, 'FLM1.md': el('FLM1') }));
    expect(listFiles(site)).not.toContain('crosswalk.html');
    expect($$(readPage(site, 'index.html'), 'main a').map((a) => attr(a, 'href'))).not.toContain('crosswalk.html');
  });
});
