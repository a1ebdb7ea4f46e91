import { article } from '../text/article';
import { replaceFix, type Rule } from './rule';

export const idFamilyMismatch: Rule = {
  code: 'id-family-mismatch',
  defaultSeverity: 'warning',
  scope: 'document',
  description: "An ID whose family does not belong to the document's system or leadership part (FLM8 with `system: upline-management`).",
  check({ doc, config, report }) {
    const def = doc.definition;
    if (!def?.familyKey) return;
    const sys = doc.fields.get('system');
    const part = doc.fields.get('part');
    const holder = config.systems.find((s) => s.key === doc.system) ?? config.leadership.find((p) => p.key === part?.value);
    const field = config.systems.some((s) => s.key === doc.system) ? sys : part;
    if (!holder || !field || holder.families.includes(def.familyKey)) return;
    const home = [...config.systems, ...config.leadership].find((s) => s.families.includes(def.familyKey!));
    report({
      range: def.range,
      message: `${def.id} is ${article(def.familyKey)} ${def.familyKey} ID, but this document says ${field.key}: ${holder.key}, which holds ${holder.families.join(', ')} IDs${home ? `; ${def.familyKey} IDs belong to ${home.key}` : ''}.`,
      related: [{ location: { uri: doc.uri, range: field.valueRange }, message: `${field.key} is set here` }],
      fixes: home ? [replaceFix(doc, field.valueRange, home.key, `Change ${field.key} to "${home.key}"`, false, true)] : undefined,
    });
  },
};
