// The vscode-free parts of the extension's assessment support: the setting, the tree badges.
import { describe, expect, it } from 'vitest';
import { listElements, matrix } from '../../language/index';
import { assessmentBadges } from '../../extension/assessment/assessmentBadges';
import { readSettings } from '../../language/config/editorSettings';
import { buildTree, type TreeElement } from '../../extension/treeModel';
import { element, openMemory } from '../helpers';

const files = {
  'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management'),
  'flm/FLM2.md': element('FLM2', 'first-line-management', 'organization-management'),
  'flm/FLM3.md': element('FLM3', 'first-line-management', 'organization-management'),
  'assessments/a.yaml': 'client: Acme\ntitle: Baseline\ndate: 2026-11-30\nelements:\n  FLM1: { current: 2, target: 3 }\n  FLM2: n/a\n',
  'assessments/b.yaml': 'client: Acme\ntitle: Review\ndate: 2027-03-31\nelements:\n  FLM1: { current: 3, target: 3 }\n',
};

describe('opmodel.assessment', () => {
  it('is a path, empty by default, and anything else is reported and ignored', () => {
    expect(readSettings({}).settings.assessment).toBe('');
    expect(readSettings({ assessment: ' assessments/a.yaml ' }).settings.assessment).toBe('assessments/a.yaml');
    const bad = readSettings({ assessment: 3 });
    expect(bad.settings.assessment).toBe('');
    expect(bad.problems).toEqual(['opmodel.assessment must be the path of an assessment file relative to the framework, e.g. "assessments/2026-11-baseline.yaml"; using the newest.']);
  });
});

describe('tree badges', () => {
  it('come from the newest assessment by default, or the one chosen, and show after the label', async () => {
    const { project } = await openMemory(files);
    expect([...assessmentBadges(project, '')]).toEqual([['FLM1', { badge: '3', badgeTooltip: 'Acme — Review (2027-03-31): current 3 Defined, target 3 Defined' }]]);
    const chosen = assessmentBadges(project, 'assessments/a.yaml');
    expect([...chosen]).toEqual([
      ['FLM1', { badge: '2 → 3', badgeTooltip: 'Acme — Baseline (2026-11-30): current 2 Repeatable, target 3 Defined' }],
      ['FLM2', { badge: 'n/a', badgeTooltip: 'Acme — Baseline (2026-11-30): not applicable' }],
    ]);
    const elements = listElements(project);
    const byId = new Map<string, TreeElement>(elements.map((e) => [e.id, { id: e.id, title: e.title, location: e.location, ...chosen.get(e.id) }]));
    const cell = buildTree(matrix(project, elements), byId, { disciplineFirst: false }).find((n) => n.label === 'First Line Management')!.children[0]!;
    expect(cell.children.map((c) => [c.label, c.description, c.tooltip])).toEqual([
      ['FLM1 · Title of FLM1', '2 → 3', 'FLM1 · Title of FLM1\nAcme — Baseline (2026-11-30): current 2 Repeatable, target 3 Defined'],
      ['FLM2 · Title of FLM2', 'n/a', 'FLM2 · Title of FLM2\nAcme — Baseline (2026-11-30): not applicable'],
      ['FLM3 · Title of FLM3', undefined, 'FLM3 · Title of FLM3'],
    ]);
  });

  it('are empty without assessments', async () => {
    const { project } = await openMemory({ 'flm/FLM1.md': files['flm/FLM1.md'] });
    expect(assessmentBadges(project, '').size).toBe(0);
  });
});
