// `"site"`: how `opmodel build` brands the playbook (every page, the handout and <title>).
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { SiteConfig } from './config';
import type { ConfigParseContext } from './loadConfig';

export function parseSite(node: Node | undefined, ctx: ConfigParseContext, inherited: SiteConfig | undefined): SiteConfig | undefined {
  if (!node) return inherited;
  if (node.type !== 'object') {
    ctx.bad(node, 'site must be an object, e.g. { "title": "Acme Bank: Operating Model Playbook" }');
    return inherited;
  }
  const site: SiteConfig = { ...inherited };
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0]?.value as string;
    if (key !== 'title' && key !== 'subtitle') ctx.bad(prop.children?.[0], `unknown property "site.${key}"; expected title, subtitle`);
  }
  for (const key of ['title', 'subtitle'] as const) {
    const v = ctx.str(findNodeAtLocation(node, [key]), `site.${key}`);
    if (v !== undefined) site[key] = v.trim() || undefined;
  }
  return site;
}
