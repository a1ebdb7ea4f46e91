// The `roles` vocabulary: its config section, the unknown-role rule and the RACI matrix.
import { describe, expect, it } from 'vitest';
import { applyTextEdits, listElements, loadConfig, raciMatrix, type Diagnostic } from '../../language/index';
import { brief, element, openMemory, range, rangeOf, u } from '../helpers';

const roles = {
  'team-lead': { title: 'Team Lead', description: 'Runs one frontline team.' },
  'operations-manager': { title: 'Operations Manager' },
  'service-delivery-manager': { title: 'Service Delivery Manager' },
};
const config = JSON.stringify({ roles }, null, 2);

async function diagnosticsOf(path: string, text: string, cfg = config): Promise<Diagnostic[]> {
  const { project } = await openMemory({ 'opmodel.json': cfg, [path]: text });
  expect(project.configProblems).toEqual([]);
  return project.diagnostics(u(path)).filter((d) => d.code === 'unknown-role');
}

describe('roles in opmodel.json', () => {
  it('reads keys, titles and descriptions in order', () => {
    const { config: c, problems } = loadConfig(config);
    expect(problems).toEqual([]);
    expect(c.roles).toEqual([
      { key: 'team-lead', title: 'Team Lead', description: 'Runs one frontline team.' },
      { key: 'operations-manager', title: 'Operations Manager' },
      { key: 'service-delivery-manager', title: 'Service Delivery Manager' },
    ]);
  });

  it('is empty by default', () => {
    expect(loadConfig('{}').config.roles).toEqual([]);
  });

  it('reports each problem at its exact range', () => {
    const text = '{ "roles": { "Team Lead": { "title": "x" }, "ok": "Operations", "a": {}, "b": { "title": 3 }, "c": { "title": "C", "owner": "x", "description": 17 } } }';
    expect(loadConfig(text).problems).toEqual([
      { message: 'role key "Team Lead" must be lower-case words joined by "-", e.g. "team-lead"', range: rangeOf(text, '"Team Lead"') },
      { message: 'roles.ok must be an object with a "title"', range: rangeOf(text, '"Operations"') },
      { message: 'roles.a needs a "title"', range: rangeOf(text, '{}') },
      { message: 'roles.b.title must be a non-empty string', range: rangeOf(text, '3') },
      { message: 'roles.c.description must be a string', range: rangeOf(text, '17') },
      { message: 'unknown property "owner" in roles.c; expected title, description', range: rangeOf(text, '"owner"') },
    ]);
    expect(loadConfig('{ "roles": [] }').problems.map((p) => p.message)).toEqual(['roles must be an object keyed by role, e.g. { "team-lead": { "title": "Team Lead" } }']);
  });
});

