// The editors' settings (opmodel.* in VS Code, the "opmodel" section for the language server),
// read into plain values. The caller passes what its editor returned, so the checks are shared.
import { allCodes } from '../rules/index';
import type { SeveritySetting } from '../types';
import { BudgetExceededError, globProblem, GlobList, MatchBudget } from '../workspace/glob';

export interface EditorSettings {
  severity: Record<string, SeveritySetting>;
  include: string[];
  exclude: string[];
  debounceMs: number;
  /** The assessment the Framework tree shows, relative to the framework root; '' = the newest. */
  assessment: string;
}

export const DEFAULT_DEBOUNCE_MS = 300;
const SEVERITIES = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

export interface SettingsResult {
  settings: EditorSettings;
  /** Values that were ignored, each as a sentence for the output channel. */
  problems: string[];
}

export function readSettings(raw: { severity?: unknown; include?: unknown; exclude?: unknown; debounceMs?: unknown; assessment?: unknown }): SettingsResult {
  const problems: string[] = [];
  const severity: Record<string, SeveritySetting> = Object.create(null);
  const codes = new Set(allCodes());
  if (raw.severity && typeof raw.severity === 'object' && !Array.isArray(raw.severity)) {
    for (const [code, value] of Object.entries(raw.severity as Record<string, unknown>)) {
      if (!codes.has(code)) problems.push(`opmodel.severity: unknown code "${code}" ignored (known: ${[...codes].join(', ')}).`);
      else if (typeof value !== 'string' || !SEVERITIES.has(value)) problems.push(`opmodel.severity.${code}: "${String(value)}" is not one of error, warning, info, hint, off.`);
      else severity[code] = value as SeveritySetting;
    }
  } else if (raw.severity !== undefined && raw.severity !== null) problems.push('opmodel.severity must be an object such as { "unknown-id": "warning" }.');
  const globs = (name: string, v: unknown): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((g) => typeof g !== 'string' || g.trim() === '')) {
      problems.push(`opmodel.${name} must be a list of glob patterns; ignored.`);
      return [];
    }
    // The same matcher as opmodel.json (no backtracking): a pattern it cannot use is dropped.
    return (v as string[]).filter((g) => {
      const why = globProblem(g);
      if (why) problems.push(`opmodel.${name}: pattern "${g}" ignored: ${why}.`);
      return !why;
    });
  };
  const include = globs('include', raw.include);
  const exclude = globs('exclude', raw.exclude);
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  if (raw.debounceMs !== undefined && raw.debounceMs !== null) {
    if (typeof raw.debounceMs === 'number' && Number.isFinite(raw.debounceMs) && raw.debounceMs >= 0) debounceMs = Math.min(raw.debounceMs, 10000);
    else problems.push(`opmodel.debounceMs must be a number of milliseconds (0 to 10000); using ${DEFAULT_DEBOUNCE_MS}.`);
  }
  let assessment = '';
  if (typeof raw.assessment === 'string') assessment = raw.assessment.trim();
  else if (raw.assessment !== undefined && raw.assessment !== null) problems.push('opmodel.assessment must be the path of an assessment file relative to the framework, e.g. "assessments/2026-11-baseline.yaml"; using the newest.');
  return { settings: { severity, include, exclude, debounceMs, assessment }, problems };
}

/** Whether a path relative to the framework root passes the include/exclude settings. */
export function settingsFilter(settings: Pick<EditorSettings, 'include' | 'exclude'>): (relPath: string) => boolean {
  const inc = new GlobList(settings.include, { dot: false });
  const exc = new GlobList(settings.exclude, { dot: true });
  return (rel) => {
    // Each path may cost a bounded number of matching steps; past that it is left out.
    const budget = new MatchBudget(1_000_000);
    try {
      return (!settings.include.length || inc.matches(rel, budget)) && !exc.matches(rel, budget);
    } catch (e) {
      if (e instanceof BudgetExceededError) return false;
      throw e;
    }
  };
}
