// `"extends"`: the framework a client config builds on. Only the value is read here; resolving
// it to a folder needs the file system (language/layers/resolveFramework.ts).
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { tooDeepAt } from './configDepth';
import type { ConfigParseContext } from './loadConfig';

export function parseExtends(node: Node | undefined, ctx: ConfigParseContext): string | undefined {
  if (!node) return undefined;
  const spec = ctx.str(node, 'extends');
  if (spec === undefined) return undefined;
  if (!spec.trim()) return void ctx.bad(node, 'extends must name a framework: "opmodel", an installed package that ships an opmodel.json, or a relative folder such as "../framework"');
  return spec.trim();
}

/** The `extends` value and its offsets, read before the config is loaded (the base comes first). */
export function readExtendsSpec(text: string): { spec: string; offset: number; length: number } | undefined {
  // The recursive parser would overflow the stack on thousands of levels; loadConfig reports those.
  if (tooDeepAt(text) !== undefined) return undefined;
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root?.type === 'object' ? findNodeAtLocation(root, ['extends']) : undefined;
  if (node?.type !== 'string' || !String(node.value).trim()) return undefined;
  return { spec: String(node.value).trim(), offset: node.offset, length: node.length };
}
