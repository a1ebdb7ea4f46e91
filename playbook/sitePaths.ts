// Output paths come from IDs and keys only, checked against one safe pattern, and every file
// is resolved inside the output folder before it is written.
import path from 'node:path';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** True when `name` can be a file name on every platform without leaving its folder. */
export const isSafeName = (name: string): boolean => SAFE_NAME.test(name) && !name.endsWith('.');

/** A file-name slug for a document that has neither an ID nor a key (a guide, a playbook). */
export function slugFromFile(fileName: string): string {
  const base = fileName.replace(/\.md$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|[.-]+$/g, '');
  return isSafeName(base) ? base : 'page';
}

/** `to` relative to the page at `from` (both site paths with "/"), keeping a fragment. */
export function relHref(from: string, to: string): string {
  const [file, frag] = splitFragment(to);
  const rel = file === from ? '' : path.posix.relative(path.posix.dirname(from), file);
  return rel + (frag !== undefined ? '#' + frag : '');
}

export function splitFragment(href: string): [string, string | undefined] {
  const i = href.indexOf('#');
  return i < 0 ? [href, undefined] : [href.slice(0, i), href.slice(i + 1)];
}

/** Resolves a site path inside `outDir`, throwing when it would land anywhere else. */
export function resolveInside(outDir: string, sitePath: string): string {
  const full = path.resolve(outDir, ...sitePath.split('/'));
  if (!full.startsWith(outDir + path.sep)) throw new Error(`refusing to write "${sitePath}": it is outside ${outDir}`);
  return full;
}
