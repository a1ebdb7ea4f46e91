// After any sequence of edits, creations, deletions and renames, the incrementally updated
// project answers exactly what a fresh Project.open over the final files answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace, Project } from '../../language/index';
import { element, ignoringFileNames, normalise, ROOT, u } from '../helpers';

type Op = { kind: 'write'; path: string; text: string } | { kind: 'delete'; path: string } | { kind: 'rename'; from: string; to: string };

/** Applies `ops` to the workspace and, as an editor would, to the project; then compares with a rescan. */
async function check(initial: Record<string, string>, ops: Op[]) {
  // README.md keeps the root folder in existence whatever the operations delete.
  const ws = new MemoryWorkspace(Object.fromEntries(Object.entries({ 'README.md': '# Readme\n', ...initial }).map(([p, t]) => [u(p), t])));
  const project = await Project.open({ workspace: ws, rootUri: ROOT });
  project.allDiagnostics(); // fill the caches, so that stale entries would show
  for (const op of ops) {
    if (op.kind === 'write') {
      ws.set(u(op.path), op.text);
      project.updateText(u(op.path), op.text);
    } else if (op.kind === 'delete') {
      ws.delete(u(op.path));
      project.remove(u(op.path));
    } else {
      const text = ws.text(u(op.from));
      if (text === undefined) continue;
      ws.delete(u(op.from));
      ws.set(u(op.to), text);
      project.remove(u(op.from));
      project.updateText(u(op.to), text);
    }
    project.allDiagnostics();
  }
  const fresh = await Project.open({ workspace: ws, rootUri: ROOT });
  expect(normalise(project.allDiagnostics())).toEqual(normalise(fresh.allDiagnostics()));
  expect(project.index.definedIds()).toEqual(fresh.index.definedIds());
  for (const id of fresh.index.definedIds()) expect(project.index.referenceCount(id)).toBe(fresh.index.referenceCount(id));
  return { project, fresh };
}

const flm = (id: string, body = '', extra = '') => element(id, 'first-line-management', 'processes-procedures', body, extra);

describe('incremental updates equal a rescan', () => {
  it('a duplicate appears and is resolved', async () => {
    const { project } = await check({ 'a.md': flm('FLM1'), 'b.md': flm('FLM2') }, [
      { kind: 'write', path: 'b.md', text: flm('FLM1') },
    ]);
    expect(project.allDiagnostics().map((d) => d.code)).toEqual(['duplicate-id', 'duplicate-id']);
    await check({ 'a.md': flm('FLM1'), 'b.md': flm('FLM1') }, [{ kind: 'write', path: 'b.md', text: flm('FLM2') }]);
    await check({ 'a.md': flm('FLM1'), 'b.md': flm('FLM1') }, [{ kind: 'delete', path: 'a.md' }]);
  });

  it('an unknown ID becomes defined, and undefined again', async () => {
    const init = { 'a.md': flm('FLM1', 'See FLM2 and flm2.\n') };
    const { project } = await check(init, [{ kind: 'write', path: 'b.md', text: flm('FLM2') }]);
    expect(ignoringFileNames(project.allDiagnostics()).map((d) => d.code)).toEqual(['malformed-id']);
    await check(init, [{ kind: 'write', path: 'b.md', text: flm('FLM2') }, { kind: 'delete', path: 'b.md' }]);
  });

  it('did-you-mean suggestions change when a neighbour is defined or renamed', async () => {
    const init = { 'a.md': flm('FLM1', 'See FLM9.\n'), 'b.md': flm('FLM2') };
    const { project } = await check(init, [{ kind: 'write', path: 'c.md', text: flm('FLM8') }]);
    expect(ignoringFileNames(project.allDiagnostics())[0]!.message).toContain('Did you mean FLM8');
    await check(init, [{ kind: 'write', path: 'c.md', text: flm('FLM8') }, { kind: 'write', path: 'c.md', text: flm('FLM7') }]);
  });

  it('title changes reach the messages that quote them', async () => {
    const init = { 'a.md': flm('FLM1', 'See FLM3.\n'), 'b.md': flm('FLM2') };
    await check(init, [{ kind: 'write', path: 'b.md', text: flm('FLM2').replace('Title of FLM2', 'Renamed') }]);
  });

  it('the malformed-id message says whether the canonical ID exists', async () => {
    const init = { 'a.md': flm('FLM1', 'See flm2.\n') };
    const { project } = await check(init, [{ kind: 'write', path: 'b.md', text: flm('FLM2') }]);
    expect(ignoringFileNames(project.allDiagnostics()).map((d) => d.message)).toEqual(['"flm2" is not how IDs are written: use FLM2.']);
    await check({ ...init, 'b.md': flm('FLM2') }, [{ kind: 'delete', path: 'b.md' }]);
  });

  it('the next free ID in duplicate-id and missing-id messages follows new definitions', async () => {
    const missing = '---\ntitle: T\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n';
    await check({ 'a.md': flm('FLM1'), 'b.md': flm('FLM1'), 'm.md': missing }, [{ kind: 'write', path: 'c.md', text: flm('FLM2') }]);
    await check({ 'a.md': flm('FLM1'), 'm.md': missing, 'c.md': flm('FLM2') }, [{ kind: 'delete', path: 'c.md' }]);
  });

  it('renames of files, and documents that stop defining anything', async () => {
    await check({ 'a.md': flm('FLM1', 'FLM2'), 'b.md': flm('FLM2', 'FLM1') }, [
      { kind: 'rename', from: 'b.md', to: 'sub/b.md' },
      { kind: 'write', path: 'a.md', text: '# No front matter any more FLM2\n' },
      { kind: 'rename', from: 'sub/b.md', to: 'b2.md' },
    ]);
  });
});

