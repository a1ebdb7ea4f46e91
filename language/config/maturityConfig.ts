// `maturity` in opmodel.json: the scale every element's `## Maturity levels` and every
// assessment score is checked against. Default: 1 Ad hoc, 2 Repeatable, 3 Defined, 4 Optimising.
import { findNodeAtLocation, type Node } from 'jsonc-parser';

export interface MaturityLevelConfig {
  level: number;
  name: string;
  /** One line for hovers and completion when an element does not describe the level itself. */
  description?: string;
}

export interface MaturityConfig {
  /** In ascending order of `level`, each level and name once. */
  levels: MaturityLevelConfig[];
}

export function defaultMaturity(): MaturityConfig {
  return {
    levels: [
      { level: 1, name: 'Ad hoc', description: 'Happens when someone remembers; results depend on who is on shift.' },
      { level: 2, name: 'Repeatable', description: 'Done regularly by habit, but not written down the same way everywhere.' },
      { level: 3, name: 'Defined', description: 'Written, owned and followed the same way by every team.' },
      { level: 4, name: 'Optimising', description: 'Measured, and improved on purpose from what the measures show.' },
    ],
  };
}

/** Reads `maturity`; problems go to `bad` with the node they concern. Undefined keeps the default. */
export function readMaturityConfig(node: Node | undefined, bad: (node: Node | undefined, message: string) => void): MaturityConfig | undefined {
  if (!node) return undefined;
  const example = 'e.g. { "levels": [{ "level": 1, "name": "Ad hoc" }, { "level": 2, "name": "Repeatable" }] }';
  if (node.type !== 'object') return void bad(node, `maturity must be an object, ${example}`);
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0]?.value as string;
    if (key !== 'levels') bad(prop.children?.[0], `unknown property "maturity.${key}"; expected levels`);
  }
  const list = findNodeAtLocation(node, ['levels']);
  if (!list) return void bad(node, `maturity needs "levels", ${example}`);
  if (list.type !== 'array' || !list.children?.length) return void bad(list, `maturity.levels must be a non-empty array, ${example}`);
  const levels: MaturityLevelConfig[] = [];
  let ok = true;
  list.children.forEach((n, i) => {
    const where = `maturity.levels[${i}]`;
    if (n.type !== 'object') return void ((ok = false), bad(n, `${where} must be an object like { "level": 1, "name": "Ad hoc" }`));
    for (const prop of n.children ?? []) {
      const key = prop.children?.[0]?.value as string;
      if (key !== 'level' && key !== 'name' && key !== 'description') {
        ok = false;
        bad(prop.children?.[0], `unknown property "${where}.${key}"; expected level, name, description`);
      }
    }
    const lv = findNodeAtLocation(n, ['level']);
    const name = findNodeAtLocation(n, ['name']);
    const desc = findNodeAtLocation(n, ['description']);
    if (!lv || lv.type !== 'number' || !Number.isInteger(lv.value) || lv.value < 0 || lv.value > 100) return void ((ok = false), bad(lv ?? n, `${where}.level must be a whole number from 0 to 100`));
    if (!name || name.type !== 'string' || !String(name.value).trim()) return void ((ok = false), bad(name ?? n, `${where}.name must be a non-empty string`));
    if (desc && desc.type !== 'string') bad(desc, `${where}.description must be a string`);
    const prev = levels[levels.length - 1];
    if (prev && lv.value <= prev.level) return void ((ok = false), bad(lv, `${where}.level ${lv.value} must be greater than the level before it (${prev.level})`));
    if (levels.some((l) => l.name.toLowerCase() === String(name.value).trim().toLowerCase())) return void ((ok = false), bad(name, `${where}.name "${name.value}" is used by another level`));
    levels.push({ level: lv.value, name: String(name.value).trim(), ...(desc?.type === 'string' ? { description: String(desc.value) } : {}) });
  });
  return ok ? { levels } : undefined;
}
