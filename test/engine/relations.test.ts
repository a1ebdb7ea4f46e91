// Relations seen from both sides: the undeclared-related rule (a body "Related elements" entry
// missing from front matter, with a fix for every shape of `related`) and the derived inverse
// relations ("Related from") that the hover and the site show.
import { describe, expect, it } from 'vitest';
import { applyTextEdits, hover, inverseRelations, type Diagnostic } from '../../language/index';
import { brief, element, openMemory, range, rangeOf, u } from '../helpers';

const others = {
  'FLM1.md': element('FLM1', 'first-line-management', 'organization-management', '# FLM1\n'),
  'FLM2.md': element('FLM2', 'first-line-management', 'processes-procedures', '# FLM2\n'),
  'GOV4.md': element('GOV4', 'upline-management', 'processes-procedures', '# GOV4\n'),
  'LP1.md': '---\nid: LP1\ntitle: Inspire\ntype: principle\npart: leadership-principles\n---\n# LP1\n',
};

async function related(path: string, text: string): Promise<Diagnostic[]> {
  const { project } = await openMemory({ ...others, [path]: text });
  return project.diagnostics(u(path)).filter((d) => d.code === 'undeclared-related');
}

const fixed = (text: string, d: Diagnostic) => applyTextEdits(text, d.fixes![0]!.edit.changes[d.uri]!, d.fixes![0]!.edit.versions[d.uri]);

describe('undeclared-related', () => {
  const body = '# FLM3\n\nPurpose names FLM2 and GOV4.\n\n## Related elements\n- FLM1 Roles — who owns what.\n- GOV4 Monthly Operational Meetings — reviews it; see also FLM2.\n- FLM1 again, and `FLM2` in code.\n\n## Notes\nFLM2 here is outside the section.\n';

  it('fires once per ID listed under "Related elements" and missing from front matter, as info', async () => {
    const text = element('FLM3', 'first-line-management', 'organization-management', body, 'related: [FLM1]\n');
    const ds = await related('FLM3.md', text);
    expect(ds.map(brief)).toEqual([
      'FLM3.md:15:2-15:6 info undeclared-related GOV4 is listed under "Related elements" but not in the front matter: add it to related, so that GOV4 shows this element too.',
      'FLM3.md:15:59-15:63 info undeclared-related FLM2 is listed under "Related elements" but not in the front matter: add it to related, so that FLM2 shows this element too.',
    ]);
    expect(ds[0]!.range).toEqual(rangeOf(text, 'GOV4', 1));
    expect(ds[0]!.fixes!.map((f) => [f.title, f.safe, f.preferred])).toEqual([['Add GOV4 to related', false, true]]);
    expect(fixed(text, ds[0]!)).toBe(text.replace('related: [FLM1]', 'related: [FLM1, GOV4]'));
  });

  it('adds to a block list, a single value, an empty list or a missing field', async () => {
    const block = element('FLM3', 'first-line-management', 'organization-management', body, 'related:\n  - FLM1\n  - FLM2\n');
    const [b] = await related('FLM3.md', block);
    expect(fixed(block, b!)).toBe(block.replace('  - FLM2\n', '  - FLM2\n  - GOV4\n'));
    const scalar = element('FLM3', 'first-line-management', 'organization-management', body, 'related: FLM2\n');
    const [s] = await related('FLM3.md', scalar);
    // FLM1 is the first entry missing here.
    expect(fixed(scalar, s!)).toBe(scalar.replace('related: FLM2', 'related: [FLM2, FLM1]'));
    const empty = element('FLM3', 'first-line-management', 'organization-management', body, 'related: []\nsupports: [FLM2]\n');
    const [e] = await related('FLM3.md', empty);
    expect(fixed(empty, e!)).toBe(empty.replace('related: []', 'related: [FLM1]'));
    const none = element('FLM3', 'first-line-management', 'organization-management', body, 'summary: One line.\n');
    const ds = await related('FLM3.md', none);
    expect(ds.map((d) => d.message.split(' ')[0])).toEqual(['FLM1', 'GOV4', 'FLM2']);
    expect(fixed(none, ds[0]!)).toBe(none.replace('summary: One line.\n', 'summary: One line.\nrelated: [FLM1]\n'));
    // Each fix applied in turn leaves a file with nothing left to report.
    let text = none;
    for (let i = 0; i < 3; i++) text = fixed(text, (await related('FLM3.md', text))[0]!);
    expect(text).toBe(none.replace('summary: One line.\n', 'summary: One line.\nrelated: [FLM1, GOV4, FLM2]\n'));
    expect(await related('FLM3.md', text)).toEqual([]);
  });

  it('counts any relation field as declared, and reads a "## Related" heading too', async () => {
    const text = '---\nid: LC1\ntitle: Obsessed\ntype: characteristic\npart: leadership-characteristics\nsupports: [LP1]\nrelated: [FLM1]\n---\n# LC1\n\n## Related\n\n- LP1: the principle.\n- FLM1 and FLM2: where it shows.\n\n### Deeper\n- GOV4 is still inside.\n\n## After\n- GOV4 is not.\n';
    const ds = await related('LC1.md', text);
    expect(ds.map((d) => [d.range, d.message])).toEqual([
      [rangeOf(text, 'FLM2'), 'FLM2 is listed under "Related" but not in the front matter: add it to related, so that FLM2 shows this element too.'],
      [rangeOf(text, 'GOV4'), 'GOV4 is listed under "Related" but not in the front matter: add it to related, so that GOV4 shows this element too.'],
    ]);
  });

  it('stays quiet without an element ID, without a Related section, for the own ID and in code', async () => {
    expect(await related('notes.md', '# Notes\n\n## Related elements\n- FLM1 and FLM2\n')).toEqual([]);
    expect(await related('FLM3.md', element('FLM3', 'first-line-management', 'organization-management', 'FLM1 and FLM2 and GOV4 in prose.\n'))).toEqual([]);
    const self = element('FLM3', 'first-line-management', 'organization-management', '## Related elements\n- FLM3 itself, `GOV4` and ```FLM2```.\n\n```\nFLM1\n```\n');
    expect(await related('FLM3.md', self)).toEqual([]);
  });

  it('leaves an ID that nothing defines to unknown-id, and fires once it is defined', async () => {
    const text = element('FLM3', 'first-line-management', 'organization-management', '## Related elements\n- FLM9 is still to be written.\n');
    const { project } = await openMemory({ ...others, 'FLM3.md': text });
    expect(project.diagnostics(u('FLM3.md')).map((d) => d.code)).toEqual(['unknown-id']);
    project.updateText(u('FLM9.md'), element('FLM9', 'first-line-management', 'processes-procedures', '# FLM9\n'));
    expect(project.diagnostics(u('FLM3.md')).map((d) => [d.code, d.range])).toEqual([['undeclared-related', rangeOf(text, 'FLM9')]]);
  });

  it('yields to a suppression comment like any code', async () => {
    const text = element('FLM3', 'first-line-management', 'organization-management', '## Related elements\n<!-- opmodel-disable-next-line undeclared-related -->\n- GOV4 on purpose.\n- FLM2 too.\n');
    expect((await related('FLM3.md', text)).map((d) => d.range)).toEqual([rangeOf(text, 'FLM2')]);
  });
});

