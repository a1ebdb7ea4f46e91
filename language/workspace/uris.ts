// URI helpers on top of vscode-uri, so that paths join and compare the same on every host.
import { URI, Utils } from 'vscode-uri';

export const joinUri = (base: string, ...parts: string[]): string => Utils.joinPath(URI.parse(base), ...parts).toString();

/** `child` relative to `base` with "/" separators, or undefined when it is not inside. */
export function relativeUri(base: string, child: string): string | undefined {
  const b = URI.parse(base);
  const c = URI.parse(child);
  if (b.scheme !== c.scheme || b.authority !== c.authority) return undefined;
  const bp = b.path.endsWith('/') ? b.path : b.path + '/';
  if (c.path === b.path) return '';
  return c.path.startsWith(bp) ? c.path.slice(bp.length) : undefined;
}

export const basename = (uri: string): string => Utils.basename(URI.parse(uri));
export const dirnameUri = (uri: string): string => Utils.dirname(URI.parse(uri)).toString();
export const fileUri = (fsPath: string): string => URI.file(fsPath).toString();
export const fsPath = (uri: string): string => URI.parse(uri).fsPath;
