// Types for profile.mjs (the script runs as plain Node; its test imports it from TypeScript).
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
  scriptId?: string | number;
}
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}
export type Category = (typeof CATEGORIES)[number];
export const CATEGORIES: readonly [
  'garbage collection',
  'file system',
  'front matter',
  'Markdown scan',
  'ID tokenizer',
  'document parse other',
  'index linking',
  'rules/diagnostics',
  'hashing',
  'output',
  'startup/module loading',
  'program/idle/other',
  'other',
];
export type SourceOf = (url: string, lineNumber: number) => string | undefined;
export interface ProfileAggregate {
  totalMs: number;
  samples: number;
  categories: Record<Category, number>;
  functions: { key: string; name: string; where: string; selfMs: number; byCategory: Partial<Record<Category, number>> }[];
}
export function classifyFrame(callFrame: CallFrame, source: string | undefined): Category | undefined;
export function bundleModules(text: string): ((lineNumber: number) => string | undefined) | undefined;
export function sourceResolver(): SourceOf;
export function aggregateProfile(profile: CpuProfile, sourceOf?: SourceOf): ProfileAggregate;
export function formatReport(report: {
  label: string;
  cli: string;
  dir: string;
  size: number | undefined;
  files?: number;
  shape: string;
  runs: { ms: number; code: number | null; stderr: string; floorMs: number; diagnostics: number | undefined; sha256: string }[];
  aggregates: ProfileAggregate[];
  interval: number;
  loadStart: number[];
  loadEnd: number[];
}): string;
