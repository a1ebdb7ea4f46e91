// Checks behind the toolkit content tests, kept apart so that the tests can show each one firing
// on a small made-up input as well as passing on the shipped framework.

/** The numbered rows of the roadmap's wave tables: "| 12 | OM11 | Service Level Management | ... |". */
export function roadmapOrder(text: string): { order: number; id: string; title: string }[] {
  return [...text.matchAll(/^\| (\d+) \| ((?:CORE-[ABC]|[A-Z]+)\d+) \| ([^|]+?) \|/gm)].map((m) => ({ order: Number(m[1]), id: m[2]!, title: m[3]! }));
}

/** Cycles in `depends_on`, and elements listed before something they depend on. */
export function dependencyProblems(deps: Map<string, string[]>, order: string[]): string[] {
  const problems: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      problems.push(`depends_on has a cycle: ${[...path.slice(path.indexOf(id)), id].join(' -> ')}`);
      return;
    }
    state.set(id, 'open');
    for (const d of deps.get(id) ?? []) visit(d, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of [...deps.keys()].sort()) visit(id, []);
  const at = new Map(order.map((id, i) => [id, i]));
  for (const id of order) {
    for (const d of deps.get(id) ?? []) {
      if (!at.has(d)) problems.push(`${id} depends on ${d}, which the roadmap does not list`);
      else if (at.get(d)! > at.get(id)!) problems.push(`${id} is listed before ${d}, which it depends on`);
    }
  }
  return problems;
}

const words = (s: string) => s.toLowerCase().replace(/[’']/g, '').match(/[a-z0-9]+/g) ?? [];

/**
 * Every 8-word sequence of the article, within a line, except its lists of IDs and titles: bullet
 * lines that start with an ID, lines of names separated by "|", and sequences made only of words
 * from the catalog's IDs and titles (with "and", "of", "the").
 */
export function seedShingles(seed: string, titleWords: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const line of seed.split(/\r?\n/)) {
    if (/^\s*•\s*[A-Z]/.test(line) || line.includes('|')) continue;
    const w = words(line);
    for (let i = 0; i + 8 <= w.length; i++) {
      const s = w.slice(i, i + 8);
      if (s.every((x) => titleWords.has(x))) continue;
      out.add(s.join(' '));
    }
  }
  return out;
}

/** The article's 8-word sequences that occur in `text`, in order. */
export function shinglesIn(text: string, shingles: Set<string>): string[] {
  const w = words(text);
  const hits: string[] = [];
  for (let i = 0; i + 8 <= w.length; i++) {
    const s = w.slice(i, i + 8).join(' ');
    if (shingles.has(s)) hits.push(s);
  }
  return hits;
}
