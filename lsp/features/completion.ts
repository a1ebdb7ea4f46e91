// Completion of element IDs (in prose and relation lists) and of system/discipline/part/type
// keys. A client that resolves items gets the detail and documentation on demand, which keeps a
// list of thousands of IDs small on the wire; other clients get them in the list.
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
import { assessmentCompletionAt } from './assessments';

const KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  id: CompletionItemKind.Reference,
  system: CompletionItemKind.EnumMember,
  discipline: CompletionItemKind.EnumMember,
  part: CompletionItemKind.EnumMember,
  type: CompletionItemKind.EnumMember,
};

/** What resolve needs to find the item's element again: the framework's number and the ID. */
type ItemData = [project: number, id: string];

// Short numbers instead of root URIs in every item: a list of thousands of IDs goes over the wire.
const projectNumbers = new WeakMap<Project, number>();
let nextProjectNumber = 0;
const numberOf = (p: Project) => projectNumbers.get(p) ?? (projectNumbers.set(p, nextProjectNumber++), nextProjectNumber - 1);

/**
 * Converted ID items of lazily resolving clients, per engine candidate: the engine reuses its
 * candidates while the framework's definitions stay the same, and so does this cache.
 */
const lazyItems = new WeakMap<CompletionCandidate, CompletionItem>();

export async function completion(ctx: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const at = await requestAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  if (at.project.isAssessment(at.uri)) return assessmentCompletionAt(ctx, at);
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

  const project = at.project;
  const items = result.items.map((c): CompletionItem => {
    if (c.kind === 'id' && lazy) {
      // The list carries what filtering and sorting need; detail and documentation come on resolve.
      let item = lazyItems.get(c);
      if (!item) {
        item = { label: c.label, kind: KIND.id, sortText: c.sortText, filterText: `${c.label} ${c.detail ?? ''}`, data: [numberOf(project), c.label] satisfies ItemData };
        if (labelDetails && c.detail) item.labelDetails = { description: c.detail };
        lazyItems.set(c, item);
      }
      return sharedRange ? item : { ...item, textEdit: { range, newText: c.label } };
    }
    const item: CompletionItem = { label: c.label, kind: KIND[c.kind], sortText: c.sortText };
    if (!sharedRange) item.textEdit = { range, newText: c.label };
    if (c.kind !== 'id') {
      item.detail = c.detail;
      return item;
    }
    item.detail = detailOf(project, c);
    if (labelDetails && c.detail) item.labelDetails = { description: c.detail };
    // Typing part of the title finds the ID too.
    item.filterText = `${c.label} ${c.detail ?? ''}`;
    item.documentation = documentation(project, c, markdown);
    return item;
  });
  // A window of a longer list: the client asks again as the user types.
  const isIncomplete = result.isIncomplete;
  return sharedRange ? { isIncomplete, itemDefaults: { editRange: range }, items } : { isIncomplete, items };
}

export async function resolveCompletion(ctx: ServerContext, item: CompletionItem): Promise<CompletionItem> {
  const data = item.data as unknown;
  if (!Array.isArray(data) || typeof data[0] !== 'number' || typeof data[1] !== 'string') return item;
  const [n, id] = data as ItemData;
  await ctx.frameworks.current();
  const project = ctx.frameworks.projects().find((p) => projectNumbers.get(p) === n);
  const doc = project?.index.definitions(id)[0];
  if (!project || !doc) return item;
  const markdown = ctx.capabilities.textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;
  const c = { label: id, detail: doc.title, documentation: doc.summary, system: doc.system, discipline: doc.discipline, family: doc.definition?.familyKey };
  return { ...item, detail: detailOf(project, c), documentation: documentation(project, c, markdown) };
}

/** "Title · System × Discipline". */
function detailOf(project: Project, c: Pick<CompletionCandidate, 'detail' | 'system' | 'discipline' | 'family'>): string | undefined {
  const where = placeOf(project, c);
  return where ? `${c.detail ?? ''} · ${where}` : c.detail;
}

function documentation(project: Project, c: Pick<CompletionCandidate, 'label' | 'detail' | 'documentation' | 'system' | 'discipline' | 'family'>, markdown: boolean): MarkupContent {
  const where = placeOf(project, c);
  if (!markdown) return { kind: MarkupKind.PlainText, value: [`${c.label} · ${c.detail ?? 'untitled'}`, where, c.documentation].filter(Boolean).join('\n\n') };
  const parts = [`**${c.label} · ${escapeMd(c.detail ?? 'untitled')}**`];
  if (where) parts.push(`_${escapeMd(where)}_`);
  if (c.documentation) parts.push(escapeMd(c.documentation));
  return { kind: MarkupKind.Markdown, value: parts.join('\n\n') };
}
