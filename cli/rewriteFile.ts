// Rewrites a file in place for `check --fix` without losing what anyone else writes meanwhile.
//
// The file is opened once and read through that descriptor. The new text goes to a flushed
// temporary file beside it. Immediately before the rename, the same descriptor is read again and
// the path is checked to still name the same file: any difference and the fix is refused. After
// the rename, the descriptor (still on the replaced file) is read once more, so a write that landed
// between that last check and the rename is seen too, and the other program's text is put back.
// A symbolic link is written through to its target, which must lie inside the docs root.
import { constants, promises as fs, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { writeTempBeside } from './atomicWrite';

/** The fix was not written; the file holds what another program made of it. */
export class FileChangedError extends Error {}
/** The fix was not written, for a reason that is not a concurrent change (a link leading out). */
export class RefusedWriteError extends Error {}

export interface RewriteResult {
  /** The file written: the target, when `file` is a symbolic link. */
  written: string;
}

// ignoreBOM: the BOM stays in the text, so that the file keeps it.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Replaces the content of `file` by `edit(current text)`. `edit` may throw to refuse (a stale
 * edit). Throws FileChangedError when the file changed while the fix was being saved.
 */
export async function rewriteFile(file: string, within: string, edit: (text: string) => string): Promise<RewriteResult> {
  const real = await fs.realpath(file);
  const root = await fs.realpath(within);
  const rel = path.relative(root, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new RefusedWriteError('it is a symbolic link to a file outside the docs root, which --fix never writes');
  }
  // O_NOFOLLOW: the real path has no link left in its last part; one put there now is refused.
  const handle = await fs.open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new RefusedWriteError('it is not a regular file');
    const before = await readAll(handle);
    const next = edit(decoder.decode(before));
    const tmp = await writeTempBeside(real, next, st.mode & 0o7777, { uid: st.uid, gid: st.gid });
    let renamed = false;
    try {
      if (!(await unchanged(handle, real, st, before))) {
        throw new FileChangedError('the file changed while the fix was being saved; it was left as it is. Run the command again.');
      }
      await fs.rename(tmp, real);
      renamed = true;
    } finally {
      if (!renamed) await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
    // The descriptor still reads the replaced file: a write between the check and the rename
    // went there. Put that text back rather than lose it.
    const after = await readAll(handle);
    if (!after.equals(before)) {
      await putBack(real, next, after, st);
      throw new FileChangedError('another program wrote to the file while the fix was being saved; its text was put back. Run the command again.');
    }
    return { written: real };
  } finally {
    await handle.close();
  }
}

/** True when `real` still names the open file and the file still holds exactly `before`. */
async function unchanged(handle: FileHandle, real: string, st: Stats, before: Buffer): Promise<boolean> {
  const now = await fs.lstat(real).catch(() => undefined);
  if (!now || now.dev !== st.dev || now.ino !== st.ino) return false;
  const current = await readAll(handle);
  return current.equals(before);
}

async function readAll(handle: FileHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    pos += bytesRead;
  }
  return Buffer.concat(chunks);
}

/**
 * Writes `theirs` (the replaced file as another program left it) back over our fixed text, but
 * only while the path still holds exactly what we wrote. Otherwise their text is kept in a
 * recovery file beside it, and the error says where.
 */
async function putBack(real: string, ours: string, theirs: Buffer, st: Stats): Promise<void> {
  const current = await fs.readFile(real).catch(() => undefined);
  if (current && current.equals(Buffer.from(ours, 'utf8'))) {
    const tmp = await writeTempBeside(real, theirs, st.mode & 0o7777, { uid: st.uid, gid: st.gid });
    await fs.rename(tmp, real);
    return;
  }
  const keep = path.join(path.dirname(real), `.${path.basename(real)}.opmodel-recovered-${Date.now()}`);
  await fs.writeFile(keep, theirs, { flag: 'wx', mode: st.mode & 0o7777 });
  throw new FileChangedError(`two other programs wrote to the file while the fix was being saved; the text of the first was kept in ${path.basename(keep)}. Run the command again.`);
}
