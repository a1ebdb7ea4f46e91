// The code lens counts: references to an element and the elements that depend on it.
import { describe, expect, it } from 'vitest';
import { dependentsOf, elementLenses, lensLabel } from '../../language/index';
import { element, openMemory, rangeOf, u } from '../helpers';

const FLM = 'first-line-management';
const ORG = 'organization-management';

describe('elementLenses', () => {
  it('counts every reference and each element that lists the ID in depends_on once', async () => {
    const files = {
      'FLM1.md': element('FLM1', FLM, ORG, 'Self mention FLM1.\n'),
      'FLM2.md': element('FLM2', FLM, ORG, 'See FLM1 and FLM1.\n', 'depends_on: [FLM1]\n'),
      'FLM3.md': element('FLM3', FLM, ORG, '', 'depends_on:\n  - FLM1\n  - FLM2\nrelated: [FLM1]\n'),
      'guide.md': '---\ntitle: A guide\ntype: guide\ndepends_on: [FLM1]\n---\n\nFLM1 in a guide.\n',
    };
    const { project } = await openMemory(files);
    const [lens] = elementLenses(project, u('FLM1.md'));
    expect(lens!.id).toBe('FLM1');
    expect(lens!.range).toEqual(rangeOf(files['FLM1.md'], 'FLM1'));
    // FLM1.md body 1, FLM2.md 3, FLM3.md 2, guide.md 2.
    expect(lens!.references).toHaveLength(8);
    expect(lens!.dependents).toBe(2);
    expect(lens!.label).toBe('8 references · 2 depend on this');
    expect(dependentsOf(project, 'FLM1').map((d) => [d.id, d.location])).toEqual([
      ['FLM2', { uri: u('FLM2.md'), range: rangeOf(files['FLM2.md'], 'FLM1') }],
      ['FLM3', { uri: u('FLM3.md'), range: rangeOf(files['FLM3.md'], 'FLM1') }],
    ]);
    expect(elementLenses(project, u('FLM2.md'))[0]!.label).toBe('1 reference · 1 depends on this');
    expect(elementLenses(project, u('FLM3.md'))[0]!.label).toBe('0 references · 0 depend on this');
    expect(elementLenses(project, u('guide.md'))).toEqual([]);
  });

  it('follows edits', async () => {
    const { project } = await openMemory({ 'FLM1.md': element('FLM1', FLM, ORG), 'FLM2.md': element('FLM2', FLM, ORG) });
    expect(elementLenses(project, u('FLM1.md'))[0]!.label).toBe('0 references · 0 depend on this');
    project.updateText(u('FLM2.md'), element('FLM2', FLM, ORG, 'FLM1\n', 'depends_on: [FLM1]\n'));
    expect(elementLenses(project, u('FLM1.md'))[0]!.label).toBe('2 references · 1 depends on this');
  });

  it('has no lens for an id that is no ID', async () => {
    const { project } = await openMemory({ 'x.md': '---\nid: NOPE1\ntitle: T\ntype: element\n---\n' });
    expect(elementLenses(project, u('x.md'))).toEqual([]);
    expect(lensLabel(1, 1)).toBe('1 reference · 1 depends on this');
  });
});
