// The pages that keep shared facts in one place: measures from front matter in the element's
// body, the metric dictionary, roles on the card and the RACI page, and "Related from".
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import MiniSearch, { type Options } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { $, $$, attr, listFiles, readPage, runCli, tempDir, text } from './helpers';

const config = {
  families: { OPS: { title: 'Operations' } },
  systems: [{ key: 'operations', title: 'Operations', families: ['OPS'] }],
  disciplines: [{ key: 'process', title: 'Process' }],
  leadership: [],
  roles: {
    'ops-lead': { title: 'Operations Lead', description: 'Runs the operation day to day.' },
    'team-lead': { title: 'Team Lead' },
    unused: { title: 'Nobody' },
  },
};

const el = (id: string, fm: string, body: string) =>
  `---\nid: ${id}\ntitle: Title ${id}\ntype: element\nsystem: operations\ndiscipline: process\n${fm}---\n\n# ${id} · Title ${id}\n\n${body}`;

const files: Record<string, string> = {
  'opmodel.json': JSON.stringify(config, null, 2),
  'OPS1.md': el('OPS1', 'accountable: team-lead\nconsulted: [ops-lead]\nmeasures:\n  - name: Huddles held\n    definition: Shifts that start with a huddle, over all shifts.\n    target: At least 95%\n  - name: Issues raised\n    target: set with the client\nrelated: [OPS2]\n',
    '## Purpose\n\nStarts the shift; see OPS2.\n\n## Maturity levels\n\n1. **Ad hoc** — none.\n\n## Related elements\n\n- OPS2 — the review.\n'),
  'OPS2.md': el('OPS2', 'accountable: ops-lead\nresponsible: [team-lead]\nmeasures: [Reviews held on time]\n',
    '## Purpose\n\nReviews the month of OPS1.\n\n## Measures\n\nRead them with OPS1.\n\n## Common pitfalls\n\n- None.\n'),
  'OPS3.md': el('OPS3', 'accountable: ops-lead\nrelated: [OPS1]\n', '## Purpose\n\nNo measures; relies on OPS1.\n'),
  'reference/metric-dictionary.md': '---\ntitle: Metric dictionary\ntype: reference\nkey: metric-dictionary\nsummary: How measures are defined.\n---\n\n# Metric dictionary\n\nEvery measure, with its definition and target.\n',
};

let site: string;
let noDoc: string;

async function build(extra: Record<string, string | null> = {}) {
  const docs = path.join(tempDir('consistency'), 'docs');
  for (const [p, t] of Object.entries({ ...files, ...extra })) {
    if (t === null) continue;
    fs.mkdirSync(path.dirname(path.join(docs, p)), { recursive: true });
    fs.writeFileSync(path.join(docs, p), t);
  }
  const out = path.join(path.dirname(docs), 'site');
  const r = await runCli(['build', docs, '--out', out]);
  expect(r.code, r.err).toBe(0);
  return out;
}

beforeAll(async () => {
  site = await build();
  noDoc = await build({ 'reference/metric-dictionary.md': null });
}, 120_000);

