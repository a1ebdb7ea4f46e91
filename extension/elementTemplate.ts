// The text and the place of a new element file. Free of `vscode`, so both are unit tested.
import { dirnameUri, joinUri } from '../language/index';

export interface NewElement {
  id: string;
  title: string;
  type: string;
  system?: string;
  discipline?: string;
  part?: string;
}

/** YAML plain scalars cannot hold everything; quote when in doubt (JSON strings are valid YAML). */
export function yamlScalar(s: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 &'/.,()+-]*$/.test(s) && !/\s$/.test(s) ? s : JSON.stringify(s);
}

const ELEMENT_SECTIONS = ['Purpose', 'What good looks like', 'Key practices', 'Measures', 'Maturity levels', 'Common pitfalls', 'Related elements'];
const LEADERSHIP_SECTIONS = ['Purpose', 'How it is practised', 'Signs it is working', 'Related elements'];

export function elementTemplate(e: NewElement): string {
  const title = e.title.trim() || 'Untitled';
  const lines = ['---', `id: ${e.id}`, `title: ${yamlScalar(title)}`, `type: ${e.type}`];
  if (e.system) lines.push(`system: ${e.system}`);
  if (e.discipline) lines.push(`discipline: ${e.discipline}`);
  if (e.part) lines.push(`part: ${e.part}`);
  lines.push('summary: ""', 'related: []', '---', '', `# ${e.id} · ${title}`);
  for (const s of e.part ? LEADERSHIP_SECTIONS : ELEMENT_SECTIONS) lines.push('', `## ${s}`, '');
  return lines.join('\n');
}

/**
 * Where a new element goes: next to an existing element of its family, else in a folder named
 * after its system or leadership part (the layout of the shipped framework), else at the root.
 */
export function newElementUri(rootUri: string, id: string, siblingUri?: string, folder?: string): string {
  if (siblingUri) return joinUri(dirnameUri(siblingUri), `${id}.md`);
  return folder ? joinUri(rootUri, folder, `${id}.md`) : joinUri(rootUri, `${id}.md`);
}
