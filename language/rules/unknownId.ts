import { replaceFix, type Rule } from './rule';

export const unknownId: Rule = {
  code: 'unknown-id',
  defaultSeverity: 'error',
  scope: 'workspace',
  description: 'A reference to an ID that matches a family but is defined nowhere; suggests the closest defined IDs.',
  check({ doc, index, report }) {
    for (const ref of doc.references) {
      if (index.isDefined(ref.id)) continue;
      // Cached by the index per ID: a file may cite the same unknown ID thousands of times.
      const sugg = index.suggestionsFor(ref.id);
      const named = sugg.map((s) => `${s} (${index.titleOf(s) ?? 'untitled'})`);
      const where = ref.field ? ` in ${ref.field}` : '';
      // One range for the finding and its fixes (read only, like every range in a diagnostic).
      const range = ref.range;
      report({
        range,
        message: `Unknown ID ${ref.id}${where}: no document defines it.${named.length ? ` Did you mean ${named.join(' or ')}?` : ' Create it or correct the reference.'}`,
        fixes: sugg.map((s, i) => replaceFix(doc, range, s, `Change to ${s}`, false, i === 0)),
      });
    }
  },
};
