// A nested front-matter value (`measures:`, `crosswalk:`) as a parsed document keeps it: the
// field's source lines, packed, read into a tree again when someone asks (a hover, the site, the
// crosswalk rule). Its tree of located nodes was a sixth of a document's memory, and most were
// never read. The lines are read with the same front-matter reader, so the tree is the same.
import type { LineMap } from '../text/lineMap';
import { PackedText } from '../text/packedText';
import { readFrontMatter, type Field } from './frontMatter';
import { locatedTree, type FieldTree, type TreeNode } from './frontMatterTree';
import { DocumentPart } from './located';

const OPEN = '---\n';

export class NestedValue extends DocumentPart {
  private constructor(
    private readonly lines: LineMap,
    private readonly key: string,
    private readonly source: PackedText,
    /** Offset of the source's first character in the document. */
    private readonly sourceStart: number,
  ) {
    super();
  }

  /**
   * The field kept as its lines, when they read the same on their own: a key at the start of its
   * line, and no alias, which could name an anchor elsewhere. Otherwise undefined: keep the tree.
   */
  static of(lines: LineMap, text: string, f: Field): NestedValue | undefined {
    const at = lines.lineStart(lines.lineOf(f.keyStart));
    if (at !== f.keyStart) return undefined;
    const source = text.slice(at, f.value.end);
    if (source.includes('*')) return undefined;
    return new NestedValue(lines, f.key, PackedText.of(source), at);
  }

  get tree(): FieldTree | undefined {
    const src = this.source.text;
    // No blank line added after the value: a kept block scalar (`|+`) would take it in.
    const fm = readFrontMatter(OPEN + src + (/[\r\n]$/.test(src) ? '---\n' : '\n---\n'));
    const v = fm?.fields.get(this.key)?.value;
    const t = v && v.kind !== 'scalar' ? v.tree : undefined;
    return t && locatedTree(shifted(t, this.sourceStart - OPEN.length), this.lines);
  }
}

function shifted(t: TreeNode, by: number): TreeNode {
  switch (t.kind) {
    case 'scalar': return { ...t, start: t.start + by, end: t.end + by };
    case 'seq': return { ...t, items: t.items.map((i) => shifted(i, by)), start: t.start + by, end: t.end + by };
    case 'map': return { ...t, entries: t.entries.map((e) => ({ ...e, keyStart: e.keyStart + by, keyEnd: e.keyEnd + by, value: shifted(e.value, by) })), start: t.start + by, end: t.end + by };
    default: return { ...t, start: t.start + by, end: t.end + by };
  }
}
