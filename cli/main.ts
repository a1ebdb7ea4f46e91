// `opmodel`: the command-line face of the engine. Exit codes: 0 clean, 1 errors found,
// 2 bad usage or a bad config.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { levenshtein } from '../language/ids/suggest';
import { checkCommand } from './commands/check';
import { listCommand } from './commands/list';
import { matrixCommand } from './commands/matrix';
import { showCommand } from './commands/show';
import { COMMAND_HELP, commandHelp, overviewHelp } from './help';
import { guardOutput, neutralise } from './neutralise';
import { UsageError } from './usage';
import { VERSION } from './version';

export { VERSION };

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
    if (name === 'help' && rest[0] && commands.has(rest[0])) {
      io.out(commandHelp(rest[0]));
      return 0;
    }
    io.out(overviewHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    io.out(VERSION + '\n');
    return 0;
  }
  const cmd = commands.get(name);
  if (!cmd) {
    const near = closest(name, [...commands.keys()]);
    io.err(`opmodel: unknown command "${neutralise(name)}".${near ? ` Did you mean "${near}"?` : ''} Commands: ${Object.keys(COMMAND_HELP).filter((c) => commands.has(c)).join(', ')}.\nRun "opmodel --help" for usage.\n`);
    return 2;
  }
  // Options end at "--": a file named "--help" after it is a file.
  const dashDash = rest.indexOf('--');
  const flags = dashDash < 0 ? rest : rest.slice(0, dashDash);
  if (flags.includes('--help') || flags.includes('-h')) {
    io.out(Object.hasOwn(COMMAND_HELP, name) ? commandHelp(name) : overviewHelp());
    return 0;
  }
  // Every write passes the last line of defence (neutralise.ts); pieces are neutralised already.
  const raw = io;
  io = { ...io, out: (s) => raw.out(guardOutput(s)), err: (s) => raw.err(guardOutput(s)) };
  try {
    return await cmd(rest, io);
  } catch (e) {
    if (e instanceof UsageError) return usage(io, name, neutralise(e.message));
    const code = (e as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) return usage(io, name, neutralise(parseArgsMessage(e as Error & { code: string }, name)));
    if (code === 'ENOENT') {
      const missing = (e as NodeJS.ErrnoException).path;
      // As the user wrote it: absolute stays absolute, relative is relative to where they are.
      const shown = missing ? (rest.find((a) => path.resolve(io.cwd, a) === missing) ?? missing) : (e as Error).message;
      io.err(`opmodel ${name}: no such file or folder: ${neutralise(shown)}\n`);
      return 2;
    }
    throw e;
  }
}

function usage(io: Io, name: string, message: string): number {
  io.err(`opmodel ${name}: ${message}\nRun "opmodel ${name} --help" for usage.\n`);
  return 2;
}

/** Node's parseArgs messages, reworded: they quote unevenly and name no valid option. */
function parseArgsMessage(e: Error & { code: string }, name: string): string {
  const opts = (COMMAND_HELP[name]?.options ?? []).map(([f]) => {
    const parts = f.split(/,\s*/).map((x) => x.split(' ')[0]!);
    const long = parts.find((p) => p.startsWith('--'))!;
    const short = parts.find((p) => /^-[^-]/.test(p));
    return { long, shown: short ? `${long} (${short})` : long };
  });
  const listed = opts.length ? ` Options: ${opts.map((o) => o.shown).join(', ')}.` : '';
  const option = /'(-[^'\s,]*)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const near = option.startsWith('--') ? closest(option, [...opts.map((o) => o.long), '--help']) : undefined;
    return `unknown option ${option}.${near ? ` Did you mean ${near}?` : ''}${listed}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const long = /--[\w-]+/.exec(e.message)?.[0];
    return long ? `${long} needs a value (${long} VALUE).${listed}` : e.message.replace(/'/g, '"');
  }
  return e.message.replace(/'/g, '"');
}

/** The nearest name within a small edit distance (a typo), if any. */
function closest(word: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = levenshtein(word.toLowerCase(), n.toLowerCase());
    if (d < bestD) { best = n; bestD = d; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

export { parseArgs };
