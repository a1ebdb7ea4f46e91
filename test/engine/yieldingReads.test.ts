// Synchronous reads for an editor or a server ('yielding'): as fast as the CLI's, but the event
// loop runs while a framework is read, so that requests are answered meanwhile.
import { afterAll, describe, expect, it } from 'vitest';
import { Project } from '../../language/index';
import { fileUri } from '../../language/workspace/uris';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { tempTree } from '../security/cli';

const files: Record<string, string> = {};
for (let i = 1; i <= 300; i++) files[`flm/FLM${i}.md`] = `---\nid: FLM${i}\ntitle: Element ${i}\n---\n\n# FLM${i}\n\nSee FLM${(i % 300) + 1}.\n`;
const tree = tempTree(files);
afterAll(() => tree.cleanup());

/** Opens the tree and counts the turns of the event loop (setImmediate callbacks) taken meanwhile. */
async function openCounting(synchronous: boolean | 'yielding') {
  let turns = 0;
  let open = true;
  const spin = () => {
    if (!open) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const project = await Project.open({ workspace: new NodeWorkspace({ within: tree.dir, synchronous }), rootUri: fileUri(tree.dir) });
  open = false;
  return { project, turns };
}

describe("NodeWorkspace { synchronous: 'yielding' }", () => {
  it('lets the event loop run while a framework is read, and reads what the other modes read', async () => {
    const blocking = await openCounting(true);
    const yielding = await openCounting('yielding');
    const callbacks = await openCounting(false);
    // 300 files and their folder: the event loop runs after every 32 calls at most.
    expect(yielding.turns).toBeGreaterThanOrEqual(9);
    expect(blocking.turns).toBeLessThan(yielding.turns);
    const summary = (p: Project) => [...p.index.docs.values()].map((d) => `${d.uri} ${d.version} ${d.references.map((r) => r.id).join(',')}`).sort();
    expect(summary(yielding.project)).toEqual(summary(blocking.project));
    expect(summary(yielding.project)).toEqual(summary(callbacks.project));
    expect(yielding.project.allDiagnostics()).toEqual(callbacks.project.allDiagnostics());
  });
});
