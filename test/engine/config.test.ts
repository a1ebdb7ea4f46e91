// opmodel.json: what it changes, and every problem reported with its exact range.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../language/index';
import { element, openMemory, range, rangeOf, u } from '../helpers';

describe('config validation', () => {
  it('unknown property', () => {
    const text = '{\n  "families": {},\n  "sytems": []\n}\n';
    expect(loadConfig(text).problems).toEqual([
      { message: expect.stringMatching(/^unknown property "sytems"; expected one of \$schema, extends, scope, site, families, systems, /), range: rangeOf(text, '"sytems"') },
    ]);
    expect(rangeOf(text, '"sytems"')).toEqual(range(2, 2, 2, 10));
  });

  it('bad family prefix and bad family name', () => {
    const text = '{ "families": { "RISK": { "prefix": "risk-" }, "ok": { "prefix": "OK" } } }';
    expect(loadConfig(text).problems).toEqual([
      { message: 'families.RISK.prefix "risk-" is not valid: upper-case letters and digits, optionally ending in "-"', range: rangeOf(text, '"risk-"') },
      { message: 'family name "ok" must be upper-case letters and digits', range: rangeOf(text, '"ok"') },
    ]);
  });

  it('unknown family in a system', () => {
    const text = JSON.stringify({ families: { RISK: { prefix: 'RSK' } }, systems: [{ key: 'risk', families: ['RISK', 'FLM'] }] }, null, 2);
    const { problems } = loadConfig(text);
    expect(problems).toEqual([{ message: 'systems "risk" names family "FLM", which is not declared in families', range: rangeOf(text, '"FLM"') }]);
  });

  it('invalid severity value and non-string severity', () => {
    const text = '{ "severity": { "unknown-id": "fatal", "malformed-id": 2 } }';
    expect(loadConfig(text).problems).toEqual([
      { message: 'severity.unknown-id must be one of error, warning, info, hint, off', range: rangeOf(text, '"fatal"') },
      { message: 'severity.malformed-id must be a string', range: rangeOf(text, '2') },
    ]);
  });

  it('invalid JSON points at the parse error', () => {
    const text = '{\n  "severity": { "unknown-id": "error" }\n  "exclude": []\n}';
    const { problems } = loadConfig(text);
    expect(problems).toEqual([{ message: 'JSON: a "," is missing between two entries', range: range(2, 2, 2, 11) }]);
  });

  it('not an object, duplicate system keys, bad maxFileSize, bad key format', () => {
    expect(loadConfig('[]').problems.map((p) => p.message)).toEqual(['the config must be a JSON object']);
    const text = '{ "systems": [ { "key": "a" }, { "key": "a" }, { "key": "Bad Key" }, {} ], "maxFileSize": -1 }';
    expect(loadConfig(text).problems).toEqual([
      { message: 'systems key "a" is declared twice', range: rangeOf(text, '"a"', 1) },
      { message: 'systems[2].key "Bad Key" is not valid: lower-case words joined by "-", e.g. "first-line-management"', range: rangeOf(text, '"Bad Key"') },
      { message: 'systems[3] needs a "key"', range: rangeOf(text, '{}') },
      { message: 'maxFileSize must be a positive number of bytes', range: rangeOf(text, '-1') },
    ]);
  });

  it('comments and trailing commas are allowed', () => {
    expect(loadConfig('{\n  // ours\n  "exclude": ["drafts/**",],\n}').problems).toEqual([]);
  });
});

describe('config drives the project', () => {
  const config = {
    families: { RISK: { prefix: 'RSK', title: 'Risks' }, CTL: { prefix: 'CTL-', groups: ['A', 'B'], title: 'Controls' } },
    systems: [{ key: 'risk-management', title: 'Risk Management', families: ['RISK', 'CTL'] }],
    disciplines: [{ key: 'assessment', title: 'Assessment' }],
    leadership: [],
    relations: { mitigates: { title: 'Mitigates', inverse: 'Mitigated by' } },
    exclude: ['drafts/**'],
  };

  it('uses its families, systems, disciplines, relations and excludes', async () => {
    const { project } = await openMemory({
      'opmodel.json': JSON.stringify(config),
      'RSK1.md': element('RSK1', 'risk-management', 'assessment', 'Mitigated by CTL-A1; see rsk 1 and RSK 1 and FLM3.\n', 'mitigates: [CTL-B2]\n'),
      'CTL-A1.md': element('CTL-A1', 'risk-management', 'assessment'),
      'drafts/RSK9.md': 'RSK9 is only a draft.\n',
    });
    expect(project.configProblems).toEqual([]);
    expect(project.contains(u('drafts/RSK9.md'))).toBe(false);
    expect(project.index.docs.has(u('drafts/RSK9.md'))).toBe(false);
    // FLM is not a family here; "rsk 1" is lower-case with a space, so not an ID either.
    expect(project.diagnostics(u('RSK1.md')).map((d) => [d.code, d.message])).toEqual([
      ['unknown-id', expect.stringContaining('Unknown ID CTL-B2 in mitigates')],
      ['malformed-id', '"RSK 1" is not how IDs are written: use RSK1.'],
    ]);
  });

  it('a config with problems still opens with the defaults', async () => {
    const { project } = await openMemory({ 'opmodel.json': '{ "nope": 1 }', 'notes.md': 'FLM9\n' });
    expect(project.configProblems.map((p) => p.message)).toEqual([expect.stringContaining('unknown property "nope"')]);
    expect(project.diagnostics(u('notes.md')).map((d) => d.code)).toEqual(['unknown-id']);
  });
});
