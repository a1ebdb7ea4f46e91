// Writes lose nothing: `opmodel check --fix` writes atomically (a failed or interrupted write
// leaves the original, and no temp file after a failure), and edits apply only to the text they
// were computed from.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTextEdits, hashText, MemoryWorkspace, Project, StaleEditError } from '../../language/index';
import { atomicWrite } from '../../cli/atomicWrite';
import { main, type Io } from '../../cli/main';
import { removeCliBundle, runCli, tempTree } from './cli';

afterAll(removeCliBundle);

/** Failures injected into node:fs for one test at a time. */
const inject: {
  rename?: (from: string, to: string) => Promise<void>;
  writeFile?: (handlePath: string, text: string) => Promise<void>;
  afterIndex?: () => void;
} = {};

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const promises = {
    ...real.promises,
    rename: (from: string, to: string) => (inject.rename ? inject.rename(from, to) : real.promises.rename(from, to)),
    open: async (file: string, flags: string, mode?: number) => {
      const handle = await real.promises.open(file, flags, mode);
      if (!inject.writeFile) return handle;
      const fail = inject.writeFile;
      return Object.assign(Object.create(Object.getPrototypeOf(handle)), handle, {
        writeFile: (text: string) => fail(file, text),
        sync: () => handle.sync(),
        close: () => handle.close(),
      });
    },
  };
  return { ...real, default: { ...real, promises }, promises };
});

