// Writes a file so that a crash never leaves it half-written: a temporary file in the same
// folder, flushed, then renamed over the original (rename is atomic on one file system).
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function atomicWrite(file: string, text: string): Promise<void> {
  const mode = await fs.stat(file).then((s) => s.mode & 0o7777, () => 0o644);
  const tmp = await writeTempBeside(file, text, mode);
  let renamed = false;
  try {
    await fs.rename(tmp, file);
    renamed = true;
  } finally {
    // A failed rename (permissions, another file system) leaves the original and no temp file.
    if (!renamed) await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

let counter = 0;

/**
 * Writes `text` (UTF-8 when a string) to a new temporary file next to `file`, flushed to disk, and returns its path.
 * A failed write (disk full) removes the temporary file and rethrows.
 */
export async function writeTempBeside(file: string, text: string | Uint8Array, mode: number, owner?: { uid: number; gid: number }): Promise<string> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.opmodel-${process.pid}-${Date.now()}-${counter++}.tmp`);
  const handle = await fs.open(tmp, 'wx', mode);
  let ok = false;
  try {
    await handle.writeFile(text);
    // The owner of the original keeps it when we may set it (running as root); otherwise ours.
    if (owner) await handle.chown(owner.uid, owner.gid).catch(() => undefined);
    await handle.chmod(mode).catch(() => undefined);
    await handle.sync();
    ok = true;
  } finally {
    await handle.close();
    if (!ok) await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
  return tmp;
}
