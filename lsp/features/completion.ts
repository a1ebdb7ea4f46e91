// Completion of element IDs (in prose and relation lists) and of system/discipline/part/type
// keys. A client that resolves items gets the documentation on demand, which keeps a list of
// thousands of IDs small on the wire; other clients get it in the list.
import {
  CompletionItemKind,
  CompletionTriggerKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { completions, completionWanted, escapeMd, placeOf, type CompletionCandidate, type Project } from '../../language/index';
import { requestAt, type ServerContext } from '../context';

const KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  id: CompletionItemKind.Reference,
  system: CompletionItemKind.EnumMember,
  discipline: CompletionItemKind.EnumMember,
  part: CompletionItemKind.EnumMember,
  type: CompletionItemKind.EnumMember,
};

/** What resolve needs to find the item's element again. */
interface ItemData {
  root: string;
  id: string;
}

export async function completion(ctx: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const at = await requestAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const text = await ctx.textOf(at.uri);
  if (text === undefined) return null;
  const result = completions(at.project, at.uri, text, at.pos);
  if (!result) return null;
  const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
  if (!completionWanted(at.project, at.uri, at.pos, result, trigger)) return null;

  const caps = ctx.capabilities.textDocument?.completion;
  const lazy = !!caps?.completionItem?.resolveSupport;
  const labelDetails = !!caps?.completionItem?.labelDetailsSupport;
  const markdown = caps?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;
  const range = (await ctx.positions.mapper([at.uri])).range(at.uri, result.range);
  // One shared replace range instead of one per item, when the client takes it.
  const sharedRange = caps?.completionList?.itemDefaults?.includes('editRange') ?? false;

  const items = result.items.map((c): CompletionItem => {
    const item: CompletionItem = { label: c.label, kind: KIND[c.kind], sortText: c.sortText };
    if (!sharedRange) item.textEdit = { range, newText: c.label };
    if (c.kind !== 'id') {
      item.detail = c.detail;
      return item;
    }
    const where = placeOf(at.project, c);
    item.detail = where ? `${c.detail ?? ''} · ${where}` : c.detail;
    if (labelDetails && c.detail) item.labelDetails = { description: c.detail };
    // Typing part of the title finds the ID too.
    item.filterText = `${c.label} ${c.detail ?? ''}`;
    if (lazy) item.data = { root: at.project.rootUri, id: c.label } satisfies ItemData;
    else item.documentation = documentation(at.project, c, markdown);
    return item;
  });
  return sharedRange ? { isIncomplete: false, itemDefaults: { editRange: range }, items } : { isIncomplete: false, items };
}

export async function resolveCompletion(ctx: ServerContext, item: CompletionItem): Promise<CompletionItem> {
  const data = item.data as Partial<ItemData> | undefined;
  if (typeof data?.root !== 'string' || typeof data.id !== 'string') return item;
  await ctx.frameworks.current();
  const project = ctx.frameworks.projects().find((p) => p.rootUri === data.root);
  const doc = project?.index.definitions(data.id)[0];
  if (!project || !doc) return item;
  const markdown = ctx.capabilities.textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;
  const c = { label: data.id, detail: doc.title, documentation: doc.summary, system: doc.system, discipline: doc.discipline, family: doc.definition?.familyKey };
  return { ...item, documentation: documentation(project, c, markdown) };
}

function documentation(project: Project, c: Pick<CompletionCandidate, 'label' | 'detail' | 'documentation' | 'system' | 'discipline' | 'family'>, markdown: boolean): MarkupContent {
  const where = placeOf(project, c);
  if (!markdown) return { kind: MarkupKind.PlainText, value: [`${c.label} · ${c.detail ?? 'untitled'}`, where, c.documentation].filter(Boolean).join('\n\n') };
  const parts = [`**${c.label} · ${escapeMd(c.detail ?? 'untitled')}**`];
  if (where) parts.push(`_${escapeMd(where)}_`);
  if (c.documentation) parts.push(escapeMd(c.documentation));
  return { kind: MarkupKind.Markdown, value: parts.join('\n\n') };
}
