import type { Range } from '../../types';
import type { AssessmentRule } from './rule';

export const duplicateEntry: AssessmentRule = {
  code: 'duplicate-entry',
  defaultSeverity: 'error',
  description: 'An element scored twice in one assessment (also `FLM3` and `flm3`); the first entry counts.',
  check({ assessment, report }) {
    const first = new Map<string, Range>();
    for (const e of assessment.entries) {
      const earlier = first.get(e.id);
      if (!earlier) {
        first.set(e.id, e.keyRange);
        continue;
      }
      report({
        range: e.keyRange,
        message: `${e.id} is assessed twice in this file; only the first entry (line ${earlier.start.line + 1}) counts: merge the two.`,
        related: [{ location: { uri: assessment.uri, range: earlier }, message: `${e.id} is first assessed here` }],
      });
    }
  },
};
