// What every request handler needs: the frameworks, the open documents, position conversion,
// the log and what the client can do. Handlers live one per file in lsp/features/.
import type { ClientCapabilities, Connection, Position as LspPosition } from 'vscode-languageserver/node';
import { decodeText, type Position, type Project } from '../language/index';
import { normalizeUri, type OpenDocuments } from './documents';
import type { Frameworks } from './frameworks';
import type { Log } from './log';
import type { Positions } from './positions';

export interface ServerContext {
  connection: Connection;
  frameworks: Frameworks;
  docs: OpenDocuments;
  positions: Positions;
  log: Log;
  capabilities: ClientCapabilities;
  /** The text of a document: the client's buffer when open, else the file. */
  textOf(uri: string): Promise<string | undefined>;
}

export interface At {
  uri: string;
  project: Project;
  /** The request's position as the engine counts it (UTF-16). */
  pos: Position;
}

/** The framework and engine position of a request; undefined when no framework holds the file. */
export async function requestAt(ctx: ServerContext, rawUri: string, position: LspPosition): Promise<At | undefined> {
  const uri = normalizeUri(rawUri);
  await ctx.frameworks.current();
  const project = ctx.frameworks.projectFor(uri);
  if (!project) return undefined;
  return { uri, project, pos: await ctx.positions.toEngine(uri, position) };
}

/** Reads a closed file as the engine would (size limit, UTF-8, no BOM). */
export async function readIndexedText(project: Project | undefined, uri: string): Promise<string | undefined> {
  if (!project) return undefined;
  const bytes = await project.workspace.readFile(uri).catch(() => undefined);
  if (!bytes) return undefined;
  const decoded = decodeText(bytes, project.config.maxFileSize);
  return 'text' in decoded ? decoded.text : undefined;
}
