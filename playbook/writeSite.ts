// Writes a built site: into a fresh sibling folder first, then swapped in, so that a failed
// build never leaves half a site. An existing folder is replaced only when an earlier build made
// it, and never when it holds the framework: that is decided on real paths and on device and
// inode numbers, not on the path as typed, so no symbolic link, bind mount or case-insensitive
// spelling can lead the build onto the documents.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SITE_MARKER } from './build';
import { resolveInside } from './sitePaths';

export class OutputFolderError extends Error {}

/** Refuses output folders the build must never replace; returns the absolute folder. */
export async function checkOutDir(outDir: string, docsRoot: string): Promise<string> {
  const out = path.resolve(outDir);
  if (out === path.parse(out).root) throw new OutputFolderError(`--out cannot be the root folder ${out}`);
  if (await holdsFolder(out, docsRoot)) throw new OutputFolderError(`--out ${outDir} holds the framework documents; choose another folder`);
  const entries = await fs.readdir(out).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    if (e.code === 'ENOTDIR') throw new OutputFolderError(`--out ${outDir} is a file, not a folder`);
    throw e;
  });
  if (entries.length && !entries.includes(SITE_MARKER)) {
    throw new OutputFolderError(`--out ${outDir} is not empty and was not made by "opmodel build"; choose a new or empty folder`);
  }
  return out;
}

/**
 * True when replacing `out` would replace `inner`: `out` is `inner` or one of its ancestors,
 * compared by real path, and by device and inode for every ancestor of `inner`.
 */
export async function holdsFolder(out: string, inner: string): Promise<boolean> {
  const realInner = await fs.realpath(inner);
  const realOut = await realLocation(out);
  if (realInner === realOut || realInner.startsWith(realOut.endsWith(path.sep) ? realOut : realOut + path.sep)) return true;
  const outSt = await fs.stat(out).catch(() => undefined);
  if (!outSt) return false;
  for (let dir = realInner; ; dir = path.dirname(dir)) {
    const st = await fs.stat(dir).catch(() => undefined);
    if (st && st.dev === outSt.dev && st.ino === outSt.ino) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest of `p`. */
async function realLocation(p: string): Promise<string> {
  const rest: string[] = [];
  for (let dir = path.resolve(p); ; dir = path.dirname(dir)) {
    const real = await fs.realpath(dir).catch(() => undefined);
    if (real !== undefined) return path.join(real, ...rest.reverse());
    if (path.dirname(dir) === dir) return path.resolve(p);
    rest.push(path.basename(dir));
  }
}

const unique = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Writes the site into a new folder beside `out` and swaps it in. `protect` (the docs root) is
 * checked once more just before the swap, in case `out` was replaced by a link meanwhile.
 */
export async function writeSite(out: string, files: Map<string, string | Uint8Array>, protect?: string): Promise<void> {
  // A fresh name, never an existing folder: nothing is removed that this build did not make.
  const tmp = `${out}.tmp-${unique()}`;
  await fs.mkdir(path.dirname(tmp), { recursive: true });
  await fs.mkdir(tmp);
  try {
    for (const [sitePath, content] of files) {
      const file = resolveInside(tmp, sitePath);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content);
    }
    if (protect !== undefined && (await holdsFolder(out, protect))) throw new OutputFolderError(`--out ${out} now holds the framework documents; no site was written`);
    const old = `${out}.old-${unique()}`;
    const exists = await fs.lstat(out).then(() => true, () => false);
    if (exists) await fs.rename(out, old);
    await fs.rename(tmp, out);
    if (exists) await fs.rm(old, { recursive: true, force: true });
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
