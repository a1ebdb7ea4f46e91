// A role field (`accountable`, `responsible`, `consulted`, `informed`) naming a role that the
// `roles` vocabulary of opmodel.json does not declare. Quiet when no roles are declared.
import { suggestKeys } from '../ids/suggest';
import { roleAssignments } from '../features/roles';
import { replaceFix, type Rule } from './rule';

const norm = (s: string) => s.toLowerCase().replace(/&/g, ' ').replace(/[^a-z0-9]+/g, '');

export const unknownRole: Rule = {
  code: 'unknown-role',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A role field (`accountable`, `responsible`, `consulted`, `informed`) naming a role that `roles` in opmodel.json does not declare; suggests the closest.',
  check({ doc, config, report }) {
    const roles = config.roles;
    if (!roles.length) return;
    const keys = new Set(roles.map((r) => r.key));
    for (const a of roleAssignments(doc)) {
      if (keys.has(a.role)) continue;
      const suggestions = suggestKeys(a.role, roles);
      const named = suggestions.map((k) => `"${k}" (${roles.find((r) => r.key === k)!.title})`);
      report({
        range: a.range,
        message: `Unknown role "${a.role}" in ${a.field}: ${named.length ? `did you mean ${named.join(' or ')}?` : `declare it under "roles" in opmodel.json, or use one of the declared keys.`}`,
        // Safe only when the value is the role's key or title spelt differently ("Team Lead").
        fixes: suggestions.map((k, i) => {
          const role = roles.find((r) => r.key === k)!;
          const same = norm(a.role) === norm(role.key) || norm(a.role) === norm(role.title);
          return replaceFix(doc, a.range, k, `Change to "${k}"`, suggestions.length === 1 && same, i === 0);
        }),
      });
    }
  },
};
