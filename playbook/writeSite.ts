// Writes a built site: into a fresh sibling folder first, then swapped in, so that a failed
// build never leaves half a site. An existing folder is replaced only when an earlier build made it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SITE_MARKER } from './build';
import { resolveInside } from './sitePaths';

export class OutputFolderError extends Error {}

/** Refuses output folders the build must never replace; returns the absolute folder. */
export async function checkOutDir(outDir: string, docsRoot: string): Promise<string> {
  const out = path.resolve(outDir);
  const rootDocs = path.resolve(docsRoot);
  if (out === path.parse(out).root) throw new OutputFolderError(`--out cannot be the root folder ${out}`);
  if (rootDocs === out || rootDocs.startsWith(out + path.sep)) throw new OutputFolderError(`--out ${outDir} holds the framework documents; choose another folder`);
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

export async function writeSite(out: string, files: Map<string, string | Uint8Array>): Promise<void> {
  const tmp = `${out}.tmp-${process.pid}`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  try {
    for (const [sitePath, content] of files) {
      const file = resolveInside(tmp, sitePath);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content);
    }
    const old = `${out}.old-${process.pid}`;
    const exists = await fs.stat(out).then(() => true, () => false);
    if (exists) await fs.rename(out, old);
    await fs.rename(tmp, out);
    if (exists) await fs.rm(old, { recursive: true, force: true });
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
