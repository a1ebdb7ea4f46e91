import type { Range } from '../../types';
import { documentMaturity } from '../../parse/maturity';
import { scaleText } from '../../rules/maturityLevels';
import type { Score } from '../model';
import { assessmentFix, type AssessmentRule } from './rule';

export const invalidScore: AssessmentRule = {
  code: 'invalid-score',
  defaultSeverity: 'error',
  description: 'A current or target that is not a level of the maturity scale, a level the element does not describe, or a target below the current level.',
  check({ assessment, index, config, report }) {
    const scale = config.maturity.levels;
    const onScale = new Map(scale.map((l) => [l.level, l]));
    for (const e of assessment.entries) {
      const levels = new Map<'current' | 'target', number>();
      for (const which of ['current', 'target'] as const) {
        const s = e[which];
        if (!s) continue;
        const level = checkScore(s, which);
        if (level !== undefined) levels.set(which, level);
      }
      const cur = levels.get('current');
      const tgt = levels.get('target');
      if (cur !== undefined && tgt !== undefined && tgt < cur) {
        report({ range: e.target!.range, message: `${e.id}: the target (${tgt} ${onScale.get(tgt)!.name}) is below the current level (${cur} ${onScale.get(cur)!.name}); a target is where the element must get to.` });
      }
      // The element describes its levels: a score must be one it describes.
      const own = levels.size ? documentMaturity(index.definitions(e.id)[0], { criteria: false })?.levels : undefined;
      if (own?.length) {
        for (const [which, level] of levels) {
          if (own.some((l) => l.level === level)) continue;
          report({ range: e[which]!.range, message: `${e.id} does not describe level ${level} in its maturity levels (it describes ${own.map((l) => l.level).join(', ')}), so a ${which} of ${level} cannot be judged against it.` });
        }
      }
    }

    function checkScore(s: Score, which: string): number | undefined {
      const fullRange: Range = s.quoted ? { start: { ...s.range.start, character: s.range.start.character - 1 }, end: { ...s.range.end, character: s.range.end.character + 1 } } : s.range;
      if (s.level !== undefined && onScale.has(s.level)) {
        if (s.quoted && s.range.start.line === s.range.end.line) {
          report({ range: fullRange, message: `A ${which} level is a number: write ${s.level} without quotes.`, fixes: [assessmentFix(assessment, fullRange, String(s.level), `Write ${s.level}`, true, true)] });
        }
        return s.level;
      }
      const named = scale.find((l) => l.name.toLowerCase() === s.raw.trim().toLowerCase());
      if (named) {
        report({
          range: fullRange,
          message: `A ${which} level is written as its number: "${s.raw}" is level ${named.level}.`,
          fixes: [assessmentFix(assessment, fullRange, String(named.level), `Write ${named.level} (${named.name})`, true, true)],
        });
        return undefined;
      }
      if (/^n\/a$/i.test(s.raw)) {
        report({ range: fullRange, message: `n/a applies to a whole entry, not to its ${which}: write the entry as \`ID: n/a\`.` });
        return undefined;
      }
      report({ range: fullRange, message: `The ${which} level ${s.raw} is not on the maturity scale (${scaleText(scale)}).` });
      return undefined;
    }
  },
};
