import { replaceFix, type Rule } from './rule';

export const malformedId: Rule = {
  code: 'malformed-id',
  defaultSeverity: 'warning',
  // Workspace: the message says whether the canonical ID is defined anywhere.
  scope: 'workspace',
  description: 'An ID written non-canonically (`EE 17`, `CORE B4`, `COREB4`, `flm3`, `FLM03`); the fix writes the canonical form.',
  check({ doc, index, report }) {
    for (const m of doc.malformed) {
      const known = index.isDefined(m.canonical) ? '' : ` (${m.canonical} is not defined yet)`;
      report({
        range: m.range,
        message: `"${m.text}" is not how IDs are written: use ${m.canonical}${known}.`,
        fixes: [replaceFix(doc, m.range, m.canonical, `Write ${m.canonical}`, true, true)],
      });
    }
  },
};
