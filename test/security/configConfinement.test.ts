// Read from outside the root: `opmodel.json` gets the same confinement as every Markdown file.
// A config that is a symbolic link out of the docs root, dangling, a pipe or a device is refused
// unread (exit 2, file named), and nothing of what it holds reaches any output.
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Project } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { fileUri } from '../../language/workspace/uris';
import { goodElement, removeCliBundle, runCli, tempTree } from './cli';

afterAll(removeCliBundle);

const linux = process.platform !== 'win32';
const SECRET_CONFIG = JSON.stringify({ families: { SECRETKEY: { prefix: 'bad value SECRET-VALUE-9d1c' } }, 'SECRET-UNKNOWN-KEY': 1 });
const REFUSED = 'opmodel.json:1:1 error invalid-config opmodel.json was not read: it is not a regular file inside the docs root (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)';

describe.runIf(linux)('opmodel.json outside the docs root', () => {
  const outside = tempTree({ 'opmodel.json': SECRET_CONFIG, 'secret.md': goodElement('FLM9') });
  afterAll(() => outside.cleanup());

  function tree(kind: 'outside' | 'dangling' | 'fifo' | 'inside' | 'loop') {
    const t = tempTree({ 'FLM1.md': goodElement('FLM1', 'See FLM2.'), 'sub/b.md': 'See FLM1.\n', 'config/real.json': '{ "severity": { "unknown-id": "warning" } }\n' });
    const cfg = path.join(t.dir, 'opmodel.json');
    if (kind === 'outside') symlinkSync(path.join(outside.dir, 'opmodel.json'), cfg);
    if (kind === 'dangling') symlinkSync(path.join(t.dir, 'missing.json'), cfg);
    if (kind === 'loop') symlinkSync('opmodel.json', cfg);
    if (kind === 'fifo') execFileSync('mkfifo', [cfg]);
    if (kind === 'inside') symlinkSync(path.join('config', 'real.json'), cfg);
    return t;
  }

  const cases = [
    ...(['outside', 'dangling', 'fifo', 'loop'] as const).map((kind) => ({ kind, cmd: ['check', '.'] })),
    ...[['check', 'sub'], ['list'], ['matrix'], ['show', 'FLM1'], ['build', '--out', 'site']].map((cmd) => ({ kind: 'outside' as const, cmd })),
  ];
  for (const { kind, cmd } of cases) {
    {
      it(`${kind}: opmodel ${cmd.join(' ')} refuses it unread, exit 2, nothing of it printed`, async () => {
        const t = tree(kind);
        try {
          const r = await runCli(cmd, t.dir);
          expect(r.stderr).toContain(REFUSED);
          expect(r.code).toBe(2);
          expect(r.stdout + r.stderr).not.toMatch(/SECRET/);
          expect(r.stderr).not.toContain('internal error');
        } finally {
          t.cleanup();
        }
      });
    }
  }

  it('engine: the refused config is a problem on the file and the defaults apply', async () => {
    const t = tree('outside');
    try {
      const p = await Project.open({ workspace: new NodeWorkspace({ within: t.dir }), rootUri: fileUri(t.dir) });
      expect(p.configUri).toBe(fileUri(path.join(t.dir, 'opmodel.json')));
      expect(p.configProblems.map((x) => x.message)).toEqual([REFUSED.slice(REFUSED.indexOf('opmodel.json was'))]);
      expect(p.config.families.map((f) => f.key)).not.toContain('SECRETKEY');
    } finally {
      t.cleanup();
    }
  });

  it('a link to a config inside the root is read like the file itself', async () => {
    const t = tree('inside');
    try {
      const r = await runCli(['check', '--format', 'json', '.'], t.dir);
      expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; severity: string }) => `${d.code} ${d.severity}`)).toEqual(['unknown-id warning']);
      expect(r.code).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('the workspace never reads a file through a link out of the root, whatever asks', async () => {
    const t = tree('outside');
    try {
      symlinkSync(path.join(outside.dir, 'secret.md'), path.join(t.dir, 'sub', 'x.md'));
      writeFileSync(path.join(t.dir, 'sub', 'y.md'), 'ok');
      const ws = new NodeWorkspace({ within: t.dir });
      await expect(ws.readFile(fileUri(path.join(t.dir, 'sub', 'x.md')))).rejects.toThrow('outside');
      await expect(ws.readFileWithin(fileUri(path.join(t.dir, 'sub', 'x.md')), 1e6)).rejects.toThrow('outside');
      expect(await ws.stat(fileUri(path.join(t.dir, 'sub', 'x.md')))).toEqual({ kind: 'other', size: 0 });
      expect(new TextDecoder().decode(await ws.readFile(fileUri(path.join(t.dir, 'sub', 'y.md'))))).toBe('ok');
    } finally {
      t.cleanup();
    }
  });
});
