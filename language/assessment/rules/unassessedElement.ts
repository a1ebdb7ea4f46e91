import { assessmentFix, type AssessmentRule } from './rule';

export const unassessedElement: AssessmentRule = {
  code: 'unassessed-element',
  defaultSeverity: 'info',
  description: 'An element in scope that the assessment does not score (types from `assessments.types` in opmodel.json); the fix marks it n/a.',
  check({ assessment, index, config, scope, report }) {
    if (assessment.broken) return;
    const types = new Set(config.assessments.types);
    const entered = new Set(assessment.entries.map((e) => e.id));
    const where = assessment.elements?.keyRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const insert = assessment.elements?.insert;
    for (const id of scope.ids()) {
      if (entered.has(id)) continue;
      const doc = index.definitions(id)[0];
      if (!doc || !types.has(doc.type ?? '')) continue;
      report({
        range: where,
        message: `${id} (${doc.title ?? 'untitled'}) is in scope but not assessed: add \`${id}: { current: …, target: … }\`, or \`${id}: n/a\` when it does not apply.`,
        fixes: insert ? [assessmentFix(assessment, { start: insert.at, end: insert.at }, `\n${insert.indent}${id}: n/a`, `Mark ${id} as n/a`, false)] : undefined,
      });
    }
  },
};
