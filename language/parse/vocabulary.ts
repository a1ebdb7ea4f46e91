// The words that front matter repeats in every document — its keys, and the systems,
// disciplines, parts, types, roles and schemes the config declares — one copy each, shared by all
// documents. Fixed by the config: a value that is not one of them is copied for its document.
import type { OpmodelConfig } from '../config/config';
import { Interner } from '../text/interner';
import { ownString } from '../text/ownString';

const FRONT_MATTER_KEYS = ['id', 'title', 'type', 'system', 'discipline', 'part', 'summary', 'accountable', 'responsible', 'consulted', 'informed', 'measures', 'name', 'definition', 'target', 'cadence', 'crosswalk', 'tags', 'status', 'owner'];

const vocabularies = new WeakMap<OpmodelConfig, Interner>();

/** `s` as the config's (or front matter's) own copy of the word, or a copy of its own. */
export function wordOf(config: OpmodelConfig, s: string): string {
  let v = vocabularies.get(config);
  if (!v) vocabularies.set(config, (v = vocabulary(config)));
  return v.find(s) ?? ownString(s);
}

function vocabulary(config: OpmodelConfig): Interner {
  const words = [
    ...FRONT_MATTER_KEYS,
    ...[config.systems, config.disciplines, config.leadership, config.relations, config.types, config.roles, config.crosswalks].flatMap((list: readonly { key: string }[]) => list.map((x) => x.key)),
  ];
  const v = new Interner(words.length);
  for (const w of words) v.add(w);
  return v;
}

/** Distinct texts a config's heading table keeps at most; past that, a heading gets a copy of its own. */
const HEADINGS_KEPT = 4096;
const headingTables = new WeakMap<OpmodelConfig, Interner>();

/**
 * One copy of a heading's text for all documents read with `config`: most documents of a
 * framework repeat the same sections ("Purpose", "Maturity levels", "Related elements").
 */
export function headingText(config: OpmodelConfig, s: string): string {
  let t = headingTables.get(config);
  if (!t) headingTables.set(config, (t = new Interner(HEADINGS_KEPT)));
  return t.get(s);
}
