// Text lost: `opmodel build --out` must never replace the framework, however the path reaches it
// (symbolic links, a link to the docs themselves), and `opmodel check --fix` must never drop text
// another program wrote while the fix was being saved, nor replace a symbolic link by a file.
import { execFileSync } from 'node:child_process';
import { appendFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main, type Io } from '../../cli/main';
import { RefusedWriteError, rewriteFile } from '../../cli/rewriteFile';
import { goodElement, removeCliBundle, runCli, tempTree } from './cli';

afterAll(removeCliBundle);

/** Hooks into node:fs, one test at a time: a second writer acting at a chosen moment. */
const inject: {
  /** Called when a temporary file has been written and flushed (before any rename). */
  afterTempSync?: (tmp: string) => void;
  /** Called at the start of every rename, before it happens. */
  beforeRename?: (from: string, to: string) => void;
} = {};

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const promises = {
    ...real.promises,
    rename: async (from: string, to: string) => {
      inject.beforeRename?.(from, to);
      return real.promises.rename(from, to);
    },
    open: async (...args: Parameters<typeof real.promises.open>) => {
      const handle = await real.promises.open(...args);
      const file = String(args[0]);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        await sync();
        if (file.endsWith('.tmp')) inject.afterTempSync?.(file);
      };
      return handle;
    },
  };
  return { ...real, default: { ...real, promises }, promises };
});

afterEach(() => {
  delete inject.afterTempSync;
  delete inject.beforeRename;
});

const MISSPELT = '---\nid: FLM1\ntitle: One\n---\nSee flm2.\n';
const FIXED = '---\nid: FLM1\ntitle: One\n---\nSee FLM2.\n';
const OTHER = goodElement('FLM2');

async function fixIn(dir: string): Promise<{ code: number; err: string }> {
  let err = '';
  const io: Io = { out: () => {}, err: (s) => void (err += s), isTTY: false, cwd: dir };
  const code = await main(['check', '--fix', '.'], io);
  return { code, err };
}

/** Every file under `dir` with its content (temp files would show up here too). */
function snapshot(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, snapshot(dir, p));
    else if (e.isSymbolicLink()) out[p] = `-> ${readlinkSync(path.join(dir, p))}`;
    else out[p] = readFileSync(path.join(dir, p), 'utf8');
  }
  return out;
}

