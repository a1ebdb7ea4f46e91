// The "Framework" tree as plain data: systems -> disciplines -> elements (or disciplines first),
// leadership -> parts -> elements, and elements without a place. Free of `vscode`, so the
// grouping, counts and empty cells are unit tested; frameworkTree.ts only renders these nodes.
import type { Location, Matrix } from '../language/index';

export interface TreeElement {
  id: string;
  title: string;
  location: Location;
  /** In a client framework: "base" for an element of the extended framework (read-only). */
  origin?: 'own' | 'base';
  /** A client document that tailors a base element. */
  tailored?: boolean;
  /** The extended framework, for the tooltip ("the opmodel 0.1.0 framework"). */
  framework?: string;
  /** Scores in the chosen assessment, shown after the label: "2 → 3", "n/a". */
  badge?: string;
  badgeTooltip?: string;
}

export interface TreeNode {
  /** Stable across refreshes, so that VS Code keeps expansion state. */
  key: string;
  kind: 'system' | 'discipline' | 'leadership' | 'part' | 'unplaced' | 'element';
  label: string;
  /** Shown dimmed after the label: counts, "empty". */
  description?: string;
  tooltip?: string;
  children: TreeNode[];
  /** For elements: where a click goes. */
  element?: TreeElement;
  /** A cell or group with no elements (still shown, so gaps in the grid are visible). */
  empty?: boolean;
}

export interface TreeOptions {
  disciplineFirst: boolean;
  /** Prefix for keys, e.g. the project's root URI in a multi-root workspace. */
  keyPrefix?: string;
}

const count = (n: number) => `${n} element${n === 1 ? '' : 's'}`;

export function elementLabel(id: string, title: string): string {
  return title ? `${id} · ${title}` : id;
}

export function buildTree(m: Matrix, elements: ReadonlyMap<string, TreeElement>, opts: TreeOptions): TreeNode[] {
  const p = opts.keyPrefix ?? '';
  const leaf = (id: string, parentKey: string): TreeNode => {
    const e = elements.get(id);
    const from = e?.framework ?? 'the extended framework';
    const marker = e?.tailored ? 'tailored' : e?.origin === 'base' ? 'framework' : undefined;
    const note = e?.tailored ? `\nTailored here from ${from}` : e?.origin === 'base' ? `\nFrom ${from} (read-only)` : '';
    return {
      key: `${parentKey}/${id}`,
      kind: 'element',
      label: elementLabel(id, e?.title ?? ''),
      // Both when both apply: "tailored · 2 → 3".
      description: [marker, e?.badge].filter(Boolean).join(' · ') || undefined,
      tooltip: e ? `${id} · ${e.title || 'untitled'}${note}${e.badgeTooltip ? `\n${e.badgeTooltip}` : ''}` : id,
      children: [],
      element: e,
    };
  };
  const cell = (sys: string, disc: string) => m.cells[sys]?.[disc] ?? [];
  const outer = opts.disciplineFirst ? m.disciplines : m.systems;
  const inner = opts.disciplineFirst ? m.systems : m.disciplines;
  const outerKind = opts.disciplineFirst ? 'discipline' : 'system';
  const innerKind = opts.disciplineFirst ? 'system' : 'discipline';
  const nodes: TreeNode[] = outer.map((o) => {
    const key = `${p}${outerKind}:${o.key}`;
    const children = inner.map((i): TreeNode => {
      const ids = opts.disciplineFirst ? cell(i.key, o.key) : cell(o.key, i.key);
      const k = `${key}/${innerKind}:${i.key}`;
      return {
        key: k,
        kind: innerKind,
        label: i.title,
        description: ids.length ? String(ids.length) : 'empty',
        tooltip: `${opts.disciplineFirst ? `${i.title} × ${o.title}` : `${o.title} × ${i.title}`}: ${count(ids.length)}`,
        children: ids.map((id) => leaf(id, k)),
        empty: ids.length === 0,
      };
    });
    const total = children.reduce((n, c) => n + c.children.length, 0);
    const emptyCells = children.filter((c) => c.empty).length;
    return {
      key,
      kind: outerKind,
      label: o.title,
      description: emptyCells ? `${total} · ${emptyCells} empty` : String(total),
      tooltip: `${o.title}: ${count(total)}${emptyCells ? `, ${emptyCells} empty cell${emptyCells === 1 ? '' : 's'}` : ''}`,
      children,
      empty: total === 0,
    };
  });
  if (m.leadership.parts.length) {
    const key = `${p}leadership`;
    const parts = m.leadership.parts.map((part): TreeNode => {
      const k = `${key}/part:${part.key}`;
      return {
        key: k,
        kind: 'part',
        label: part.title,
        description: part.ids.length ? String(part.ids.length) : 'empty',
        tooltip: `${part.title}: ${count(part.ids.length)}`,
        children: part.ids.map((id) => leaf(id, k)),
        empty: part.ids.length === 0,
      };
    });
    const total = parts.reduce((n, c) => n + c.children.length, 0);
    nodes.push({ key, kind: 'leadership', label: 'Leadership', description: String(total), tooltip: `Leadership: ${count(total)}`, children: parts, empty: total === 0 });
  }
  if (m.unplaced.length) {
    const key = `${p}unplaced`;
    nodes.push({
      key,
      kind: 'unplaced',
      label: 'Not placed',
      description: String(m.unplaced.length),
      tooltip: 'Elements with no valid system or discipline in their front matter',
      children: m.unplaced.map((id) => leaf(id, key)),
    });
  }
  return nodes;
}
