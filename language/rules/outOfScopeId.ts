import { EVERYTHING_IN_SCOPE } from '../layers/scope';
import type { Rule } from './rule';

export const outOfScopeId: Rule = {
  code: 'out-of-scope-id',
  defaultSeverity: 'warning',
  scope: 'workspace',
  description: "A reference to an element of the extended framework that the client's scope leaves out; the fix adds it to the scope in opmodel.json.",
  check({ doc, index, report }) {
    // Without a client scope nothing is out of it: the references need not be read.
    if (index.scope === EVERYTHING_IN_SCOPE) return;
    for (const ref of doc.references) {
      if (!index.isDefined(ref.id) || index.scope.inScope(ref.id)) continue;
      const why = index.scope.outOfScope(ref.id);
      const title = index.definitions(ref.id)[0]?.title;
      report({
        range: ref.range,
        message: `${ref.id}${title ? ` (${title})` : ''} is out of this client's scope: ${why?.reason ?? 'the scope leaves it out'}. It is left out of the matrix, the tree and the site; add it to the scope or refer to an element in scope.`,
        fixes: why?.fix ? [why.fix] : undefined,
      });
    }
  },
};