describe('inverse relations', () => {
  const files = {
    ...others,
    'FLM3.md': element('FLM3', 'first-line-management', 'organization-management', '# FLM3\n', 'related: [FLM1, GOV4]\n'),
    'FLM4.md': element('FLM4', 'first-line-management', 'technology-tools', '# FLM4 names FLM1.\n', 'related: [FLM1]\n'),
    'FLM5.md': element('FLM5', 'first-line-management', 'processes-procedures', '', 'related: [FLM3, FLM4]\n'),
    'LC1.md': '---\nid: LC1\ntitle: Obsessed\ntype: characteristic\npart: leadership-characteristics\nsupports: [LP1]\n---\n',
  };

  it('lists who names an element, in framework order, leaving out what it names itself', async () => {
    const { project } = await openMemory(files);
    expect(inverseRelations(project, 'FLM1')).toEqual([{ key: 'related', title: 'Related from', ids: ['FLM3', 'FLM4'] }]);
    // FLM3 names FLM5? No: FLM5 names FLM3, and FLM3 does not name FLM5.
    expect(inverseRelations(project, 'FLM3')).toEqual([{ key: 'related', title: 'Related from', ids: ['FLM5'] }]);
    expect(inverseRelations(project, 'LP1')).toEqual([{ key: 'supports', title: 'Supported by', ids: ['LC1'] }]);
    expect(inverseRelations(project, 'FLM5')).toEqual([]);
    const mutual = await openMemory({ ...files, 'FLM1.md': element('FLM1', 'first-line-management', 'organization-management', '', 'related: [FLM3]\n') });
    expect(inverseRelations(mutual.project, 'FLM1')).toEqual([{ key: 'related', title: 'Related from', ids: ['FLM4'] }]);
  });

  it('shows in the hover, after the accountable role and the measures', async () => {
    const { project } = await openMemory({
      ...files,
      'opmodel.json': JSON.stringify({ roles: { 'team-lead': { title: 'Team Lead' } } }),
      'FLM1.md': element('FLM1', 'first-line-management', 'organization-management', '# FLM1\n', 'accountable: team-lead\nmeasures:\n  - name: Share of duties with a deputy\n    definition: Duties with a trained deputy over all duties.\n    target: 100%\n  - name: Reassignment loops\n    target: set with the client\n'),
      'x.md': 'See FLM1.\n',
    });
    const h = hover(project, u('x.md'), { line: 0, character: 5 })!;
    expect(h.markdown).toBe([
      '**FLM1 · Title of FLM1**',
      '',
      '_First Line Management × Organization & Management_',
      '',
      'Accountable: Team Lead',
      '',
      'Measures:',
      '- Share of duties with a deputy — _100%_',
      '- Reassignment loops — _Set with the client_',
      '',
      'Related from: FLM3, FLM4',
      '',
      // Referenced by its own heading, FLM3 and FLM4 (front matter), FLM4's body and x.md.
      '[ws/FLM1.md](file:///ws/FLM1.md) · referenced 5 times',
    ].join('\n'));
    expect(h.accountable).toEqual(['Team Lead']);
    expect(h.measures!.map((m) => [m.name, m.definition, m.target, m.setWithClient])).toEqual([
      ['Share of duties with a deputy', 'Duties with a trained deputy over all duties.', '100%', false],
      ['Reassignment loops', undefined, undefined, true],
    ]);
    expect(h.measures![0]!.range).toEqual(range(8, 4, 11, 0));
    expect(h.inverse).toEqual([{ key: 'related', title: 'Related from', ids: ['FLM3', 'FLM4'] }]);
  });
});
