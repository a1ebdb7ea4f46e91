// The build checks its own output: every internal href and src must name a generated file, and
// every fragment an id on that page. A failure here is a bug in the builder, never in the docs.
import type { Root } from 'hast';
import { walkElements } from './hast';

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function checkSiteLinks(trees: Map<string, Root>, files: Set<string>, anchors: Map<string, Set<string>>): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const [page, tree] of trees) {
    walkElements(tree, (n) => {
      for (const attr of ['href', 'src'] as const) {
        const v = n.properties[attr];
        if (typeof v !== 'string' || EXTERNAL.test(v)) continue;
        const hash = v.indexOf('#');
        const file = hash < 0 ? v : v.slice(0, hash);
        const frag = hash < 0 ? undefined : decodeURIComponent(v.slice(hash + 1));
        const url = new URL(file || page.split('/').pop()!, `http://site/${page}`);
        const target = decodeURIComponent(url.pathname.slice(1));
        if (!url.href.startsWith('http://site/') || !files.has(target)) broken.push({ page, href: v, reason: 'no such file in the site' });
        else if (frag !== undefined && !anchors.get(target)?.has(frag)) broken.push({ page, href: v, reason: `no element with id "${frag}" on ${target}` });
      }
    });
  }
  return broken;
}
