// The shape every assessment rule shares. One rule per file in this folder.
import type { OpmodelConfig } from '../../config/config';
import type { IdSyntax } from '../../ids/idSyntax';
import type { FrameworkIndex } from '../../indexer/frameworkIndex';
import type { RuleReport } from '../../rules/rule';
import type { Fix, Range, Severity } from '../../types';
import type { ParsedAssessment } from '../model';
import type { AssessmentScope } from '../scope';

export interface AssessmentRuleContext {
  assessment: ParsedAssessment;
  index: FrameworkIndex;
  config: OpmodelConfig;
  syntax: IdSyntax;
  scope: AssessmentScope;
  report(d: RuleReport): void;
}

export interface AssessmentRule {
  code: string;
  defaultSeverity: Severity;
  /** One line for the README and SARIF. */
  description: string;
  check(ctx: AssessmentRuleContext): void;
}

export function assessmentFix(a: ParsedAssessment, range: Range, newText: string, title: string, safe: boolean, preferred = false): Fix {
  return { title, safe, preferred, edit: { changes: { [a.uri]: [{ range, newText }] }, versions: { [a.uri]: a.version } } };
}
