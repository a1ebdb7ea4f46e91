// `opmodel check --format json` on fixed benchmark corpora, byte for byte: a change made for
// speed or memory must not change what the CLI prints. The snapshots were written before the
// performance work of issue 17; a change that is meant to alter the output updates them
// (`npx vitest run test/bench/output.test.ts -u`) and says why.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { corpusFiles, type CorpusShape } from '../../scripts/bench/generate.mjs';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function writeCorpus(size: number, shape: CorpusShape): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `opmodel-output-${shape}-`));
  temps.push(dir);
  for (const [rel, text] of corpusFiles(size, 7, shape)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function checkJson(dir: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['check', '.', '--format', 'json'], { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, cwd: dir });
  return { code, out, err };
}

describe('opmodel check --format json on the benchmark corpora', () => {
  it.each([
    ['standard', 700],
    ['deep', 200],
  ] as const)('prints the same bytes on the %s corpus', async (shape, size) => {
    const { code, out, err } = await checkJson(writeCorpus(size, shape));
    expect(err).toBe('');
    expect(code).toBe(1);
    // The corpus trips (nearly) every code the generator plants.
    expect(new Set(JSON.parse(out).diagnostics.map((d: { code: string }) => d.code)).size).toBeGreaterThanOrEqual(size >= 700 ? 12 : 6);
    await expect(out).toMatchFileSnapshot(`__snapshots__/check-${shape}-${size}.json`);
  }, 60_000);
});
