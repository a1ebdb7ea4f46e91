// One copy of each often-repeated string (IDs, field keys, system and role keys), shared by all
// the documents that hold it, instead of one copy per document. Bounded: past `max` strings it
// stops adding, so that a long editing session (new IDs typed, then deleted) cannot grow it.
import { ownString } from './ownString';

export class Interner {
  private readonly strings = new Map<string, string>();

  constructor(private readonly max: number) {}

  /** The shared copy of `s`; a copy of its own when the table is full. */
  get(s: string): string {
    const found = this.strings.get(s);
    if (found !== undefined) return found;
    const copy = ownString(s);
    if (this.strings.size < this.max) this.strings.set(copy, copy);
    return copy;
  }

  /** The shared copy of `s` when it is in the table, else undefined. */
  find(s: string): string | undefined {
    return this.strings.get(s);
  }

  add(s: string): void {
    if (this.strings.size < this.max && !this.strings.has(s)) this.strings.set(s, s);
  }
}
