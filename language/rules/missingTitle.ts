import type { Rule } from './rule';

export const missingTitle: Rule = {
  code: 'missing-title',
  defaultSeverity: 'warning',
  scope: 'workspace',
  description: 'An element with an `id` but no `title`: completion, hover and the tree have nothing to show for it.',
  check({ doc, index, report }) {
    const def = doc.definition;
    // A client document that tailors a base element inherits its title.
    if (!def || doc.title || index.definitionChain(def.id).length > 1) return;
    report({ range: def.range, message: `${def.id} has no title: add a "title:" line so that hover, completion and the tree can name it.` });
  },
};
