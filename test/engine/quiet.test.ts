// Each rule stays quiet where a token is not a reference: code, HTML, URLs, link destinations,
// e-mail addresses, look-alike words and tokens glued to letters or digits.
import { describe, expect, it } from 'vitest';
import { brief, element, openMemory, rangeOf, u } from '../helpers';

const base = {
  'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management'),
  'ee/EE17.md': element('EE17', 'people-management', 'mindsets-behaviours'),
};

// Every snippet holds unknown (FLM9, UM7) or misspelt (flm1, EE 17, COREB4) IDs, all in places
// that are not prose. A control line with a real unknown ID follows each snippet, so a snippet
// that swallowed the rest of the document would fail too.
const quiet: Record<string, string> = {
  'code span': 'Use `FLM9` here.',
  'code span with flm1 and EE 17': 'Write `flm1` or `EE 17` or `COREB4`.',
  'double-backtick code span': 'Use ``a ` FLM9`` here.',
  'triple-backtick code span': 'Use ```x `` FLM9``` here.',
  'code span over two lines': 'Use `the\nFLM9` here.',
  'fenced code (backticks)': '```\nFLM9\nflm1\n```',
  'fenced code with info string': '```yaml\nid: FLM9\n```',
  'fenced code (tildes)': '~~~\nFLM9\n~~~',
  'longer closing fence': '````\n```\nFLM9\n```\n````',
  'fenced code in a list item': '- item\n\n  ```\n  FLM9\n  ```',
  'fenced code in a block quote': '> ```\n> FLM9\n> ```',
  'fenced code in an ordered list': '1. step\n   ~~~\n   UM7\n   ~~~',
  'indented code': 'Para.\n\n    FLM9 in code\n    flm1',
  'indented code with a tab': 'Para.\n\n\tFLM9',
  'inline HTML comment': 'Text <!-- FLM9 --> more.',
  'block HTML comment': '<!--\nFLM9\nflm1\n-->',
  'HTML block (div)': '<div>\nFLM9\n</div>',
  'HTML block (pre, with blank lines)': '<pre>\nFLM9\n\nUM7\n</pre>',
  'HTML block (script)': '<script>\nconst a = "FLM9";\n</script>',
  'inline HTML attribute': 'See <span title="FLM9">x</span>.',
  'bare URL': 'See https://example.com/FLM9/page.',
  'bare URL with query': 'See https://example.com/?id=FLM9&x=UM7 now.',
  'www. URL': 'See www.example.com/FLM9 now.',
  'autolink': 'See <https://example.com/FLM9>.',
  'e-mail autolink': 'Mail <flm9@example.com>.',
  'link destination': 'See [the page](https://example.com/FLM9).',
  'relative link destination': 'See [the page](../flm/FLM9.md).',
  'link destination with title': 'See [page](./x.md "FLM9 title").',
  'reference definition': '[page]: https://example.com/FLM9',
  'reference definition with title': '[page]: ./x.md "About FLM9"',
  'reference label': 'See [text][FLM9].',
  'e-mail address': 'Write to flm9@example.com or ee17@example.org.',
  'glued to letters': 'AFLM1 and FLM1a and xEE17 and EE17b.',
  'glued to digits': '1FLM1 and 2EE17.',
  'look-alike words': 'FORUM 2, SEE 17, ORE 1, UMBRELLA 2, forum 2, see 17, GOVERN 3.',
  'zero is no ID': 'FLM0 and EE00.',
  'image destination': '![diagram](img/FLM9.png)',
};

describe('quiet contexts', () => {
  for (const [name, snippet] of Object.entries(quiet)) {
    it(name, async () => {
      const text = `# Notes\n\n${snippet}\n\nControl: UM9.\n`;
      const { project } = await openMemory({ ...base, 'notes.md': text });
      const ds = project.diagnostics(u('notes.md'));
      expect(ds.map(brief)).toEqual([`notes.md:${rangeOf(text, 'UM9').start.line}:9-${rangeOf(text, 'UM9').start.line}:12 error unknown-id Unknown ID UM9: no document defines it. Create it or correct the reference.`]);
    });
  }
});

it('an unclosed fence runs to the end of the document', async () => {
  const { project } = await openMemory({ ...base, 'notes.md': '# Notes\n\n```\nFLM9\n\nControl: UM9.\n' });
  expect(project.diagnostics(u('notes.md'))).toEqual([]);
});

describe('the same tokens in prose are found', () => {
  const loud: [string, string[]][] = [
    ['Text FLM9 here.', ['unknown-id']],
    ['Link text [FLM9](https://example.com/x) is prose.', ['unknown-id']],
    ['Image alt ![FLM9](x.png) counts like link text.', ['unknown-id']],
    ['*FLM9* and **UM7** and _flm1_', ['unknown-id', 'unknown-id', 'malformed-id']],
    ['> quoted FLM9', ['unknown-id']],
    ['- item FLM9', ['unknown-id']],
    ['Not code: ` unclosed FLM9', ['unknown-id']],
    ['Escaped \\`FLM9\\` is prose', ['unknown-id']],
    ['A paragraph\n    FLM9 continued (not indented code)', ['unknown-id']],
    ['(FLM9), "FLM9", FLM9.', ['unknown-id', 'unknown-id', 'unknown-id']],
    ['EE 17 and COREB4', ['malformed-id', 'malformed-id']],
    ['after html <b>FLM9</b>', ['unknown-id']],
    ['| FLM9 | UM7 |\n| --- | --- |\n| a | b |', ['unknown-id', 'unknown-id']],
    ['Heading below\n\n## FLM9 heading', ['unknown-id']],
    ['http:/not-a-url/FLM9', ['unknown-id']],
  ];
  for (const [snippet, expected] of loud) {
    it(JSON.stringify(snippet), async () => {
      const text = `# Notes\n\n${snippet}\n`;
      const { project } = await openMemory({ ...base, 'notes.md': text });
      expect(project.diagnostics(u('notes.md')).map((d) => d.code)).toEqual(expected);
    });
  }
});

describe('front matter outside relation fields', () => {
  it('IDs in title, summary, other fields and YAML comments are not references', async () => {
    const text = element('FLM1', 'first-line-management', 'organization-management', 'Body.\n', '# see FLM9 here\nsummary: Follows FLM9 and flm3.\naccountable: UM7 lead\nmeasures:\n  - FLM9 share\n');
    const { project } = await openMemory({ ...base, 'flm/FLM1.md': text.replace('Title of FLM1', 'About FLM9') });
    expect(project.diagnostics(u('flm/FLM1.md'))).toEqual([]);
    expect(project.document(u('flm/FLM1.md'))!.references).toEqual([]);
  });
});
