// `opmodel check --baseline FILE`: report only the findings that are not in a previous run's
// output (`--format json` or `--format sarif`). Findings are matched by code, file, ID and
// their line-independent fingerprint, so that lines added above an old finding do not make it
// new; each baseline entry matches one finding at most.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliDiagnostic } from '../formatters';
import type { Io } from '../main';
import { UsageError } from '../usage';

export interface BaselineEntry {
  code: string;
  file: string;
  /** Undefined when the baseline does not say (an older output): the ID is then not compared. */
  id?: string | null;
  fingerprint?: string;
  line?: number;
  column?: number;
}

export interface Baseline {
  file: string;
  entries: BaselineEntry[];
  /** True when some entries carry no fingerprint and are matched by line and column instead. */
  lineMatched: boolean;
}

const MAX_BASELINE = 256 * 1024 * 1024;
export const SARIF_FINGERPRINT = 'opmodel/v1';

export async function readBaseline(file: string, io: Io): Promise<Baseline> {
  const abs = path.resolve(io.cwd, file);
  let text: string;
  try {
    const st = await fs.stat(abs);
    if (!st.isFile()) throw new UsageError(`--baseline ${file} is not a file`);
    if (st.size > MAX_BASELINE) throw new UsageError(`--baseline ${file} is larger than 256 MB`);
    text = await fs.readFile(abs, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--baseline ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(`--baseline ${file} is not JSON (${(e as Error).message}); give the output of "opmodel check --format json" or "--format sarif"`);
  }
  const entries = fromCheckJson(data) ?? fromSarif(data);
  if (!entries) throw new UsageError(`--baseline ${file} is neither "opmodel check --format json" nor "--format sarif" output`);
  return { file, entries, lineMatched: entries.some((e) => e.fingerprint === undefined) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

function fromCheckJson(data: unknown): BaselineEntry[] | undefined {
  if (!isObject(data) || !Array.isArray(data.diagnostics)) return undefined;
  const out: BaselineEntry[] = [];
  for (const d of data.diagnostics) {
    if (!isObject(d) || !str(d.code) || !str(d.file)) continue;
    out.push({ code: d.code as string, file: d.file as string, ...('id' in d ? { id: str(d.id) ?? null } : {}), fingerprint: str(d.fingerprint), line: num(d.line), column: num(d.column) });
  }
  return out;
}

function fromSarif(data: unknown): BaselineEntry[] | undefined {
  if (!isObject(data) || !Array.isArray(data.runs)) return undefined;
  const out: BaselineEntry[] = [];
  for (const run of data.runs) {
    if (!isObject(run) || !Array.isArray(run.results)) continue;
    for (const r of run.results) {
      if (!isObject(r) || !str(r.ruleId)) continue;
      const loc = Array.isArray(r.locations) && isObject(r.locations[0]) ? (r.locations[0].physicalLocation as Record<string, unknown> | undefined) : undefined;
      const uri = isObject(loc) && isObject(loc.artifactLocation) ? str(loc.artifactLocation.uri) : undefined;
      if (uri === undefined) continue;
      const region = isObject(loc) && isObject(loc.region) ? loc.region : {};
      const prints = isObject(r.partialFingerprints) ? r.partialFingerprints : {};
      const props = isObject(r.properties) ? r.properties : {};
      out.push({
        code: r.ruleId as string,
        file: decodeUriPath(uri),
        ...('id' in props ? { id: str(props.id) ?? null } : {}),
        fingerprint: str(prints[SARIF_FINGERPRINT]),
        line: num(region.startLine),
        column: num(region.startColumn),
      });
    }
  }
  return out;
}

function decodeUriPath(uri: string): string {
  try {
    return uri.split('/').map(decodeURIComponent).join('/');
  } catch {
    return uri;
  }
}

const key = (code: string, file: string, rest: string) => `${code}\u0000${file}\u0000${rest}`;

/** The findings that the baseline does not hold, and how many it did hold. */
export function newSinceBaseline(diagnostics: CliDiagnostic[], baseline: Baseline): { fresh: CliDiagnostic[]; known: number } {
  const byPrint = new Map<string, BaselineEntry[]>();
  const byLine = new Map<string, number>();
  for (const e of baseline.entries) {
    if (e.fingerprint !== undefined) {
      const k = key(e.code, e.file, e.fingerprint);
      byPrint.set(k, [...(byPrint.get(k) ?? []), e]);
    } else if (e.line !== undefined) {
      const k = key(e.code, e.file, `${e.line}:${e.column ?? 0}`);
      byLine.set(k, (byLine.get(k) ?? 0) + 1);
    }
  }
  const fresh: CliDiagnostic[] = [];
  let known = 0;
  for (const d of diagnostics) {
    const list = byPrint.get(key(d.code, d.file, d.fingerprint ?? ''));
    const i = list?.findIndex((e) => e.id === undefined || e.id === (d.id ?? null)) ?? -1;
    if (list && i >= 0) {
      list.splice(i, 1);
      known++;
      continue;
    }
    const lk = key(d.code, d.file, `${d.range.start.line + 1}:${d.range.start.character + 1}`);
    const n = byLine.get(lk) ?? 0;
    if (n > 0) {
      byLine.set(lk, n - 1);
      known++;
      continue;
    }
    fresh.push(d);
  }
  return { fresh, known };
}
