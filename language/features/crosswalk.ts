// An element's crosswalk as data: its items per declared scheme, in the config's scheme order,
// with the scheme's label for each item ("DSS02" -> "Managed service requests and incidents").
import type { OpmodelConfig } from '../config/config';
import type { ParsedDocument } from '../parse/document';
import { CROSSWALK_FIELD } from '../rules/invalidCrosswalk';

export interface CrosswalkEntry {
  scheme: string;
  title: string;
  items: { value: string; label?: string }[];
}

export function crosswalkOf(config: OpmodelConfig, doc: ParsedDocument): CrosswalkEntry[] {
  const f = doc.fields.get(CROSSWALK_FIELD);
  if (f?.kind !== 'map' || !f.entries) return [];
  const out: CrosswalkEntry[] = [];
  for (const scheme of config.crosswalks) {
    const entry = f.entries.find((e) => e.key === scheme.key);
    if (!entry) continue;
    const seen = new Set<string>();
    const items: CrosswalkEntry['items'] = [];
    for (const i of entry.items) {
      const value = i.value?.trim();
      if (!value || seen.has(value)) continue;
      seen.add(value);
      const label = scheme.values.get(value);
      items.push(label ? { value, label } : { value });
    }
    out.push({ scheme: scheme.key, title: scheme.title, items });
  }
  return out;
}
