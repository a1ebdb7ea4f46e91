// Measures are read from front matter only: mappings with name, definition and target, or
// plain strings; nested values keep exact ranges and never construct anything.
import { describe, expect, it } from 'vitest';
import { measuresOf, parseDocument, defaultConfig, IdSyntax, targetText } from '../../language/index';
import { rangeOf } from '../helpers';

const config = defaultConfig();
const syntax = new IdSyntax(config.families);
const parse = (text: string) => parseDocument('file:///ws/x.md', text, config, syntax);

describe('measuresOf', () => {
  it('reads name, definition and target, and the "set with the client" marker', () => {
    const text = [
      '---',
      'id: FLM5',
      'measures:',
      '  - name: Scorecards on time',
      '    definition: "Weekly scorecards published by Monday 10:00, as a share of weeks: \\"on time\\" means before the team meeting."',
      '    target: At least 95%',
      '  - name: Red measures with an action',
      "    target: 'Set with the client'",
      '  - Plain name only',
      '  - definition: no name, so not a measure',
      '  - name: Kept even without a target',
      '---',
      '',
    ].join('\n');
    const ms = measuresOf(parse(text));
    expect(ms.map((m) => [m.name, m.definition, m.target, m.setWithClient, targetText(m)])).toEqual([
      ['Scorecards on time', 'Weekly scorecards published by Monday 10:00, as a share of weeks: "on time" means before the team meeting.', 'At least 95%', false, 'At least 95%'],
      ['Red measures with an action', undefined, undefined, true, 'Set with the client'],
      ['Plain name only', undefined, undefined, false, undefined],
      ['Kept even without a target', undefined, undefined, false, undefined],
    ]);
    expect(ms[2]!.range).toEqual(rangeOf(text, 'Plain name only'));
    expect(ms[0]!.range.start).toEqual(rangeOf(text, 'name: Scorecards').start);
  });

  it('reads a plain list, and nothing from aliases, tags or a mapping that is not a list', () => {
    expect(measuresOf(parse('---\nid: FLM5\nmeasures: [On time, Accurate]\n---\n')).map((m) => m.name)).toEqual(['On time', 'Accurate']);
    const alias = '---\nid: FLM5\nbase: &m { name: Shared }\nmeasures:\n  - *m\n  - name: Own\n---\n';
    expect(measuresOf(parse(alias)).map((m) => m.name)).toEqual(['Own']);
    const tagged = '---\nid: FLM5\nmeasures:\n  - name: !!js/function "function () {}"\n---\n';
    const doc = parse(tagged);
    expect(doc.frontMatter?.error?.message).toMatch(/YAML tag !!js\/function is not supported/);
    expect(measuresOf(doc).map((m) => m.name)).toEqual(['function () {}']);
    expect(measuresOf(parse('---\nid: FLM5\nmeasures: { name: x }\n---\n'))).toEqual([]);
    expect(measuresOf(parse('---\nid: FLM5\n---\n'))).toEqual([]);
  });

  it('stops at a safe depth on deeply nested values', () => {
    const deep = `---\nid: FLM5\nmeasures:\n  - name: Deep\n    definition: ${'['.repeat(200)}${']'.repeat(200)}\n---\n`;
    expect(measuresOf(parse(deep)).map((m) => [m.name, m.definition])).toEqual([['Deep', undefined]]);
  });
});