// The CLI's --fix reads the file again before writing: this hook changes it in between.
vi.mock('../../cli/openProjects', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../cli/openProjects')>();
  return {
    ...real,
    openProjects: async (...args: Parameters<typeof real.openProjects>) => {
      const opened = await real.openProjects(...args);
      inject.afterIndex?.();
      return opened;
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-write-'));
});
afterEach(() => {
  delete inject.rename;
  delete inject.writeFile;
  delete inject.afterIndex;
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const ORIGINAL = '---\nid: FLM1\ntitle: Original\n---\nSee flm2 and EE 17.\n';

describe('atomicWrite', () => {
  it('replaces the content, keeps the file mode, and leaves no temp file', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL, { mode: 0o640 });
    await atomicWrite(file, 'new text\n');
    expect(readFileSync(file, 'utf8')).toBe('new text\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('a rename that throws leaves the original intact and no temp file', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    inject.rename = async () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    await expect(atomicWrite(file, 'new text\n')).rejects.toThrow('EXDEV');
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('a write that fails half-way (disk full) leaves the original intact and no temp file', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    inject.writeFile = async (tmp, text) => {
      writeFileSync(tmp, text.slice(0, 5));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    await expect(atomicWrite(file, 'new text that does not fit\n')).rejects.toThrow('ENOSPC');
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder: the write fails, the original stays', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    chmodSync(dir, 0o555);
    await expect(atomicWrite(file, 'new text\n')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('a process killed in the middle of a write leaves the old or the new file, never a mix', async () => {
    // A real process and a real SIGKILL: the file is either entirely old or entirely new.
    const entry = path.join(dir, 'writer.mjs');
    await build({
      stdin: {
        contents: `import { atomicWrite } from ${JSON.stringify(fileURLToPath(new URL('../../cli/atomicWrite.ts', import.meta.url)))};
          process.stdout.write('ready\\n');
          await atomicWrite(process.argv[2], 'N'.repeat(64 * 1024 * 1024));`,
        resolveDir: dir,
        loader: 'ts',
      },
      outfile: entry,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const file = path.join(dir, 'a.md');
    const old = 'O'.repeat(1024 * 1024);
    for (let attempt = 0; attempt < 3; attempt++) {
      writeFileSync(file, old);
      const child = spawn(process.execPath, [entry, file]);
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      // Kill as soon as writing has begun: a temp file exists, or the target itself changed.
      const begun = () => readdirSync(dir).some((f) => f.endsWith('.tmp')) || statSync(file).size !== old.length;
      for (let i = 0; i < 2000 && !begun() && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 1));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
      const now = readFileSync(file, 'latin1');
      expect(now === old || now === 'N'.repeat(64 * 1024 * 1024)).toBe(true);
      for (const f of readdirSync(dir)) if (f.endsWith('.tmp')) rmSync(path.join(dir, f));
    }
  });
});

describe('stale edits are refused', () => {
  it('applyTextEdits throws StaleEditError when the text changed since the edits were computed', async () => {
    const ws = new MemoryWorkspace({ 'file:///w/a.md': ORIGINAL });
    const project = await Project.open({ workspace: ws, rootUri: 'file:///w' });
    const fix = project.diagnostics('file:///w/a.md').find((d) => d.code === 'malformed-id')!.fixes![0]!;
    const edits = fix.edit.changes['file:///w/a.md']!;
    const version = fix.edit.versions['file:///w/a.md']!;
    expect(version).toBe(hashText(ORIGINAL));
    expect(applyTextEdits(ORIGINAL, edits, version)).toBe(ORIGINAL.replace('flm2', 'FLM2'));
    const newer = ORIGINAL.replace('Original', 'Edited meanwhile');
    expect(() => applyTextEdits(newer, edits, version)).toThrow(StaleEditError);
    // Same length, different text: still refused (the version is a content hash, not a length).
    const sameLength = ORIGINAL.replace('See', 'Saw');
    expect(() => applyTextEdits(sameLength, edits, version)).toThrow(StaleEditError);
  });

  it('check --fix refuses a file changed after indexing and leaves the newer text', async () => {
    const file = path.join(dir, 'a.md');
    const other = path.join(dir, 'b.md');
    writeFileSync(file, ORIGINAL);
    writeFileSync(other, '---\nid: FLM2\ntitle: Other\n---\nSee flm1.\n');
    const newer = ORIGINAL.replace('Original', 'Edited by someone else');
    inject.afterIndex = () => writeFileSync(file, newer);
    let err = '';
    const io: Io = { out: () => {}, err: (s) => void (err += s), isTTY: false, cwd: dir };
    const code = await main(['check', '--fix', '.'], io);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(err).toContain('a.md: not fixed: the file changed after the edits were computed; run the command again');
    // The untouched file was fixed; the changed one keeps its (warning-level) problems.
    expect(readFileSync(other, 'utf8')).toBe('---\nid: FLM2\ntitle: Other\n---\nSee FLM1.\n');
    // Only warnings remain, but a refused fix is a failure of what was asked.
    expect(code).toBe(1);
  });

  it('check --fix reports a failed write and leaves the original intact', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    inject.rename = async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    let err = '';
    const code = await main(['check', '--fix', '.'], { out: () => {}, err: (s) => void (err += s), isTTY: false, cwd: dir });
    expect(err).toContain('a.md: not fixed: could not write it (EACCES: permission denied); the file is unchanged');
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(code).toBe(1);
  });
});

describe('check --fix through the real CLI', () => {
  it('fixes spelling only, keeps BOM and CRLF byte for byte, and writes nothing else', async () => {
    const crlf = '\ufeff---\r\nid: FLM1\r\ntitle: T\r\n---\r\nSee flm1, EE 17 and FLM77.\r\n';
    const t = tempTree({ 'a.md': crlf, 'notes.txt': 'flm1' });
    try {
      const r = await runCli(['check', '--fix', '.'], t.dir);
      expect(r.stderr).toContain('Fixed 2 problems in 1 file.');
      expect(readFileSync(path.join(t.dir, 'a.md'), 'utf8')).toBe('\ufeff---\r\nid: FLM1\r\ntitle: T\r\n---\r\nSee FLM1, EE17 and FLM77.\r\n');
      expect(readdirSync(t.dir).sort()).toEqual(['a.md', 'notes.txt']);
      expect(existsSync(path.join(t.dir, 'notes.txt')) && readFileSync(path.join(t.dir, 'notes.txt'), 'utf8')).toBe('flm1');
      // FLM77 is unknown, not misspelt: --fix never guesses a meaning.
      expect(r.stdout).toContain('unknown-id');
    } finally {
      t.cleanup();
    }
  });
});
