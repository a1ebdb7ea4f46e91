// The shape every diagnostic rule shares. One rule per file in this folder.
import type { OpmodelConfig } from '../config/config';
import type { FrameworkIndex } from '../indexer/frameworkIndex';
import type { IdSyntax } from '../ids/idSyntax';
import type { ParsedDocument } from '../parse/document';
import type { Fix, Range, RelatedInformation, Severity, TextEdit } from '../types';

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
