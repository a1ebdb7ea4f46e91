// include/exclude patterns are checked when the config is read: a pattern the matcher cannot
// use (too long, too many {a,b} alternatives, extended globs) is a problem at its own position.
import type { Node } from 'jsonc-parser';
import { globProblem } from '../workspace/glob';

/** Drops unusable patterns from `list` (so the walk never sees them) and reports each. */
export function checkGlobs(node: Node | undefined, list: string[], what: string, bad: (node: Node | undefined, message: string) => void): string[] {
  const items = node?.type === 'array' ? (node.children ?? []).filter((c) => c.type === 'string') : [];
  return list.filter((pattern, i) => {
    const problem = globProblem(pattern);
    if (problem) bad(items[i], `${what} pattern "${pattern}" cannot be used: ${problem}`);
    return !problem;
  });
}
