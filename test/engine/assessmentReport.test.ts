// The figures of an assessment report: averages, gaps, waves in depends_on order, and changes
// between two rounds, asserted exactly on fixture assessments.
import { describe, expect, it } from 'vitest';
import { assessmentReport, previousAssessment, type Project } from '../../language/index';
import { element, openMemory, u } from '../helpers';

const el = (id: string, system: string, discipline: string, deps: string[] = []) =>
  element(id, system, discipline, '', deps.length ? `depends_on: [${deps.join(', ')}]\n` : '');

const framework: Record<string, string> = {
  'flm/FLM1.md': el('FLM1', 'first-line-management', 'organization-management'),
  'flm/FLM2.md': el('FLM2', 'first-line-management', 'organization-management'),
  'flm/FLM3.md': el('FLM3', 'first-line-management', 'processes-procedures', ['FLM1']),
  'flm/FLM4.md': el('FLM4', 'first-line-management', 'technology-tools', ['FLM3']),
  'um/UM1.md': el('UM1', 'upline-management', 'organization-management'),
  'um/UM2.md': el('UM2', 'upline-management', 'organization-management', ['UM9']),
  'um/UM9.md': el('UM9', 'upline-management', 'processes-procedures', ['UM1']),
  'ee/EE1.md': el('EE1', 'people-management', 'mindsets-behaviours'),
  'lc/LC1.md': '---\nid: LC1\ntitle: Title of LC1\ntype: characteristic\npart: leadership-characteristics\n---\n',
  'lc/LC2.md': '---\nid: LC2\ntitle: Title of LC2\ntype: characteristic\npart: leadership-characteristics\n---\n',
};

async function report(files: Record<string, string>, file = 'assessments/now.yaml', older?: string) {
  const { project } = await openMemory({ ...framework, ...files });
  const a = project.assessment(u(file))!;
  return { project, r: assessmentReport(project, a, older ? project.assessment(u(older)) : undefined) };
}

const NOW = `client: Acme
title: Day 90
date: 2027-03-31
assessors: [A]
elements:
  FLM1: { current: 1, target: 3 }
  FLM2: { current: 2, target: 3 }
  FLM3: { current: 2, target: 4, due: 2027-09-30, owner: Team Lead }
  FLM4: { current: 1, target: 2 }
  UM1: { current: 3, target: 4 }
  UM2: n/a
  UM9: { current: 2, target: 3 }
  EE1: { current: 2 }
  LC1: { current: 1, target: 2 }
  LC2: { current: 2, target: 2 }
`;

