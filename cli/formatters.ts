// Output formats of `opmodel check`: text, json, sarif and GitHub workflow commands.
import type { Diagnostic } from '../language/index';
import { assessmentRules, rules, SKIPPED_FILE } from '../language/index';
import { neutralise, safeJson } from './neutralise';

export interface CheckReport {
  files: number;
  elements: number;
  diagnostics: CliDiagnostic[];
}

/**
 * A diagnostic with its file, and its related locations' files, relative to the current folder;
 * `id` and `fingerprint` (cli/check/fingerprints.ts) identify it across runs.
 */
export type CliDiagnostic = Diagnostic & { file: string; relatedFiles: string[]; id?: string | null; fingerprint?: string };

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  /** The ID the finding is about (the one it covers, else its document's), or null. */
  id?: string | null;
  /** Line-independent: equal for the same finding after lines are added above it. */
  fingerprint?: string;
}

export function toJsonDiagnostic(d: CliDiagnostic): JsonDiagnostic {
  return {
    file: d.file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.fingerprint !== undefined ? { id: d.id ?? null, fingerprint: d.fingerprint } : {}),
  };
}


const COLOURS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

export function formatText(r: CheckReport, colour: boolean): string {
  return r.diagnostics
    .map((d) => {
      const j = toJsonDiagnostic(d);
      const sev = colour ? `${COLOURS[j.severity] ?? ''}${j.severity}\x1b[0m` : j.severity;
      // One diagnostic per line: text from the repository goes through neutralise.
      const file = neutralise(j.file);
      const loc = colour ? `\x1b[1m${file}:${j.line}:${j.column}\x1b[0m` : `${file}:${j.line}:${j.column}`;
      return `${loc} ${sev} ${neutralise(j.code)} ${neutralise(j.message)}\n`;
    })
    .join('');
}

export function summary(r: CheckReport): string {
  const count = (s: string) => r.diagnostics.filter((d) => d.severity === s).length;
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${n(r.files, 'file')}, ${n(r.elements, 'element')}: ${n(count('error'), 'error')}, ${n(count('warning'), 'warning')}`;
}

export interface JsonFramework {
  /** The framework's folder, relative to the current folder ("." for it). */
  root: string;
  config: string | null;
  extends: { name: string; version: string | null; root: string } | null;
}

export function formatJson(r: CheckReport, frameworks: JsonFramework[] = []): string {
  return safeJson({ files: r.files, elements: r.elements, diagnostics: r.diagnostics.map(toJsonDiagnostic), frameworks }) + '\n';
}

// Workflow commands: data is neutralised and escaped so that a message can never start a command
// of its own, nor drive the log viewer.
export const escData = (s: string) => neutralise(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(r: CheckReport): string {
  return r.diagnostics
    .map((d) => {
      const j = toJsonDiagnostic(d);
      const cmd = j.severity === 'error' ? 'error' : j.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escProp(j.file)}`, `line=${j.line}`, `col=${j.column}`, `endLine=${j.endLine}`, `endColumn=${j.endColumn}`, `title=${escProp(`opmodel ${j.code}`)}`];
      return `::${cmd} ${props.join(',')}::${escData(j.message)}\n`;
    })
    .join('');
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A relative path as a URI reference: "odd, name.md" -> "odd%2C%20name.md" (SARIF requires valid URIs). */
export const pathToUriReference = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

export function formatSarif(r: CheckReport, version: string, uriFor: (file: string) => string = pathToUriReference): string {
  const known = new Set(rules.map((x) => x.code));
  const all = [...rules, ...assessmentRules.filter((x) => !known.has(x.code))].map((x) => ({ code: x.code, description: x.description, level: x.defaultSeverity }));
  all.push({ code: SKIPPED_FILE.code, description: SKIPPED_FILE.description, level: SKIPPED_FILE.defaultSeverity });
  const ruleIndex = new Map(all.map((x, i) => [x.code, i]));
  const region = (range: Diagnostic['range']) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'opmodel',
            version,
            rules: all.map((x) => ({
              id: x.code,
              name: x.code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: x.description },
              defaultConfiguration: { level: SARIF_LEVEL[x.level] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: r.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code) ?? 0,
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: uriFor(d.file), uriBaseId: '%SRCROOT%' }, region: region(d.range) } }],
          // Code scanning and --baseline follow a finding across commits by this, not by its line.
          ...(d.fingerprint !== undefined ? { partialFingerprints: { 'opmodel/v1': d.fingerprint }, properties: { id: d.id ?? null } } : {}),
          ...(d.related?.length
            ? {
                relatedLocations: d.related.map((rel, i) => ({
                  id: i + 1,
                  message: { text: rel.message },
                  physicalLocation: { artifactLocation: { uri: uriFor(d.relatedFiles[i]!), uriBaseId: '%SRCROOT%' }, region: region(rel.location.range) },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return safeJson(sarif) + '\n';
}
