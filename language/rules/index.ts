// The rule registry and the runner that applies severities and suppressions.
import { assessmentRules } from '../assessment/rules/index';
import type { OpmodelConfig } from '../config/config';
import type { FrameworkIndex } from '../indexer/frameworkIndex';
import type { IdSyntax } from '../ids/idSyntax';
import type { ParsedDocument } from '../parse/document';
import type { Diagnostic, Severity, SeveritySetting } from '../types';
import { duplicateId } from './duplicateId';
import { fileNameMismatch } from './fileNameMismatch';
import { idFamilyMismatch } from './idFamilyMismatch';
import { invalidFrontMatter } from './invalidFrontMatter';
import { invalidCrosswalk } from './invalidCrosswalk';
import { invalidId } from './invalidId';
import { invalidRelation } from './invalidRelation';
import { malformedId } from './malformedId';
import { maturityLevels } from './maturityLevels';
import { missingId } from './missingId';
import { missingTitle } from './missingTitle';
import { outOfScopeId } from './outOfScopeId';
import { reporter, type Rule } from './rule';
import { undeclaredRelated } from './undeclaredRelated';
import { unknownDiscipline } from './unknownDiscipline';
import { unknownId } from './unknownId';
import { unknownRole } from './unknownRole';
import { unknownSystem } from './unknownSystem';

export const rules: readonly Rule[] = [
  unknownId,
  duplicateId,
  missingId,
  malformedId,
  invalidFrontMatter,
  unknownSystem,
  unknownDiscipline,
  idFamilyMismatch,
  invalidId,
  invalidRelation,
  missingTitle,
  invalidCrosswalk,
  unknownRole,
  undeclaredRelated,
  fileNameMismatch,
  outOfScopeId,
  maturityLevels,
];

/** Codes reported outside the rules: files that could not be read, and config problems. */
export const SKIPPED_FILE = { code: 'skipped-file', defaultSeverity: 'warning' as Severity, description: 'A file that was not checked: not UTF-8 text, binary, larger than maxFileSize, or gone while being read.' };
export const INVALID_CONFIG = { code: 'invalid-config', defaultSeverity: 'error' as Severity, description: 'A problem in opmodel.json; the CLI exits with code 2.' };

export const allCodes = (): string[] => [...new Set([...rules.map((r) => r.code), ...assessmentRules.map((r) => r.code)])].concat(SKIPPED_FILE.code, INVALID_CONFIG.code);

export function severityFor(code: string, fallback: Severity, config: OpmodelConfig, overrides?: Record<string, SeveritySetting>): SeveritySetting {
  return overrides?.[code] ?? config.severity[code] ?? fallback;
}

export function runRules(
  doc: ParsedDocument,
  index: FrameworkIndex,
  config: OpmodelConfig,
  syntax: IdSyntax,
  overrides?: Record<string, SeveritySetting>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = severityFor(rule.code, rule.defaultSeverity, config, overrides);
    if (severity === 'off') continue;
    rule.check({
      doc,
      index,
      config,
      syntax,
      report: reporter(doc.uri, doc.directives, rule.code, severity, out),
    });
  }
  if (!out.length) return NO_DIAGNOSTICS;
  // Kept in the index's cache: an exact copy, not an array grown by push with room to spare.
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : 1)).slice();
}

/** The answer for most documents, shared (frozen: the cache's lists are read, never changed). */
const NO_DIAGNOSTICS: Diagnostic[] = Object.freeze([]) as unknown as Diagnostic[];
