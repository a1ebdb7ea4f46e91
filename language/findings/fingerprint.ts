// Line-independent fingerprints of findings, so that a finding keeps its identity when lines are
// added or removed above it: used by `opmodel check --baseline` and SARIF's partialFingerprints.
// A fingerprint hashes the code, the text the finding covers and the content of its line
// (blanks collapsed), plus how many equal findings come before it in the same file.
import type { IdSyntax } from '../ids/idSyntax';
import { hashText } from '../parse/document';
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';

export interface FingerprintSubject {
  code: string;
  range: Range;
  message: string;
}

export interface Fingerprint {
  /** The ID the finding is about: the one it covers, else the document's own; null when neither. */
  id: string | null;
  fingerprint: string;
}

/**
 * Fingerprints for the findings of one file, in the order given. `text` is the file's text, or
 * undefined when it could not be read (then the message stands in for the line).
 */
export function fingerprintFindings(findings: readonly FingerprintSubject[], text: string | undefined, syntax: IdSyntax, ownId?: string): Fingerprint[] {
  const lines = text === undefined ? undefined : new LineIndex(text);
  const seen = new Map<string, number>();
  // Each line is hashed once: one line may hold thousands of findings.
  const lineHashes = new Map<number, string>();
  const lineHash = (line: number) => {
    let h = lineHashes.get(line);
    if (h === undefined) lineHashes.set(line, (h = hashText(lines!.lineText(line).replace(/\s+/g, ' ').trim())));
    return h;
  };
  return findings.map((f) => {
    const covered = lines ? lines.text.slice(lines.offset(f.range.start), lines.offset(f.range.end)) : '';
    const line = lines ? lineHash(f.range.start.line) : f.message;
    const key = `${f.code}\u0000${covered.length > 200 ? hashText(covered) : covered}\u0000${line}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const id = syntax.classify(covered.trim())?.canonical ?? ownId ?? null;
    return { id, fingerprint: `${hashText(key).split(':')[0]}:${n}` };
  });
}
