// Property-based test of the whole engine on generated, mutated documents:
// 1. nothing throws (parsing, rules, features) and no file is skipped for an internal error;
// 2. every range the engine hands out lies inside its document;
// 3. a sequence of incremental updates ends in the same diagnostics as a full rescan.
// CI runs a short campaign; `npm run fuzz` (FUZZ_RUNS=N) runs a long one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentCompletions,
  assessmentHover,
  completions,
  decodeText,
  definition,
  documentLinks,
  documentSymbols,
  hover,
  LineIndex,
  MemoryWorkspace,
  prepareRename,
  Project,
  references,
  applyTextEdits,
  workspaceSymbols,
  type Range,
} from '../../language/index';
import type { DocumentSymbol } from '../../language/index';
import { assessmentText, documentText, fileUriOf, ROOT_URI, workspaceScenario } from './documents';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
// Long campaigns run far past vitest's default timeout; CI keeps the default as the hang guard.
const TIMEOUT = process.env.FUZZ_RUNS ? 0 : 60_000;
const encode = (s: string) => new TextEncoder().encode(s);

/** Text as the engine sees it after reading the bytes from disk (or undefined when skipped). */
function asRead(text: string): string | undefined {
  const d = decodeText(encode(text), 5 * 1024 * 1024);
  return 'text' in d ? d.text : undefined;
}

function checkRange(texts: Map<string, string>, uri: string, range: Range, what: string): void {
  const text = texts.get(uri);
  if (text === undefined) throw new Error(`${what}: range in a document that is not open: ${uri}`);
  const lines = new LineIndex(text);
  for (const p of [range.start, range.end]) {
    if (!(p.line >= 0 && p.line < lines.lineCount)) throw new Error(`${what}: line ${p.line} outside ${lines.lineCount} lines in ${uri}`);
    const len = lines.lineText(p.line).length;
    if (!(p.character >= 0 && p.character <= len)) throw new Error(`${what}: character ${p.character} outside line ${p.line} (length ${len}) in ${uri}`);
  }
  const s = range.start;
  const e = range.end;
  if (s.line > e.line || (s.line === e.line && s.character > e.character)) throw new Error(`${what}: range ends before it starts in ${uri}`);
}

function checkSymbols(texts: Map<string, string>, uri: string, syms: DocumentSymbol[]): void {
  for (const s of syms) {
    checkRange(texts, uri, s.range, 'symbol');
    checkRange(texts, uri, s.selectionRange, 'symbol selection');
    checkSymbols(texts, uri, s.children);
  }
}

