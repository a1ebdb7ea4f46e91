// `crosswalks` in opmodel.json: the frameworks an element's `crosswalk:` front matter maps onto.
//   "crosswalks": { "cobit2019": { "title": "COBIT 2019", "values": { "DSS02": "Managed service requests and incidents" } } }
// `values` is a list of allowed items or an object of item -> label; without it any text is
// accepted. Declaring `crosswalks` replaces the shipped schemes, so a framework lists all it uses.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { CrosswalkSchemeConfig, OpmodelConfig } from './config';

const SCHEME_KEY = /^[a-z][a-z0-9_-]*$/;

export function readCrosswalksConfig(node: Node | undefined, bad: (node: Node | undefined, message: string) => void, config: OpmodelConfig): void {
  if (!node) return;
  if (node.type !== 'object') return bad(node, 'crosswalks must be an object keyed by scheme, e.g. { "itil4": { "title": "ITIL 4" } }');
  const schemes: CrosswalkSchemeConfig[] = [];
  for (const prop of node.children ?? []) {
    const keyNode = prop.children?.[0];
    const key = keyNode?.value as string;
    const val = prop.children?.[1];
    if (!SCHEME_KEY.test(key)) { bad(keyNode, `crosswalk scheme "${key}" must be lower-case letters, digits, "-" or "_", starting with a letter`); continue; }
    if (!val || val.type !== 'object') { bad(val, `crosswalks.${key} must be an object, e.g. { "title": "ITIL 4" }`); continue; }
    for (const p of val.children ?? []) {
      const k = p.children?.[0]?.value as string;
      if (k !== 'title' && k !== 'values') bad(p.children?.[0], `unknown property "${k}" in crosswalks.${key}; expected title, values`);
    }
    const titleNode = findNodeAtLocation(val, ['title']);
    let title = key;
    if (titleNode) {
      if (titleNode.type === 'string' && titleNode.value) title = titleNode.value as string;
      else bad(titleNode, `crosswalks.${key}.title must be a non-empty string`);
    }
    schemes.push({ key, title, values: readValues(findNodeAtLocation(val, ['values']), `crosswalks.${key}.values`, bad) });
  }
  config.crosswalks = schemes;
}

function readValues(node: Node | undefined, what: string, bad: (node: Node | undefined, message: string) => void): Map<string, string> {
  const values = new Map<string, string>();
  if (!node) return values;
  const add = (n: Node | undefined, item: unknown, label: string) => {
    if (typeof item !== 'string' || item.trim() === '') return bad(n, `${what}: every item must be a non-empty string`);
    if (values.has(item)) return bad(n, `${what}: "${item}" is declared twice`);
    values.set(item, label);
  };
  if (node.type === 'array') for (const c of node.children ?? []) add(c, c.value, '');
  else if (node.type === 'object') {
    for (const p of node.children ?? []) {
      const labelNode = p.children?.[1];
      if (labelNode?.type !== 'string') { bad(labelNode, `${what}.${p.children?.[0]?.value}: the label must be a string`); continue; }
      add(p.children?.[0], p.children?.[0]?.value, labelNode.value as string);
    }
  } else bad(node, `${what} must be a list of items or an object of item -> label`);
  return values;
}
