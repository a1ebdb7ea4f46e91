// The crosswalk schemes the shipped framework maps onto, with the names and numbers of their
// practices, objectives and clauses (facts, not text). framework-docs/opmodel.json declares the
// same; a test keeps the two equal.
import type { CrosswalkSchemeConfig } from './config';

const ITIL4_PRACTICES = [
  // General management practices
  'Architecture management', 'Continual improvement', 'Information security management', 'Knowledge management',
  'Measurement and reporting', 'Organizational change management', 'Portfolio management', 'Project management',
  'Relationship management', 'Risk management', 'Service financial management', 'Strategy management',
  'Supplier management', 'Workforce and talent management',
  // Service management practices
  'Availability management', 'Business analysis', 'Capacity and performance management', 'Change enablement',
  'Incident management', 'IT asset management', 'Monitoring and event management', 'Problem management',
  'Release management', 'Service catalogue management', 'Service configuration management',
  'Service continuity management', 'Service design', 'Service desk', 'Service level management',
  'Service request management', 'Service validation and testing',
  // Technical management practices
  'Deployment management', 'Infrastructure and platform management', 'Software development and management',
];

const COBIT2019_OBJECTIVES: [string, string][] = [
  ['EDM01', 'Ensured governance framework setting and maintenance'], ['EDM02', 'Ensured benefits delivery'],
  ['EDM03', 'Ensured risk optimization'], ['EDM04', 'Ensured resource optimization'], ['EDM05', 'Ensured stakeholder engagement'],
  ['APO01', 'Managed I&T management framework'], ['APO02', 'Managed strategy'], ['APO03', 'Managed enterprise architecture'],
  ['APO04', 'Managed innovation'], ['APO05', 'Managed portfolio'], ['APO06', 'Managed budget and costs'],
  ['APO07', 'Managed human resources'], ['APO08', 'Managed relationships'], ['APO09', 'Managed service agreements'],
  ['APO10', 'Managed vendors'], ['APO11', 'Managed quality'], ['APO12', 'Managed risk'], ['APO13', 'Managed security'],
  ['APO14', 'Managed data'],
  ['BAI01', 'Managed programs'], ['BAI02', 'Managed requirements definition'], ['BAI03', 'Managed solutions identification and build'],
  ['BAI04', 'Managed availability and capacity'], ['BAI05', 'Managed organizational change'], ['BAI06', 'Managed IT changes'],
  ['BAI07', 'Managed IT change acceptance and transitioning'], ['BAI08', 'Managed knowledge'], ['BAI09', 'Managed assets'],
  ['BAI10', 'Managed configuration'], ['BAI11', 'Managed projects'],
  ['DSS01', 'Managed operations'], ['DSS02', 'Managed service requests and incidents'], ['DSS03', 'Managed problems'],
  ['DSS04', 'Managed continuity'], ['DSS05', 'Managed security services'], ['DSS06', 'Managed business process controls'],
  ['MEA01', 'Managed performance and conformance monitoring'], ['MEA02', 'Managed system of internal control'],
  ['MEA03', 'Managed compliance with external requirements'], ['MEA04', 'Managed assurance'],
];

const ISO20000_CLAUSES: [string, string][] = [
  ['4', 'Context of the organization'], ['4.1', 'Understanding the organization and its context'],
  ['4.2', 'Understanding the needs and expectations of interested parties'], ['4.3', 'Determining the scope of the service management system'],
  ['4.4', 'Service management system'],
  ['5', 'Leadership'], ['5.1', 'Leadership and commitment'], ['5.2', 'Policy'], ['5.3', 'Organizational roles, responsibilities and authorities'],
  ['6', 'Planning'], ['6.1', 'Actions to address risks and opportunities'], ['6.2', 'Service management objectives and planning to achieve them'],
  ['6.3', 'Plan the service management system'],
  ['7', 'Support of the service management system'], ['7.1', 'Resources'], ['7.2', 'Competence'], ['7.3', 'Awareness'],
  ['7.4', 'Communication'], ['7.5', 'Documented information'], ['7.6', 'Knowledge'],
  ['8', 'Operation of the service management system'], ['8.1', 'Operational planning and control'],
  ['8.2', 'Service portfolio'], ['8.2.1', 'Service delivery'], ['8.2.2', 'Plan the services'],
  ['8.2.3', 'Control of parties involved in the service lifecycle'], ['8.2.4', 'Service catalogue management'],
  ['8.2.5', 'Asset management'], ['8.2.6', 'Configuration management'],
  ['8.3', 'Relationship and agreement'], ['8.3.1', 'General'], ['8.3.2', 'Business relationship management'],
  ['8.3.3', 'Service level management'], ['8.3.4', 'Supplier management'],
  ['8.4', 'Supply and demand'], ['8.4.1', 'Budgeting and accounting for services'], ['8.4.2', 'Demand management'], ['8.4.3', 'Capacity management'],
  ['8.5', 'Service design, build and transition'], ['8.5.1', 'Change management'], ['8.5.2', 'Service design and transition'],
  ['8.5.3', 'Release and deployment management'],
  ['8.6', 'Resolution and fulfilment'], ['8.6.1', 'Incident management'], ['8.6.2', 'Service request management'], ['8.6.3', 'Problem management'],
  ['8.7', 'Service assurance'], ['8.7.1', 'Service availability management'], ['8.7.2', 'Service continuity management'],
  ['8.7.3', 'Information security management'],
  ['9', 'Performance evaluation'], ['9.1', 'Monitoring, measurement, analysis and evaluation'], ['9.2', 'Internal audit'],
  ['9.3', 'Management review'], ['9.4', 'Service reporting'],
  ['10', 'Improvement'], ['10.1', 'Nonconformity and corrective action'], ['10.2', 'Continual improvement'],
];

export function defaultCrosswalks(): CrosswalkSchemeConfig[] {
  return [
    { key: 'itil4', title: 'ITIL 4', values: new Map(ITIL4_PRACTICES.map((p) => [p, ''])) },
    { key: 'cobit2019', title: 'COBIT 2019', values: new Map(COBIT2019_OBJECTIVES) },
    { key: 'iso20000', title: 'ISO/IEC 20000-1:2018', values: new Map(ISO20000_CLAUSES) },
  ];
}