describe('assessment report', () => {
  it('lists every usable entry in framework order with its gap', async () => {
    const { r } = await report({ 'assessments/now.yaml': NOW });
    expect(r.assessment).toEqual({ client: 'Acme', title: 'Day 90', date: '2027-03-31', file: u('assessments/now.yaml'), assessors: ['A'] });
    expect(r.elements.map((e) => [e.id, e.applicable, e.current, e.target, e.gap, e.system, e.discipline, e.part])).toEqual([
      ['FLM1', true, 1, 3, 2, 'first-line-management', 'organization-management', null],
      ['FLM2', true, 2, 3, 1, 'first-line-management', 'organization-management', null],
      ['FLM3', true, 2, 4, 2, 'first-line-management', 'processes-procedures', null],
      ['FLM4', true, 1, 2, 1, 'first-line-management', 'technology-tools', null],
      ['UM1', true, 3, 4, 1, 'upline-management', 'organization-management', null],
      ['UM2', false, null, null, null, 'upline-management', 'organization-management', null],
      ['UM9', true, 2, 3, 1, 'upline-management', 'processes-procedures', null],
      ['EE1', true, 2, null, null, 'people-management', 'mindsets-behaviours', null],
      ['LC1', true, 1, 2, 1, null, null, 'leadership-characteristics'],
      ['LC2', true, 2, 2, 0, null, null, 'leadership-characteristics'],
    ]);
    const flm3 = r.elements.find((e) => e.id === 'FLM3')!;
    expect([flm3.due, flm3.owner, flm3.title]).toEqual(['2027-09-30', 'Team Lead', 'Title of FLM3']);
  });

  it('averages cells, systems and leadership parts to two decimals, leaving n/a out', async () => {
    const { r } = await report({ 'assessments/now.yaml': NOW });
    expect(r.cells['first-line-management']).toEqual({
      'organization-management': { current: 1.5, target: 3, assessed: 2 },
      'processes-procedures': { current: 2, target: 4, assessed: 1 },
      'technology-tools': { current: 1, target: 2, assessed: 1 },
      'mindsets-behaviours': { current: null, target: null, assessed: 0 },
    });
    // UM2 is n/a: the cell averages UM1 alone.
    expect(r.cells['upline-management']!['organization-management']).toEqual({ current: 3, target: 4, assessed: 1 });
    expect(r.systems).toEqual({
      'operational-management': { current: null, target: null, assessed: 0 },
      'first-line-management': { current: 1.5, target: 3, assessed: 4 },
      'upline-management': { current: 2.5, target: 3.5, assessed: 2 },
      // EE1 has no target: it counts for the current average only.
      'people-management': { current: 2, target: null, assessed: 1 },
    });
    expect(r.leadership).toEqual({ 'leadership-principles': { current: null, target: null, assessed: 0 }, 'leadership-characteristics': { current: 1.5, target: 2, assessed: 2 } });
    const thirds = await report({ 'assessments/now.yaml': 'date: 2027-01-01\nelements:\n  FLM1: { current: 1, target: 2 }\n  FLM2: { current: 1, target: 2 }\n  FLM3: { current: 2, target: 4 }\n' });
    expect(thirds.r.systems['first-line-management']).toEqual({ current: 1.33, target: 2.67, assessed: 3 });
  });

  it('ranks the largest gaps', async () => {
    const { r } = await report({ 'assessments/now.yaml': NOW });
    expect(r.gaps.map((e) => [e.id, e.gap])).toEqual([['FLM1', 2], ['FLM3', 2], ['FLM2', 1], ['FLM4', 1], ['UM1', 1], ['UM9', 1], ['LC1', 1]]);
  });

  it('builds waves by due quarter, then by gap, and never puts an element before what it depends on', async () => {
    const { r } = await report({ 'assessments/now.yaml': NOW });
    // FLM3 (due Q3) depends on FLM1, which joins its wave and comes first; FLM4 depends on FLM3
    // but sits in a later wave, which is allowed. UM2 is n/a; UM9 needs UM1, so UM1 comes first.
    expect(r.roadmap).toEqual([
      { wave: 1, label: '2027 Q3 (due by 2027-09-30)', due: '2027-09-30', ids: ['FLM1', 'FLM3'] },
      { wave: 2, label: 'Gap of 1 level', due: null, ids: ['FLM2', 'FLM4', 'UM1', 'UM9', 'LC1'] },
    ]);
  });

  it('pulls a dependency forward through elements that need no work, and keeps order inside a wave', async () => {
    const text = 'date: 2027-01-01\nelements:\n  FLM4: { current: 1, target: 4 }\n  FLM3: { current: 3, target: 3 }\n  FLM1: { current: 3, target: 4 }\n  UM2: { current: 1, target: 3 }\n  UM1: { current: 1, target: 2 }\n  UM9: { current: 2, target: 4, due: 2027-12-31 }\n';
    const { r } = await report({ 'assessments/now.yaml': text });
    for (const w of r.roadmap) expect(w.ids.length).toBeGreaterThan(0);
    // FLM4 (gap 3) depends on FLM3 (no gap) which depends on FLM1 (gap 1): FLM1 moves into FLM4's wave, before it.
    // UM2 (gap 2) depends on UM9 (due Q4) which depends on UM1 (gap 1): UM1 is pulled into Q4's wave.
    expect(r.roadmap.map((w) => [w.label, w.ids])).toEqual([
      ['2027 Q4 (due by 2027-12-31)', ['UM1', 'UM9']],
      ['Gap of 3 levels', ['FLM1', 'FLM4']],
      ['Gap of 2 levels', ['UM2']],
    ]);
    const position = new Map(r.roadmap.flatMap((w) => w.ids.map((id, i) => [id, w.wave * 100 + i] as const)));
    const deps: [string, string][] = [['FLM4', 'FLM1'], ['UM2', 'UM9'], ['UM9', 'UM1']];
    for (const [a, b] of deps) expect(position.get(b)!).toBeLessThan(position.get(a)!);
  });

  it('survives a depends_on cycle', async () => {
    const { r } = await report({
      'flm/FLM1.md': el('FLM1', 'first-line-management', 'organization-management', ['FLM2']),
      'flm/FLM2.md': el('FLM2', 'first-line-management', 'organization-management', ['FLM1']),
      'assessments/now.yaml': 'date: 2027-01-01\nelements:\n  FLM2: { current: 1, target: 2 }\n  FLM1: { current: 1, target: 2 }\n',
    });
    expect(r.roadmap).toEqual([{ wave: 1, label: 'Gap of 1 level', due: null, ids: ['FLM1', 'FLM2'] }]);
  });

  it('leaves out entries that cannot count: unknown IDs, second entries, scores off the scale', async () => {
    const text = 'date: 2027-01-01\nelements:\n  FLM1: { current: 2, target: 3 }\n  FLM1: { current: 4, target: 4 }\n  FLM9: { current: 1, target: 2 }\n  FLM2: { current: 7, target: 8 }\n  FLM3: { current: "2", target: 3 }\n  FLM4: { current: 3, target: 1 }\n';
    const { r } = await report({ 'assessments/now.yaml': text });
    expect(r.elements.map((e) => [e.id, e.current, e.target, e.gap])).toEqual([['FLM1', 2, 3, 1], ['FLM4', 3, null, null]]);
  });

  it('compares with an older round: up, down, newly scored and no longer scored', async () => {
    const old = 'date: 2026-11-30\nelements:\n  FLM1: { current: 1, target: 3 }\n  FLM2: { current: 3, target: 3 }\n  FLM3: { current: 1, target: 4 }\n  UM2: { current: 1, target: 2 }\n  LC2: n/a\n';
    const { r, project } = await report({ 'assessments/now.yaml': NOW, 'assessments/old.yaml': old }, 'assessments/now.yaml', 'assessments/old.yaml');
    expect(r.compare).toEqual({
      file: u('assessments/old.yaml'),
      date: '2026-11-30',
      changes: [
        { id: 'FLM2', title: 'Title of FLM2', from: 3, to: 2, direction: 'down' },
        { id: 'FLM3', title: 'Title of FLM3', from: 1, to: 2, direction: 'up' },
        { id: 'FLM4', title: 'Title of FLM4', from: null, to: 1, direction: 'added' },
        { id: 'UM1', title: 'Title of UM1', from: null, to: 3, direction: 'added' },
        { id: 'UM2', title: 'Title of UM2', from: 1, to: null, direction: 'dropped' },
        { id: 'UM9', title: 'Title of UM9', from: null, to: 2, direction: 'added' },
        { id: 'EE1', title: 'Title of EE1', from: null, to: 2, direction: 'added' },
        { id: 'LC1', title: 'Title of LC1', from: null, to: 1, direction: 'added' },
        { id: 'LC2', title: 'Title of LC2', from: null, to: 2, direction: 'added' },
      ],
    });
    // FLM1 did not move.
    expect(previousAssessment(project, project.assessment(u('assessments/now.yaml'))!)?.uri).toBe(u('assessments/old.yaml'));
    expect(previousAssessment(project, project.assessment(u('assessments/old.yaml'))!)).toBeUndefined();
  });

  it('finds the previous round of the same client', async () => {
    const files = {
      'assessments/a.yaml': 'client: Acme\ndate: 2026-06-01\nelements: {}\n',
      'assessments/b.yaml': 'client: Other\ndate: 2026-09-01\nelements: {}\n',
      'assessments/c.yaml': 'client: Acme\ndate: 2027-01-01\nelements: {}\n',
    };
    const { project } = await openMemory({ ...framework, ...files });
    const prev = (f: string) => previousAssessment(project as Project, project.assessment(u(f))!)?.uri;
    expect(prev('assessments/c.yaml')).toBe(u('assessments/a.yaml'));
    expect(prev('assessments/b.yaml')).toBeUndefined();
  });
});
