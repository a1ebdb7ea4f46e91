// An element's crosswalk as data: its items per declared scheme, in the config's scheme order,
// with the scheme's label for each item ("DSS02" -> "Managed service requests and incidents").
import type { OpmodelConfig } from '../config/config';
import type { ParsedDocument } from '../parse/document';
import { CROSSWALK_FIELD, crosswalkItems } from '../rules/invalidCrosswalk';

export interface CrosswalkEntry {
  scheme: string;
  title: string;
  items: { value: string; label?: string }[];
}

export function crosswalkOf(config: OpmodelConfig, doc: ParsedDocument): CrosswalkEntry[] {
  const tree = doc.fields.get(CROSSWALK_FIELD)?.tree;
  if (tree?.kind !== 'map') return [];
  const out: CrosswalkEntry[] = [];
  for (const scheme of config.crosswalks) {
    const entry = tree.entries.find((e) => e.key === scheme.key);
    if (!entry) continue;
    const seen = new Set<string>();
    const items: CrosswalkEntry['items'] = [];
    for (const i of crosswalkItems(entry.value) ?? []) {
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
