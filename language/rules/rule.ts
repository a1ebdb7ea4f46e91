// The shape every diagnostic rule shares. One rule per file in this folder.
import type { OpmodelConfig } from '../config/config';
import type { FrameworkIndex } from '../indexer/frameworkIndex';
import type { IdSyntax } from '../ids/idSyntax';
import type { ParsedDocument } from '../parse/document';
import { isSuppressed, type Directive } from '../parse/suppressions';
import { ownString } from '../text/ownString';
import type { Diagnostic, Fix, Range, RelatedInformation, Severity, TextEdit } from '../types';

export interface RuleReport {
  range: Range;
  message: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
}

export interface RuleContext {
  doc: ParsedDocument;
  index: FrameworkIndex;
  config: OpmodelConfig;
  syntax: IdSyntax;
  report(d: RuleReport): void;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** `document` rules read only their document; `workspace` rules also read the index. */
  scope: 'document' | 'workspace';
  /** One line for the README and `opmodel rules`. */
  description: string;
  check(ctx: RuleContext): void;
}

export function replaceFix(doc: ParsedDocument, range: Range, newText: string, title: string, safe: boolean, preferred = false): Fix {
  return editFix(doc, [{ range, newText }], title, safe, preferred);
}

export function editFix(doc: ParsedDocument, edits: TextEdit[], title: string, safe: boolean, preferred = false): Fix {
  return { title, safe, preferred, edit: { changes: { [doc.uri]: edits }, versions: { [doc.uri]: doc.version } } };
}

/** A rule's `report`: the finding as a Diagnostic in `out`, unless a directive switches it off. */
export function reporter(uri: string, directives: readonly Directive[], code: string, severity: Severity, out: Diagnostic[]): (d: RuleReport) => void {
  return (d) => {
    if (isSuppressed(directives, code, d.range.start.line)) return;
    // A message built from template parts is a chain of them; the cache keeps one flat copy.
    const diag: Diagnostic = { uri, range: d.range, severity, code, message: ownString(d.message) };
    if (d.related?.length) diag.related = d.related;
    if (d.fixes?.length) diag.fixes = d.fixes;
    out.push(diag);
  };
}