describe('measures in the site', () => {
  it('renders the front-matter measures as a table before the maturity levels', () => {
    const page = readPage(site, 'elements/OPS1.html');
    const headings = $$(page, '.doc-body h2').map((x) => text(x));
    expect(headings).toEqual(['Purpose', 'Measures', 'Maturity levels', 'Related elements']);
    expect(attr($(page, '.doc-body h2#measures'), 'id')).toBe('measures');
    const rows = $$(page, '.doc-body table.measures tbody tr').map((tr) => $$(tr, 'td').map((td) => text(td)));
    expect(rows).toEqual([
      ['Huddles held', 'Shifts that start with a huddle, over all shifts.', 'At least 95%'],
      ['Issues raised', '—', 'Set with the client'],
    ]);
    expect(attr($$(page, '.doc-body table.measures td')[5], 'className')).toBe('set-with-client');
    expect($(page, '.card dd[data-field="measures"]')).toBeUndefined();
  });

  it('puts the table under the body\'s own Measures heading, without a second heading', () => {
    const page = readPage(site, 'elements/OPS2.html');
    expect($$(page, '.doc-body h2').map((x) => text(x))).toEqual(['Purpose', 'Measures', 'Common pitfalls']);
    const body = $(page, '.doc-body')!;
    const kids = body.children.filter((c) => c.type === 'element');
    const at = kids.findIndex((c) => c.type === 'element' && c.tagName === 'h2' && text(c) === 'Measures');
    expect((kids[at + 1] as { tagName: string }).tagName).toBe('table');
    expect(text(kids[at + 2] as never)).toBe('Read them with OPS1.');
  });

  it('lists every measure in the metric dictionary, after the reference document\'s own text', () => {
    const page = readPage(site, 'pages/metric-dictionary.html');
    expect(text($(page, '.doc-body p'))).toBe('Every measure, with its definition and target.');
    const dict = $(page, 'section.metric-dictionary')!;
    expect(text($(dict, 'p.summary'))).toBe('3 measures across 2 elements; 1 has a target to be set with the client.');
    expect($$(dict, 'tbody tr').map((tr) => [attr(tr, 'dataId'), ...$$(tr, 'td').map((td) => text(td))])).toEqual([
      ['OPS1', 'Huddles held', 'Shifts that start with a huddle, over all shifts.', 'At least 95%'],
      ['OPS1', 'Issues raised', '—', 'Set with the client'],
      ['OPS2', 'Reviews held on time', '—', '—'],
    ]);
    expect(attr($(dict, 'tbody tr th a'), 'href')).toBe('../elements/OPS1.html');
    expect(listFiles(site)).not.toContain('metric-dictionary.html');
  });

  it('makes a metric dictionary page of its own when no reference document carries it', () => {
    const page = readPage(noDoc, 'metric-dictionary.html');
    expect(text($(page, 'h1'))).toBe('Metric dictionary');
    expect($$(page, 'section.metric-dictionary tbody tr')).toHaveLength(3);
    expect($$(readPage(noDoc, 'elements/OPS1.html'), 'nav.site-nav a').map((a) => [text(a), attr(a, 'href')])).toContainEqual(['Measures', '../metric-dictionary.html']);
  });

  it('indexes measure names for search', () => {
    // "huddles" appears only in OPS1's measures.
    const sandbox: { window: { OPMODEL_SEARCH?: { index: string; options: Options } } } = { window: {} };
    vm.runInNewContext(fs.readFileSync(path.join(site, 'assets/search-index.js'), 'utf8'), sandbox);
    const data = sandbox.window.OPMODEL_SEARCH!;
    const search = MiniSearch.loadJS(data.index as never, data.options);
    expect(search.search('huddles').map((r) => r.id)).toEqual(['elements/OPS1.html']);
  });
});

describe('roles in the site', () => {
  it('shows role titles on the card, linked to the role on the RACI page', () => {
    const card = $(readPage(site, 'elements/OPS1.html'), '.card')!;
    expect(text($(card, 'dt[data-field="accountable"]'))).toBe('Accountable');
    expect($$(card, 'dd[data-field="accountable"] a').map((a) => [text(a), attr(a, 'href')])).toEqual([['Team Lead', '../raci.html#role-team-lead']]);
    expect($$(card, 'dd[data-field="consulted"] a').map((a) => text(a))).toEqual(['Operations Lead']);
  });

  it('lists, per role, the elements by letter, and the grid of elements × roles', () => {
    const page = readPage(site, 'raci.html');
    const roles = $$(page, 'section.role');
    expect(roles.map((r) => [attr(r, 'id'), text($(r, 'h3'))])).toEqual([['role-ops-lead', 'Operations Lead'], ['role-team-lead', 'Team Lead']]);
    expect(text($(roles[0]!, 'p.summary'))).toBe('Runs the operation day to day.');
    expect($$(roles[0]!, 'dt').map((d) => text(d))).toEqual(['Accountable for (2)', 'Consulted on (1)']);
    expect($$(roles[0]!, 'dd')[0] && $$($$(roles[0]!, 'dd')[0]!, 'a.idref').map((a) => text(a))).toEqual(['OPS2', 'OPS3']);
    expect($$(page, 'table.raci thead th[data-role]').map((t) => attr(t, 'dataRole'))).toEqual(['ops-lead', 'team-lead']);
    expect($$(page, 'table.raci tbody tr').map((tr) => [attr(tr, 'dataId'), ...$$(tr, 'td').map((td) => text(td))])).toEqual([
      ['OPS1', 'C', 'A'],
      ['OPS2', 'A', 'R'],
      ['OPS3', 'A', ''],
    ]);
    expect($$(page, 'nav.site-nav a').map((a) => text(a))).toEqual(['Home', 'Matrix', 'Leadership', 'Roles', 'Measures', 'Print handout']);
  });
});

describe('relations on both sides', () => {
  it('shows "Related from" on the card: who names this element and is not named back', () => {
    const ops2 = $(readPage(site, 'elements/OPS2.html'), '.card')!;
    expect(text($(ops2, 'dt[data-field="related-inverse"]'))).toBe('Related from');
    expect($$(ops2, 'dd[data-field="related-inverse"] a.idref').map((a) => text(a))).toEqual(['OPS1']);
    // OPS1 names OPS2 itself; OPS3 names OPS1 and is not named back.
    const ops1 = $(readPage(site, 'elements/OPS1.html'), '.card')!;
    expect($$(ops1, 'dd[data-field="related"] a.idref').map((a) => text(a))).toEqual(['OPS2']);
    expect($$(ops1, 'dd[data-field="related-inverse"] a.idref').map((a) => text(a))).toEqual(['OPS3']);
  });
});
