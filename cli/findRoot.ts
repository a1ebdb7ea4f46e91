// Finds the docs root for a path: the nearest folder at or above it that holds opmodel.json,
// or the path itself (its folder, for a file) when no config is found.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../language/index';

export async function findRoot(target: string): Promise<{ root: string; isFile: boolean; hasConfig: boolean }> {
  const st = await fs.stat(target);
  const start = st.isDirectory() ? target : path.dirname(target);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (await fs.stat(path.join(dir, CONFIG_FILE_NAME)).then((s) => s.isFile(), () => false)) return { root: dir, isFile: st.isFile(), hasConfig: true };
    if (path.dirname(dir) === dir) break;
  }
  return { root: start, isFile: st.isFile(), hasConfig: false };
}
