// `opmodel lsp [--stdio | --socket PORT | --node-ipc]`: the language server (see lsp/).
import { parseArgs } from 'node:util';
import type { Transport } from '../../lsp/transport';
import { registerCommand, VERSION, type Io } from '../main';
import { UsageError } from '../usage';

export async function lspCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      stdio: { type: 'boolean' },
      socket: { type: 'string' },
      'node-ipc': { type: 'boolean' },
      // Passed by vscode-languageclient; vscode-languageserver reads it from the process itself.
      clientProcessId: { type: 'string' },
    },
  });
  if (positionals.length) throw new UsageError(`lsp takes no arguments (got "${positionals[0]}")`);
  const chosen = [values.stdio, values.socket !== undefined, values['node-ipc']].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('choose one of --stdio, --socket PORT, --node-ipc');
  let transport: Transport = { kind: 'stdio' };
  if (values.socket !== undefined) {
    const port = Number(values.socket);
    if (!/^\d+$/.test(values.socket) || port < 1 || port > 65535) throw new UsageError(`--socket needs a port number from 1 to 65535 (got "${values.socket}")`);
    transport = { kind: 'socket', port };
  } else if (values['node-ipc']) transport = { kind: 'node-ipc' };

  // stdout carries the protocol: nothing else may write to it.
  if (transport.kind === 'stdio') for (const k of ['log', 'info', 'debug', 'warn'] as const) console[k] = (...a: unknown[]) => void io.err(a.map(String).join(' ') + '\n');
  // Loaded on demand: the other commands do not pay for the protocol library at startup.
  const { openConnection } = await import('../../lsp/transport');
  const { startServer } = await import('../../lsp/server');
  let opened: Awaited<ReturnType<typeof openConnection>>;
  try {
    opened = await openConnection(transport, (m) => io.err(m));
  } catch (e) {
    io.err(`opmodel lsp: cannot serve on 127.0.0.1:${values.socket}: ${(e as Error).message}\n`);
    return 2;
  }
  const { connection, closed } = opened;
  const server = startServer(connection, { version: VERSION });
  // A bug must cost a request, not the server: log what escaped and keep serving.
  process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`Unexpected error: ${(e as Error)?.stack ?? e}`));
  await closed;
  return server.shutdownReceived() ? 0 : 1;
}

registerCommand('lsp', lspCommand);
