// scripts/bench/profile.mjs sorts a CPU profile's samples into categories: every sample lands in
// exactly one known category (by its innermost categorised frame), on a synthetic profile and on
// a real one of the CLI bundled from the current sources. No wall-clock time is asserted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFiles } from '../../scripts/bench/generate.mjs';
import { aggregateProfile, bundleModules, CATEGORIES, sourceResolver, type CpuProfile } from '../../scripts/bench/profile.mjs';
import { cliBundle, removeCliBundle } from '../security/cli';

const temps: string[] = [];
afterAll(() => {
  removeCliBundle();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('profile.mjs: samples by category', () => {
  it('counts a sample for the innermost frame that has a category', () => {
    const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'file:///x/cli.js', lineNumber, columnNumber: 0 });
    // A bundle with esbuild's module marks: lines 1-2 are markdownScanner, 3-4 lineMap, 5 document.
    const modules = bundleModules('#!/usr/bin/env node\n// language/parse/markdownScanner.ts\nfunction scanMarkdown() {}\n// language/text/lineMap.ts\nfunction of() {}\n// language/parse/document.ts\nfunction hashText() {}\n')!;
    expect([2, 4, 6, 0].map(modules)).toEqual(['language/parse/markdownScanner.ts', 'language/text/lineMap.ts', 'language/parse/document.ts', undefined]);
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: [2, 5, 6] },
        { id: 2, callFrame: frame('scanMarkdown', 2), children: [3, 4] },
        { id: 3, callFrame: frame('of', 4) },
        { id: 4, callFrame: frame('hashText', 6) },
        { id: 5, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1, columnNumber: -1 } },
        { id: 6, callFrame: frame('of', 4) },
      ],
      startTime: 0,
      samples: [2, 3, 3, 4, 5, 6],
      timeDeltas: [500, 1000, 1000, 1000, 1000, 1000],
      endTime: 6500,
    };
    const a = aggregateProfile(profile, (_url, line) => modules(line));
    expect(a.totalMs).toBe(6);
    expect(a.categories).toMatchObject({ 'Markdown scan': 3, hashing: 1, 'garbage collection': 1, other: 1 });
    expect(sum(Object.values(a.categories))).toBe(6);
    // lineMap's `of` counts for its caller: Markdown scan under scanMarkdown, other at the root.
    expect(a.functions.find((f) => f.name === 'of')).toMatchObject({ selfMs: 3, byCategory: { 'Markdown scan': 2, other: 1 }, where: 'language/text/lineMap.ts' });
  });

  it('sorts a real profile of opmodel check into the known categories, adding up to the sampled time', async () => {
    const cli = await cliBundle();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-profile-corpus-'));
    const profDir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-profile-prof-'));
    temps.push(dir, profDir);
    for (const [rel, text] of corpusFiles(200, 7)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '250', cli, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics.length).toBeGreaterThan(0);
    const files = readdirSync(profDir);
    expect(files).toHaveLength(1);
    const profile = JSON.parse(readFileSync(path.join(profDir, files[0]!), 'utf8')) as CpuProfile;

    const a = aggregateProfile(profile, sourceResolver());
    expect(Object.keys(a.categories).sort()).toEqual([...CATEGORIES].sort());
    for (const f of a.functions) for (const c of Object.keys(f.byCategory)) expect(CATEGORIES).toContain(c);
    // Every sample counted once: the categories add up to the profile's span, less the time
    // before its first sample (at most one sampling interval or so).
    const spanMs = (profile.endTime - profile.startTime) / 1000;
    const oneSampleMs = Math.max(...profile.timeDeltas) / 1000;
    expect(Math.abs(sum(Object.values(a.categories)) - a.totalMs)).toBeLessThan(1e-6);
    expect(Math.abs(sum(a.functions.map((f) => f.selfMs)) - a.totalMs)).toBeLessThan(1e-6);
    expect(spanMs - a.totalMs).toBeGreaterThanOrEqual(0);
    expect(spanMs - a.totalMs).toBeLessThanOrEqual(oneSampleMs);
    // The bundle's module marks were read: the engine's parsing shows up under its own categories.
    expect(a.functions.some((f) => f.where.startsWith('language/parse/'))).toBe(true);
    expect(sum(['front matter', 'Markdown scan', 'ID tokenizer', 'document parse other'].map((c) => a.categories[c as keyof typeof a.categories]))).toBeGreaterThan(0);
  }, 60_000);
});
