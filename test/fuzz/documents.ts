// fast-check generators for hostile Markdown: front matter with random fields, IDs canonical and
// malformed, code fences, spans, comments, links, unicode, every line ending, and mutations
// (truncation, insertion, deletion, line-ending swaps) of all of it.
import fc from 'fast-check';

const ROOT = 'file:///fuzz';
export const FILE_NAMES = ['a.md', 'b.md', 'sub/c.md', 'sub/d.md', 'e.md', 'assessments/f.yaml', 'assessments/g.yml'];
export const fileUriOf = (name: string) => `${ROOT}/${name}`;
export const ROOT_URI = ROOT;

const canonicalId = fc.oneof(
  fc.constantFrom('FLM', 'UM', 'GOV', 'EE', 'OM', 'LP', 'LC').chain((p) => fc.integer({ min: 1, max: 12 }).map((n) => `${p}${n}`)),
  fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 9 })).map(([g, n]) => `CORE-${g}${n}`),
);

/** Misspellings the engine should flag (or ignore), never choke on. */
const malformedId = fc.oneof(
  canonicalId.map((id) => id.toLowerCase()),
  canonicalId.map((id) => id.replace(/(\d+)$/, ' $1')),
  canonicalId.map((id) => id.replace(/(\d+)$/, '0$1')),
  canonicalId.map((id) => id.replace('-', ' ')),
  canonicalId.map((id) => id.replace('-', '')),
  fc.constantFrom('FLM0', 'FLM', 'CORE-D4', 'CORE-', 'FLM99999999999999999999', 'EE-17', 'XX9', 'flm-3'),
);

const anyId = fc.oneof({ weight: 3, arbitrary: canonicalId }, { weight: 2, arbitrary: malformedId });

const unicode = fc.constantFrom('é', 'ß', '日本', '😀', '👩‍👩‍👧', 'e\u0301', '\u200b', '\u2028', '\u0085', '\ud83d', '\udc00', '\t', '\u00a0', '\ufeff', '\0');
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('the', 'model', 'see', 'and', 'FLM', 'CORE', 'www.x.org', 'http://e.com/FLM3', 'a@b.co', 'x_y', '#', '*', '_') },
  { weight: 3, arbitrary: anyId },
  { weight: 1, arbitrary: unicode },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));

const inline = fc.oneof(
  phrase,
  phrase.map((p) => `\`${p}\``),
  phrase.map((p) => `\`\`${p}\``),
  fc.tuple(phrase, anyId).map(([t, id]) => `[${t}](${id}.md)`),
  fc.tuple(phrase, anyId).map(([t, id]) => `[${t}][${id}]`),
  anyId.map((id) => `<https://x.org/${id}>`),
  anyId.map((id) => `<span title="${id}">${id}</span>`),
  anyId.map((id) => `<!-- ${id} -->`),
  phrase.map((p) => `**${p}**`),
  phrase.map((p) => `\\${p}`),
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' '));

const codes = fc.constantFrom('', ' unknown-id', ' malformed-id', ' missing-title, duplicate-id', ' bogus');
const block = fc.oneof(
  { weight: 4, arbitrary: line },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), line).map(([n, l]) => `${'#'.repeat(n)} ${l}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '````', '~~~', '``` js'), fc.array(line, { maxLength: 3 }), fc.boolean()).map(([f, ls, closed]) => [f, ...ls, ...(closed ? [f.trim().slice(0, 3)] : [])].join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 8 }), line).map(([n, l]) => `${'> '.repeat(n)}${l}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('- ', '* ', '1. ', '10) ', '+ '), line).map(([n, m, l]) => `${'  '.repeat(n)}${m}${l}`) },
  { weight: 1, arbitrary: line.map((l) => `    ${l}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-file'), codes).map(([k, c]) => `<!-- opmodel-${k}${c} -->`) },
  { weight: 1, arbitrary: fc.tuple(line, fc.boolean()).map(([l, closed]) => `<div>\n${l}${closed ? '\n</div>' : ''}`) },
  { weight: 1, arbitrary: fc.tuple(line, fc.boolean()).map(([l, closed]) => `<!--\n${l}${closed ? '\n-->' : ''}`) },
  { weight: 1, arbitrary: anyId.map((id) => `[${id}]: https://x.org/${id}`) },
  { weight: 1, arbitrary: fc.constant('') },
);

const yamlScalar = fc.oneof(
  anyId,
  phrase,
  phrase.map((p) => JSON.stringify(p)),
  phrase.map((p) => `'${p.replace(/'/g, "''")}'`),
  fc.constantFrom('', '~', 'null', 'true', '12', '0x1F', '.nan', '[]', '{}', '&a x', '*a', '!!js/function "() => 1"', '!foo bar', '|', '>-', ': :', '"unterminated', '- x'),
);
const yamlList = fc.array(fc.oneof(anyId, yamlScalar), { maxLength: 4 }).chain((xs) =>
  fc.constantFrom(`[${xs.join(', ')}]`, xs.length ? '\n' + xs.map((x) => `  - ${x}`).join('\n') : '[]'),
);
const fieldName = fc.constantFrom('id', 'title', 'type', 'system', 'discipline', 'summary', 'related', 'supports', 'depends_on', '__proto__', 'constructor', 'other', 'id ', '"id"');
const fieldValue = fc.oneof(
  fc.constantFrom('element', 'principle', 'guide', 'system', 'bogus').map((v) => v),
  fc.constantFrom('operational-management', 'first-line-management', 'people-management', 'nowhere'),
  fc.constantFrom('organization-management', 'technology-tools', 'nothing'),
  yamlScalar,
  yamlList,
);
const frontMatter = fc.tuple(
  fc.constantFrom('---', '---', '---', '--- ', '---yaml', '---js', '---coffee'),
  fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 8 }),
  fc.constantFrom('---', '---', '...', '--- ', '', '--'),
).map(([open, fields, close]) => [open, ...fields.map(([k, v]) => `${k}: ${v}`), close].join('\n'));

