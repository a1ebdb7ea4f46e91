// Plain data shared by the engine, the CLI and the editor adapter.
// Positions are 0-based; `character` counts UTF-16 code units (as in LSP and VS Code).

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Location {
  uri: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Edits grouped by document URI, each list computed against `version` of that document. */
export interface WorkspaceEdit {
  changes: Record<string, TextEdit[]>;
  /** Version (content hash) of each document the edits were computed against. */
  versions: Record<string, string>;
  /** Files to rename after the text edits (which name files by their URIs before the rename). */
  renames?: { oldUri: string; newUri: string }[];
}

export interface Fix {
  title: string;
  edit: WorkspaceEdit;
  /** Safe fixes change spelling, never meaning; `opmodel check --fix` applies only these. */
  safe: boolean;
  preferred?: boolean;
}

export interface RelatedInformation {
  location: Location;
  message: string;
}

export interface Diagnostic {
  uri: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
}
