// The "opmodel" output channel. Every caught error is logged here with the file it concerns;
// `guard` wraps provider bodies so that one failing document never takes the host down.
import * as vscode from 'vscode';
import type { Logger } from '../language/index';

let channel: vscode.LogOutputChannel | undefined;

export function createLog(): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('opmodel', { log: true });
  return channel;
}

export const logger: Logger = {
  info: (m) => channel?.info(m),
  error: (m) => channel?.error(m),
};

const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));

export function logError(what: string, file: string | vscode.Uri | undefined, e: unknown): void {
  const where = file ? ` (${typeof file === 'string' ? file : file.toString()})` : '';
  channel?.error(`${what} failed${where}: ${describe(e)}`);
}

/** Runs a provider body; on error logs it with the file and returns `fallback`. */
export function guard<T>(what: string, file: vscode.Uri | string | undefined, fallback: T, body: () => T): T {
  try {
    return body();
  } catch (e) {
    logError(what, file, e);
    return fallback;
  }
}

export async function guardAsync<T>(what: string, file: vscode.Uri | string | undefined, fallback: T, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    logError(what, file, e);
    return fallback;
  }
}
