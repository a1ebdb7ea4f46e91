// The chain of frameworks a project stands on: the client's own config, the framework its
// `extends` names, that one's `extends`, and so on. Returned base first, own layer last, each with
// its effective (merged) config. Cycles and unresolved names become config problems.
import { CONFIG_FILE_NAME, type OpmodelConfig } from '../config/config';
import { defaultConfig } from '../config/defaults';
import { readExtendsSpec } from '../config/extendsConfig';
import { loadConfig, type ConfigProblem } from '../config/loadConfig';
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import { decodeText, formatSize } from '../workspace/decodeText';
import { joinUri } from '../workspace/uris';
import type { Workspace } from '../workspace/workspace';
import { resolveFramework, type FrameworkResolver, type FrameworkSource } from './resolveFramework';
import { displayPath } from './displayPath';

export interface Layer {
  /** 0 for the bottom framework; the project's own layer is the last. */
  index: number;
  rootUri: string;
  configUri?: string;
  /** The text of the config, for fixes that edit it (the own layer's scope). */
  configText?: string;
  workspace: Workspace;
  /** This layer's effective config (merged with everything below it). */
  config: OpmodelConfig;
  /** Where a base layer came from; undefined for the project's own layer. */
  source?: FrameworkSource;
}

export interface LayerChain {
  layers: Layer[];
  problems: ConfigProblem[];
}

export interface LoadLayersOptions {
  workspace: Workspace;
  rootUri: string;
  resolveFramework?: FrameworkResolver;
}

const CONFIG_MAX_SIZE = 1024 * 1024;
const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export async function loadLayers(opts: LoadLayersOptions): Promise<LayerChain> {
  const problems: ConfigProblem[] = [];
  const layers = await loadFrom(opts, opts.rootUri, opts.workspace, undefined, [], problems);
  layers.forEach((l, i) => (l.index = i));
  return { layers, problems };
}

async function loadFrom(opts: LoadLayersOptions, rootUri: string, ws: Workspace, source: FrameworkSource | undefined, chain: string[], problems: ConfigProblem[]): Promise<Layer[]> {
  const configUri = joinUri(rootUri, CONFIG_FILE_NAME);
  const isOwn = source === undefined;
  // Problems in an extended framework's config name that file.
  const report = (p: ConfigProblem) => problems.push(isOwn ? p : { ...p, uri: p.uri ?? configUri });
  const read = await readConfigText(ws, configUri);
  if (read === undefined) return [{ index: 0, rootUri, workspace: ws, config: defaultConfig(), source }];
  if ('message' in read) {
    report({ message: read.message, range: ZERO });
    return [{ index: 0, rootUri, configUri, workspace: ws, config: defaultConfig(), source }];
  }
  const text = read.text;
  const ext = readExtendsSpec(text);
  let below: Layer[] = [];
  if (ext) {
    const lines = new LineIndex(text);
    const range = lines.range(ext.offset, ext.offset + ext.length);
    const next = () => resolveFramework(ws, rootUri, ext.spec);
    const resolved = await (opts.resolveFramework ? opts.resolveFramework(ext.spec, rootUri, next) : next());
    if ('error' in resolved) report({ message: resolved.error, range });
    else {
      const baseConfig = joinUri(resolved.rootUri, CONFIG_FILE_NAME);
      const names = [...chain, configUri];
      if (names.includes(baseConfig) || baseConfig === configUri) {
        const cycle = [...names.slice(names.indexOf(baseConfig)), baseConfig].map((u) => displayPath(opts.rootUri, u));
        report({ message: `"extends" forms a cycle: ${cycle.join(' → ')}; a framework cannot extend itself`, range });
      } else {
        below = await loadFrom(opts, resolved.rootUri, resolved.workspace ?? ws, resolved.source, names, problems);
      }
    }
  }
  // An unresolved base still merges (into the defaults), so that the rest is checked sensibly.
  const base = ext ? (below[below.length - 1]?.config ?? defaultConfig()) : undefined;
  const loaded = loadConfig(text, { base });
  for (const p of loaded.problems) report(p);
  return [...below, { index: 0, rootUri, configUri, configText: text, workspace: ws, config: loaded.config, source }];
}

/** The config's text; undefined when there is none; a message when it cannot be used. */
export async function readConfigText(ws: Workspace, configUri: string): Promise<{ text: string } | { message: string } | undefined> {
  const st = await ws.stat(configUri).catch(() => undefined);
  // Confined like every Markdown file: never opened, and nothing of it is shown.
  if (st?.kind === 'other') return { message: `${CONFIG_FILE_NAME} was not read: it is not a regular file inside the docs root (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)` };
  if (st?.kind !== 'file') return undefined;
  // Checked before reading: a hostile multi-gigabyte opmodel.json is never loaded.
  if (st.size > CONFIG_MAX_SIZE) return { message: `${CONFIG_FILE_NAME} is larger than ${formatSize(CONFIG_MAX_SIZE)}` };
  try {
    const decoded = decodeText(await ws.readFile(configUri), CONFIG_MAX_SIZE);
    return 'text' in decoded ? decoded : { message: `${CONFIG_FILE_NAME} is ${decoded.reason}` };
  } catch (e) {
    return { message: `${CONFIG_FILE_NAME} is unreadable (${(e as Error).message})` };
  }
}
