import type { FrameworkSource } from '../layers/resolveFramework';
import type { Project } from '../project';
import type { Location, Position, Range } from '../types';
import { assessedLine } from '../assessment/assessedLine';
import type { CrosswalkEntry } from './crosswalk';
import { elementInfo } from './elements';
import { idAtPosition } from './idAtPosition';
import { inverseRelations, type InverseRelation } from './inverseRelations';
import { measuresOf, targetText, type Measure } from './measures';
import { roleAssignments, roleTitle } from './roles';

export interface HoverInfo {
  id: string;
  range: Range;
  defined: boolean;
  title?: string;
  summary?: string;
  system?: { key: string; title: string };
  discipline?: { key: string; title: string };
  part?: { key: string; title: string };
  definitions: Location[];
  references: number;
  crosswalk?: CrosswalkEntry[];
  /** Role titles of `accountable` (the key when the role is not declared). */
  accountable?: string[];
  measures?: Measure[];
  /** Relations written on the other elements ("Related from", "Supported by"). */
  inverse?: InverseRelation[];
  /** Markdown for any host; `link` turns a location into a clickable target. */
  markdown: string;
}

export function hover(project: Project, uri: string, pos: Position, link: (l: Location) => string = (l) => l.uri): HoverInfo | undefined {
  const at = idAtPosition(project, uri, pos);
  if (!at) return undefined;
  const info = elementInfo(project, at.id);
  const defs = project.index.definitions(at.id).map((d) => ({ uri: d.uri, range: d.definition!.range }));
  const refs = project.index.referenceCount(at.id);
  if (!info) {
    return { id: at.id, range: at.range, defined: false, definitions: [], references: refs, markdown: `**${at.id}** is not defined in this framework.` };
  }
  const sys = project.config.systems.find((s) => s.key === info.system);
  const disc = project.config.disciplines.find((d) => d.key === info.discipline);
  const part = project.config.leadership.find((p) => p.key === info.part);
  const lines = [`**${info.id} · ${escapeMd(info.title || 'untitled')}**`];
  if (info.summary) lines.push('', escapeMd(info.summary));
  const where = sys || disc ? `${sys?.title ?? info.system ?? '?'} × ${disc?.title ?? info.discipline ?? '?'}` : part?.title;
  if (where) lines.push('', `_${escapeMd(where)}_`);
  const cw = info.crosswalk.filter((c) => c.items.length);
  // One line per scheme; a trailing backslash is a Markdown line break inside one paragraph.
  if (cw.length) lines.push('', cw.map((c) => `${escapeMd(c.title)}: ${c.items.map((i) => escapeMd(i.value)).join(', ')}`).join('\\\n'));
  // A tailored element: each field from the tailored document, else from the element it tailors.
  const chain = project.index.definitionChain(at.id);
  const accountableDoc = chain.find((d) => d.fields.has('accountable')) ?? chain[0]!;
  const accountable = roleAssignments(accountableDoc).filter((a) => a.field === 'accountable').map((a) => roleTitle(project.config.roles, a.role));
  if (accountable.length) lines.push('', `Accountable: ${escapeMd(accountable.join(', '))}`);
  const measures = chain.map(measuresOf).find((m) => m.length) ?? [];
  if (measures.length) {
    lines.push('', 'Measures:');
    for (const m of measures) {
      const target = targetText(m);
      lines.push(`- ${escapeMd(m.name)}${target ? ` — _${escapeMd(target)}_` : ''}`);
    }
  }
  const inverse = inverseRelations(project, at.id);
  for (const r of inverse) lines.push('', `${escapeMd(r.title)}: ${r.ids.join(', ')}`);
  const assessed = assessedLine(project, info.id);
  if (assessed) lines.push('', `_${escapeMd(assessed)}_`);
  const file = info.location.uri.split('/').slice(-2).map(decodeURIComponent).join('/');
  const fw = info.framework ? escapeMd(frameworkLabel(info.framework)) : undefined;
  if (info.tailors && fw) {
    const orig = info.tailors.uri.split('/').slice(-2).map(decodeURIComponent).join('/');
    lines.push('', `_Tailored for this client from ${fw}:_ [${escapeMd(orig)}](${link(info.tailors)})`);
  } else if (info.origin === 'base' && fw) lines.push('', `_From ${fw} (read-only)_`);
  if (!info.inScope) lines.push('', `**Out of scope** for this client: ${escapeMd(project.index.scope.outOfScope(info.id)?.reason ?? 'the scope leaves it out')}.`);
  lines.push('', `[${escapeMd(file)}](${link(info.location)}) · referenced ${refs} time${refs === 1 ? '' : 's'}${defs.length > 1 ? ` · **defined ${defs.length} times**` : ''}`);
  return {
    id: at.id,
    range: at.range,
    defined: true,
    title: info.title,
    summary: info.summary,
    system: sys && { key: sys.key, title: sys.title },
    discipline: disc && { key: disc.key, title: disc.title },
    part: part && { key: part.key, title: part.title },
    definitions: defs,
    references: refs,
    crosswalk: info.crosswalk,
    ...(accountable.length ? { accountable } : {}),
    ...(measures.length ? { measures } : {}),
    ...(inverse.length ? { inverse } : {}),
    markdown: lines.join('\n'),
  };
}

/** "the opmodel 0.1.0 framework", "the ../base framework". */
export function frameworkLabel(source: FrameworkSource): string {
  return `the ${source.name}${source.version ? ` ${source.version}` : ''} framework`;
}

/** Front matter is untrusted text: keep it from becoming links, images or HTML in a hover. */
export function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!<>|~]/g, '\\$&');
}
