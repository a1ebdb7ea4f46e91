// `crosswalk:` maps an element onto other frameworks: { scheme: [items] }, each scheme declared
// in opmodel.json (`crosswalks`) and, where the scheme lists its values, each item one of them.
import type { CrosswalkSchemeConfig } from '../config/config';
import { levenshtein, suggestKeys } from '../ids/suggest';
import type { FieldTree } from '../parse/frontMatterTree';
import { replaceFix, type Rule, type RuleContext } from './rule';

export const CROSSWALK_FIELD = 'crosswalk';

export const invalidCrosswalk: Rule = {
  code: 'invalid-crosswalk',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A `crosswalk:` that is not a mapping of declared schemes to lists of declared items.',
  check(ctx) {
    const f = ctx.doc.fields.get(CROSSWALK_FIELD);
    if (!f) return;
    const schemes = ctx.config.crosswalks;
    const tree = f.tree;
    if (tree?.kind !== 'map') {
      const example = schemes[0] ? `${schemes[0].key}: [${[...schemes[0].values.keys()][0] ?? '...'}]` : 'scheme: [item]';
      ctx.report({ range: f.kind === 'scalar' && f.value === null ? f.keyRange : f.valueRange, message: `crosswalk must map each scheme to a list of items, e.g. crosswalk: { ${example} }` });
      return;
    }
    if (!schemes.length) {
      ctx.report({ range: f.keyRange, message: 'crosswalk: no crosswalk schemes are declared; declare them under "crosswalks" in opmodel.json' });
      return;
    }
    for (const entry of tree.entries) {
      const scheme = schemes.find((s) => s.key === entry.key);
      if (!scheme) unknownScheme(ctx, entry, schemes);
      else checkItems(ctx, entry, scheme);
    }
  },
};

type Entry = { key: string; keyRange: FieldTree['range']; value: FieldTree };

function unknownScheme(ctx: RuleContext, entry: Entry, schemes: CrosswalkSchemeConfig[]): void {
  // A truncated key ("cobit" for "cobit2019") is as likely a slip as a misspelt one.
  const lower = entry.key.toLowerCase();
  const prefixed = lower.length >= 3 ? schemes.filter((s) => s.key.startsWith(lower)).map((s) => s.key) : [];
  const suggestions = [...new Set([...suggestKeys(entry.key, schemes), ...prefixed])].slice(0, 2);
  const hint = suggestions.length ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : `declared schemes: ${schemes.map((s) => s.key).join(', ')}.`;
  ctx.report({
    range: entry.keyRange,
    message: `Unknown crosswalk scheme "${entry.key}": ${hint}`,
    fixes: suggestions.map((s, i) => replaceFix(ctx.doc, entry.keyRange, s, `Change to "${s}"`, false, i === 0)),
  });
}

/** A scheme's items: a list, or one item written on its own. */
export function crosswalkItems(value: FieldTree): { value: string | null; range: FieldTree['range']; text: boolean }[] | undefined {
  if (value.kind === 'scalar') return value.value === null ? undefined : [{ value: value.value, range: value.range, text: true }];
  if (value.kind !== 'seq') return undefined;
  return value.items.map((i) => (i.kind === 'scalar' ? { value: i.value, range: i.range, text: true } : { value: null, range: i.range, text: false }));
}

function checkItems(ctx: RuleContext, entry: Entry, scheme: CrosswalkSchemeConfig): void {
  const where = `crosswalk.${entry.key}`;
  const items = crosswalkItems(entry.value);
  if (!items) {
    ctx.report({ range: entry.value.kind === 'scalar' ? entry.keyRange : entry.value.range, message: `${where} must be a list of items of ${scheme.title}, e.g. [${[...scheme.values.keys()][0] ?? 'item'}]` });
    return;
  }
  const seen = new Set<string>();
  for (const item of items) {
    const value = item.value?.trim() ?? '';
    if (!item.text) {
      ctx.report({ range: item.range, message: `An item in ${where} is not text: write the name or number of an item of ${scheme.title}.` });
      continue;
    }
    if (!value) {
      ctx.report({ range: item.range, message: `An empty item in ${where}: remove it or name an item of ${scheme.title}.` });
      continue;
    }
    if (seen.has(value)) {
      ctx.report({ range: item.range, message: `"${value}" is listed twice in ${where}.` });
      continue;
    }
    seen.add(value);
    if (!scheme.values.size || scheme.values.has(value)) continue;
    const suggestions = closestValues(value, scheme);
    const hint = suggestions.length ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : `see "crosswalks.${scheme.key}.values" in opmodel.json.`;
    ctx.report({
      range: item.range,
      message: `"${value}" is not an item of ${scheme.title}: ${hint}`,
      // Safe only when the difference is letter case or spacing: the same item, spelt differently.
      fixes: suggestions.map((s, i) => replaceFix(ctx.doc, item.range, s, `Change to "${s}"`, suggestions.length === 1 && squash(s) === squash(value), i === 0)),
    });
  }
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function closestValues(value: string, scheme: CrosswalkSchemeConfig): string[] {
  const v = squash(value);
  const exact = [...scheme.values.keys()].filter((k) => squash(k) === v);
  if (exact.length) return exact.slice(0, 1);
  return [...scheme.values.keys()]
    .map((k) => ({ k, d: levenshtein(v, squash(k)) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(x.k.length / 4)))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, 2)
    .map((x) => x.k);
}
