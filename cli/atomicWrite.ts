// Writes a file so that a crash never leaves it half-written: a temporary file in the same
// folder, flushed, then renamed over the original (rename is atomic on one file system).
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function atomicWrite(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.opmodel-${process.pid}-${Date.now()}.tmp`);
  const mode = await fs.stat(file).then((s) => s.mode, () => 0o644);
  const handle = await fs.open(tmp, 'wx', mode);
  let renamed = false;
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
    renamed = true;
  } finally {
    // A failed write or rename (disk full, permissions) leaves the original and no temp file.
    if (!renamed) await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}
