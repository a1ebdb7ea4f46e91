// The outline of a document (the element it defines, then its headings) and workspace symbols
// (every element of every framework, by ID or title).
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { documentSymbols as engineDocumentSymbols, workspaceSymbols as engineWorkspaceSymbols, type DocumentSymbol as EngineSymbol } from '../../language/index';
import { normalizeUri } from '../documents';
import type { ServerContext } from '../context';
import { guardRequest } from '../log';
import type { RangeMapper } from '../positions';

const kindOf = (s: EngineSymbol) => (s.kind === 'element' ? SymbolKind.Key : SymbolKind.String);

export async function documentSymbols(ctx: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
  const uri = normalizeUri(params.textDocument.uri);
  await ctx.frameworks.current();
  const project = ctx.frameworks.projectFor(uri);
  if (!project) return null;
  const symbols = engineDocumentSymbols(project, uri);
  const m = await ctx.positions.mapper([uri]);
  if (ctx.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return symbols.map((s) => toSymbol(s, uri, m));
  const flat: SymbolInformation[] = [];
  const walk = (s: EngineSymbol, container?: string) => {
    flat.push({ name: s.name, kind: kindOf(s), location: { uri, range: m.range(uri, s.range) }, ...(container ? { containerName: container } : {}) });
    for (const c of s.children) walk(c, s.name);
  };
  for (const s of symbols) walk(s);
  return flat;
}

function toSymbol(s: EngineSymbol, uri: string, m: RangeMapper): DocumentSymbol {
  const out: DocumentSymbol = { name: s.name, kind: kindOf(s), range: m.range(uri, s.range), selectionRange: m.range(uri, s.selectionRange), children: s.children.map((c) => toSymbol(c, uri, m)) };
  if (s.detail) out.detail = s.detail;
  return out;
}

export async function workspaceSymbols(ctx: ServerContext, params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
  await ctx.frameworks.current();
  const found: { name: string; container?: string; uri: string; range: SymbolInformation['location']['range'] }[] = [];
  for (const project of ctx.frameworks.projects()) {
    // One framework that fails must not hide the others' elements.
    await guardRequest(ctx.log, 'Workspace symbols', project.rootUri, () => {
      for (const s of engineWorkspaceSymbols(project, params.query ?? '')) {
        // A nested framework's elements are listed once, by the framework that owns them.
        if (ctx.frameworks.projectFor(s.location.uri) !== project) continue;
        found.push({ name: s.name, container: s.container, uri: s.location.uri, range: s.location.range });
      }
    }).catch(() => undefined);
  }
  const m = await ctx.positions.mapper(found.map((f) => f.uri));
  return found.map((f) => ({ name: f.name, kind: SymbolKind.Key, location: { uri: f.uri, range: m.range(f.uri, f.range) }, ...(f.container ? { containerName: f.container } : {}) }));
}
