// `opmodel init [dir] --client NAME`: a ready client repository. Never overwrites: a file that
// exists is reported and left as it is, and the command then exits 2.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../../language/index';
import { familyFromName, initFiles } from '../initTemplates';
import { registerCommand, type Io } from '../main';
import { UsageError } from '../usage';

export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { client: { type: 'string', short: 'c' }, family: { type: 'string' } } });
  if (positionals.length > 1) throw new UsageError('init takes at most one folder');
  const client = values.client?.trim();
  if (!client) throw new UsageError('init needs --client NAME, the client\'s name, e.g. --client "Acme Bank"');
  // The name lands in headings, YAML and JSON: one line of printable text.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(client) || client.length > 100) throw new UsageError('--client must be a name on one line, at most 100 characters');
  const taken = new Set(defaultConfig().families.map((f) => f.key));
  const family = values.family ?? familyFromName(client);
  if (!family || !/^[A-Z][A-Z0-9]*$/.test(family)) throw new UsageError(`${values.family ? `--family "${values.family}"` : `no family name can be made from "${client}"`}: give one with --family, upper-case letters and digits, e.g. --family ACME`);
  if (taken.has(family)) throw new UsageError(`the family ${family} belongs to the framework; choose another with --family`);

  const dir = path.resolve(io.cwd, positionals[0] ?? '.');
  const st = await fs.stat(dir).catch(() => undefined);
  if (st && !st.isDirectory()) throw new UsageError(`${positionals[0]} is a file, not a folder`);
  await fs.mkdir(dir, { recursive: true });
  const shown = (f: string) => path.relative(io.cwd, path.join(dir, f)).split(path.sep).join('/') || f;
  let skipped = 0;
  for (const [file, text] of initFiles({ client, family })) {
    const full = path.join(dir, ...file.split('/'));
    await fs.mkdir(path.dirname(full), { recursive: true });
    // "wx": created only if it does not exist, checked by the file system itself (no race).
    const handle = await fs.open(full, 'wx').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') return undefined;
      throw e;
    });
    if (!handle) {
      skipped++;
      io.err(`skipped ${shown(file)}: it exists and was left as it is\n`);
      continue;
    }
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    io.err(`wrote   ${shown(file)}\n`);
  }
  const at = positionals[0] ? ` (in ${positionals[0]})` : '';
  if (skipped) {
    io.err(`opmodel init: ${skipped} file${skipped === 1 ? ' was' : 's were'} not written because ${skipped === 1 ? 'it exists' : 'they exist'}; compare ${skipped === 1 ? 'it' : 'them'} with what init writes, or move ${skipped === 1 ? 'it' : 'them'} away and run init again.\n`);
    return 2;
  }
  io.err(`\nA playbook for ${client}: its own elements use ${family} IDs. Next${at}: npx opmodel check, then npx opmodel build --out site.\n`);
  return 0;
}

registerCommand('init', initCommand);
