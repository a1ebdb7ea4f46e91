import type { MaturityLevelConfig } from '../config/maturityConfig';
import { conformsToScale, documentMaturity } from '../parse/maturity';
import type { Range } from '../types';
import { replaceFix, type Rule } from './rule';

/** "Optimizing" and "optimising", "Ad-hoc" and "Ad hoc": the same name spelt differently. */
const spelling = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/z/g, 's');

export const scaleText = (levels: readonly MaturityLevelConfig[]) => levels.map((l) => `${l.level} ${l.name}`).join(', ');

export const maturityLevels: Rule = {
  code: 'maturity-levels',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A `## Maturity levels` section whose numbered levels do not match the declared scale: missing, out of order, duplicated, off the scale, or wrongly named.',
  check({ doc, config, report }) {
    // Most sections are well formed: one native regex pass says so, and nothing else is read.
    // The parser made that pass against the scale it was given; another scale is checked here.
    const src = doc.maturitySource;
    if (src && (src.conformsTo === config.maturity.levels || conformsToScale(src, config.maturity.levels))) return;
    // Criteria are not checked here: the light pass skips them.
    const section = documentMaturity(doc, { criteria: false });
    // An empty section is still to be written (as the New Element template leaves it).
    if (!section || !section.hasContent) return;
    const scale = config.maturity.levels;
    const byLevel = new Map(scale.map((l) => [l.level, l]));
    if (!section.levels.length) {
      const first = scale[0]!;
      report({ range: section.headingRange, message: `The maturity levels section lists no levels: write the scale (${scaleText(scale)}) as a numbered list, e.g. "${first.level}. **${first.name}** — …".` });
      return;
    }
    const seen = new Map<number, Range>();
    let highest = -Infinity;
    for (const lv of section.levels) {
      const expected = byLevel.get(lv.level);
      if (!expected) {
        report({ range: lv.numberRange, message: `Level ${lv.level} is not on the maturity scale (${scaleText(scale)}).` });
        continue;
      }
      const earlier = seen.get(lv.level);
      if (earlier) {
        report({
          range: lv.numberRange,
          message: `Level ${lv.level} is listed twice; each level of the scale appears once.`,
          related: [{ location: { uri: doc.uri, range: earlier }, message: `level ${lv.level} is first listed here` }],
        });
        continue;
      }
      seen.set(lv.level, lv.numberRange);
      if (lv.level < highest) {
        report({ range: lv.numberRange, message: `Level ${lv.level} comes after level ${highest}: list the levels in order (${scale.map((l) => l.level).join(', ')}).` });
      }
      highest = Math.max(highest, lv.level);
      if (!lv.name || !lv.nameRange) {
        report({ range: lv.range, message: `Level ${lv.level} has no name: write it as "${lv.level}. **${expected.name}** — description".` });
      } else if (lv.name !== expected.name) {
        const other = scale.find((l) => spelling(l.name) === spelling(lv.name) && l.level !== lv.level);
        const safe = spelling(lv.name) === spelling(expected.name);
        report({
          range: lv.nameRange,
          message: `Level ${lv.level} is named "${lv.name}"; the scale calls it "${expected.name}"${other ? ` ("${other.name}" is level ${other.level})` : ''}.`,
          fixes: [replaceFix(doc, lv.nameRange, expected.name, `Rename to "${expected.name}"`, safe, true)],
        });
      }
      if (!lv.description) report({ range: lv.range, message: `Level ${lv.level} ${expected.name} has no description: say what the element looks like at this level after " — ".` });
    }
    const missing = scale.filter((l) => !seen.has(l.level));
    if (missing.length) {
      const list = missing.map((l) => `${l.level} ${l.name}`);
      const names = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
      report({ range: section.headingRange, message: `${missing.length === 1 ? 'Level' : 'Levels'} ${names} ${missing.length === 1 ? 'is' : 'are'} missing from the maturity levels (scale: ${scaleText(scale)}).` });
    }
  },
};
