import type { Rule } from './rule';

export const missingTitle: Rule = {
  code: 'missing-title',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'An element with an `id` but no `title`: completion, hover and the tree have nothing to show for it.',
  check({ doc, report }) {
    const def = doc.definition;
    if (def && !doc.title) report({ range: def.range, message: `${def.id} has no title: add a "title:" line so that hover, completion and the tree can name it.` });
  },
};
