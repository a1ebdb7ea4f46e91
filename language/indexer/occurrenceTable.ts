// Key -> the URIs of the documents where the key occurs, one entry per occurrence: the index's
// reverse maps (references to an ID, misspellings of it, links to a file). A Map of counts per key
// cost about 500 bytes an ID, most of the index; a lone URI, or a plain array, costs a few words.

export class OccurrenceTable {
  private readonly table = new Map<string, string | string[]>();

  add(key: string, uri: string): void {
    const v = this.table.get(key);
    if (v === undefined) this.table.set(key, uri);
    else if (typeof v === 'string') this.table.set(key, [v, uri]);
    else v.push(uri);
  }

  /** Forgets every occurrence of `key` in `uri`. */
  remove(key: string, uri: string): void {
    const v = this.table.get(key);
    if (v === undefined) return;
    if (typeof v === 'string') {
      if (v === uri) this.table.delete(key);
      return;
    }
    let n = 0;
    for (const u of v) if (u !== uri) v[n++] = u;
    v.length = n;
    if (n === 0) this.table.delete(key);
    else if (n === 1) this.table.set(key, v[0]!);
  }

  /** How many times `key` occurs across all documents. */
  count(key: string): number {
    const v = this.table.get(key);
    return v === undefined ? 0 : typeof v === 'string' ? 1 : v.length;
  }

  /** The documents where `key` occurs, each once, in URI order. */
  uris(key: string): string[] {
    const v = this.table.get(key);
    if (v === undefined) return [];
    if (typeof v === 'string') return [v];
    return [...new Set(v)].sort();
  }

  /** The documents where `key` occurs, in no particular order, possibly repeated. */
  occurrences(key: string): readonly string[] {
    const v = this.table.get(key);
    return v === undefined ? [] : typeof v === 'string' ? [v] : v;
  }
}
