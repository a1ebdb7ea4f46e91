// Defaults: the shipped opmodel framework (see framework-docs/ and shared/catalog.yaml).
import { defaultAssessments } from './assessmentsConfig';
import type { OpmodelConfig } from './config';
import { defaultCrosswalks } from './crosswalkSchemes';
import { defaultMaturity } from './maturityConfig';

export function defaultConfig(): OpmodelConfig {
  return {
    families: [
      { key: 'FLM', title: 'First Line Management', prefix: 'FLM', groups: [] },
      { key: 'UM', title: 'Upline Management', prefix: 'UM', groups: [] },
      { key: 'GOV', title: 'Governance', prefix: 'GOV', groups: [] },
      { key: 'EE', title: 'Employee Engagement', prefix: 'EE', groups: [] },
      { key: 'CORE', title: 'Core IT Operations', prefix: 'CORE-', groups: ['A', 'B', 'C'] },
      { key: 'OM', title: 'Operations Management', prefix: 'OM', groups: [] },
      { key: 'LP', title: 'Leadership Principles', prefix: 'LP', groups: [] },
      { key: 'LC', title: 'Leadership Characteristics', prefix: 'LC', groups: [] },
    ],
    systems: [
      { key: 'operational-management', title: 'Operational Management', families: ['CORE', 'OM'] },
      { key: 'first-line-management', title: 'First Line Management', families: ['FLM'] },
      { key: 'upline-management', title: 'Upline Management', families: ['UM', 'GOV'] },
      { key: 'people-management', title: 'People Management', families: ['EE'] },
    ],
    disciplines: [
      { key: 'organization-management', title: 'Organization & Management' },
      { key: 'processes-procedures', title: 'Processes & Procedures' },
      { key: 'technology-tools', title: 'Technology & Tools' },
      { key: 'mindsets-behaviours', title: 'Mindsets & Behaviours' },
    ],
    leadership: [
      { key: 'leadership-principles', title: 'Leadership Principles', families: ['LP'] },
      { key: 'leadership-characteristics', title: 'Leadership Characteristics', families: ['LC'] },
    ],
    relations: [
      { key: 'related', title: 'Related', inverse: 'Related from' },
      { key: 'supports', title: 'Supports', inverse: 'Supported by' },
      { key: 'depends_on', title: 'Depends on', inverse: 'Needed by' },
    ],
    types: [
      { key: 'element', requiresId: true },
      { key: 'principle', requiresId: true },
      { key: 'characteristic', requiresId: true },
      { key: 'system', requiresId: false },
      { key: 'discipline', requiresId: false },
      { key: 'part', requiresId: false },
      { key: 'overview', requiresId: false },
      { key: 'guide', requiresId: false },
      { key: 'playbook', requiresId: false },
      { key: 'template', requiresId: false },
      { key: 'glossary', requiresId: false },
      { key: 'reference', requiresId: false },
    ],
    crosswalks: defaultCrosswalks(),
    roles: [],
    // Filled with codes from opmodel.json: no prototype, so no name finds a built-in.
    severity: Object.create(null) as Record<string, never>,
    include: ['**/*.md'],
    exclude: [],
    maxFileSize: 5 * 1024 * 1024,
    maturity: defaultMaturity(),
    assessments: defaultAssessments(),
  };
}
