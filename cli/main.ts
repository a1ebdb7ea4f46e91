// `opmodel`: the command-line face of the engine. Exit codes: 0 clean, 1 errors found,
// 2 bad usage or a bad config.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCommand } from './commands/check';
import { listCommand } from './commands/list';
import { matrixCommand } from './commands/matrix';
import { showCommand } from './commands/show';
import { guardOutput, neutralise } from './neutralise';
import { UsageError } from './usage';

declare const OPMODEL_VERSION: string;
export const VERSION = typeof OPMODEL_VERSION === 'string' ? OPMODEL_VERSION : '0.0.0-dev';

const HELP = `opmodel ${VERSION} — check and explore an opmodel management framework

Usage:
  opmodel check [paths..] [--format text|json|sarif|github] [--fix] [--changed-since REV] [--baseline FILE]
  opmodel diff [BASE] [HEAD] [--dir DIR] [--format text|markdown|json] [--fail-on broken|none]
  opmodel list [dir] [--format text|json]
  opmodel matrix [dir] [--raci] [--format text|markdown|csv|json]
  opmodel show ID [--dir dir] [--format text|json]
  opmodel build [dir] --out DIR [--force]
  opmodel lsp [--stdio | --socket PORT]

Exit codes: 0 no errors, 1 errors found, 2 bad usage or a bad opmodel.json.
`;

type Command = (args: string[], io: Io) => Promise<number>;
export interface Io {
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
  cwd: string;
}

// A Map: the command name comes from argv, and `opmodel constructor` must not find Object's.
const commands = new Map<string, Command>([['check', checkCommand], ['list', listCommand], ['matrix', matrixCommand], ['show', showCommand]]);

/** The names of every command, for tests that must cover them all (test/security/injection). */
export const commandNames = (): string[] => [...commands.keys()];

export function registerCommand(name: string, command: Command): void {
  commands.set(name, command);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION + '\n');
    return 0;
  }
  const cmd = commands.get(name);
  if (!cmd) {
    io.err(`opmodel: unknown command "${neutralise(name)}"\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP);
    return 0;
  }
  // Every write passes the last line of defence (neutralise.ts); pieces are neutralised already.
  const raw = io;
  io = { ...io, out: (s) => raw.out(guardOutput(s)), err: (s) => raw.err(guardOutput(s)) };
  try {
    return await cmd(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`opmodel ${name}: ${neutralise((e as Error).message)}\nRun "opmodel --help" for usage.\n`);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`opmodel ${name}: no such file or folder: ${neutralise(path.relative(io.cwd, (e as NodeJS.ErrnoException).path ?? '') || (e as Error).message)}\n`);
      return 2;
    }
    throw e;
  }
}

export { parseArgs };