describe('assessments follow the definitions they score', () => {
  const levels = (n: number) => `## Maturity levels\n\n${['Ad hoc', 'Repeatable', 'Defined', 'Optimising'].slice(0, n).map((name, i) => `${i + 1}. **${name}** — Level ${i + 1}.`).join('\n')}\n`;
  const a = (entries: string) => `date: 2026-11-30\nelements:\n${entries}`;
  const codesOf = (project: Project, path: string) => project.diagnostics(u(path)).map((d) => d.code);

  it('an element scored in an assessment becomes defined, and is deleted again', async () => {
    const init = { 'FLM1.md': flm('FLM1'), 'assessments/x.yaml': a('  FLM1: { current: 1, target: 2 }\n  FLM2: { current: 2, target: 3 }\n') };
    const { project } = await check(init, [{ kind: 'write', path: 'FLM2.md', text: flm('FLM2') }]);
    expect(codesOf(project, 'assessments/x.yaml')).toEqual([]);
    const { project: p2 } = await check({ ...init, 'FLM2.md': flm('FLM2') }, [{ kind: 'delete', path: 'FLM2.md' }]);
    expect(codesOf(p2, 'assessments/x.yaml')).toEqual(['unknown-id']);
  });

  it('an edit to an element\'s maturity levels updates the scores judged against them', async () => {
    const init = { 'FLM1.md': flm('FLM1', levels(4)), 'assessments/x.yaml': a('  FLM1: { current: 2, target: 4 }\n') };
    const { project } = await check(init, [{ kind: 'write', path: 'FLM1.md', text: flm('FLM1', levels(3)) }]);
    expect(codesOf(project, 'assessments/x.yaml')).toEqual(['invalid-score']);
    expect(codesOf(project, 'FLM1.md')).toEqual(['maturity-levels']);
    await check({ ...init, 'FLM1.md': flm('FLM1', levels(3)) }, [{ kind: 'write', path: 'FLM1.md', text: flm('FLM1', levels(4)) }]);
  });

  it('titles and types of definitions reach the unassessed-element messages', async () => {
    const init = { 'FLM1.md': flm('FLM1'), 'FLM2.md': flm('FLM2'), 'assessments/x.yaml': a('  FLM1: n/a\n') };
    const { project } = await check(init, [{ kind: 'write', path: 'FLM2.md', text: flm('FLM2').replace('Title of FLM2', 'Huddles') }]);
    expect(project.diagnostics(u('assessments/x.yaml')).map((d) => d.message.slice(0, 15))).toEqual(['FLM2 (Huddles) ']);
    const { project: p2 } = await check(init, [{ kind: 'write', path: 'FLM2.md', text: flm('FLM2').replace('type: element', 'type: guide') }]);
    expect(codesOf(p2, 'assessments/x.yaml')).toEqual([]);
  });

  it('an assessment edited, moved out of the assessments folder, and back', async () => {
    const init = { 'FLM1.md': flm('FLM1'), 'assessments/x.yaml': a('  FLM1: { current: 5 }\n') };
    await check(init, [
      { kind: 'write', path: 'assessments/x.yaml', text: a('  FLM1: { current: 1 }\n  FLM1: n/a\n') },
      { kind: 'rename', from: 'assessments/x.yaml', to: 'notes/x.yaml' },
      { kind: 'rename', from: 'notes/x.yaml', to: 'assessments/y.yaml' },
    ]);
  });
});

