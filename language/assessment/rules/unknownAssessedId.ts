import { assessmentFix, type AssessmentRule } from './rule';

/** `unknown-id` in an assessment: an entry for an ID that is not defined, or not in scope. */
export const unknownAssessedId: AssessmentRule = {
  code: 'unknown-id',
  defaultSeverity: 'error',
  description: 'An assessment entry for an ID that no document defines or that is out of scope; suggests the closest defined IDs.',
  check({ assessment, index, syntax, scope, report }) {
    for (const e of assessment.entries) {
      if (scope.includes(e.id)) continue;
      if (!syntax.classify(e.key)) {
        report({ range: e.keyRange, message: `"${e.key}" is not an element ID: entries under elements are keyed by ID, e.g. FLM3.` });
        continue;
      }
      if (index.isDefined(e.id)) {
        report({ range: e.keyRange, message: `${e.id} is defined but not in the scope of this assessment.` });
        continue;
      }
      const sugg = index.suggestionsFor(e.id).filter(scope.includes);
      const named = sugg.map((s) => `${s} (${index.definitions(s)[0]?.title ?? 'untitled'})`);
      report({
        range: e.keyRange,
        message: `Unknown ID ${e.id}: no document defines it.${named.length ? ` Did you mean ${named.join(' or ')}?` : ''}`,
        fixes: sugg.map((s, i) => assessmentFix(assessment, e.keyRange, s, `Change to ${s}`, false, i === 0)),
      });
    }
  },
};
