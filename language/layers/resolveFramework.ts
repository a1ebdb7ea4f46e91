// Finds the framework an `extends` names: a relative folder, or an installed package looked up
// as Node looks up packages (node_modules of the folder and of every folder above it). Reads
// only through a Workspace, so it works on disk, in VS Code and in memory alike.
import { URI, Utils } from 'vscode-uri';
import { CONFIG_FILE_NAME } from '../config/config';
import { decodeText } from '../workspace/decodeText';
import { dirnameUri, joinUri, relativeUri } from '../workspace/uris';
import type { Workspace } from '../workspace/workspace';

/** Where a base framework came from, for messages, the output channel and the site's footer. */
export interface FrameworkSource {
  kind: 'package' | 'folder' | 'bundled';
  /** Package name ("opmodel"), or the folder as written in `extends`. */
  name: string;
  version?: string;
  /** The framework's folder: a URI, shown relative to the client where it can be. */
  rootUri: string;
}

export interface ResolvedFramework {
  rootUri: string;
  /** How to read it; the client's own workspace when left out. */
  workspace?: Workspace;
  source: FrameworkSource;
}

export type FrameworkResolution = ResolvedFramework | { error: string };

/**
 * Lets a host change resolution: call `next()` for the default and return it, a replacement
 * (a read-only view of it), or a fallback when it failed (the extension's bundled framework).
 */
export type FrameworkResolver = (spec: string, fromRootUri: string, next: () => Promise<FrameworkResolution>) => Promise<FrameworkResolution>;

const PACKAGE_RE = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const PACKAGE_JSON_MAX = 1024 * 1024;

export const isFolderSpec = (spec: string): boolean => spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/') || /^[A-Za-z]:[\\/]/.test(spec);

export async function resolveFramework(ws: Workspace, fromRootUri: string, spec: string): Promise<FrameworkResolution> {
  const hasConfig = async (root: string) => (await ws.stat(joinUri(root, CONFIG_FILE_NAME)).catch(() => undefined))?.kind === 'file';
  if (isFolderSpec(spec)) {
    if (spec.startsWith('/') || /^[A-Za-z]:/.test(spec)) return { error: `"extends": "${spec}" is an absolute path; write the folder relative to this opmodel.json (e.g. "../framework") so that the repository works wherever it is cloned` };
    const rootUri = Utils.resolvePath(URI.parse(fromRootUri), spec.replace(/\\/g, '/')).toString();
    if (!(await hasConfig(rootUri))) return { error: `"extends": "${spec}": there is no ${CONFIG_FILE_NAME} in that folder` };
    return { rootUri, source: { kind: 'folder', name: spec, rootUri } };
  }
  if (!PACKAGE_RE.test(spec)) return { error: `"extends": "${spec}" is neither a package name (such as "opmodel") nor a relative folder (such as "../framework")` };
  for (let dir = fromRootUri; ; ) {
    const pkgDir = joinUri(dir, 'node_modules', ...spec.split('/'));
    const manifest = joinUri(pkgDir, 'package.json');
    const st = await ws.stat(manifest).catch(() => undefined);
    if (st?.kind === 'file') return frameworkOfPackage(ws, spec, pkgDir, manifest, st.size, hasConfig);
    const up = dirnameUri(dir);
    if (up === dir) break;
    dir = up;
  }
  const hint = spec === 'opmodel' ? 'install it in this repository (npm install -D followed by the opmodel tarball or git URL you were given)' : `install it (npm install -D ${spec})`;
  return { error: `"extends": "${spec}": no installed package "${spec}" was found in node_modules here or in any folder above; ${hint}, or name a folder ("../framework")` };
}

async function frameworkOfPackage(ws: Workspace, name: string, pkgDir: string, manifest: string, size: number, hasConfig: (root: string) => Promise<boolean>): Promise<FrameworkResolution> {
  let pkg: { version?: unknown; opmodel?: { framework?: unknown } } = {};
  try {
    const decoded = size > PACKAGE_JSON_MAX ? undefined : decodeText(await ws.readFile(manifest), PACKAGE_JSON_MAX);
    if (decoded && 'text' in decoded) pkg = JSON.parse(decoded.text) ?? {};
  } catch {
    // An unreadable package.json: the package's own folder may still hold the framework.
  }
  const version = typeof pkg.version === 'string' ? pkg.version : undefined;
  const declared = pkg.opmodel && typeof pkg.opmodel === 'object' ? pkg.opmodel.framework : undefined;
  let rootUri = pkgDir;
  if (typeof declared === 'string' && declared.trim()) {
    const candidate = Utils.resolvePath(URI.parse(pkgDir), declared.trim()).toString();
    // A package may point inside itself only.
    if (relativeUri(pkgDir, candidate) === undefined) return { error: `package "${name}" names its framework folder "${declared}", which is outside the package` };
    rootUri = candidate;
  }
  if (!(await hasConfig(rootUri))) {
    return { error: `package "${name}" is installed but ships no framework: its package.json has no "opmodel": { "framework": "<folder>" } and there is no ${CONFIG_FILE_NAME} in it` };
  }
  return { rootUri, source: { kind: 'package', name, version, rootUri } };
}
