// Shared shape of unknown-system and unknown-discipline: a front-matter value that must be a declared key.
import type { OpmodelConfig } from '../config/config';
import { suggestKeys } from '../ids/suggest';
import { replaceFix, type Rule } from './rule';

export function keyFieldRule(code: string, field: 'system' | 'discipline', keys: (c: OpmodelConfig) => { key: string; title: string }[]): Rule {
  return {
    code,
    defaultSeverity: 'error',
    scope: 'document',
    description: `A \`${field}\` value that is not a declared ${field} key; suggests the closest.`,
    check({ doc, config, report }) {
      const f = doc.fields.get(field);
      if (!f || f.value === null || f.value === '') return;
      const declared = keys(config);
      if (declared.some((k) => k.key === f.value)) return;
      const suggestions = suggestKeys(f.value, declared);
      const hint = suggestions.length ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : `use one of ${declared.map((k) => k.key).join(', ')}.`;
      report({
        range: f.valueRange,
        message: `Unknown ${field} "${f.value}": ${hint}`,
        // Safe only when the value is the same key spelt differently ("First Line Management").
        fixes: suggestions.map((s, i) =>
          replaceFix(doc, f.valueRange, s, `Change to "${s}"`, suggestions.length === 1 && normalised(f.value!, declared.find((k) => k.key === s)!), i === 0),
        ),
      });
    },
  };
}

const norm = (s: string) => s.toLowerCase().replace(/&/g, ' ').replace(/[^a-z0-9]+/g, '');
function normalised(value: string, k: { key: string; title: string }): boolean {
  return norm(value) === norm(k.key) || norm(value) === norm(k.title);
}
