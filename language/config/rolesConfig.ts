// The `roles` section of opmodel.json: the vocabulary that `accountable`, `responsible`,
// `consulted` and `informed` take, keyed like { "team-lead": { "title": "Team Lead" } }.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { RoleConfig } from './config';

const ROLE_KEY_RE = /^[a-z0-9][a-z0-9-]*$/;

/** The declared roles, or undefined when the section is absent; problems go to `bad`. */
export function readRoles(node: Node | undefined, bad: (node: Node | undefined, message: string) => void): RoleConfig[] | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') {
    bad(node, 'roles must be an object keyed by role, e.g. { "team-lead": { "title": "Team Lead" } }');
    return undefined;
  }
  const roles: RoleConfig[] = [];
  for (const prop of node.children ?? []) {
    const keyNode = prop.children?.[0];
    const key = keyNode?.value as string;
    const val = prop.children?.[1];
    if (!ROLE_KEY_RE.test(key)) { bad(keyNode, `role key "${key}" must be lower-case words joined by "-", e.g. "team-lead"`); continue; }
    if (!val || val.type !== 'object') { bad(val, `roles.${key} must be an object with a "title"`); continue; }
    const titleNode = findNodeAtLocation(val, ['title']);
    if (!titleNode) { bad(val, `roles.${key} needs a "title"`); continue; }
    if (titleNode.type !== 'string' || !(titleNode.value as string).trim()) { bad(titleNode, `roles.${key}.title must be a non-empty string`); continue; }
    const role: RoleConfig = { key, title: titleNode.value as string };
    const descNode = findNodeAtLocation(val, ['description']);
    if (descNode) {
      if (descNode.type !== 'string') bad(descNode, `roles.${key}.description must be a string`);
      else role.description = descNode.value as string;
    }
    for (const p of val.children ?? []) {
      const k = p.children?.[0]?.value as string;
      if (k !== 'title' && k !== 'description') bad(p.children?.[0], `unknown property "${k}" in roles.${key}; expected title, description`);
    }
    roles.push(role);
  }
  return roles;
}
