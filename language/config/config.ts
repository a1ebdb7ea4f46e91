// The framework's shape: ID families, systems, disciplines, leadership parts, relation fields,
// document types and per-code severities. Read from `opmodel.json` at the docs root.
import type { SeveritySetting } from '../types';
import type { AssessmentsConfig } from './assessmentsConfig';
import type { MaturityConfig } from './maturityConfig';

export type { AssessmentsConfig } from './assessmentsConfig';
export type { MaturityConfig, MaturityLevelConfig } from './maturityConfig';

export const CONFIG_FILE_NAME = 'opmodel.json';

export interface FamilyConfig {
  key: string;
  title: string;
  /** Literal text an ID starts with, e.g. "FLM" or "CORE-". */
  prefix: string;
  /** Optional single-letter (or short) groups between prefix and number, e.g. A, B, C in CORE-B4. */
  groups: string[];
}

export interface SystemConfig {
  key: string;
  title: string;
  families: string[];
}

export interface DisciplineConfig {
  key: string;
  title: string;
}

export interface LeadershipPartConfig {
  key: string;
  title: string;
  families: string[];
}

export interface RelationConfig {
  key: string;
  title: string;
  /** Name of the reverse direction, shown on the target ("supported by"). */
  inverse: string;
}

export interface RoleConfig {
  /** What `accountable`, `responsible`, `consulted` and `informed` hold, e.g. "team-lead". */
  key: string;
  title: string;
  description?: string;
}

export interface TypeConfig {
  key: string;
  /** Documents of this type define an element and must carry an `id`. */
  requiresId: boolean;
}

/** Which elements of the extended framework a client adopts: IDs and family names. */
export interface ScopeConfig {
  /** Left out: everything the extended framework defines. */
  include?: string[];
  exclude: string[];
}

/** Branding of the playbook site (`opmodel build`). */
export interface SiteConfig {
  title?: string;
  subtitle?: string;
}

/** A framework that elements map onto (ITIL 4, COBIT 2019, ...), read from `crosswalks`. */
export interface CrosswalkSchemeConfig {
  key: string;
  title: string;
  /** Allowed items, each with an optional label ("DSS02" -> "Managed service requests and incidents"). Empty: any text. */
  values: Map<string, string>;
}

export interface OpmodelConfig {
  /** The framework this one builds on: "opmodel", another installed package, or a relative folder. */
  extends?: string;
  /** Applies to the extended framework's elements; a config's own elements are always in scope. */
  scope?: ScopeConfig;
  site?: SiteConfig;
  families: FamilyConfig[];
  systems: SystemConfig[];
  disciplines: DisciplineConfig[];
  leadership: LeadershipPartConfig[];
  relations: RelationConfig[];
  types: TypeConfig[];
  /** Schemes of the `crosswalk:` front-matter field; declaring `crosswalks` replaces them all. */
  crosswalks: CrosswalkSchemeConfig[];
  /** The role vocabulary; empty means role fields are free text and not checked. */
  roles: RoleConfig[];
  severity: Record<string, SeveritySetting>;
  include: string[];
  exclude: string[];
  /** Files larger than this many bytes are reported and skipped. */
  maxFileSize: number;
  maturity: MaturityConfig;
  assessments: AssessmentsConfig;
}
