// The outline: the element the file defines, then its headings.
import * as vscode from 'vscode';
import { documentSymbols, type DocumentSymbol } from '../language/index';
import { toRange } from './convert';
import { guard } from './log';
import type { ProjectManager } from './projectManager';

export class DocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly manager: ProjectManager) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    await this.manager.whenReady();
    return guard('Document symbols', doc.uri, [], () => {
      const project = this.manager.projectFor(doc.uri);
      return project ? documentSymbols(project, doc.uri.toString()).map(toSymbol) : [];
    });
  }
}

function toSymbol(s: DocumentSymbol): vscode.DocumentSymbol {
  const kind = s.kind === 'element' ? vscode.SymbolKind.Key : vscode.SymbolKind.String;
  const out = new vscode.DocumentSymbol(s.name, s.detail ?? '', kind, toRange(s.range), toRange(s.selectionRange));
  out.children = s.children.map(toSymbol);
  return out;
}