/** Every range the project exposes for the documents in `texts` lies inside its document. */
function checkProject(project: Project, texts: Map<string, string>, probes: [number, number][]): void {
  for (const [uri] of project.index.skipped) {
    const reason = project.index.skipped.get(uri)!.reason;
    if (reason.includes('internal error')) throw new Error(`internal error on ${uri}: ${reason}`);
  }
  for (const d of project.allDiagnostics()) {
    if (project.index.skipped.has(d.uri)) {
      // A skipped file has no text to point into: its one diagnostic sits at the start.
      expect(d.code).toBe('skipped-file');
      expect(d.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      continue;
    }
    const text = texts.get(d.uri);
    if (text === undefined) throw new Error(`diagnostic for a file that does not exist: ${d.uri}`);
    checkRange(texts, d.uri, d.range, `diagnostic ${d.code}`);
    for (const r of d.related ?? []) checkRange(texts, r.location.uri, r.location.range, `related of ${d.code}`);
    for (const f of d.fixes ?? []) {
      for (const [u, edits] of Object.entries(f.edit.changes)) {
        for (const e of edits) checkRange(texts, u, e.range, `fix of ${d.code}`);
        // A fix computed against the current text applies to it without complaint.
        applyTextEdits(texts.get(u)!, edits, f.edit.versions[u]);
      }
    }
  }
  for (const [uri, doc] of project.index.docs) {
    const text = texts.get(uri)!;
    expect(doc.lineCount).toBe(new LineIndex(text).lineCount);
    for (const r of doc.references) checkRange(texts, uri, r.range, `reference ${r.id}`);
    for (const m of doc.malformed) checkRange(texts, uri, m.range, `malformed ${m.text}`);
    for (const h of doc.headings) checkRange(texts, uri, h.range, 'heading');
    if (doc.definition) checkRange(texts, uri, doc.definition.range, 'definition');
    checkSymbols(texts, uri, documentSymbols(project, uri));
    for (const l of documentLinks(project, uri)) {
      checkRange(texts, uri, l.range, 'link');
      checkRange(texts, l.target.uri, l.target.range, 'link target');
    }
    const lines = new LineIndex(text);
    for (const [lineSeed, character] of probes) {
      // Editors only ask about positions inside the document.
      const line = lineSeed % lines.lineCount;
      const pos = { line, character: character % (lines.lineText(line).length + 1) };
      const h = hover(project, uri, pos);
      if (h) checkRange(texts, uri, h.range, 'hover');
      for (const l of definition(project, uri, pos)) checkRange(texts, l.uri, l.range, 'definition');
      for (const l of references(project, uri, pos)) checkRange(texts, l.uri, l.range, 'references');
      const c = completions(project, uri, text, pos);
      if (c) checkRange(texts, uri, c.range, 'completion');
      const pr = prepareRename(project, uri, pos);
      if ('range' in pr) checkRange(texts, uri, pr.range, 'prepareRename');
    }
  }
  for (const s of workspaceSymbols(project, '')) checkRange(texts, s.location.uri, s.location.range, 'workspace symbol');
  for (const [uri, a] of project.assessments.files) {
    expect(a.lineCount).toBe(new LineIndex(texts.get(uri)!).lineCount);
    for (const p of a.problems) checkRange(texts, uri, p.range, 'assessment problem');
    for (const x of [a.client, a.title, a.date, ...a.assessors]) if (x) checkRange(texts, uri, x.range, 'assessment field');
    if (a.elements) {
      checkRange(texts, uri, a.elements.range, 'elements');
      if (a.elements.insert) checkRange(texts, uri, { start: a.elements.insert.at, end: a.elements.insert.at }, 'elements insert');
    }
    const lines = new LineIndex(texts.get(uri)!);
    for (const [lineSeed, character] of probes) {
      const line = lineSeed % lines.lineCount;
      const p = { line, character: character % (lines.lineText(line).length + 1) };
      const h = assessmentHover(project, uri, p);
      if (h) checkRange(texts, uri, h.range, 'assessment hover');
      const c = assessmentCompletions(project, uri, texts.get(uri)!, p);
      if (c) checkRange(texts, uri, c.range, 'assessment completion');
    }
    for (const e of a.entries) {
      checkRange(texts, uri, e.keyRange, `entry ${e.key}`);
      checkRange(texts, uri, e.valueRange, `entry value ${e.key}`);
      for (const x of [e.current, e.target]) if (x) for (const r of [x.range, x.keyRange]) checkRange(texts, uri, r, `score of ${e.key}`);
      for (const x of [e.evidence, e.owner, e.due, e.notes]) if (x) checkRange(texts, uri, x.range, `field of ${e.key}`);
    }
  }
}

describe('engine fuzz', () => {
  it(
    'never throws, keeps ranges inside documents, and incremental updates equal a rescan',
    async () => {
      let cases = 0;
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(workspaceScenario, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), async (sc, viaBuffer) => {
          cases++;
          if (process.env.FUZZ_RUNS && cases % 10_000 === 0) {
            process.stderr.write(`fuzz: ${cases} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
          }
          // A non-Markdown file keeps the root folder in existence when every document is deleted.
          const files: Record<string, Uint8Array> = { [`${ROOT_URI}/keep.txt`]: encode('x') };
          const texts = new Map<string, string>();
          for (const [name, text] of Object.entries(sc.initial)) {
            files[fileUriOf(name)] = encode(text);
            const t = asRead(text);
            if (t !== undefined) texts.set(fileUriOf(name), t);
          }
          const ws = new MemoryWorkspace(files);
          const project = await Project.open({ workspace: ws, rootUri: ROOT_URI });
          checkProject(project, texts, sc.probes);

          for (let i = 0; i < sc.steps.length; i++) {
            const [name, text] = sc.steps[i]!;
            const uri = fileUriOf(name);
            if (text === undefined) {
              ws.delete(uri);
              texts.delete(uri);
              project.remove(uri);
              continue;
            }
            ws.set(uri, encode(text));
            const t = asRead(text);
            if (t === undefined) texts.delete(uri);
            else texts.set(uri, t);
            // Editor buffers arrive as text, saved files as bytes: exercise both paths.
            if (viaBuffer[i] && t !== undefined) project.updateText(uri, t);
            else await project.readAndIndex(uri);
          }
          checkProject(project, texts, sc.probes);

          const fresh = await Project.open({ workspace: ws, rootUri: ROOT_URI });
          expect(project.allDiagnostics()).toEqual(fresh.allDiagnostics());
          expect(project.index.definedIds()).toEqual(fresh.index.definedIds());
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: false, verbose: 1 },
      );
      if (process.env.FUZZ_RUNS) process.stderr.write(`fuzz: done, ${cases} cases (incl. shrinking) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
    TIMEOUT,
  );

  it('generated documents cover the constructs we mean to test', () => {
    // Guards the generator itself: a broken arbitrary would make the property vacuous.
    const sample = fc.sample(documentText, { numRuns: 2000, seed: 42 });
    const has = (re: RegExp) => sample.some((s) => re.test(s));
    expect(has(/^\ufeff?---\n/)).toBe(true);
    expect(has(/^---js/)).toBe(true);
    expect(has(/```/)).toBe(true);
    expect(has(/<!-- opmodel-disable/)).toBe(true);
    expect(has(/\r\n/)).toBe(true);
    expect(has(/\r(?!\n)/)).toBe(true);
    expect(has(/\b(?:FLM|UM|GOV|EE|OM|LP|LC)[1-9]\d*\b/)).toBe(true);
    expect(has(/\bcore b\d/i)).toBe(true);
    expect(has(/😀|日本/)).toBe(true);
    const assessments = fc.sample(assessmentText, { numRuns: 2000, seed: 42 });
    const hasA = (re: RegExp) => assessments.some((s) => re.test(s));
    expect(hasA(/^elements:\n  [A-Z]+-?[A-C]?\d+: \{ current: \d/m)).toBe(true);
    expect(hasA(/^    current: /m)).toBe(true);
    expect(hasA(/\*a|!!/)).toBe(true);
  });
});
