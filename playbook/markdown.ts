// One document's Markdown body -> sanitised hast: remark-parse + remark-gfm + remark-frontmatter,
// canonical IDs turned into links at exactly the engine's reference ranges, then remark-rehype,
// rehype-raw, relative links rewritten to generated pages, and rehype-sanitize over everything.
import type { ElementContent, Root as HastRoot } from 'hast';
import type { Link, Parent, PhrasingContent, Root as MdRoot, Text } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { walkElements } from './hast';

export interface IdTarget {
  href: string;
  title: string;
}

export interface RenderInput {
  /** Document text as the engine indexed it (BOM already dropped). */
  text: string;
  /** Offset where the body starts: the front matter before it is not rendered. */
  bodyStart: number;
  /** The engine's body references as offsets, sorted by start. */
  refs: { start: number; end: number; id: string }[];
  /** The page's own ID: shown as text, not as a link to itself. */
  selfId?: string;
  /** Link target of a defined ID, relative to the page being rendered. */
  idTarget(id: string): IdTarget | undefined;
  /** Tooltip of an ID that has no page ("FLM9 is not defined" when left out). */
  unlinkedTitle?(id: string): string;
  /** A relative link or image found in the body (as written); returns the new href or src, or undefined to unlink it (an image: its alt text). */
  rewriteLink(url: string, line: number, kind: 'link' | 'image'): string | undefined;
}

const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.['a'] ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className')), ['className', 'data-footnote-backref', 'idref', 'doclink']],
    span: [['className', 'idref', 'missing']],
  },
};

// Raw HTML is parsed (rehype-raw) rather than dropped, so that its text survives; rehype-sanitize
// then keeps only safe elements and attributes (no script, no event handlers, no javascript: URLs).
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const sanitizer = unified().use(rehypeSanitize, schema);

export function renderMarkdown(input: RenderInput): HastRoot {
  const tree = renderBody(input);
  rewriteLinks(tree, input);
  return tree;
}

/**
 * The part of rendering that needs no callback but `idTarget`, so that it can run in a worker
 * (see pageRenderer.ts): parse, link IDs, convert and sanitise. Relative links are left as
 * written, for `rewriteLinks`.
 */
export function renderBody(input: Omit<RenderInput, 'rewriteLink'>): HastRoot {
  // The front matter (even one the engine refused, such as ---js) is blanked, keeping offsets.
  const source = input.text.slice(0, input.bodyStart).replace(/[^\r\n]/g, ' ') + input.text.slice(input.bodyStart);
  const md = processor.parse(source) as MdRoot;
  md.children = md.children.filter((n) => n.type !== 'yaml');
  linkIds(md, input);
  const hast = processor.runSync(md) as HastRoot;
  return sanitizer.runSync(hast) as HastRoot;
}

/** Splits text nodes at the engine's reference ranges; text inside links stays as it is. */
function linkIds(tree: MdRoot, input: Omit<RenderInput, 'rewriteLink'>): void {
  const refs = input.refs;
  const walk = (node: Parent) => {
    for (let i = 0; i < node.children.length; i++) {
      const child = node.children[i]!;
      if (child.type === 'link' || child.type === 'linkReference') continue;
      if (child.type === 'text') {
        const parts = splitText(child, refs, input);
        if (parts) {
          node.children.splice(i, 1, ...(parts as never[]));
          i += parts.length - 1;
        }
      } else if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
}

function splitText(node: Text, refs: RenderInput['refs'], input: Omit<RenderInput, 'rewriteLink'>): PhrasingContent[] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined) return undefined;
  const inside = refs.filter((r) => r.start >= s && r.end <= e);
  if (!inside.length) return undefined;
  const value = node.value;
  const exact = input.text.slice(s, e) === value;
  const out: PhrasingContent[] = [];
  let pos = 0;
  for (const r of inside) {
    // Escapes, entities and line continuations make the value shorter than its source; an ID
    // never spans them, so the reference is the last occurrence at or before its source offset.
    let at = r.start - s;
    if (!exact || value.slice(at, at + r.id.length) !== r.id) {
      at = value.lastIndexOf(r.id, Math.min(at, value.length - r.id.length));
      if (at < pos) continue;
    }
    if (at > pos) out.push({ type: 'text', value: value.slice(pos, at) });
    out.push(idNode(r.id, input));
    pos = at + r.id.length;
  }
  if (pos < value.length) out.push({ type: 'text', value: value.slice(pos) });
  return out;
}

function idNode(id: string, input: Omit<RenderInput, 'rewriteLink'>): PhrasingContent {
  if (id === input.selfId) return { type: 'text', value: id };
  const t = input.idTarget(id);
  if (!t) {
    return { type: 'emphasis', children: [{ type: 'text', value: id }], data: { hName: 'span', hProperties: { className: ['idref', 'missing'], title: input.unlinkedTitle?.(id) ?? `${id} is not defined` } } };
  }
  const link: Link = { type: 'link', url: t.href, title: `${id} · ${t.title}`, children: [{ type: 'text', value: id }], data: { hProperties: { className: ['idref'] } } };
  return link;
}

const hasScheme = (url: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) || url.startsWith('//');

/** Relative links and images: pointed at generated pages, or unlinked (with a warning). */
export function rewriteLinks(tree: HastRoot, input: Pick<RenderInput, 'rewriteLink'>): void {
  walkElements(tree, (el, parent, index) => {
    const cls = el.properties['className'];
    if (el.tagName === 'a' && typeof el.properties['href'] === 'string' && !(Array.isArray(cls) && cls.includes('idref'))) {
      const url = el.properties['href'];
      if (hasScheme(url) || url.startsWith('#') || url === '') return;
      const next = input.rewriteLink(url, el.position?.start.line ?? 0, 'link');
      if (next !== undefined) {
        el.properties['href'] = next;
        el.properties['className'] = ['doclink'];
        return;
      }
      parent.children.splice(index, 1, ...(el.children as ElementContent[]));
      return index;
    }
    if (el.tagName === 'img' && typeof el.properties['src'] === 'string' && !hasScheme(el.properties['src'])) {
      const src = input.rewriteLink(el.properties['src'], el.position?.start.line ?? 0, 'image');
      if (src !== undefined) {
        el.properties['src'] = src;
        return undefined;
      }
      const alt = typeof el.properties['alt'] === 'string' ? el.properties['alt'] : '';
      parent.children.splice(index, 1, { type: 'text', value: alt ? `[${alt}]` : '' });
      return index;
    }
    return undefined;
  });
}
