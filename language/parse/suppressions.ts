// `<!-- opmodel-disable CODE -->`, `<!-- opmodel-enable CODE -->`,
// `<!-- opmodel-disable-next-line CODE -->` and `<!-- opmodel-disable-file CODE -->`.
// Without codes a directive applies to every code.
import { ownString } from '../text/ownString';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-file';
  /** Null means all codes. */
  codes: string[] | null;
  line: number;
  /** Last line of the comment: "next line" is the one after it. */
  endLine: number;
}

const DIRECTIVE = /^<!--\s*opmodel-(disable-next-line|disable-file|disable|enable)\b([\s\S]*?)-->$/;

export function parseDirective(comment: string, line: number, endLine: number): Directive | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const codes = m[2]!.split(/[\s,]+/).filter(Boolean).map(ownString);
  return { kind: ownString(m[1]!) as Directive['kind'], codes: codes.length ? codes : null, line, endLine };
}

const covers = (d: Directive, code: string) => d.codes === null || d.codes.includes(code);

/** True when a diagnostic of `code` starting on `line` is switched off by the directives. */
export function isSuppressed(directives: readonly Directive[], code: string, line: number): boolean {
  let off = false;
  for (const d of directives) {
    if (!covers(d, code)) continue;
    if (d.kind === 'disable-file') return true;
    if (d.kind === 'disable-next-line') {
      if (line === d.endLine + 1) return true;
      continue;
    }
    if (d.line > line) continue;
    off = d.kind === 'disable';
  }
  return off;
}
