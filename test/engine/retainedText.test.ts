// A parsed document keeps what the index needs, not the text it was read from: V8 shares the
// characters of a substring with its parent, so one title kept as a substring would keep a
// whole file in memory. Measured with the real garbage collector on documents of 64 KB each.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { openMemory } from '../helpers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** A document whose every kept string (title, summary, fields, measures, headings, directive codes) is 13 characters or longer. */
function bigDocument(i: number): string {
  const filler = `${'Prose without any identifier in it at all. '.repeat(1500)}\n`;
  return [
    '---',
    `id: FLM${i + 1}`,
    `title: A title long enough to be a view ${i}`,
    'type: element',
    'system: first-line-management',
    'discipline: processes-procedures',
    `summary: "A summary long enough to be a view into the text ${i}"`,
    'accountable: operations-manager',
    'measures:',
    `  - name: A measure name long enough ${i}`,
    `    definition: A definition long enough to be a view ${i}`,
    '    target: At least ninety percent',
    `related: [FLM${i + 2}, flm ${i + 3}, not-an-id-but-long-enough]`,
    // Every other document has a block scalar, which only the yaml library reads.
    ...(i % 2 ? ['notes: |', `  A block scalar long enough to be a view ${i}`] : []),
    '---',
    '',
    `# FLM${i + 1} · A heading long enough to be a view`,
    '',
    '<!-- opmodel-disable-next-line undeclared-related, invalid-front-matter -->',
    `See FLM${i + 2} and flm-${i + 4}.`,
    '',
    filler,
  ].join('\n');
}

describe('memory', () => {
  it('documents do not keep their text alive', async () => {
    const n = 200;
    const before = heap();
    const files: Record<string, string> = {};
    for (let i = 0; i < n; i++) files[`d${i}.md`] = bigDocument(i);
    expect(Object.values(files).every((t) => t.length > 60_000)).toBe(true);
    const { project, ws } = await openMemory(files);
    // Only the project holds anything now: the workspace and the texts are let go.
    for (const k of Object.keys(files)) delete files[k];
    for (const uri of [...project.index.docs.keys()]) ws.delete(uri);
    expect(project.allDiagnostics().length).toBeGreaterThan(n);
    expect(project.document('file:///ws/d7.md')!.title).toBe('A title long enough to be a view 7');
    expect(project.index.docs.size).toBe(n);
    const perDocument = (heap() - before) / n;
    // Each text is over 60,000 characters (two bytes each: it has a "·"); a document keeps far less.
    expect(perDocument).toBeLessThan(30_000);
  });
});
