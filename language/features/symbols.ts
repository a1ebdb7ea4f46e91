import type { Project } from '../project';
import type { Location, Range } from '../types';
import { listElements } from './elements';

export interface WorkspaceSymbol {
  name: string;
  id: string;
  title: string;
  container?: string;
  location: Location;
}

/** Elements whose ID or title contains the query's characters in order (case-insensitive). */
export function workspaceSymbols(project: Project, query: string, limit = 500): WorkspaceSymbol[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const out: WorkspaceSymbol[] = [];
  for (const e of listElements(project)) {
    const name = `${e.id} · ${e.title}`;
    if (q && !subsequence(q, name.toLowerCase())) continue;
    const container = project.config.systems.find((s) => s.key === e.system)?.title ?? project.config.leadership.find((p) => p.key === e.part)?.title;
    out.push({ name, id: e.id, title: e.title, container, location: e.location });
    if (out.length >= limit) break;
  }
  return out;
}

function subsequence(q: string, s: string): boolean {
  let i = 0;
  for (let j = 0; j < s.length && i < q.length; j++) if (s[j] === q[i]) i++;
  return i === q.length;
}

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: 'element' | 'heading';
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

/** The element defined by the document, then its headings as an outline. */
export function documentSymbols(project: Project, uri: string): DocumentSymbol[] {
  const doc = project.document(uri);
  if (!doc) return [];
  const out: DocumentSymbol[] = [];
  if (doc.definition && doc.frontMatter) {
    out.push({ name: doc.definition.id, detail: doc.title, kind: 'element', range: doc.frontMatter.range, selectionRange: doc.definition.range, children: [] });
  }
  const stack: { level: number; sym: DocumentSymbol }[] = [];
  for (const h of doc.headings) {
    const sym: DocumentSymbol = { name: h.text || '(empty heading)', kind: 'heading', range: h.range, selectionRange: h.selectionRange, children: [] };
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.sym.children.push(sym);
      parent.sym.range = { start: parent.sym.range.start, end: h.range.end };
    } else out.push(sym);
    for (const s of stack) s.sym.range = { start: s.sym.range.start, end: h.range.end };
    stack.push({ level: h.level, sym });
  }
  return out;
}
