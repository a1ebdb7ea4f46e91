// Recognises element IDs in text: canonical ones (FLM3, CORE-B4) and non-canonical spellings
// (EE 17, CORE B4, COREB4, flm3, FLM03) that should be rewritten to the canonical form.
import type { FamilyConfig } from '../config/config';

export interface IdMatch {
  start: number;
  end: number;
  text: string;
  canonical: string;
  family: FamilyConfig;
  /** False when `text` is a non-canonical spelling of `canonical`. */
  isCanonical: boolean;
}

export interface ParsedId {
  family: FamilyConfig;
  group: string;
  number: number;
}

// "-" is not escaped: these patterns are never inside a class, and "\-" is an error with the u flag.
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class IdSyntax {
  private readonly loose: RegExp;
  private readonly canonicalRe: RegExp;
  private readonly stems: { family: FamilyConfig; stem: string; parse: RegExp }[];
  private readonly order = new Map<string, number>();

  constructor(readonly families: FamilyConfig[]) {
    // Longest stems first so that a family whose stem extends another's wins.
    const sorted = [...families].sort((a, b) => b.prefix.length - a.prefix.length);
    this.stems = sorted.map((family) => {
      const stem = family.prefix.replace(/-$/, '');
      const groups = family.groups.length ? `[ -]?(${family.groups.map(escapeRe).join('|')})` : '()';
      return { family, stem, parse: new RegExp(`^${escapeRe(stem)}${groups}[ -]?0*(\\d+)$`, 'i') };
    });
    const alts = sorted.map((f) => {
      const stem = escapeRe(f.prefix.replace(/-$/, ''));
      const groups = f.groups.length ? `[ -]?(?:${f.groups.map(escapeRe).join('|')})` : '';
      return `${stem}${groups}[ -]?\\d+`;
    });
    this.loose = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const canon = sorted.map((f) => {
      const groups = f.groups.length ? `(?:${f.groups.map(escapeRe).join('|')})` : '';
      return `${escapeRe(f.prefix)}${groups}[1-9]\\d*`;
    });
    this.canonicalRe = new RegExp(`^(?:${canon.join('|')})$`);
    families.forEach((f, i) => this.order.set(f.key, i));
  }

  /** Every ID-like token in `text[from, to)`, canonical or not. */
  scan(text: string, from = 0, to = text.length): IdMatch[] {
    const out: IdMatch[] = [];
    const re = this.loose;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const end = m.index + m[0].length;
      if (end > to) break;
      const hit = this.classify(m[0]);
      if (hit) out.push({ start: m.index, end, text: m[0], ...hit });
    }
    return out;
  }

  /** Classifies one token: undefined when it is not an ID at all. */
  classify(token: string): { canonical: string; family: FamilyConfig; isCanonical: boolean } | undefined {
    for (const { family, stem, parse } of this.stems) {
      const p = parse.exec(token);
      if (!p) continue;
      const n = Number(p[2]);
      if (!Number.isSafeInteger(n) || n === 0) return undefined;
      const canonical = `${family.prefix}${(p[1] ?? '').toUpperCase()}${n}`;
      if (canonical === token) return { canonical, family, isCanonical: true };
      // A spaced spelling counts only when the stem is written in capitals ("EE 17"), so that
      // ordinary words followed by a number are left alone.
      if (/\s/.test(token) && token.slice(0, stem.length) !== stem) return undefined;
      return { canonical, family, isCanonical: false };
    }
    return undefined;
  }

  isCanonical(id: string): boolean {
    return this.canonicalRe.test(id);
  }

  parse(id: string): ParsedId | undefined {
    for (const { family, parse } of this.stems) {
      const p = parse.exec(id);
      if (p) return { family, group: (p[1] ?? '').toUpperCase(), number: Number(p[2]) };
    }
    return undefined;
  }

  familyOf(id: string): FamilyConfig | undefined {
    return this.parse(id)?.family;
  }

  /** Framework order: family as declared, then group, then number (FLM2 before FLM10). */
  compare = (a: string, b: string): number => {
    const pa = this.parse(a);
    const pb = this.parse(b);
    if (!pa || !pb) return pa ? -1 : pb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    return (
      (this.order.get(pa.family.key) ?? 0) - (this.order.get(pb.family.key) ?? 0) ||
      (pa.group < pb.group ? -1 : pa.group > pb.group ? 1 : 0) ||
      pa.number - pb.number
    );
  };

  format(family: FamilyConfig, group: string, n: number): string {
    return `${family.prefix}${group}${n}`;
  }
}
