// Where a client framework's `"extends": "opmodel"` comes from in the editor: the copy installed
// in the workspace (node_modules), shown read-only, or else the copy bundled with the extension.
// Says which in the output channel.
import bundled from 'opmodel:bundled-framework';
import { displayPath, type FrameworkResolver, type Workspace } from '../language/index';
import type { FrameworkFileSystem } from './frameworkFileSystem';
import { logger } from './log';

export const BUNDLED_VERSION = bundled.version;

export function frameworkResolver(fs: FrameworkFileSystem, read: Workspace): FrameworkResolver {
  let bundledRoot: string | undefined;
  return async (spec, fromRootUri, next) => {
    const found = await next();
    if (!('error' in found)) {
      const rootUri = fs.mountFolder(found.rootUri);
      const { name, version } = found.source;
      logger.info(`${fromRootUri} extends ${name}${version ? ` ${version}` : ''}: the copy at ${displayPath(fromRootUri, found.rootUri)}, opened read-only.`);
      // The source keeps the real folder, for messages; the documents are read through the read-only view.
      return { rootUri, workspace: read, source: found.source };
    }
    if (spec !== 'opmodel') return found;
    bundledRoot ??= fs.mountMemory('bundled', bundled.files);
    logger.info(`${fromRootUri} extends opmodel, which is not installed in this workspace: using the copy bundled with the extension (opmodel ${bundled.version}), read-only.`);
    return { rootUri: bundledRoot, workspace: read, source: { kind: 'bundled', name: 'opmodel', version: bundled.version, rootUri: bundledRoot } };
  };
}
