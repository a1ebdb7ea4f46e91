// How a config with `extends` combines with the framework it extends: an entry with a new key
// is added, an entry with a key the base has overrides only the properties it names.
export type Partial1<T extends { key: string }> = { key: string } & { [K in Exclude<keyof T, 'key'>]?: T[K] };

export function overlayByKey<T extends { key: string }>(base: readonly T[], partials: readonly Partial1<T>[], complete: (p: Partial1<T>) => T): T[] {
  const out = base.map((b) => ({ ...b }));
  const at = new Map(out.map((b, i) => [b.key, i]));
  for (const p of partials) {
    const i = at.get(p.key);
    if (i === undefined) {
      at.set(p.key, out.length);
      out.push(complete(p));
      continue;
    }
    const merged: T = { ...out[i]! };
    for (const [k, v] of Object.entries(p)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
    out[i] = merged;
  }
  return out;
}