/** A whole document: optional BOM and front matter, then blocks joined by blank or single line breaks. */
const cleanDocument = fc.tuple(
  fc.boolean(),
  fc.option(frontMatter, { nil: undefined, freq: 4 }),
  fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n')), { maxLength: 10 }),
).map(([bom, fm, blocks]) => (bom ? '\ufeff' : '') + (fm !== undefined ? fm + '\n' : '') + blocks.map(([b, sep]) => b + sep).join(''));

type Mutation = (s: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n) => (s: string) => s.slice(0, s.length ? n % (s.length + 1) : 0)),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom('\r', '\n', '\r\n', '---', '```', '`', '<!--', '-->', '[', '](', ')', '>', '\\', '\ud800', 'FLM3', 'CORE-B', '<?', '?>', '<![CDATA[', ']]>', '<!A', '<a x=', '- ', '> ', '    '), unicode)).map(
    ([n, ins]) => (s: string) => {
      const at = s.length ? n % (s.length + 1) : 0;
      return s.slice(0, at) + ins + s.slice(at);
    },
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 20 })).map(([n, len]) => (s: string) => {
    const at = s.length ? n % s.length : 0;
    return s.slice(0, at) + s.slice(at + len);
  }),
  fc.constantFrom<Mutation>((s) => s.replace(/\n/g, '\r\n'), (s) => s.replace(/\n/g, '\r'), (s) => s.replace(/\n/g, (_m, i: number) => (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n'))),
);

export const documentText: fc.Arbitrary<string> = fc
  .tuple(cleanDocument, fc.array(mutation, { maxLength: 3 }))
  .map(([doc, ms]) => ms.reduce((s, m) => m(s), doc));

// Assessment files: the keys and shapes of the format, hostile YAML among them.
const score = fc.oneof(fc.integer({ min: -1, max: 6 }).map(String), fc.constantFrom('2.5', '"3"', 'Repeatable', 'n/a', '', '~', '0x2', '*a', '&a 2', '!!int 2', '[1]', '{}'));
const entryValue = fc.oneof(
  fc.constantFrom('n/a', 'N/A', '', '2', '[2, 3]', '"text"', '*a'),
  fc.tuple(score, fc.option(score, { nil: undefined }), fc.option(fc.constantFrom('2027-03-31', '2027-02-30', 'soon', '!!timestamp 2027-01-01'), { nil: undefined }), fc.option(phrase, { nil: undefined }))
    .chain(([c, t, due, ev]) => {
      const parts = [`current: ${c}`, ...(t !== undefined ? [`target: ${t}`] : []), ...(due ? [`due: ${due}`] : []), ...(ev !== undefined ? [`evidence: ${JSON.stringify(ev)}`] : [])];
      return fc.constantFrom(`{ ${parts.join(', ')} }`, '\n' + parts.map((x) => `    ${x}`).join('\n'));
    }),
);
const entry = fc.tuple(fc.oneof(anyId, fc.constantFrom('Meetings', '__proto__', '"FLM3"', '? FLM3', '1')), entryValue).map(([k, v]) => `  ${k}: ${v}`);
const topField = fc.oneof(
  fc.constantFrom('client: Acme Bank', 'title: "Baseline"', 'date: 2026-11-30', 'date: 2027-02-30', 'date: &d 2026-11-30', 'assessors: [A, B]', 'assessors:\n  - A', 'scope: all', '# opmodel-disable-file unassessed-element', '# FLM3 in a comment', 'elements: [FLM1]', 'elements: {}', 'elements:'),
  fc.array(entry, { maxLength: 6 }).map((es) => `elements:\n${es.join('\n')}`),
);
const cleanAssessment = fc.tuple(fc.boolean(), fc.array(topField, { maxLength: 6 })).map(([bom, fields]) => (bom ? '\ufeff' : '') + fields.join('\n') + '\n');

export const assessmentText: fc.Arbitrary<string> = fc
  .tuple(cleanAssessment, fc.array(mutation, { maxLength: 3 }))
  .map(([doc, ms]) => ms.reduce((s, m) => m(s), doc));

/** Any file of a scenario: mostly Markdown, some assessments (either may land on either kind of name). */
const fileText = fc.oneof({ weight: 5, arbitrary: documentText }, { weight: 2, arbitrary: assessmentText });

/** A starting workspace and a sequence of edits to it (set text, or delete a file). */
export const workspaceScenario = fc.record({
  initial: fc.dictionary(fc.constantFrom(...FILE_NAMES), fileText, { minKeys: 1, maxKeys: 4 }),
  steps: fc.array(fc.tuple(fc.constantFrom(...FILE_NAMES), fc.option(fileText, { nil: undefined, freq: 5 })), { maxLength: 5 }),
  probes: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 })), { maxLength: 4 }),
});
