import type { AssessmentRule } from './rule';

export const invalidAssessment: AssessmentRule = {
  code: 'invalid-assessment',
  defaultSeverity: 'error',
  description: 'An assessment file that is not a mapping, is not valid YAML, has no `date` or `elements`, a bad `date` or `due`, an unknown key, or an entry that is neither scores nor n/a.',
  check({ assessment, report }) {
    for (const p of assessment.problems) report({ range: p.range, message: `Invalid assessment: ${p.message}.` });
  },
};
