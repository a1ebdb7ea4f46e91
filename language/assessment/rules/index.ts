// The assessment rules and their runner: severities and `# opmodel-disable` comments as for Markdown.
import type { OpmodelConfig } from '../../config/config';
import type { IdSyntax } from '../../ids/idSyntax';
import type { FrameworkIndex } from '../../indexer/frameworkIndex';
import { reporter } from '../../rules/rule';
import type { Diagnostic, SeveritySetting } from '../../types';
import type { ParsedAssessment } from '../model';
import { assessmentScope } from '../scope';
import { duplicateEntry } from './duplicateEntry';
import { invalidAssessment } from './invalidAssessment';
import { invalidScore } from './invalidScore';
import { malformedAssessedId } from './malformedAssessedId';
import type { AssessmentRule } from './rule';
import { unassessedElement } from './unassessedElement';
import { unknownAssessedId } from './unknownAssessedId';

export const assessmentRules: readonly AssessmentRule[] = [invalidAssessment, unknownAssessedId, malformedAssessedId, duplicateEntry, invalidScore, unassessedElement];

export function runAssessmentRules(a: ParsedAssessment, index: FrameworkIndex, config: OpmodelConfig, syntax: IdSyntax, overrides?: Record<string, SeveritySetting>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const scope = assessmentScope(index, config);
  for (const rule of assessmentRules) {
    // As severityFor in rules/index.ts (not imported: that module lists these rules' codes).
    const severity = overrides?.[rule.code] ?? config.severity[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    rule.check({
      assessment: a,
      index,
      config,
      syntax,
      scope,
      report: reporter(a.uri, a.directives, rule.code, severity, out),
    });
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}
