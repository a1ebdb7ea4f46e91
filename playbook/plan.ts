// Which page each document, ID and key becomes. Names come from canonical IDs and keys only;
// an unsafe key is a build error, and the document then falls back to a name from its file.
import type { Project } from '../language/index';
import { basename, measuresOf, ROLE_FIELDS } from '../language/index';
import { leftOutOfSite } from './clientSite';
import { planAssessmentPages } from './assessmentPages';
import { CROSSWALK_PAGE, hasCrosswalk } from './crosswalkPage';
import { isSafeName, slugFromFile } from './sitePaths';

export type PageKind = 'index' | 'matrix' | 'leadership' | 'handout' | 'raci' | 'metrics' | 'crosswalk' | 'element' | 'system' | 'discipline' | 'part' | 'page' | 'assessment';

/** A reference document with this key gets the generated metric dictionary after its text. */
export const METRIC_DICTIONARY_KEY = 'metric-dictionary';
/** A reference document with this key is linked from every element's cadence. */
export const OPERATING_CALENDAR_KEY = 'operating-calendar';

export interface SitePage {
  path: string;
  kind: PageKind;
  title: string;
  uri?: string;
  id?: string;
  key?: string;
  summary?: string;
}

export interface BuildProblem {
  severity: 'error' | 'warning';
  /** Document or config URI; undefined for the build as a whole. */
  uri?: string;
  /** 0-based. */
  line?: number;
  message: string;
}

export interface SitePlan {
  pages: SitePage[];
  byUri: Map<string, SitePage>;
  byId: Map<string, SitePage>;
  byKey: Record<'system' | 'discipline' | 'part', Map<string, SitePage>>;
  /** The page that carries the metric dictionary, if any element has measures. */
  metrics?: SitePage;
  /** The RACI page, if roles are declared or named. */
  raci?: SitePage;
  /** Pages of `type: reference` documents by their `key` (operating-calendar, thresholds, ...). */
  references: Map<string, SitePage>;
}

const KEYED = { system: 'systems', discipline: 'disciplines', part: 'parts' } as const;
type KeyedKind = keyof typeof KEYED;

export const FIXED_PAGES: SitePage[] = [
  { path: 'index.html', kind: 'index', title: 'Playbook' },
  { path: 'matrix.html', kind: 'matrix', title: 'Systems × disciplines matrix' },
  { path: 'leadership.html', kind: 'leadership', title: 'Leadership principles and characteristics' },
  { path: 'handout.html', kind: 'handout', title: 'Printable handout' },
];

export function planSite(project: Project, problems: BuildProblem[]): SitePlan {
  const plan: SitePlan = { pages: [...FIXED_PAGES.map((p) => ({ ...p }))], byUri: new Map(), byId: new Map(), byKey: { system: new Map(), discipline: new Map(), part: new Map() }, references: new Map() };
  if (hasCrosswalk(project)) plan.pages.push({ ...CROSSWALK_PAGE });
  const taken = new Set(plan.pages.map((p) => p.path.toLowerCase()));
  const add = (p: SitePage) => {
    plan.pages.push(p);
    taken.add(p.path.toLowerCase());
    if (p.uri) plan.byUri.set(p.uri, p);
    return p;
  };

  for (const id of project.index.definedIds()) {
    // A client's site: the elements in scope and the client's own (tailored ones as tailored).
    if (!project.inScope(id)) continue;
    const doc = project.index.firstDefinition(id)!;
    if (!doc.definition?.familyKey) continue; // not an ID of any family: a plain page below
    if (!isSafeName(id)) {
      problems.push({ severity: 'error', uri: doc.uri, line: doc.definition.range.start.line, message: `the ID "${id}" cannot name a page file` });
      continue;
    }
    // A tailored element: what its document leaves out comes from the element it tailors.
    const chain = project.index.definitionChain(id);
    const title = chain.find((d) => d.title)?.title ?? id;
    const page = add({ path: `elements/${id}.html`, kind: 'element', title, uri: doc.uri, id, summary: chain.find((d) => d.summary)?.summary });
    plan.byId.set(id, page);
  }

  const configured: [KeyedKind, { key: string; title: string }[]][] = [
    ['system', project.config.systems],
    ['discipline', project.config.disciplines],
    ['part', project.config.leadership],
  ];
  for (const [kind, list] of configured) {
    for (const { key, title } of list) {
      if (!isSafeName(key)) {
        problems.push({ severity: 'error', uri: project.configUri, message: `the ${kind} key "${key}" cannot name a page file: use letters, digits, "-", "_" or "."` });
        continue;
      }
      plan.byKey[kind].set(key, add({ path: `${KEYED[kind]}/${key}.html`, kind, title, key }));
    }
  }

  const docs = [...project.index.docs.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  const elementDocs = [...plan.byId.values()].map((p) => project.index.docs.get(p.uri!)!);
  if (project.config.roles.length || elementDocs.some((d) => ROLE_FIELDS.some((f) => d.fields.has(f)))) {
    plan.raci = add({ path: 'raci.html', kind: 'raci', title: 'Roles and RACI' });
  }
  const hasMeasures = elementDocs.some((d) => measuresOf(d).length);
  for (const doc of docs) {
    if (plan.byUri.has(doc.uri) || leftOutOfSite(project, doc)) continue;
    const type = doc.type as KeyedKind | undefined;
    const keyField = doc.fields.get('key');
    const key = keyField?.value?.trim();
    // Own keys only: a `type: constructor` must not find Object's constructor.
    if (type && Object.hasOwn(KEYED, type) && key) {
      if (!isSafeName(key)) {
        problems.push({ severity: 'error', uri: doc.uri, line: keyField!.valueRange.start.line, message: `key "${key}" cannot name a page file: use letters, digits, "-", "_" or "."` });
      } else {
        const existing = plan.byKey[type].get(key);
        if (!existing) {
          plan.byKey[type].set(key, add({ path: `${KEYED[type]}/${key}.html`, kind: type, title: doc.title ?? key, key, uri: doc.uri, summary: doc.summary }));
          continue;
        }
        if (!existing.uri) {
          existing.uri = doc.uri;
          existing.summary = doc.summary;
          plan.byUri.set(doc.uri, existing);
          continue;
        }
        problems.push({ severity: 'warning', uri: doc.uri, line: keyField!.valueRange.start.line, message: `another document already has ${type} key "${key}"; this one gets a page of its own` });
      }
    }
    const slug = slugFromFile(basename(doc.uri));
    let p = `pages/${slug}.html`;
    for (let n = 2; taken.has(p.toLowerCase()); n++) p = `pages/${slug}-${n}.html`;
    const page = add({ path: p, kind: 'page', title: doc.title ?? doc.definition?.id ?? slug, uri: doc.uri, summary: doc.summary, id: doc.definition?.id });
    if (doc.type === 'reference' && key && !plan.references.has(key)) plan.references.set(key, page);
    if (hasMeasures && !plan.metrics && doc.type === 'reference' && key === METRIC_DICTIONARY_KEY) plan.metrics = page;
  }
  if (hasMeasures && !plan.metrics) plan.metrics = add({ path: 'metric-dictionary.html', kind: 'metrics', title: 'Metric dictionary' });
  for (const p of planAssessmentPages(project, taken)) add(p);
  return plan;
}
