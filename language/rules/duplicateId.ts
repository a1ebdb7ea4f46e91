import { relativeUri } from '../workspace/uris';
import { replaceFix, type Rule } from './rule';

/** Other definitions named in the message, and given as related locations: a few, then a count. */
const NAMED_IN_MESSAGE = 3;
const RELATED_LOCATIONS = 10;

export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  scope: 'workspace',
  description: 'One ID defined by two or more documents; reported on each `id:` value with the others as related locations.',
  check({ doc, index, syntax, report }) {
    const def = doc.definition;
    if (!def) return;
    // Within one layer only: a client document with a base element's ID tailors it.
    const layer = index.layerOf(doc.uri);
    const count = index.definitionCountInLayer(def.id, layer);
    if (count < 2) return;
    const all = index.definitionUris(def.id);
    // Only the first few others are looked at: 5,000 copies of one ID must cost linear time.
    const others: string[] = [];
    for (const u of all) {
      if (u !== doc.uri && index.layerOf(u) === layer) others.push(u);
      if (others.length === RELATED_LOCATIONS) break;
    }
    const rest = count - 1 - Math.min(others.length, NAMED_IN_MESSAGE);
    const named = others.slice(0, NAMED_IN_MESSAGE).map((u) => relativeUri(index.rootUri, u) ?? u).join(', ');
    const family = syntax.families.find((f) => f.key === def.familyKey);
    const parsed = syntax.parse(def.id);
    const free = family ? index.nextFreeId(family, parsed?.group) : undefined;
    report({
      range: def.range,
      message: `Duplicate ID ${def.id}: also defined in ${named}${rest > 0 ? ` and ${rest.toLocaleString('en')} other file${rest === 1 ? '' : 's'}` : ''}. Each ID must be defined once${free ? `; the next free ID is ${free}` : ''}.`,
      related: others.map((u) => ({ location: { uri: u, range: index.docs.get(u)!.definition!.range }, message: `${def.id} is also defined here` })),
      fixes: free ? [replaceFix(doc, def.range, free, `Renumber this document to ${free}`, false, true)] : undefined,
    });
  },
};
