import type { Rule } from './rule';

export const invalidRelation: Rule = {
  code: 'invalid-relation',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'An item in a relation field (`related`, `supports`, `depends_on`, ...) that is not an ID.',
  check({ doc, syntax, report }) {
    for (const item of doc.invalidRelationItems) {
      const example = syntax.families[0] ? `${syntax.families[0].prefix}${syntax.families[0].groups[0] ?? ''}1` : 'an ID';
      report({
        range: item.range,
        message: item.value
          ? `"${item.value}" in ${item.field} is not an ID: list IDs only, such as ${example}.`
          : `An empty item in ${item.field}: remove it or write an ID.`,
      });
    }
  },
};
