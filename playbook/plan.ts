// Which page each document, ID and key becomes. Names come from canonical IDs and keys only;
// an unsafe key is a build error, and the document then falls back to a name from its file.
import type { Project } from '../language/index';
import { basename } from '../language/index';
import { planAssessmentPages } from './assessmentPages';
import { isSafeName, slugFromFile } from './sitePaths';

export type PageKind = 'index' | 'matrix' | 'leadership' | 'handout' | 'element' | 'system' | 'discipline' | 'part' | 'page' | 'assessment';

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
  const plan: SitePlan = { pages: [...FIXED_PAGES.map((p) => ({ ...p }))], byUri: new Map(), byId: new Map(), byKey: { system: new Map(), discipline: new Map(), part: new Map() } };
  const taken = new Set(plan.pages.map((p) => p.path.toLowerCase()));
  const add = (p: SitePage) => {
    plan.pages.push(p);
    taken.add(p.path.toLowerCase());
    if (p.uri) plan.byUri.set(p.uri, p);
    return p;
  };

  for (const id of project.index.definedIds()) {
    const doc = project.index.definitions(id)[0]!;
    if (!doc.definition?.familyKey) continue; // not an ID of any family: a plain page below
    if (!isSafeName(id)) {
      problems.push({ severity: 'error', uri: doc.uri, line: doc.definition.range.start.line, message: `the ID "${id}" cannot name a page file` });
      continue;
    }
    const page = add({ path: `elements/${id}.html`, kind: 'element', title: doc.title ?? id, uri: doc.uri, id, summary: doc.summary });
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
  for (const doc of docs) {
    if (plan.byUri.has(doc.uri)) continue;
    const type = doc.type as KeyedKind | undefined;
    const keyField = doc.fields.get('key');
    const key = keyField?.value?.trim();
    if (type && type in KEYED && key) {
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
    add({ path: p, kind: 'page', title: doc.title ?? doc.definition?.id ?? slug, uri: doc.uri, summary: doc.summary, id: doc.definition?.id });
  }
  for (const p of planAssessmentPages(project, taken)) add(p);
  return plan;
}
