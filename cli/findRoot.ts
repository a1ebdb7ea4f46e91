// Finds the docs root for a path: the nearest folder at or above it that holds opmodel.json,
// or the path itself (its folder, for a file) when no config is found.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../language/index';

export async function findRoot(target: string): Promise<{ root: string; isFile: boolean; hasConfig: boolean }> {
  const st = await fs.stat(target);
  const start = st.isDirectory() ? target : path.dirname(target);
  for (let dir = start; ; dir = path.dirname(dir)) {
    // lstat: a config that is a link out of the folder, or a pipe, still marks the root (and is
    // then refused unread), rather than letting a folder above become the root.
    if (await fs.lstat(path.join(dir, CONFIG_FILE_NAME)).then((s) => !s.isDirectory(), () => false)) return { root: dir, isFile: st.isFile(), hasConfig: true };
    if (path.dirname(dir) === dir) break;
  }
  return { root: start, isFile: st.isFile(), hasConfig: false };
}
