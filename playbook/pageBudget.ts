// What one page may cost the site builder, like `check`'s maxFileSize and step budget: its size,
// how deep its blocks nest (the Markdown parser's time grows with depth × lines), how deep the
// rendered tree is (every later step walks it recursively), and the time it takes to render.
// A page over any limit is shown as its Markdown source, with a warning naming the file.
import type { Root as HastRoot } from 'hast';
import { h, root } from './hast';

export const PAGE_LIMITS = {
  /** Characters of Markdown body; the largest page of the shipped framework has 11,000. */
  size: 1_000_000,
  /** Nested block quotes and list items on one line (counted from the source, before parsing). */
  blockNesting: 64,
  /** Depth of the rendered tree below the page body. */
  treeDepth: 200,
  /** Wall-clock time to render one page, enforced where pages render in a worker (the CLI). */
  milliseconds: 5_000,
} as const;

export interface Refusal {
  /** Completes "the page is shown as its Markdown source: …". */
  reason: string;
  /** 1-based line in the file, where one place is to blame. */
  line?: number;
}

/** Checks made on the source before any parsing; linear in the text. */
export function checkSource(text: string, bodyStart: number): Refusal | undefined {
  if (text.length - bodyStart > PAGE_LIMITS.size) {
    return { reason: `it is larger than the ${PAGE_LIMITS.size.toLocaleString('en')}-character limit for one page (${(text.length - bodyStart).toLocaleString('en')})` };
  }
  const deep = deepestLine(text, bodyStart);
  if (deep.depth > PAGE_LIMITS.blockNesting) {
    return { reason: `it nests deeper than ${PAGE_LIMITS.blockNesting} levels of block quotes and lists`, line: deep.line };
  }
  return undefined;
}

/**
 * The deepest line by its container prefix: each ">" and each list marker is a level, and so is
 * every two columns of indentation in front of a list marker (a list nested by indentation).
 * An over-estimate is fine: real pages stay far below the limit.
 */
function deepestLine(text: string, from: number): { depth: number; line: number } {
  let best = { depth: 0, line: 1 };
  let line = 1;
  for (let i = 0; i < from; i++) if (text.charCodeAt(i) === 10) line++;
  let at = from;
  while (at <= text.length) {
    let depth = 0;
    let columns = 0;
    let i = at;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32) { columns++; i++; }
      else if (c === 9) { columns += 4; i++; }
      else if (c === 62 /* > */) { depth++; i++; }
      else if ((c === 45 || c === 43 || c === 42) && isBlank(text.charCodeAt(i + 1))) { depth += 1 + (columns >> 1); columns = 0; i++; }
      else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < i + 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const m = text.charCodeAt(j);
        if ((m === 46 || m === 41) && isBlank(text.charCodeAt(j + 1))) { depth += 1 + (columns >> 1); columns = 0; i = j + 1; }
        else break;
      } else break;
    }
    if (depth > best.depth) best = { depth, line };
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    at = nl + 1;
    line++;
  }
  return best;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);

/** The depth of a tree, without recursion (the tree may be deep enough to overflow the stack). */
export function treeDepth(tree: HastRoot): number {
  let max = 0;
  const stack: [{ children?: unknown[] }, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    if (Array.isArray(node.children)) for (const c of node.children) stack.push([c as { children?: unknown[] }, d + 1]);
  }
  return max;
}

export function checkTree(tree: HastRoot): Refusal | undefined {
  const depth = treeDepth(tree);
  return depth > PAGE_LIMITS.treeDepth ? { reason: `its elements nest deeper than ${PAGE_LIMITS.treeDepth} levels` } : undefined;
}

/**
 * The page as source: its first "# Title" line as the heading (so the page keeps its name),
 * a note, and the rest in a <pre>, escaped like every text node.
 */
export function sourceTree(text: string, bodyStart: number): HastRoot {
  let body = text.slice(bodyStart).replace(/^\s*\n/, '');
  let title: string | undefined;
  const firstLine = body.slice(0, body.indexOf('\n') < 0 ? body.length : body.indexOf('\n'));
  const atx = /^ {0,3}# +(.*?)(?: +#+)? *$/.exec(firstLine.length <= 1000 ? firstLine : '');
  if (atx) {
    title = atx[1]!;
    body = body.slice(firstLine.length);
  }
  const tree = root(
    title !== undefined ? h('h1', null, title) : null,
    h('p', { className: ['page-source-note'] }, 'This page is too complex to render, so it is shown as its Markdown source.'),
    h('pre', { className: ['page-source'] }, h('code', null, body.trim())),
  );
  // root() adds a doctype, which a page body must not have.
  tree.children = tree.children.filter((n) => n.type !== 'doctype');
  return tree;
}
