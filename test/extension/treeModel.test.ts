// The Framework tree as data: grouping, labels, counts, empty cells, leadership and the toggle.
import { describe, expect, it } from 'vitest';
import { listElements, matrix, type Project } from '../../language/index';
import { buildTree, type TreeElement, type TreeNode } from '../../extension/treeModel';
import { element, openMemory, u } from '../helpers';

const files = {
  'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management'),
  'flm/FLM3.md': element('FLM3', 'first-line-management', 'organization-management').replace('Title of FLM3', 'Meetings Management'),
  'flm/FLM2.md': element('FLM2', 'first-line-management', 'processes-procedures'),
  'um/UM1.md': element('UM1', 'upline-management', 'technology-tools'),
  'flm/FLM9.md': element('FLM9', 'first-line-management', 'no-such-discipline'),
  'lead/LP1.md': '---\nid: LP1\ntitle: Own the outcome\ntype: principle\npart: leadership-principles\n---\n',
};

async function tree(disciplineFirst: boolean) {
  const { project } = await openMemory(files);
  return { project, nodes: build(project, disciplineFirst) };
}

function build(project: Project, disciplineFirst: boolean): TreeNode[] {
  const elements = listElements(project);
  const byId = new Map<string, TreeElement>(elements.map((e) => [e.id, { id: e.id, title: e.title, location: e.location }]));
  return buildTree(matrix(project, elements), byId, { disciplineFirst });
}

const child = (n: TreeNode | undefined, label: string) => n?.children.find((c) => c.label === label);

describe('tree model', () => {
  it('groups systems, then disciplines, then elements labelled "ID · Title" in framework order', async () => {
    const { nodes } = await tree(false);
    expect(nodes.map((n) => n.label)).toEqual(['Operational Management', 'First Line Management', 'Upline Management', 'People Management', 'Leadership', 'Not placed']);
    const flm = child({ children: nodes } as TreeNode, 'First Line Management')!;
    expect(flm.kind).toBe('system');
    expect(flm.children.map((c) => [c.label, c.description])).toEqual([
      ['Organization & Management', '2'],
      ['Processes & Procedures', '1'],
      ['Technology & Tools', 'empty'],
      ['Mindsets & Behaviours', 'empty'],
    ]);
    expect(flm.description).toBe('3 · 2 empty');
    const org = child(flm, 'Organization & Management')!;
    expect(org.children.map((c) => c.label)).toEqual(['FLM1 · Title of FLM1', 'FLM3 · Meetings Management']);
    expect(org.children[1]!.element).toEqual({ id: 'FLM3', title: 'Meetings Management', location: { uri: u('flm/FLM3.md'), range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } } } });
  });

  it('shows empty cells and empty systems', async () => {
    const { nodes } = await tree(false);
    const people = nodes.find((n) => n.label === 'People Management')!;
    expect(people.empty).toBe(true);
    expect(people.description).toBe('0 · 4 empty');
    expect(people.children.every((c) => c.empty && c.description === 'empty' && c.children.length === 0)).toBe(true);
  });

  it('puts leadership parts and unplaced elements in their own groups', async () => {
    const { nodes } = await tree(false);
    const lead = nodes.find((n) => n.kind === 'leadership')!;
    expect(lead.children.map((c) => [c.label, c.description, c.children.map((x) => x.label)])).toEqual([
      ['Leadership Principles', '1', ['LP1 · Own the outcome']],
      ['Leadership Characteristics', 'empty', []],
    ]);
    expect(nodes.find((n) => n.kind === 'unplaced')!.children.map((c) => c.label)).toEqual(['FLM9 · Title of FLM9']);
  });

  it('groups disciplines first when toggled, with the same cells', async () => {
    const { nodes } = await tree(true);
    expect(nodes.slice(0, 4).map((n) => [n.kind, n.label])).toEqual([
      ['discipline', 'Organization & Management'],
      ['discipline', 'Processes & Procedures'],
      ['discipline', 'Technology & Tools'],
      ['discipline', 'Mindsets & Behaviours'],
    ]);
    const org = nodes[0]!;
    expect(org.children.map((c) => [c.kind, c.label, c.description])).toEqual([
      ['system', 'Operational Management', 'empty'],
      ['system', 'First Line Management', '2'],
      ['system', 'Upline Management', 'empty'],
      ['system', 'People Management', 'empty'],
    ]);
    expect(child(nodes[2], 'Upline Management')!.children.map((c) => c.label)).toEqual(['UM1 · Title of UM1']);
  });

  it('gives every node a unique, stable key', async () => {
    const { project, nodes } = await tree(false);
    const keys: string[] = [];
    const walk = (ns: TreeNode[]) => ns.forEach((n) => (keys.push(n.key), walk(n.children)));
    walk(nodes);
    expect(new Set(keys).size).toBe(keys.length);
    const again: string[] = [];
    const walk2 = (ns: TreeNode[]) => ns.forEach((n) => (again.push(n.key), walk2(n.children)));
    walk2(build(project, false));
    expect(again).toEqual(keys);
  });

  it('follows an edit: a moved element changes cell and counts', async () => {
    const { project } = await tree(false);
    project.updateText(u('flm/FLM2.md'), element('FLM2', 'first-line-management', 'mindsets-behaviours'));
    const flm = build(project, false).find((n) => n.label === 'First Line Management')!;
    expect(flm.children.map((c) => c.description)).toEqual(['2', 'empty', 'empty', '1']);
  });
});

describe('tree model of a client framework', () => {
  it('marks elements of the extended framework and tailored ones', async () => {
    const { MemoryWorkspace, Project, frameworkLabel } = await import('../../language/index');
    const ws = new MemoryWorkspace({
      'file:///ws/base/opmodel.json': '{}',
      'file:///ws/base/FLM1.md': element('FLM1', 'first-line-management', 'organization-management'),
      'file:///ws/base/FLM3.md': element('FLM3', 'first-line-management', 'organization-management'),
      'file:///ws/client/opmodel.json': '{ "extends": "../base" }',
      'file:///ws/client/FLM3.md': '---\nid: FLM3\nsummary: Ours\n---\n',
    });
    const project = await Project.open({ workspace: ws, rootUri: 'file:///ws/client' });
    const elements = listElements(project);
    const byId = new Map<string, TreeElement>(elements.map((e) => [e.id, { id: e.id, title: e.title, location: e.location, origin: e.origin, tailored: Boolean(e.tailors), framework: e.framework && frameworkLabel(e.framework) }]));
    const nodes = buildTree(matrix(project, elements), byId, { disciplineFirst: false });
    const org = child(child({ children: nodes } as TreeNode, 'First Line Management'), 'Organization & Management')!;
    expect(org.children.map((c) => [c.label, c.description, c.tooltip])).toEqual([
      ['FLM1 · Title of FLM1', 'framework', 'FLM1 · Title of FLM1\nFrom the ../base framework (read-only)'],
      ['FLM3 · Title of FLM3', 'tailored', 'FLM3 · Title of FLM3\nTailored here from the ../base framework'],
    ]);
    expect(org.children[1]!.element!.location.uri).toBe('file:///ws/client/FLM3.md');
  });
});
