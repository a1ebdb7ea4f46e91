// Reads and validates `opmodel.json`. Every problem names the file, line and column; a config
// with problems is unusable (the CLI exits 2), and the editor shows the problems on the file.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../text/lineIndex';
import type { Range, SeveritySetting } from '../types';
import type { FamilyConfig, OpmodelConfig, RelationConfig, TypeConfig } from './config';
import { readCrosswalksConfig } from './crosswalksConfig';
import { MAX_CONFIG_DEPTH, tooDeepAt } from './configDepth';
import { checkGlobs } from './configGlobs';
import { defaultConfig } from './defaults';
import { readRoles } from './rolesConfig';

export interface ConfigProblem {
  message: string;
  range: Range;
}

export interface ConfigResult {
  config: OpmodelConfig;
  problems: ConfigProblem[];
}

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const KEY_RE = /^[a-z0-9][a-z0-9_-]*$/;
const PREFIX_RE = /^[A-Z][A-Z0-9]*-?$/;
const GROUP_RE = /^[A-Z]{1,3}$/;
const MAX_FAMILIES = 256;
const MAX_GROUPS = 26;

export function loadConfig(text: string): ConfigResult {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { config: defaultConfig(), problems: [{ message: `the config nests deeper than ${MAX_CONFIG_DEPTH} levels; nothing in opmodel.json needs more than a few`, range: lines.range(deep, deep + 1) }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number, length = 0): Range => lines.range(offset, offset + length);
  for (const e of errors) problems.push({ message: `JSON: ${printParseErrorCode(e.error)}`, range: at(e.offset, e.length) });
  const config = defaultConfig();
  if (!root || errors.length) return { config, problems };
  const bad = (node: Node | undefined, message: string) =>
    problems.push({ message, range: node ? at(node.offset, node.length) : at(0) });
  if (root.type !== 'object') {
    bad(root, 'the config must be a JSON object');
    return { config, problems };
  }
  const known = new Set(['$schema', 'families', 'systems', 'disciplines', 'leadership', 'relations', 'types', 'crosswalks', 'roles', 'severity', 'include', 'exclude', 'maxFileSize']);
  for (const prop of root.children ?? []) {
    const key = prop.children?.[0]?.value as string;
    if (!known.has(key)) bad(prop.children?.[0], `unknown property "${key}"; expected one of ${[...known].join(', ')}`);
  }
  const get = (path: (string | number)[]) => findNodeAtLocation(root, path);
  const str = (node: Node | undefined, what: string, re?: RegExp, hint?: string): string | undefined => {
    if (!node) return undefined;
    if (node.type !== 'string') return void bad(node, `${what} must be a string`);
    const v = node.value as string;
    if (re && !re.test(v)) return void bad(node, `${what} "${v}" is not valid${hint ? `: ${hint}` : ''}`);
    return v;
  };
  const strList = (node: Node | undefined, what: string): string[] | undefined => {
    if (!node) return undefined;
    if (node.type !== 'array') return void bad(node, `${what} must be an array of strings`);
    const out: string[] = [];
    for (const c of node.children ?? []) {
      const v = str(c, `${what} item`);
      if (v !== undefined) out.push(v);
    }
    return out;
  };
  const entries = (node: Node | undefined, what: string): Node[] | undefined => {
    if (!node) return undefined;
    if (node.type !== 'array') return void bad(node, `${what} must be an array`);
    return node.children ?? [];
  };

  const fam = get(['families']);
  if (fam) {
    if (fam.type !== 'object') bad(fam, 'families must be an object keyed by family name, e.g. { "FLM": { "prefix": "FLM" } }');
    // Every ID in every file is matched against the families: their number is bounded.
    else if ((fam.children?.length ?? 0) > MAX_FAMILIES) bad(fam, `families declares ${fam.children!.length.toLocaleString('en')} families; at most ${MAX_FAMILIES} are allowed`);
    else {
      const families: FamilyConfig[] = [];
      for (const prop of fam.children ?? []) {
        const keyNode = prop.children?.[0];
        const key = keyNode?.value as string;
        const val = prop.children?.[1];
        // An invalid name is reported and left out: it would otherwise become an ID pattern.
        if (!/^[A-Z][A-Z0-9]*$/.test(key)) { bad(keyNode, `family name "${key}" must be upper-case letters and digits`); continue; }
        if (!val || val.type !== 'object') { bad(val, `family ${key} must be an object`); continue; }
        const f = (p: string) => findNodeAtLocation(val, [p]);
        const prefix = str(f('prefix'), `families.${key}.prefix`, PREFIX_RE, 'upper-case letters and digits, optionally ending in "-"') ?? key;
        const groups = strList(f('groups'), `families.${key}.groups`) ?? [];
        groups.forEach((g, i) => { if (!GROUP_RE.test(g)) bad(f('groups')?.children?.[i], `group "${g}" must be 1-3 upper-case letters`); });
        if (groups.length > MAX_GROUPS) bad(f('groups'), `families.${key}.groups declares ${groups.length} groups; at most ${MAX_GROUPS} are allowed`);
        families.push({ key, prefix, groups, title: str(f('title'), `families.${key}.title`) ?? key });
      }
      if (families.length) config.families = families;
    }
  }
  const familyKeys = new Set(config.families.map((f) => f.key));
  const checkFamilies = (node: Node | undefined, list: string[], what: string) => {
    list.forEach((k, i) => { if (!familyKeys.has(k)) bad(node?.children?.[i], `${what} names family "${k}", which is not declared in families`); });
  };
  const keyed = <T extends { key: string }>(path: string, make: (n: Node, key: string) => T | undefined): T[] | undefined => {
    const list = entries(get([path]), path);
    if (!list) return undefined;
    const out: T[] = [];
    const seen = new Set<string>();
    list.forEach((n, i) => {
      if (n.type !== 'object') return void bad(n, `${path}[${i}] must be an object`);
      const key = str(findNodeAtLocation(n, ['key']), `${path}[${i}].key`, KEY_RE, 'lower-case words joined by "-", e.g. "first-line-management"');
      if (key === undefined) { if (!findNodeAtLocation(n, ['key'])) bad(n, `${path}[${i}] needs a "key"`); return; }
      if (seen.has(key)) return void bad(findNodeAtLocation(n, ['key']), `${path} key "${key}" is declared twice`);
      seen.add(key);
      const v = make(n, key);
      if (v) out.push(v);
    });
    return out;
  };
  const withFamilies = (path: string) => (n: Node, key: string) => {
    const famNode = findNodeAtLocation(n, ['families']);
    const families = strList(famNode, `${path}.${key}.families`) ?? [];
    checkFamilies(famNode, families, `${path} "${key}"`);
    return { key, title: str(findNodeAtLocation(n, ['title']), `${path}.${key}.title`) ?? key, families };
  };
  config.systems = keyed('systems', withFamilies('systems')) ?? config.systems;
  config.leadership = keyed('leadership', withFamilies('leadership')) ?? config.leadership;
  config.disciplines = keyed('disciplines', (n, key) => ({ key, title: str(findNodeAtLocation(n, ['title']), `disciplines.${key}.title`) ?? key })) ?? config.disciplines;

  const rel = get(['relations']);
  if (rel) {
    if (rel.type !== 'object') bad(rel, 'relations must be an object keyed by front-matter field, e.g. { "depends_on": { "inverse": "needed by" } }');
    else {
      const byKey = new Map<string, RelationConfig>(config.relations.map((r) => [r.key, r]));
      for (const prop of rel.children ?? []) {
        const key = prop.children?.[0]?.value as string;
        const val = prop.children?.[1];
        if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) { bad(prop.children?.[0], `relation field "${key}" must be a plain front-matter key`); continue; }
        if (!val || val.type !== 'object') { bad(val, `relations.${key} must be an object`); continue; }
        const title = str(findNodeAtLocation(val, ['title']), `relations.${key}.title`) ?? key;
        byKey.set(key, { key, title, inverse: str(findNodeAtLocation(val, ['inverse']), `relations.${key}.inverse`) ?? `${title} (from)` });
      }
      config.relations = [...byKey.values()];
    }
  }
  const types = get(['types']);
  if (types) {
    if (types.type !== 'object') bad(types, 'types must be an object, e.g. { "risk": { "requiresId": true } }');
    else {
      const byKey = new Map<string, TypeConfig>(config.types.map((t) => [t.key, t]));
      for (const prop of types.children ?? []) {
        const key = prop.children?.[0]?.value as string;
        const req = prop.children?.[1] && findNodeAtLocation(prop.children[1], ['requiresId']);
        if (!req || req.type !== 'boolean') { bad(prop.children?.[1], `types.${key} needs "requiresId": true or false`); continue; }
        byKey.set(key, { key, requiresId: req.value as boolean });
      }
      config.types = [...byKey.values()];
    }
  }
  readCrosswalksConfig(get(['crosswalks']), bad, config);
  config.roles = readRoles(get(['roles']), bad) ?? config.roles;
  const sev = get(['severity']);
  if (sev) {
    if (sev.type !== 'object') bad(sev, 'severity must be an object, e.g. { "malformed-id": "error" }');
    else for (const prop of sev.children ?? []) {
      const code = prop.children?.[0]?.value as string;
      const v = str(prop.children?.[1], `severity.${code}`);
      if (v === undefined) continue;
      if (!SEVERITIES.includes(v as SeveritySetting)) bad(prop.children?.[1], `severity.${code} must be one of ${SEVERITIES.join(', ')}`);
      else config.severity[code] = v as SeveritySetting;
    }
  }
  config.include = checkGlobs(get(['include']), strList(get(['include']), 'include') ?? config.include, 'include', bad);
  config.exclude = checkGlobs(get(['exclude']), strList(get(['exclude']), 'exclude') ?? config.exclude, 'exclude', bad);
  const max = get(['maxFileSize']);
  if (max) {
    if (max.type !== 'number' || !(max.value > 0)) bad(max, 'maxFileSize must be a positive number of bytes');
    else config.maxFileSize = max.value as number;
  }
  return { config, problems };
}
