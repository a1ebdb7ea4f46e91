// "Did you mean" candidates. For IDs we generate the neighbours of an ID (one digit changed,
// added or removed; the same number in another family or group) and keep those that exist,
// which costs the same at 100 or 100,000 defined IDs. The relation is symmetric, which the
// index relies on to know whose suggestions a new definition can change.
import type { IdSyntax } from './idSyntax';

export function idNeighbours(syntax: IdSyntax, id: string): string[] {
  const p = syntax.parse(id);
  if (!p) return [];
  const out = new Set<string>();
  const digits = String(p.number);
  const add = (n: string, fam = p.family, group = p.group) => {
    if (!/^[1-9]\d*$/.test(n)) return;
    const c = syntax.format(fam, group, Number(n));
    if (c !== id) out.add(c);
  };
  for (let i = 0; i <= digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      add(digits.slice(0, i) + d + digits.slice(i)); // insert
      if (i < digits.length) add(digits.slice(0, i) + d + digits.slice(i + 1)); // substitute
    }
    if (i < digits.length) add(digits.slice(0, i) + digits.slice(i + 1)); // delete
  }
  for (const g of p.family.groups) add(digits, p.family, g);
  for (const f of syntax.families) {
    if (f === p.family) continue;
    // Only between families of the same shape, so that the relation stays symmetric.
    if (f.groups.length === 0) { if (!p.group) add(digits, f, ''); }
    else if (p.group && f.groups.includes(p.group)) add(digits, f, p.group);
  }
  return [...out];
}

export function suggestIds(syntax: IdSyntax, id: string, isDefined: (id: string) => boolean, limit = 3): string[] {
  const p = syntax.parse(id);
  // Each candidate is parsed once, not on every comparison: with thousands of unknown
  // references, re-parsing inside the sort was most of the cost of the unknown-id rule.
  const ranked = idNeighbours(syntax, id)
    .filter(isDefined)
    .map((c) => {
      const q = syntax.parse(c);
      return { id: c, otherFamily: q?.family === p?.family ? 0 : 1, distance: Math.abs((q?.number ?? 0) - (p?.number ?? 0)) };
    });
  ranked.sort((a, b) => a.otherFamily - b.otherFamily || a.distance - b.distance || syntax.compare(a.id, b.id));
  // Another family's ID only when the ID's own family offers none: OM4 must not suggest GOV4
  // while OM3 and OM5 exist.
  const own = ranked.filter((r) => r.otherFamily === 0);
  return (own.length ? own : ranked).slice(0, limit).map((r) => r.id);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const slug = (s: string) => s.toLowerCase().replace(/&/g, ' ').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Closest keys for a misspelt system or discipline: exact after normalising, then by edit distance. */
export function suggestKeys(value: string, keys: { key: string; title: string }[]): string[] {
  const s = slug(value);
  const exact = keys.filter((k) => k.key === s || slug(k.title) === s);
  if (exact.length) return exact.map((k) => k.key);
  return keys
    .map((k) => ({ k: k.key, d: Math.min(levenshtein(s, k.key), levenshtein(s, slug(k.title))) }))
    .filter((x) => x.d <= Math.max(3, Math.floor(x.k.length / 3)))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, 2)
    .map((x) => x.k);
}

export { slug as keySlug };