describe('unknown-role', () => {
  it('fires on an undeclared accountable role, with the title spelling as a safe fix', async () => {
    const text = element('FLM1', 'first-line-management', 'organization-management', 'Body.\n', 'accountable: Team Lead\n');
    const ds = await diagnosticsOf('FLM1.md', text);
    expect(ds.map(brief)).toEqual([expect.any(String)]);
    const d = ds[0]!;
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOf(text, 'Team Lead'));
    expect(d.range).toEqual(range(6, 13, 6, 22));
    expect(d.message).toBe('Unknown role "Team Lead" in accountable: did you mean "team-lead" (Team Lead)?');
    expect(d.fixes!.map((f) => [f.title, f.safe, f.preferred])).toEqual([['Change to "team-lead"', true, true]]);
    expect(applyTextEdits(text, d.fixes![0]!.edit.changes[u('FLM1.md')]!, d.fixes![0]!.edit.versions[u('FLM1.md')])).toBe(text.replace('accountable: Team Lead', 'accountable: team-lead'));
  });

  it('fires on every role field, in flow and block lists, with did-you-mean fixes that are not safe', async () => {
    const text = element('FLM1', 'first-line-management', 'organization-management', '', 'accountable: team-leed\nresponsible: [team-lead, operation-manager]\nconsulted:\n  - service-delivery-manager\n  - quality-lead\ninformed: [operations-manager]\n');
    const ds = await diagnosticsOf('FLM1.md', text);
    expect(ds.map((d) => [d.range, d.message])).toEqual([
      [rangeOf(text, 'team-leed'), 'Unknown role "team-leed" in accountable: did you mean "team-lead" (Team Lead)?'],
      [rangeOf(text, 'operation-manager'), 'Unknown role "operation-manager" in responsible: did you mean "operations-manager" (Operations Manager)?'],
      [rangeOf(text, 'quality-lead'), 'Unknown role "quality-lead" in consulted: declare it under "roles" in opmodel.json, or use one of the declared keys.'],
    ]);
    expect(ds[0]!.fixes!.map((f) => [f.title, f.safe])).toEqual([['Change to "team-lead"', false]]);
    expect(ds[2]!.fixes).toBeUndefined();
  });

  it('stays quiet for declared keys, when no roles are declared, and for role words in the body', async () => {
    const ok = element('FLM1', 'first-line-management', 'organization-management', 'The Team Lead and the ops manager.\n', 'accountable: team-lead\nconsulted: [operations-manager]\n');
    expect(await diagnosticsOf('FLM1.md', ok)).toEqual([]);
    const free = element('FLM1', 'first-line-management', 'organization-management', '', 'accountable: Whoever runs the shift\n');
    expect(await diagnosticsOf('FLM1.md', free, '{}')).toEqual([]);
    const empty = element('FLM1', 'first-line-management', 'organization-management', '', 'accountable:\nresponsible: []\n');
    expect(await diagnosticsOf('FLM1.md', empty)).toEqual([]);
  });

  it('can be switched off or down like any code', async () => {
    const text = element('FLM1', 'first-line-management', 'organization-management', '', 'accountable: Team Lead\n');
    const { project } = await openMemory({ 'opmodel.json': JSON.stringify({ roles, severity: { 'unknown-role': 'warning' } }), 'FLM1.md': text });
    expect(project.diagnostics(u('FLM1.md')).map((d) => [d.code, d.severity])).toEqual([['unknown-role', 'warning']]);
    const off = await openMemory({ 'opmodel.json': config, 'FLM1.md': text }, { 'unknown-role': 'off' });
    expect(off.project.diagnostics(u('FLM1.md'))).toEqual([]);
  });
});

describe('RACI matrix', () => {
  it('lists roles × elements with their letters, undeclared roles last', async () => {
    const { project } = await openMemory({
      'opmodel.json': config,
      'FLM1.md': element('FLM1', 'first-line-management', 'organization-management', '', 'accountable: team-lead\nconsulted: [operations-manager, team-lead]\n'),
      'FLM2.md': element('FLM2', 'first-line-management', 'processes-procedures', '', 'accountable: operations-manager\nresponsible: [team-lead]\ninformed: [auditor]\n'),
      'FLM3.md': element('FLM3', 'first-line-management', 'processes-procedures'),
    });
    const m = raciMatrix(project, listElements(project));
    expect(m.roles).toEqual([
      { key: 'team-lead', title: 'Team Lead', declared: true },
      { key: 'operations-manager', title: 'Operations Manager', declared: true },
      { key: 'auditor', title: 'auditor', declared: false },
    ]);
    expect(m.rows.map((r) => [r.id, { ...r.cells }])).toEqual([
      ['FLM1', { 'team-lead': ['A', 'C'], 'operations-manager': ['C'] }],
      ['FLM2', { 'operations-manager': ['A'], 'team-lead': ['R'], auditor: ['I'] }],
    ]);
    expect({ ...m.byRole['team-lead'] }).toEqual({ A: ['FLM1'], R: ['FLM2'], C: ['FLM1'], I: [] });
  });
});
