// An assessment file as the engine holds it: plain data with exact ranges, read from the YAML
// syntax tree (see parseAssessment.ts). Nothing in it was constructed or evaluated from the file.
import type { Directive } from '../parse/suppressions';
import type { Position, Range } from '../types';

export interface Located<T> {
  value: T;
  range: Range;
}

export interface Score {
  /** As written ("2", "Repeatable", "2.5"). */
  raw: string;
  /** The level when the value is a whole number written as digits. */
  level?: number;
  /** True when the value was written in quotes ("2"). */
  quoted: boolean;
  range: Range;
  keyRange: Range;
}

export interface AssessmentEntry {
  /** The key as written. */
  key: string;
  /** Canonical ID when the key is an ID of some family, else the key itself. */
  id: string;
  /** True when the key is a family's ID in its canonical form. */
  canonical: boolean;
  keyRange: Range;
  /** The whole value (a mapping, `n/a`, or whatever else was written). */
  valueRange: Range;
  /** `FLM3: n/a` — not applicable: left out of averages, gaps and the roadmap. */
  na: boolean;
  current?: Score;
  target?: Score;
  evidence?: Located<string>;
  owner?: Located<string>;
  due?: Located<string>;
  notes?: Located<string>;
}

export interface AssessmentProblem {
  message: string;
  range: Range;
}

export interface ParsedAssessment {
  uri: string;
  /** Content hash: edits are only applied to the version they were computed from. */
  version: string;
  lineCount: number;
  client?: Located<string>;
  title?: Located<string>;
  /** `YYYY-MM-DD` when valid; an invalid date is a problem and left out here. */
  date?: Located<string>;
  assessors: Located<string>[];
  /** The `elements:` mapping: where it is, and where a new entry line goes (block style only). */
  elements?: { keyRange: Range; range: Range; insert?: { at: Position; indent: string } };
  entries: AssessmentEntry[];
  /** Shape problems (the invalid-assessment code). */
  problems: AssessmentProblem[];
  /** The YAML could not be read: the entries are incomplete, so nothing is inferred from them. */
  broken: boolean;
  directives: Directive[];
}

export const ENTRY_FIELDS = ['current', 'target', 'evidence', 'owner', 'due', 'notes'] as const;
export const TOP_LEVEL_KEYS = ['client', 'title', 'date', 'assessors', 'elements'] as const;
