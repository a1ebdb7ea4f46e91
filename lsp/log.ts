// The server's log goes to the client (window/logMessage). A request that fails answers with an
// error naming the request and the file, and is logged with its stack; the server keeps serving.
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Logger } from '../language/index';

export interface Log extends Logger {
  warn(message: string): void;
}

export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLog(sink: LogSink): Log {
  // A client that went away must not turn logging into a crash.
  const safe = (f: (m: string) => void) => (m: string) => {
    try {
      f(m);
    } catch {
      // Nothing left to tell.
    }
  };
  return { info: safe((m) => sink.info(m)), warn: safe((m) => sink.warn(m)), error: safe((m) => sink.error(m)) };
}

export const describeError = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

/** A refusal the user should read (a rename that cannot be done): no stack, the engine's words. */
export class Refusal extends ResponseError<void> {
  constructor(message: string) {
    super(LSPErrorCodes.RequestFailed, message);
  }
}

/** Runs a request handler; an unexpected error is logged and answered as an error, not a crash. */
export async function guardRequest<T>(log: Log, what: string, file: string | undefined, body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    const where = file ? ` (${file})` : '';
    log.error(`${what} failed${where}: ${describeError(e)}`);
    throw new ResponseError(ErrorCodes.InternalError, `opmodel: ${what} failed${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Runs a notification handler or background task; errors are logged and go no further. */
export async function guardTask(log: Log, what: string, file: string | undefined, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (e) {
    log.error(`${what} failed${file ? ` (${file})` : ''}: ${describeError(e)}`);
  }
}

/** `promise`, or `fallback` once `ms` have passed: a client that never answers must not stall the server. */
export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([promise.finally(() => clearTimeout(timer)), late]);
}
