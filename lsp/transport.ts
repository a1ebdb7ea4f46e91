// How `opmodel lsp` talks to its client: stdio (the default and `--stdio`), a TCP socket on
// 127.0.0.1 (`--socket PORT`), or Node IPC (`--node-ipc`, for vscode-languageclient).
import net from 'node:net';
import { createConnection, IPCMessageReader, IPCMessageWriter, SocketMessageReader, SocketMessageWriter, type Connection } from 'vscode-languageserver/node';

export type Transport = { kind: 'stdio' } | { kind: 'socket'; port: number } | { kind: 'node-ipc' };

export interface OpenedConnection {
  connection: Connection;
  /** Resolves when the client's side of a socket closes. */
  closed: Promise<void>;
}

/**
 * For a socket: the server listens on 127.0.0.1:PORT and serves the first client that connects
 * (Sublime Text's `tcp_port`, Emacs, `nc`). When a client already listens there, as
 * vscode-languageclient's socket transport does, the server connects to it instead.
 */
export async function openConnection(t: Transport, say: (message: string) => void): Promise<OpenedConnection> {
  if (t.kind === 'stdio') return { connection: createConnection(process.stdin, process.stdout), closed: new Promise(() => {}) };
  if (t.kind === 'node-ipc') return { connection: createConnection(new IPCMessageReader(process), new IPCMessageWriter(process)), closed: new Promise(() => {}) };
  const socket = await listenOrConnect(t.port, say);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return { connection: createConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket)), closed };
}

function listenOrConnect(port: number, say: (message: string) => void): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const server = net.createServer({ pauseOnConnect: false });
    server.once('connection', (socket) => {
      // One client per server process, as over stdio.
      server.close();
      resolve(socket);
    });
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE') return reject(e);
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        say(`opmodel lsp: connected to the client on 127.0.0.1:${port}\n`);
        resolve(socket);
      });
      socket.once('error', reject);
    });
    server.listen(port, '127.0.0.1', () => say(`opmodel lsp: listening on 127.0.0.1:${port}\n`));
  });
}
