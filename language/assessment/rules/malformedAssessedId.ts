import { assessmentFix, type AssessmentRule } from './rule';

/** `malformed-id` in an assessment: an entry keyed by an ID written non-canonically (`flm3`, `EE 17`). */
export const malformedAssessedId: AssessmentRule = {
  code: 'malformed-id',
  defaultSeverity: 'warning',
  description: 'An assessment entry keyed by an ID written non-canonically; the fix writes it canonically.',
  check({ assessment, report }) {
    for (const e of assessment.entries) {
      if (e.canonical || e.id === e.key) continue;
      report({
        range: e.keyRange,
        message: `"${e.key}" is not how IDs are written: use ${e.id}.`,
        fixes: [assessmentFix(assessment, e.keyRange, e.id, `Write ${e.id}`, true, true)],
      });
    }
  },
};
