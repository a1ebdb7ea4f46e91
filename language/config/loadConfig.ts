// Reads and validates `opmodel.json`. Every problem names the file, line and column; a config
// with problems is unusable (the CLI exits 2), and the editor shows the problems on the file.
// Standalone, what a config declares replaces the defaults; with `extends`, it merges into the
// extended framework's config (see mergeConfig.ts).
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { allCodes, INVALID_CONFIG } from '../rules/index';
import { LineIndex } from '../text/lineIndex';
import type { Range, SeveritySetting } from '../types';
import type { DisciplineConfig, FamilyConfig, LeadershipPartConfig, OpmodelConfig, RelationConfig, SystemConfig, TypeConfig } from './config';
import { readAssessmentsConfig } from './assessmentsConfig';
import { readCrosswalksConfig } from './crosswalksConfig';
import { MAX_CONFIG_DEPTH, tooDeepAt } from './configDepth';
import { checkGlobs } from './configGlobs';
import { defaultConfig } from './defaults';
import { parseExtends } from './extendsConfig';
import { describeJsonError } from './jsonErrors';
import { overlayByKey, type Partial1 } from './mergeConfig';
import { readMaturityConfig } from './maturityConfig';
import { readRoles } from './rolesConfig';
import { parseScope } from './scopeConfig';
import { parseSite } from './siteConfig';

export interface ConfigProblem {
  message: string;
  range: Range;
  /** The config file the range is in, when it is not the project's own (an extended framework's). */
  uri?: string;
}

export interface LoadConfigOptions {
  /** The extended framework's config: what this one merges into (only with "extends"). */
  base?: OpmodelConfig;
}

