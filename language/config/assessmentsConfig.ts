// `assessments` in opmodel.json: where the assessment files are (only .yaml and .yml files are
// read as assessments), and which document types an assessment is expected to score (others may
// be scored, but are never reported as `unassessed-element`).
import { findNodeAtLocation, type Node } from 'jsonc-parser';

export interface AssessmentsConfig {
  /** Globs relative to the docs root. */
  include: string[];
  exclude: string[];
  /** Document types (`type:`) whose elements every assessment should score. */
  types: string[];
}

export function defaultAssessments(): AssessmentsConfig {
  return { include: ['assessments/**/*.yaml', 'assessments/**/*.yml'], exclude: [], types: ['element', 'characteristic'] };
}

export function readAssessmentsConfig(node: Node | undefined, bad: (node: Node | undefined, message: string) => void): AssessmentsConfig | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') return void bad(node, 'assessments must be an object, e.g. { "include": ["assessments/**/*.yaml"] }');
  const out = defaultAssessments();
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0]?.value as string;
    if (key !== 'include' && key !== 'exclude' && key !== 'types') {
      bad(prop.children?.[0], `unknown property "assessments.${key}"; expected include, exclude, types`);
      continue;
    }
    const list = findNodeAtLocation(node, [key]);
    const items = list?.type === 'array' ? list.children ?? [] : undefined;
    if (!items || items.some((c) => c.type !== 'string' || !String(c.value).trim())) {
      bad(list, `assessments.${key} must be an array of non-empty strings`);
      continue;
    }
    out[key] = items.map((c) => String(c.value));
  }
  return out;
}
