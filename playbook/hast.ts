// A small hyperscript for hast: every page is built as a tree, so text from front matter is
// always a text node and hast-util-to-html escapes it; nothing is ever concatenated into HTML.
import type { Element, ElementContent, Properties, Root, Text } from 'hast';

export type Child = ElementContent | string | null | undefined | false | Child[];

export function h(tag: string, props: Properties | null = null, ...children: Child[]): Element {
  return { type: 'element', tagName: tag, properties: props ?? {}, children: flat(children) };
}

export const text = (value: string): Text => ({ type: 'text', value });

export function flat(children: Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) out.push(...flat(c));
    else if (typeof c === 'string') out.push(text(c));
    else out.push(c);
  }
  return out;
}

export const root = (...children: Child[]): Root => ({ type: 'root', children: [{ type: 'doctype' }, ...flat(children)] });

type Parent = Root | Element;

/**
 * Calls `fn` for every element, depth first. When `fn` replaces the element in its parent, it
 * returns the index to go on from; otherwise the walk descends into the element.
 * (Plain recursion: unist-util-visit costs more than the rest of the build on a whole site.)
 */
export function walkElements(node: Parent, fn: (el: Element, parent: Parent, index: number) => number | void): void {
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    const next = fn(child, node, i);
    if (typeof next === 'number') {
      i = next - 1;
      continue;
    }
    walkElements(child, fn);
  }
}
