// Broken and hostile files: each gets a diagnostic or a reported skip, ranges stay exact, nothing
// hangs or crashes, and the rest of the workspace is still checked. Through the engine (with
// workspaces that misbehave on purpose) and through the real CLI on real folders.
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryWorkspace, Project, type Diagnostic, type FileKind, type FileStat, type Workspace } from '../../language/index';
import { NodeWorkspace } from '../../language/workspace/nodeWorkspace';
import { fileUri } from '../../language/workspace/uris';
import { pos, rangeOf } from '../helpers';
import { checkJson, goodElement, removeCliBundle, tempTree } from './cli';

afterAll(removeCliBundle);

const ROOT = 'file:///broken';
const u = (p: string) => `${ROOT}/${p}`;
const MB = 1024 * 1024;
const enc = (s: string) => new TextEncoder().encode(s);
const brief = (d: Diagnostic) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

async function open(files: Record<string, string | Uint8Array>, ws?: (inner: MemoryWorkspace) => Workspace) {
  const inner = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [u(p), t])));
  return Project.open({ workspace: ws ? ws(inner) : inner, rootUri: ROOT });
}

/** The good file every case ships with: its unknown-id proves the rest was still checked. */
const GOOD = goodElement('FLM2', 'Cites FLM77.');
const goodDiagnostics = ['unknown-id 8:6-8:11'];

const element = (id: string, body: string, eol = '\n') =>
  ['---', `id: ${id}`, `title: Title of ${id}`, 'type: element', 'system: first-line-management', 'discipline: technology-tools', '---', body, ''].join(eol);