/** Everything a problem reporter needs from the parsed file. */
export interface ConfigParseContext {
  bad(node: Node | undefined, message: string): void;
  str(node: Node | undefined, what: string, re?: RegExp, hint?: string): string | undefined;
  strList(node: Node | undefined, what: string): string[] | undefined;
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

export function loadConfig(text: string, options: LoadConfigOptions = {}): ConfigResult {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { config: defaultConfig(), problems: [{ message: `the config nests deeper than ${MAX_CONFIG_DEPTH} levels; nothing in opmodel.json needs more than a few`, range: lines.range(deep, deep + 1) }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number, length = 0): Range => lines.range(offset, offset + length);
  // One message per place: the parser reports several codes for one mistake.
  const seen = new Set<number>();
  for (const e of errors) {
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    problems.push({ message: `JSON: ${describeJsonError(e, text, lines)}`, range: at(e.offset, e.length) });
  }
  const base = options.base;
  const config = base ? inherit(base) : defaultConfig();
  if (!root || errors.length) return { config, problems };
  const bad = (node: Node | undefined, message: string) =>
    problems.push({ message, range: node ? at(node.offset, node.length) : at(0) });
  if (root.type !== 'object') {
    bad(root, 'the config must be a JSON object');
    return { config, problems };
  }
  const known = new Set(['$schema', 'extends', 'scope', 'site', 'families', 'systems', 'disciplines', 'leadership', 'relations', 'types', 'crosswalks', 'roles', 'severity', 'include', 'exclude', 'maxFileSize', 'maturity', 'assessments']);
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
      const families: Partial1<FamilyConfig>[] = [];
      for (const prop of fam.children ?? []) {
        const keyNode = prop.children?.[0];
        const key = keyNode?.value as string;
        const val = prop.children?.[1];
        // An invalid name is reported and left out: it would otherwise become an ID pattern.
        if (!/^[A-Z][A-Z0-9]*$/.test(key)) { bad(keyNode, `family name "${key}" must be upper-case letters and digits`); continue; }
        if (!val || val.type !== 'object') { bad(val, `family ${key} must be an object`); continue; }
        const f = (p: string) => findNodeAtLocation(val, [p]);
        const prefix = str(f('prefix'), `families.${key}.prefix`, PREFIX_RE, 'upper-case letters and digits, optionally ending in "-"');
        const groups = strList(f('groups'), `families.${key}.groups`);
        groups?.forEach((g, i) => { if (!GROUP_RE.test(g)) bad(f('groups')?.children?.[i], `group "${g}" must be 1-3 upper-case letters`); });
        if (groups && groups.length > MAX_GROUPS) bad(f('groups'), `families.${key}.groups declares ${groups.length} groups; at most ${MAX_GROUPS} are allowed`);
        families.push({ key, prefix, groups, title: str(f('title'), `families.${key}.title`) });
      }
      const complete = (p: Partial1<FamilyConfig>): FamilyConfig => ({ key: p.key, prefix: p.prefix ?? p.key, groups: p.groups ?? [], title: p.title ?? p.key });
      if (base) config.families = overlayByKey(config.families, families, complete);
      else if (families.length) config.families = families.map(complete);
    }
  }
  const familyKeys = new Set(config.families.map((f) => f.key));
  const checkFamilies = (node: Node | undefined, list: string[], what: string) => {
    list.forEach((k, i) => { if (!familyKeys.has(k)) bad(node?.children?.[i], `${what} names family "${k}", which is not declared in families`); });
  };
  const keyed = <T extends { key: string }>(path: string, make: (n: Node, key: string) => Partial1<T> | undefined): Partial1<T>[] | undefined => {
    const list = entries(get([path]), path);
    if (!list) return undefined;
    const out: Partial1<T>[] = [];
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
    const families = strList(famNode, `${path}.${key}.families`);
    if (families) checkFamilies(famNode, families, `${path} "${key}"`);
    return { key, title: str(findNodeAtLocation(n, ['title']), `${path}.${key}.title`), families };
  };
  // Standalone, a list replaces the defaults; with "extends", entries merge by key.
  const apply = <T extends { key: string; title: string }>(current: T[], partials: Partial1<T>[] | undefined, complete: (p: Partial1<T>) => T): T[] =>
    !partials ? current : base ? overlayByKey(current, partials, complete) : partials.map(complete);
  const holder = <T extends SystemConfig | LeadershipPartConfig>(p: Partial1<T>) => ({ key: p.key, title: p.title ?? p.key, families: p.families ?? [] }) as T;
  config.systems = apply<SystemConfig>(config.systems, keyed<SystemConfig>('systems', withFamilies('systems')), holder);
  config.leadership = apply<LeadershipPartConfig>(config.leadership, keyed<LeadershipPartConfig>('leadership', withFamilies('leadership')), holder);
  config.disciplines = apply<DisciplineConfig>(
    config.disciplines,
    keyed<DisciplineConfig>('disciplines', (n, key) => ({ key, title: str(findNodeAtLocation(n, ['title']), `disciplines.${key}.title`) })),
    (p) => ({ key: p.key, title: p.title ?? p.key }),
  );

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
  const inheritedSchemes = config.crosswalks;
  readCrosswalksConfig(get(['crosswalks']), bad, config);
  // With "extends", crosswalk schemes and roles merge by key like the other keyed sections: a
  // scheme named again keeps the title and values it does not give.
  if (base && config.crosswalks !== inheritedSchemes) {
    const byKey = new Map(inheritedSchemes.map((c) => [c.key, c]));
    config.crosswalks = overlayByKey(inheritedSchemes, config.crosswalks.map((c) => {
      const was = byKey.get(c.key);
      return was ? { key: c.key, title: c.title === c.key ? undefined : c.title, values: c.values.size ? c.values : undefined } : c;
    }), (c) => ({ key: c.key, title: c.title ?? c.key, values: c.values ?? new Map() }));
  }
  const roles = readRoles(get(['roles']), bad);
  if (roles) config.roles = base ? overlayByKey(config.roles, roles, (r) => ({ key: r.key, title: r.title ?? r.key, description: r.description })) : roles;
  const sev = get(['severity']);
  if (sev) {
    if (sev.type !== 'object') bad(sev, 'severity must be an object, e.g. { "malformed-id": "error" }');
    else for (const prop of sev.children ?? []) {
      const code = prop.children?.[0]?.value as string;
      // As the schema does: a misspelt code would otherwise be ignored without a word.
      if (!severityCodes().includes(code)) { bad(prop.children?.[0], `severity names "${code}", which is not a diagnostic code; codes: ${severityCodes().join(', ')}`); continue; }
      const v = str(prop.children?.[1], `severity.${code}`);
      if (v === undefined) continue;
      if (!SEVERITIES.includes(v as SeveritySetting)) bad(prop.children?.[1], `severity.${code} must be one of ${SEVERITIES.join(', ')}`);
      else config.severity[code] = v as SeveritySetting;
    }
  }
  const ctx: ConfigParseContext = { bad, str, strList };
  config.extends = parseExtends(get(['extends']), ctx);
  config.site = parseSite(get(['site']), ctx, config.site);
  config.scope = parseScope(get(['scope']), ctx, config);
  config.include = checkGlobs(get(['include']), strList(get(['include']), 'include') ?? config.include, 'include', bad);
  config.exclude = checkGlobs(get(['exclude']), strList(get(['exclude']), 'exclude') ?? config.exclude, 'exclude', bad);
  const max = get(['maxFileSize']);
  if (max) {
    if (max.type !== 'number' || !(max.value > 0)) bad(max, 'maxFileSize must be a positive number of bytes');
    else config.maxFileSize = max.value as number;
  }
  config.maturity = readMaturityConfig(get(['maturity']), bad) ?? config.maturity;
  config.assessments = readAssessmentsConfig(get(['assessments']), bad) ?? config.assessments;
  return { config, problems };
}

/** Codes `severity` may name: every rule's (documents and assessments) and skipped-file, as in the schema. */
export const severityCodes = (): string[] => allCodes().filter((c) => c !== INVALID_CONFIG.code);

/** What a config with "extends" starts from: the base's shape, its own files and scope. */
function inherit(base: OpmodelConfig): OpmodelConfig {
  const own = defaultConfig();
  return {
    families: base.families.map((f) => ({ ...f, groups: [...f.groups] })),
    systems: base.systems.map((s) => ({ ...s, families: [...s.families] })),
    disciplines: base.disciplines.map((d) => ({ ...d })),
    leadership: base.leadership.map((p) => ({ ...p, families: [...p.families] })),
    relations: base.relations.map((r) => ({ ...r })),
    types: base.types.map((t) => ({ ...t })),
    roles: base.roles.map((r) => ({ ...r })),
    crosswalks: base.crosswalks.map((c) => ({ ...c, values: new Map(c.values) })),
    severity: { ...base.severity },
    site: { ...base.site },
    // The scale is the framework's; where assessments live is the client's own.
    maturity: { levels: base.maturity.levels.map((l) => ({ ...l })) },
    assessments: own.assessments,
    include: own.include,
    exclude: own.exclude,
    maxFileSize: own.maxFileSize,
  };
}
