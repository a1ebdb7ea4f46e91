// A markdown-it plugin for VS Code's built-in Markdown preview: element IDs in prose become links
// to the file that defines them, with the title as tooltip. Code spans, fenced code, HTML and
// existing links are left alone. Free of `vscode`: tested with the real markdown-it.
// VS Code parses without saying which document it is and names it only when rendering
// (env.currentDocument), so links carry the target URI and become relative at render time.
import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { URI, Utils } from 'vscode-uri';

export interface IdTarget {
  /** URI (string) of the file that defines the ID. */
  uri: string;
  title: string;
}

export interface IdResolver {
  /** Canonical IDs in `text` with their offsets. */
  find(text: string): { start: number; end: number; id: string }[];
  /** Where `id` is defined, or undefined (unknown IDs stay plain text). */
  target(id: string): IdTarget | undefined;
}

/** `resolverFor(documentUri)` picks the framework of the document (any framework when unknown). */
export type ResolverFor = (documentUri: string | undefined) => IdResolver | undefined;

export function opmodelIdsPlugin(md: MarkdownIt, resolverFor: ResolverFor): void {
  md.core.ruler.push('opmodel_ids', (state: StateCore) => {
    const resolver = resolverFor(documentOf(state.env));
    if (!resolver) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      block.children = linkIds(block.children, state, resolver);
    }
  });
  // VS Code names the document only when rendering (env.currentDocument), and its preview copies
  // each link's href into data-href, which is what a click follows, before any plugin's link_open
  // runs. So hrefs are set on the tokens before rendering starts. A document on another scheme
  // (an untitled one) gets no link: an absolute file URI would be handed to the browser.
  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, options, env) => {
    const doc = documentOf(env);
    for (const block of tokens) {
      for (const tok of block.children ?? []) {
        const meta = tok.meta as OpmodelMeta | null;
        if (!meta?.opmodelTarget) continue;
        const href = doc === undefined ? meta.opmodelTarget : relativeHref(doc, meta.opmodelTarget);
        meta.plain = href === undefined;
        if (href !== undefined && tok.type === 'link_open') tok.attrSet('href', href);
      }
    }
    return render(tokens, options, env);
  };
  const open = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const tok = tokens[idx]!;
    if ((tok.meta as OpmodelMeta | null)?.plain) return `<span class="opmodel-id" title="${md.utils.escapeHtml(tok.attrGet('title') ?? '')}">`;
    return open ? open(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  const close = md.renderer.rules.link_close;
  md.renderer.rules.link_close = (tokens, idx, options, env, self) => {
    if ((tokens[idx]!.meta as OpmodelMeta | null)?.plain) return '</span>';
    return close ? close(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

interface OpmodelMeta {
  opmodelTarget?: string;
  /** Set per render: no link can be made from this document. */
  plain?: boolean;
}

/** VS Code passes the rendered document as `env.currentDocument` (a vscode.Uri). */
function documentOf(env: unknown): string | undefined {
  const doc = (env as { currentDocument?: { toString(): string } } | undefined)?.currentDocument;
  return doc ? doc.toString() : undefined;
}

function linkIds(tokens: Token[], state: StateCore, resolver: IdResolver): Token[] {
  const out: Token[] = [];
  let linkDepth = 0;
  for (const tok of tokens) {
    if (tok.type === 'link_open') linkDepth++;
    else if (tok.type === 'link_close') linkDepth--;
    // Only plain text: code_inline, html_inline and text inside links keep their meaning.
    if (tok.type !== 'text' || linkDepth > 0) {
      out.push(tok);
      continue;
    }
    let last = 0;
    for (const m of resolver.find(tok.content)) {
      const t = resolver.target(m.id);
      if (!t) continue;
      if (m.start > last) out.push(textToken(state, tok.content.slice(last, m.start), tok.level));
      const open = new state.Token('link_open', 'a', 1);
      open.attrs = [
        ['href', t.uri],
        ['title', t.title ? `${m.id} · ${t.title}` : m.id],
        ['class', 'opmodel-id'],
      ];
      open.level = tok.level;
      open.meta = { opmodelTarget: t.uri } satisfies OpmodelMeta;
      out.push(open, textToken(state, tok.content.slice(m.start, m.end), tok.level + 1));
      const close = new state.Token('link_close', 'a', -1);
      close.level = tok.level;
      close.meta = open.meta;
      out.push(close);
      last = m.end;
    }
    if (last === 0) out.push(tok);
    else if (last < tok.content.length) out.push(textToken(state, tok.content.slice(last), tok.level));
  }
  return out;
}

function textToken(state: StateCore, content: string, level: number): Token {
  const t = new state.Token('text', '', 0);
  t.content = content;
  t.level = level;
  return t;
}

/** A relative link from the document `from` to `to`; undefined across schemes or authorities. */
export function relativeHref(from: string, to: string): string | undefined {
  const a = URI.parse(from);
  const b = URI.parse(to);
  if (a.scheme !== b.scheme || a.authority !== b.authority) return undefined;
  const base = Utils.dirname(a).path.split('/').filter(Boolean);
  const target = b.path.split('/').filter(Boolean);
  let i = 0;
  while (i < base.length && i < target.length - 1 && base[i] === target[i]) i++;
  const up = base.slice(i).map(() => '..');
  const rest = target.slice(i).map((s) => encodeURIComponent(s));
  const rel = [...up, ...rest].join('/');
  return up.length ? rel : `./${rel}`;
}