describe('check --fix and another writer', () => {
  it('text appended after the fix was computed, before it is saved: refused, the appended text kept', async () => {
    const t = tempTree({ 'a.md': MISSPELT, 'b.md': OTHER });
    try {
      const file = path.join(t.dir, 'a.md');
      inject.afterTempSync = () => appendFileSync(file, 'Appended by someone else.\n');
      const r = await fixIn(t.dir);
      expect(readFileSync(file, 'utf8')).toBe(MISSPELT + 'Appended by someone else.\n');
      expect(r.err).toContain('a.md: not fixed: the file changed while the fix was being saved; it was left as it is. Run the command again.');
      expect(r.code).toBe(1);
      expect(Object.keys(snapshot(t.dir)).sort()).toEqual(['a.md', 'b.md']);
    } finally {
      t.cleanup();
    }
  });

  it('a write that lands between the last check and the rename: the other text is put back', async () => {
    const t = tempTree({ 'a.md': MISSPELT, 'b.md': OTHER });
    try {
      const file = path.join(t.dir, 'a.md');
      inject.beforeRename = (_from, to) => {
        if (to === file) appendFileSync(file, 'Appended at the last moment.\n');
        inject.beforeRename = undefined;
      };
      const r = await fixIn(t.dir);
      expect(readFileSync(file, 'utf8')).toBe(MISSPELT + 'Appended at the last moment.\n');
      expect(r.err).toContain('a.md: not fixed: another program wrote to the file while the fix was being saved; its text was put back. Run the command again.');
      expect(r.code).toBe(1);
      expect(Object.keys(snapshot(t.dir)).sort()).toEqual(['a.md', 'b.md']);
    } finally {
      t.cleanup();
    }
  });

  it('an editor that saves by replacing the file meanwhile: its version is kept', async () => {
    const t = tempTree({ 'a.md': MISSPELT, 'b.md': OTHER });
    try {
      const file = path.join(t.dir, 'a.md');
      const saved = MISSPELT.replace('One', 'Saved by an editor');
      inject.afterTempSync = () => {
        writeFileSync(path.join(t.dir, '.a.md.editor-swap'), saved);
        renameSync(path.join(t.dir, '.a.md.editor-swap'), file);
      };
      const r = await fixIn(t.dir);
      expect(readFileSync(file, 'utf8')).toBe(saved);
      expect(r.err).toContain('a.md: not fixed: the file changed while the fix was being saved');
      expect(r.code).toBe(1);
    } finally {
      t.cleanup();
    }
  });

  it('without another writer the fix is saved, and the file keeps its mode', async () => {
    const t = tempTree({ 'a.md': MISSPELT, 'b.md': OTHER });
    try {
      const r = await fixIn(t.dir);
      expect(r.err).toContain('Fixed 1 problem in 1 file.');
      expect(readFileSync(path.join(t.dir, 'a.md'), 'utf8')).toBe(FIXED);
      expect(r.code).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

describe('check --fix on symbolic links (real CLI)', () => {
  const linux = process.platform !== 'win32';

  it.runIf(linux)('a Markdown link to a file inside the root: the target is fixed, the link stays a link', async () => {
    const t = tempTree({ 'notes/target.txt': MISSPELT, 'b.md': OTHER });
    try {
      symlinkSync(path.join('notes', 'target.txt'), path.join(t.dir, 'link.md'));
      const r = await runCli(['check', '--fix', 'link.md'], t.dir);
      expect(r.stderr).toContain('Fixed 1 problem in 1 file.');
      expect(lstatSync(path.join(t.dir, 'link.md')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(t.dir, 'link.md'))).toBe(path.join('notes', 'target.txt'));
      expect(readFileSync(path.join(t.dir, 'notes', 'target.txt'), 'utf8')).toBe(FIXED);
      expect(r.code).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it.runIf(linux)('the link and its target both checked: one write, no refusal, the link kept', async () => {
    const t = tempTree({ 'real/target.md': MISSPELT, 'b.md': OTHER });
    try {
      symlinkSync(path.join('real', 'target.md'), path.join(t.dir, 'link.md'));
      const r = await runCli(['check', '--fix', '.'], t.dir);
      expect(r.stderr).not.toContain('not fixed');
      expect(lstatSync(path.join(t.dir, 'link.md')).isSymbolicLink()).toBe(true);
      expect(readFileSync(path.join(t.dir, 'real', 'target.md'), 'utf8')).toBe(FIXED);
      expect(Object.keys(snapshot(t.dir)).sort()).toEqual(['b.md', 'link.md', 'real/target.md']);
    } finally {
      t.cleanup();
    }
  });

  it.runIf(linux)('a link that leads out of the root by the time of the write: refused, nothing written', async () => {
    const outside = tempTree({ 'secret.md': MISSPELT });
    const t = tempTree({ 'b.md': OTHER });
    try {
      symlinkSync(path.join(outside.dir, 'secret.md'), path.join(t.dir, 'a.md'));
      await expect(rewriteFile(path.join(t.dir, 'a.md'), t.dir, (s) => s.replace('flm2', 'FLM2'))).rejects.toThrow(RefusedWriteError);
      expect(readFileSync(path.join(outside.dir, 'secret.md'), 'utf8')).toBe(MISSPELT);
      expect(lstatSync(path.join(t.dir, 'a.md')).isSymbolicLink()).toBe(true);
      expect(readdirSync(outside.dir)).toEqual(['secret.md']);
    } finally {
      t.cleanup();
      outside.cleanup();
    }
  });
});

describe('build --out never replaces the framework (real CLI)', () => {
  const linux = process.platform !== 'win32';

  /** repo/docs is the framework, with a planted build marker; alias -> repo, docslink -> repo/docs. */
  function aliasTree() {
    const t = tempTree({
      'repo/docs/opmodel.json': '{}\n',
      'repo/docs/a.md': goodElement('FLM1'),
      'repo/docs/guide/b.md': '# Guide\n\nSee FLM1.\n',
      'repo/docs/.opmodel-site': 'planted\n',
      'repo/.opmodel-site': 'planted\n',
    });
    symlinkSync('repo', path.join(t.dir, 'alias'));
    symlinkSync(path.join('repo', 'docs'), path.join(t.dir, 'docslink'));
    return t;
  }

  for (const out of ['alias/docs', 'alias', 'docslink', 'alias/docs/../docs', 'docslink/.']) {
    it.runIf(linux)(`--out ${out}: refused, every document kept`, async () => {
      const t = aliasTree();
      try {
        const before = snapshot(path.join(t.dir, 'repo'));
        const r = await runCli(['build', 'repo/docs', '--out', out], t.dir);
        expect(r.stderr).toContain('holds the framework documents');
        expect(r.code).toBe(2);
        expect(snapshot(path.join(t.dir, 'repo'))).toEqual(before);
        expect(readdirSync(t.dir).sort()).toEqual(['alias', 'docslink', 'repo']);
      } finally {
        t.cleanup();
      }
    });
  }

  it.runIf(linux)('the docs named through a link and --out named directly: refused', async () => {
    const t = aliasTree();
    try {
      const before = snapshot(path.join(t.dir, 'repo'));
      const r = await runCli(['build', 'alias/docs', '--out', 'repo/docs'], t.dir);
      expect(r.stderr).toContain('holds the framework documents');
      expect(r.code).toBe(2);
      expect(snapshot(path.join(t.dir, 'repo'))).toEqual(before);
    } finally {
      t.cleanup();
    }
  });

  // A bind mount shows the same folder under another real path: only device and inode tell.
  const canMount = linux && process.getuid?.() === 0 && (() => {
    try {
      execFileSync('mount', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.runIf(canMount)('--out on a bind mount of the repository: refused by device and inode', async () => {
    const t = aliasTree();
    const mnt = path.join(t.dir, 'mnt');
    mkdirSync(mnt);
    try {
      execFileSync('mount', ['--bind', path.join(t.dir, 'repo'), mnt]);
    } catch {
      t.cleanup();
      return; // no permission to mount here (a container): nothing to show
    }
    try {
      const before = snapshot(path.join(t.dir, 'repo'));
      const r = await runCli(['build', 'repo/docs', '--out', 'mnt/docs'], t.dir);
      expect(r.stderr).toContain('holds the framework documents');
      expect(r.code).toBe(2);
      expect(snapshot(path.join(t.dir, 'repo'))).toEqual(before);
    } finally {
      execFileSync('umount', [mnt]);
      t.cleanup();
    }
  });

  it.runIf(linux)('a new folder reached through a link is fine: the site is built, the docs untouched', async () => {
    const t = aliasTree();
    try {
      const before = snapshot(path.join(t.dir, 'repo', 'docs'));
      const r = await runCli(['build', 'repo/docs', '--out', 'alias/site'], t.dir);
      expect(r.stderr).toContain('Built ');
      expect(r.code).toBe(0);
      expect(readFileSync(path.join(t.dir, 'repo', 'site', 'index.html'), 'utf8')).toContain('<!doctype html>');
      expect(snapshot(path.join(t.dir, 'repo', 'docs'))).toEqual(before);
    } finally {
      t.cleanup();
    }
  });
});
