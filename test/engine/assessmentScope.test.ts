// An assessment in a client repository scores the engagement's scope: the elements of the extended
// framework that `scope` adopts, and the client's own; the base framework's assessments are not read.
import { describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { MemoryWorkspace, Project } from '../../language/index';

const WS = 'file:///ws';
const at = (p: string) => URI.parse(`${WS}/${p}`).toString();
const el = (id: string, system: string) => `---\nid: ${id}\ntitle: Title of ${id}\ntype: element\nsystem: ${system}\ndiscipline: org\n---\n\n# ${id}\n`;

const files: Record<string, string> = {
  'base/opmodel.json': JSON.stringify({
    families: { FLM: { title: 'First Line' }, GOV: { title: 'Governance' } },
    systems: [{ key: 'first-line', title: 'First Line', families: ['FLM'] }, { key: 'upline', title: 'Upline', families: ['GOV'] }],
    disciplines: [{ key: 'org', title: 'Organisation' }],
    leadership: [],
  }),
  'base/FLM1.md': el('FLM1', 'first-line'),
  'base/FLM2.md': el('FLM2', 'first-line'),
  'base/FLM3.md': el('FLM3', 'first-line'),
  'base/GOV1.md': el('GOV1', 'upline'),
  // The framework's own assessment: not the client's, never read by the client's project.
  'base/assessments/old.yaml': 'date: 2020-01-01\nelements:\n  FLM1: { current: 9 }\n',
  'client/opmodel.json': JSON.stringify({ extends: '../base', scope: { include: ['FLM'], exclude: ['FLM3'] } }),
  'client/assessments/baseline.yaml': 'client: Acme\ndate: 2026-11-30\nelements:\n  FLM1: { current: 1, target: 2 }\n  FLM3: { current: 1, target: 2 }\n  GOV1: { current: 2, target: 3 }\n',
};

describe('assessment scope in a client repository', () => {
  it('an adopted element is expected, a left-out one is out of scope, the base\'s assessments are not read', async () => {
    const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [at(p), t])));
    const project = await Project.open({ workspace: ws, rootUri: at('client') });
    const file = at('client/assessments/baseline.yaml');
    expect(project.uris()).toEqual([file]);
    expect(project.assessment(at('base/assessments/old.yaml'))).toBeUndefined();
    const ds = project.diagnostics(file).map((d) => [d.code, d.range.start.line, d.message]);
    expect(ds).toEqual([
      ['unassessed-element', 2, 'FLM2 (Title of FLM2) is in scope but not assessed: add `FLM2: { current: …, target: … }`, or `FLM2: n/a` when it does not apply.'],
      ['unknown-id', 4, 'FLM3 is defined but not in the scope of this assessment.'],
      ['unknown-id', 5, 'GOV1 is defined but not in the scope of this assessment.'],
    ]);
  });
});
