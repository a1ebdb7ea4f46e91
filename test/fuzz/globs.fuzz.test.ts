// Property-based tests of our glob and .gitignore matchers (language/workspace/glob.ts,
// gitignore.ts), which replaced picomatch and ignore because their regular expressions backtrack:
// 1. on ordinary patterns they give the same answers as those libraries (differential test);
// 2. on any pattern and path, they answer or report a spent budget, and never spend much more
//    than the budget they were given.
import fc from 'fast-check';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { Gitignore } from '../../language/workspace/gitignore';
import { BudgetExceededError, compileGlob, GlobError, matchGlob, MatchBudget } from '../../language/workspace/glob';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const TIMEOUT = process.env.FUZZ_RUNS ? 0 : 60_000;
const opts = { numRuns: RUNS, seed: SEED, endOnFailure: false };

// A small alphabet, so that patterns and paths often meet.
const nameChar = fc.constantFrom('a', 'b', '.', '-');
const segment = fc.array(nameChar, { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')).filter((s) => s !== '.' && s !== '..');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((ss) => ss.join('/'));
const globToken = fc.constantFrom('a', 'b', '.', '-', '*', '?', '[ab]', '[a-b]', '[^a]', '{a,b}', '{a,.b}');
const globSegment = fc.oneof({ weight: 1, arbitrary: fc.constant('**') }, { weight: 5, arbitrary: fc.array(globToken, { minLength: 1, maxLength: 4 }).map((ts) => ts.join('')) });
const glob = fc.array(globSegment, { minLength: 1, maxLength: 4 }).map((ss) => ss.join('/'));

describe('globs, fuzzed', () => {
  it(
    'match as picomatch does on ordinary patterns, with dot on and off',
    () => {
      fc.assert(
        fc.property(glob, path, fc.boolean(), (g, p, dot) => {
          // Where we differ on purpose: a trailing "/**" never matches the name before it (picomatch
          // matches "a" with "a/**" but not with "*/**").
          fc.pre(!(g.endsWith('/**') && picomatch(g.slice(0, -3), { dot })(p)));
          // "**" inside a segment ("a**", "**{a,b}") is "*" for us; picomatch varies by context.
          fc.pre(!/(^|[^/])\*\*|\*\*([^/]|$)/.test(g.replace(/(^|\/)\*\*(?=\/|$)/g, '$1@')));
          let compiled;
          try {
            compiled = compileGlob(g, { dot });
          } catch (e) {
            if (e instanceof GlobError) return; // refused outright (more than 256 alternatives)
            throw e;
          }
          const ours = matchGlob(compiled, p, { dot });
          const theirs = picomatch(g, { dot })(p);
          if (ours !== theirs) throw new Error(`${JSON.stringify(g)} on ${JSON.stringify(p)} (dot ${dot}): ours ${ours}, picomatch ${theirs}`);
        }),
        opts,
      );
    },
    TIMEOUT,
  );

  it(
    'any pattern on any path: an answer, a refusal or a spent budget, within the budget',
    () => {
      const anyGlob = fc.oneof(glob, fc.string({ maxLength: 60 }), fc.array(fc.constantFrom('a*', '**/', '*a', '?', '[a', '{a,', '}', '\\', '!(', '/'), { maxLength: 40 }).map((xs) => xs.join('')));
      const anyPath = fc.oneof(path, fc.string({ maxLength: 80 }), fc.integer({ min: 1, max: 300 }).map((n) => 'a/'.repeat(n % 40) + 'a'.repeat(n)));
      fc.assert(
        fc.property(anyGlob, anyPath, fc.boolean(), (g, p, dot) => {
          let compiled;
          try {
            compiled = compileGlob(g, { dot });
          } catch (e) {
            if (e instanceof GlobError) return;
            throw e;
          }
          const budget = new MatchBudget(20_000);
          try {
            matchGlob(compiled, p, { dot }, budget);
          } catch (e) {
            if (!(e instanceof BudgetExceededError)) throw e;
          }
          // One charge is at most one row of the pattern: the overshoot is bounded by it.
          expect(budget.steps).toBeGreaterThanOrEqual(-(g.length + 2) * 4);
        }),
        opts,
      );
    },
    TIMEOUT,
  );
});

describe('.gitignore, fuzzed', () => {
  const ruleToken = fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '**/', '/', '!');
  const rule = fc.array(ruleToken, { minLength: 1, maxLength: 5 }).map((ts) => ts.join('')).filter((r) => !/\/\/|^!?\/?$|\*\*\*|\/\*\*[^/]|[^/]\*\*/.test(r));
  const rules = fc.array(fc.oneof(rule, rule.map((r) => r + '/'), fc.constantFrom('# comment', '', '\\#a', 'a ', 'a\\ ')), { minLength: 1, maxLength: 6 });

  /** Ignored as a walk sees it: a path is out when it or any folder above it is ignored. */
  function ignoredByWalk(gi: Gitignore, p: string): boolean {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) if (gi.decide(parts.slice(0, i).join('/'), true) === true) return true;
    return gi.decide(p, false) === true;
  }

  it(
    'ignores what the ignore package ignores',
    () => {
      fc.assert(
        fc.property(rules, path, (rs, p) => {
          const text = rs.join('\n');
          const ours = ignoredByWalk(new Gitignore(text), p);
          const theirs = ignore().add(text).ignores(p);
          if (ours !== theirs) throw new Error(`${JSON.stringify(text)} on ${JSON.stringify(p)}: ours ${ours}, ignore ${theirs}`);
        }),
        opts,
      );
    },
    TIMEOUT,
  );
});
