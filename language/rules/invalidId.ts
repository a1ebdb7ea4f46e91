import type { Rule } from './rule';

export const invalidId: Rule = {
  code: 'invalid-id',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'An `id` value that matches no declared ID family (for example `id: FOO1`).',
  check({ doc, syntax, report }) {
    const d = doc.definition;
    if (!d || d.familyKey) return;
    const examples = syntax.families.map((f) => `${f.prefix}${f.groups[0] ?? ''}1`).join(', ');
    report({ range: d.range, message: `"${d.text}" is not an ID of any family in this framework: IDs look like ${examples}.` });
  },
};
