// An element's measures, read from its front matter, the only place they are written:
//
//   measures:
//     - name: Share of scorecards published on schedule
//       definition: Weekly team scorecards published by Monday 10:00, as a share of weeks.
//       target: At least 95%
//
// A plain string item is a measure with a name only. A target of "set with the client" marks a
// measure whose target is agreed during tailoring rather than fixed by the framework.
import { fieldTreeGet, type FieldTree } from '../parse/frontMatterTree';
import type { ParsedDocument } from '../parse/document';
import type { Range } from '../types';

export const MEASURES_FIELD = 'measures';
export const SET_WITH_CLIENT = 'set with the client';

export interface Measure {
  name: string;
  definition?: string;
  target?: string;
  /** The target is agreed with each client (`target: set with the client`). */
  setWithClient: boolean;
  /** The whole item in the front matter. */
  range: Range;
}

const isSetWithClient = (t: string) => /^set with (the )?client\.?$/i.test(t.trim());

function text(node: FieldTree | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null && node.value.trim() ? node.value.trim() : undefined;
}

export function measuresOf(doc: ParsedDocument): Measure[] {
  const f = doc.fields.get(MEASURES_FIELD);
  if (!f) return [];
  const tree = f.tree;
  if (tree?.kind === 'seq') {
    const out: Measure[] = [];
    for (const item of tree.items) {
      if (item.kind === 'scalar') {
        const name = text(item);
        if (name) out.push({ name, setWithClient: false, range: item.range });
        continue;
      }
      const name = text(fieldTreeGet(item, 'name'));
      if (!name) continue;
      const target = text(fieldTreeGet(item, 'target'));
      const m: Measure = { name, setWithClient: target !== undefined && isSetWithClient(target), range: item.range };
      const definition = text(fieldTreeGet(item, 'definition'));
      if (definition) m.definition = definition;
      if (target !== undefined && !m.setWithClient) m.target = target;
      out.push(m);
    }
    return out;
  }
  return f.items.filter((i) => i.value?.trim()).map((i) => ({ name: i.value!.trim(), setWithClient: false, range: i.range }));
}

/** "At least 95%", "Set with the client", or undefined when the measure has no target. */
export function targetText(m: Measure): string | undefined {
  return m.setWithClient ? 'Set with the client' : m.target;
}
