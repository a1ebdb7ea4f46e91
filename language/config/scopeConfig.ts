// `"scope"`: which elements of the extended framework a client adopts. Entries are family names
// (FLM) or canonical IDs (GOV2); an ID beats its family, and at the same level exclude wins.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { IdSyntax } from '../ids/idSyntax';
import type { OpmodelConfig, ScopeConfig } from './config';
import type { ConfigParseContext } from './loadConfig';

export function parseScope(node: Node | undefined, ctx: ConfigParseContext, config: OpmodelConfig): ScopeConfig | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') return void ctx.bad(node, 'scope must be an object, e.g. { "include": ["FLM", "GOV"], "exclude": ["GOV2"] }');
  if (!config.extends) ctx.bad(node, 'scope chooses elements of the framework named in "extends"; add "extends" (e.g. "opmodel") or remove scope');
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0]?.value as string;
    if (key !== 'include' && key !== 'exclude') ctx.bad(prop.children?.[0], `unknown property "scope.${key}"; expected include, exclude`);
  }
  const syntax = new IdSyntax(config.families);
  const families = new Set(config.families.map((f) => f.key));
  const list = (key: 'include' | 'exclude'): string[] | undefined => {
    const n = findNodeAtLocation(node, [key]);
    const items = ctx.strList(n, `scope.${key}`);
    if (!items) return undefined;
    const out: string[] = [];
    items.forEach((item, i) => {
      const v = item.trim();
      const at = n?.children?.[i];
      if (families.has(v)) return void out.push(v);
      const hit = syntax.classify(v);
      if (hit?.isCanonical) return void out.push(hit.canonical);
      if (hit) return void ctx.bad(at, `scope.${key} item "${v}" is not how IDs are written: use ${hit.canonical}`);
      ctx.bad(at, `scope.${key} item "${v}" is neither a family (${[...families].join(', ')}) nor an ID of one`);
    });
    return out;
  };
  const include = list('include');
  return { include, exclude: list('exclude') ?? [] };
}

/** Whether one layer's scope admits an element of a layer below it. */
export function scopeAdmits(scope: ScopeConfig | undefined, id: string, family: string | undefined): boolean {
  if (!scope) return true;
  if (scope.exclude.includes(id)) return false;
  if (scope.include?.includes(id)) return true;
  if (family && scope.exclude.includes(family)) return false;
  return !scope.include || (family !== undefined && scope.include.includes(family));
}