describe('broken files through the engine', () => {
  it('unterminated front matter: invalid-front-matter on the opening line', async () => {
    const text = '---\nid: FLM1\ntitle: Never closed\n\nBody.\n';
    const p = await open({ 'open.md': text, 'FLM2.md': GOOD });
    const d = p.diagnostics(u('open.md')).filter((x) => x.code === 'invalid-front-matter');
    expect(d.map(brief)).toEqual(['invalid-front-matter 0:0-0:3']);
    expect(d[0]!.message).toContain('never closed');
    expect(p.diagnostics(u('FLM2.md')).map(brief)).toEqual(goodDiagnostics);
  });

  it('a binary file named .md and invalid UTF-8: reported skips', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const latin1 = new Uint8Array([...enc('---\nid: FLM1\ntitle: Caf'), 0xe9, ...enc('\n---\n'), 0xff, 0xfe, 0xc3, 0x28]);
    const p = await open({ 'image.md': png, 'latin1.md': latin1, 'FLM2.md': GOOD });
    expect(p.diagnostics(u('image.md')).map((d) => `${brief(d)} ${d.message}`)).toEqual(['skipped-file 0:0-0:0 Not checked: binary file (it contains NUL bytes).']);
    expect(p.diagnostics(u('latin1.md')).map((d) => `${brief(d)} ${d.message}`)).toEqual(['skipped-file 0:0-0:0 Not checked: not valid UTF-8 text.']);
    expect(p.diagnostics(u('FLM2.md')).map(brief)).toEqual(goodDiagnostics);
  });

  it('a BOM is not a character: ranges match what editors show', async () => {
    const text = element('FLM1', 'See FLM77.');
    const p = await open({ 'FLM1.md': new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]) });
    const doc = p.document(u('FLM1.md'))!;
    expect(doc.definition!.range).toEqual(rangeOf(text, 'FLM1'));
    expect(p.diagnostics(u('FLM1.md')).map(brief)).toEqual(['unknown-id 7:4-7:9']);
    expect(p.diagnostics(u('FLM1.md'))[0]!.range).toEqual(rangeOf(text, 'FLM77'));
  });

  it('CRLF, lone CR and mixed line endings: exact ranges on every line', async () => {
    const lines = ['---', 'id: FLM1', 'title: T', 'related: [FLM66]', '---', 'a FLM77', 'b FLM88', 'c FLM99', ''];
    const mixedEol = ['\r\n', '\r', '\n', '\r\n', '\r', '\n', '\r\n', '\n'];
    const texts = {
      'crlf.md': lines.join('\r\n'),
      'cr.md': lines.join('\r'),
      'mixed.md': lines.map((l, i) => l + (i < lines.length - 1 ? mixedEol[i] : '')).join(''),
    };
    const p = await open(texts);
    for (const [name, text] of Object.entries(texts)) {
      const d = p.diagnostics(u(name)).filter((x) => x.code === 'unknown-id');
      expect(d.map((x) => x.range), name).toEqual(['FLM66', 'FLM77', 'FLM88', 'FLM99'].map((id) => rangeOf(text, id)));
      expect(d.map(brief), name).toEqual(['unknown-id 3:10-3:15', 'unknown-id 5:2-5:7', 'unknown-id 6:2-6:7', 'unknown-id 7:2-7:7']);
    }
  });

  it('a YAML error on a CRLF line ends inside the line, not on its LF', async () => {
    const text = '---\r\nid: [" CORE-A1]\r\nid: "the"\r\n---\r\n';
    const p = await open({ 'dup.md': text });
    const d = p.diagnostics(u('dup.md')).find((x) => x.code === 'invalid-front-matter')!;
    const lines = text.split('\r\n');
    expect(d.range).toEqual({ start: { line: 1, character: lines[1]!.length }, end: { line: 1, character: lines[1]!.length } });
  });

  it('a 50 MB file is skipped by maxFileSize without being read', async () => {
    const reads: string[] = [];
    const p = await open({ 'big.md': 'placeholder', 'FLM2.md': GOOD }, (inner) => ({
      readDirectory: (uri) => inner.readDirectory(uri),
      stat: async (uri): Promise<FileStat | undefined> => (uri === u('big.md') ? { kind: 'file', size: 50 * MB } : inner.stat(uri)),
      readFile: async (uri) => {
        reads.push(uri);
        if (uri === u('big.md')) throw new Error('the engine must not read a file above maxFileSize');
        return inner.readFile(uri);
      },
    }));
    expect(reads).not.toContain(u('big.md'));
    expect(p.diagnostics(u('big.md')).map((d) => d.message)).toEqual(['Not checked: larger than the 5 MB limit (maxFileSize; the file has 50 MB).']);
    expect(p.diagnostics(u('FLM2.md')).map(brief)).toEqual(goodDiagnostics);
  });

  it('maxFileSize from opmodel.json applies, and an oversized opmodel.json is refused unread', async () => {
    const small = await open({ 'opmodel.json': '{ "maxFileSize": 1000 }', 'a.md': 'x'.repeat(1001), 'b.md': 'x'.repeat(1000) });
    expect(small.diagnostics(u('a.md')).map((d) => d.code)).toEqual(['skipped-file']);
    expect(small.diagnostics(u('b.md'))).toEqual([]);
    const reads: string[] = [];
    const huge = await open({ 'opmodel.json': '{}', 'FLM2.md': GOOD }, (inner) => ({
      readDirectory: (uri) => inner.readDirectory(uri),
      stat: async (uri) => (uri === u('opmodel.json') ? { kind: 'file' as FileKind, size: 4096 * MB } : inner.stat(uri)),
      readFile: async (uri) => (reads.push(uri), inner.readFile(uri)),
    }));
    expect(reads).not.toContain(u('opmodel.json'));
    expect(huge.configProblems.map((c) => c.message)).toEqual(['opmodel.json is larger than 1 MB']);
  });

  it('an oversized .gitignore is reported and never read; its folder is still checked', async () => {
    const reads: string[] = [];
    const p = await open({ '.gitignore': 'FLM2.md\n', 'FLM2.md': GOOD }, (inner) => ({
      readDirectory: (uri) => inner.readDirectory(uri),
      stat: async (uri) => (uri === u('.gitignore') ? { kind: 'file' as FileKind, size: 2048 * MB } : inner.stat(uri)),
      readFile: async (uri) => (reads.push(uri), inner.readFile(uri)),
    }));
    expect(reads).not.toContain(u('.gitignore'));
    expect(p.diagnostics(u('.gitignore')).map((d) => d.message)).toEqual(['Not checked: larger than 1 MB, so its rules were not applied.']);
    expect(p.diagnostics(u('FLM2.md')).map(brief)).toEqual(goodDiagnostics);
  });

  describe('1 MB single lines finish with exact results', () => {
    const hostile: Record<string, string> = {
      ids: 'FLM77 '.repeat(MB / 6),
      'unclosed comments': '<!--'.repeat(MB / 4),
      'unclosed processing instructions': '<?'.repeat(MB / 2),
      'unclosed CDATA': '<![CDATA['.repeat(MB / 9),
      'unclosed declarations': '<!A'.repeat(MB / 3),
      'unclosed link destinations': '](x'.repeat(MB / 3),
      'unclosed reference labels': '][x'.repeat(MB / 3),
      'backtick runs of every length': Array.from({ length: 1400 }, (_, i) => '`'.repeat(i + 1) + 'a').join(''),
      'an open tag with endless attributes': '<a' + ' x'.repeat(MB / 2),
      'e-mail-like text': 'a@'.repeat(MB / 2),
      backslashes: '\\'.repeat(MB),
    };
    for (const [name, line] of Object.entries(hostile)) {
      it(name, async () => {
        const text = `x ${line} FLM88\n`;
        const p = await open({ 'long.md': text, 'FLM2.md': GOOD });
        const d = p.diagnostics(u('long.md')).filter((x) => x.code === 'unknown-id');
        const expectedCount = name === 'ids' ? MB / 6 + 1 : 1;
        expect(d).toHaveLength(Math.floor(expectedCount));
        // The ID after the hostile run is found at its exact place.
        expect(d[d.length - 1]!.range).toEqual({ start: pos(text, text.length - 6), end: pos(text, text.length - 1) });
        expect(p.diagnostics(u('FLM2.md')).map(brief)).toEqual(goodDiagnostics);
      });
    }
  });

  it('10,000 levels of block quotes and lists on one line', async () => {
    const texts = {
      'quotes.md': '> '.repeat(10_000) + 'FLM77\n',
      'tight-quotes.md': '>'.repeat(10_000) + 'FLM77\n',
      'bullets.md': '- '.repeat(10_000) + 'FLM77\n',
      'ordered.md': '1. '.repeat(10_000) + 'FLM77\n',
      'mixed.md': '> - 1. '.repeat(10_000 / 3) + 'FLM77\n',
    };
    const p = await open({ ...texts, 'FLM2.md': GOOD });
    for (const [name, text] of Object.entries(texts)) {
      expect(p.diagnostics(u(name)).map((d) => d.range), name).toEqual([rangeOf(text, 'FLM77')]);
    }
    expect(p.diagnostics(u('FLM2.md')).map(brief)).toEqual(goodDiagnostics);
  });

  it('10,000 nested list items and quotes over 10,000 lines', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i % 400)}- ${i % 2 ? '> ' : ''}item FLM77`);
    const text = lines.join('\n') + '\n';
    const p = await open({ 'ladder.md': text });
    const d = p.diagnostics(u('ladder.md'));
    expect(d.every((x) => x.code === 'unknown-id')).toBe(true);
    // Deep indentation turns some lines into indented code, per CommonMark; the last line's ID
    // is reported exactly where it is when it is prose.
    expect(d.length).toBeGreaterThan(0);
    for (const x of d) expect(text.split('\n')[x.range.start.line]!.slice(x.range.start.character, x.range.end.character)).toBe('FLM77');
  });

  it('10,000 IDs in one file: all reported, and incremental updates stay exact', async () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `FLM${i + 1}`).join(' ');
    const text = element('UM1', body);
    const list = `---\nid: UM2\ntitle: List\nrelated: [${Array.from({ length: 10_000 }, (_, i) => `GOV${i + 1}`).join(', ')}]\n---\n`;
    const p = await open({ 'many.md': text, 'list.md': list });
    const unknown = (uri: string) => p.diagnostics(u(uri)).filter((d) => d.code === 'unknown-id');
    expect(unknown('many.md')).toHaveLength(10_000);
    expect(unknown('many.md')[9_999]!.range).toEqual(rangeOf(text, 'FLM10000'));
    expect(unknown('list.md')).toHaveLength(10_000);
    expect(unknown('list.md')[9_999]!.range).toEqual(rangeOf(list, 'GOV10000'));
    p.updateText(u('def.md'), element('FLM5000', 'x'));
    expect(unknown('many.md')).toHaveLength(9_999);
    p.remove(u('def.md'));
    expect(unknown('many.md')).toHaveLength(10_000);
  });

  it('files that vanish, change or fail while being indexed: reported, the rest checked', async () => {
    const changed = element('FLM3', 'Now cites FLM88.');
    const p = await open(
      {
        'vanish.md': element('FLM1', 'x'),
        'FLM3.md': element('FLM3', 'Cites FLM77.'),
        'locked.md': element('FLM4', 'x'),
        'sub/inner.md': element('FLM5', 'x'),
        'FLM2.md': GOOD,
      },
      (inner) => ({
        // Listed by readDirectory, then deleted, changed or locked before readFile runs.
        readDirectory: async (uri) => {
          if (uri === u('sub')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          return inner.readDirectory(uri);
        },
        stat: (uri) => inner.stat(uri),
        readFile: async (uri) => {
          if (uri === u('vanish.md')) {
            inner.delete(uri);
            throw Object.assign(new Error(`ENOENT: no such file or directory, open '${uri}'`), { code: 'ENOENT' });
          }
          if (uri === u('FLM3.md')) inner.set(uri, changed);
          if (uri === u('locked.md')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          return inner.readFile(uri);
        },
      }),
    );
    const all = p.allDiagnostics().map((d) => `${d.uri.slice(ROOT.length + 1)} ${brief(d)} ${d.message}`);
    expect(all).toEqual([
      `FLM2.md unknown-id 8:6-8:11 Unknown ID FLM77: no document defines it. Create it or correct the reference.`,
      `FLM3.md unknown-id 7:10-7:15 Unknown ID FLM88: no document defines it. Create it or correct the reference.`,
      'locked.md skipped-file 0:0-0:0 Not checked: could not be read (EACCES: permission denied).',
      'sub skipped-file 0:0-0:0 Not checked: folder could not be read (EACCES: permission denied).',
      'vanish.md skipped-file 0:0-0:0 Not checked: it was deleted while being read.',
    ]);
    // The index holds what was read, so later edits are checked against that version.
    expect(p.document(u('FLM3.md'))!.references.map((r) => r.id)).toEqual(['FLM88']);
  });
});

describe('symbolic links and special files (real folders)', () => {
  const linux = process.platform !== 'win32';

  // Outside every docs root: a link to it must never be read.
  const secret = tempTree({ 'secret.md': '---\nid: FLM1\nsystem: SECRET-TOKEN-4f9a\n---\nflm7 SECRET-TOKEN-4f9a\n' });
  afterAll(() => secret.cleanup());

  function hostileTree() {
    const t = tempTree({ 'FLM2.md': GOOD, 'docs/FLM1.md': element('FLM1', 'x'), 'notes/plain.txt': 'See FLM78.\n' });
    symlinkSync(path.join(secret.dir, 'secret.md'), path.join(t.dir, 'outside.md'));
    symlinkSync(path.join('notes', 'plain.txt'), path.join(t.dir, 'inside.md'));
    symlinkSync('..', path.join(t.dir, 'docs', 'loop'));
    symlinkSync('.', path.join(t.dir, 'self'));
    symlinkSync('missing.md', path.join(t.dir, 'dead.md'));
    symlinkSync('ping.md', path.join(t.dir, 'pong.md'));
    symlinkSync('pong.md', path.join(t.dir, 'ping.md'));
    execFileSync('mkfifo', [path.join(t.dir, 'pipe.md')]);
    return t;
  }

  // Read through callbacks, synchronously (the CLI) and synchronously with turns of the event loop (servers, editors): the same results.
  it.runIf(linux).each([false, true, 'yielding'] as const)('engine: loops and dangling links are reported, a pipe is never opened (synchronous reads: %s)', async (synchronous) => {
    const t = hostileTree();
    try {
      const root = fileUri(t.dir);
      const p = await Project.open({ workspace: new NodeWorkspace({ within: t.dir, synchronous }), rootUri: root });
      const rel = (uri: string) => uri.slice(root.length + 1);
      const skipped = [...p.index.skipped.values()].map((s) => `${rel(s.uri)}: ${s.reason}`).sort();
      expect(skipped).toEqual([
        'dead.md: not a regular file in this folder (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)',
        'docs/loop: symbolic link to a folder, not followed',
        'outside.md: not a regular file in this folder (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)',
        'ping.md: not a regular file in this folder (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)',
        'pipe.md: not a regular file in this folder (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)',
        'pong.md: not a regular file in this folder (a symbolic link that is dangling, loops or leads outside the folder, a pipe or a device)',
        'self: symbolic link to a folder, not followed',
      ]);
      expect([...p.index.docs.keys()].map(rel).sort()).toEqual(['FLM2.md', 'docs/FLM1.md', 'inside.md']);
      expect(p.diagnostics(`${root}/FLM2.md`).map(brief)).toEqual(goodDiagnostics);
    } finally {
      t.cleanup();
    }
  });

  it.runIf(linux)('CLI: every broken file is reported and the good file is still checked', async () => {
    const t = hostileTree();
    const w = (rel: string, content: string | Uint8Array) => execFileSync('sh', ['-c', 'cat > "$1"', 'sh', path.join(t.dir, rel)], { input: content });
    try {
      w('unterminated.md', '---\nid: FLM1\n\nBody.\n');
      w('image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
      w('latin1.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
      w('bom.md', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('See FLM71.\n')]));
      w('crlf.md', 'a\r\nb\r\nSee FLM72.\r\n');
      w('mixed.md', 'a\rb\r\nc\nSee FLM73.\n');
      w('long.md', `x ${'<!--'.repeat(MB / 4)} FLM74\n`);
      w('deep.md', '> '.repeat(10_000) + 'FLM75\n');
      w('many.md', Array.from({ length: 10_000 }, (_, i) => `GOV${i + 1}`).join(' ') + '\n');
      w('big.md', '');
      truncateSync(path.join(t.dir, 'big.md'), 50 * MB);
      const r = await checkJson(t.dir);
      expect(r.stderr).not.toContain('internal error');
      expect(r.code).toBe(1);
      const lines = r.diagnostics.filter((d) => d.file !== 'many.md').map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
      expect(lines).toEqual([
        'FLM2.md:9:7 unknown-id',
        'big.md:1:1 skipped-file',
        'bom.md:1:5 unknown-id',
        'crlf.md:3:5 unknown-id',
        'dead.md:1:1 skipped-file',
        'deep.md:1:20001 unknown-id',
        'docs/loop:1:1 skipped-file',
        'image.md:1:1 skipped-file',
        'inside.md:1:5 unknown-id',
        'latin1.md:1:1 skipped-file',
        `long.md:1:${2 + MB + 2} unknown-id`,
        'mixed.md:4:5 unknown-id',
        'outside.md:1:1 skipped-file',
        'ping.md:1:1 skipped-file',
        'pipe.md:1:1 skipped-file',
        'pong.md:1:1 skipped-file',
        'self:1:1 skipped-file',
        'unterminated.md:1:1 invalid-front-matter',
      ]);
      expect(r.diagnostics.filter((d) => d.file === 'many.md')).toHaveLength(10_000);
      expect(JSON.stringify(r.diagnostics) + r.stderr).not.toContain('SECRET-TOKEN');
      expect(r.diagnostics.find((d) => d.file === 'big.md')!.message).toBe('Not checked: larger than the 5 MB limit (maxFileSize; the file has 50 MB).');
    } finally {
      t.cleanup();
    }
  });
});
