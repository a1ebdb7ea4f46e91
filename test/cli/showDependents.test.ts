// `opmodel show` names the elements that depend on an element (the code lens's second count).
import { afterAll, expect, it } from 'vitest';
import { goodElement, removeCliBundle, runCli, tempTree } from '../security/cli';

afterAll(() => removeCliBundle());

it('show lists the dependents in JSON and text', async () => {
  const t = tempTree({
    'FLM1.md': goodElement('FLM1', 'Base.\n'),
    'FLM2.md': goodElement('FLM2').replace('---\n\n', 'depends_on: [FLM1]\n---\n\n'),
    'FLM3.md': goodElement('FLM3', 'Mentions FLM1 only.\n'),
  });
  try {
    const j = JSON.parse((await runCli(['show', 'FLM1', '--format', 'json'], t.dir)).stdout);
    expect(j.dependents).toEqual([{ id: 'FLM2', file: 'FLM2.md', line: 7, column: 14 }]);
    expect(j.references).toHaveLength(2);
    const text = await runCli(['show', 'FLM1'], t.dir);
    expect(text.stdout).toContain('\ndepended on by: FLM2\n');
  } finally {
    t.cleanup();
  }
});