// Random sequences over a small vocabulary, so that IDs collide, neighbour and disappear often.
const ids = ['FLM1', 'FLM2', 'FLM3', 'FLM12', 'UM1', 'UM2', 'EE17', 'CORE-B4', 'CORE-A4'];
const refs = [...ids, 'flm1', 'FLM01', 'EE 17', 'COREB4', 'UM3', 'FLM9'];
const paths = ['a.md', 'b.md', 'c.md', 'sub/d.md', 'sub/e.md', 'assessments/s.yaml'];
const levelsArb = fc.constantFrom('', '## Maturity levels\n\n1. **Ad hoc** — One.\n2. **Repeatable** — Two.\n', '## Maturity levels\n\n1. **Ad hoc** — One.\n2. **Repeatable** — Two.\n3. **Defined** — Three.\n4. **Optimising** — Four.\n');
const assessmentArb = fc
  .array(fc.tuple(fc.constantFrom(...refs, 'flm2'), fc.constantFrom('n/a', '{ current: 1, target: 2 }', '{ current: 4, target: 3 }', '{ current: 3 }', '{ current: 9 }')), { maxLength: 4 })
  .map((entries) => `date: 2026-11-30\nelements:\n${entries.map(([id, v]) => `  ${id}: ${v}\n`).join('')}`);
const docArb = fc.oneof(
  fc.record({
    id: fc.option(fc.constantFrom(...ids, 'flm2'), { nil: undefined }),
    title: fc.constantFrom('One', 'Two', undefined),
    system: fc.constantFrom('first-line-management', 'upline-management', 'people-management', 'nowhere'),
    related: fc.array(fc.constantFrom(...refs), { maxLength: 3 }),
    body: fc.array(fc.constantFrom(...refs, '`FLM2`', '<!-- opmodel-disable-next-line -->\n'), { maxLength: 4 }),
    levels: levelsArb,
    type: fc.constantFrom('element', 'guide'),
  }).map(({ id, title, system, related, body, levels, type }) =>
    `---\n${id ? `id: ${id}\n` : ''}${title ? `title: ${title}\n` : ''}type: ${type}\nsystem: ${system}\ndiscipline: processes-procedures\nrelated: [${related.join(', ')}]\n---\n\n${body.join(' ')}\n\n${levels}`,
  ),
  assessmentArb,
  fc.array(fc.constantFrom(...refs), { maxLength: 4 }).map((r) => `# Notes\n\n${r.join(', ')}\n`),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('write' as const), path: fc.constantFrom(...paths), text: docArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), from: fc.constantFrom(...paths), to: fc.constantFrom(...paths) }) },
);

it('random sequences of edits equal a rescan', async () => {
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.constantFrom(...paths), docArb, { maxKeys: 4 }), fc.array(opArb, { minLength: 1, maxLength: 8 }), async (initial, ops) => {
      await check(initial, ops.filter((o) => o.kind !== 'rename' || o.from !== o.to));
    }),
    { numRuns: 300, seed: 20261128 },
  );
});
