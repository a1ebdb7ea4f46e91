import { relativeUri } from '../workspace/uris';
import { replaceFix, type Rule } from './rule';

export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  scope: 'workspace',
  description: 'One ID defined by two or more documents; reported on each `id:` value with the others as related locations.',
  check({ doc, index, syntax, report }) {
    const def = doc.definition;
    if (!def) return;
    // Within one layer only: a client document with a base element's ID tailors it.
    const all = index.definitionsInLayer(def.id, index.layerOf(doc.uri));
    if (all.length < 2) return;
    const others = all.filter((d) => d.uri !== doc.uri);
    const family = syntax.families.find((f) => f.key === def.familyKey);
    const parsed = syntax.parse(def.id);
    const free = family ? index.nextFreeId(family, parsed?.group) : undefined;
    report({
      range: def.range,
      message: `Duplicate ID ${def.id}: also defined in ${others.map((o) => relativeUri(index.rootUri, o.uri) ?? o.uri).join(', ')}. Each ID must be defined once${free ? `; the next free ID is ${free}` : ''}.`,
      related: others.map((o) => ({ location: { uri: o.uri, range: o.definition!.range }, message: `${def.id} is also defined here` })),
      fixes: free ? [replaceFix(doc, def.range, free, `Renumber this document to ${free}`, false, true)] : undefined,
    });
  },
};
