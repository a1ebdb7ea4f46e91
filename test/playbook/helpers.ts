// Runs `opmodel build` through the CLI's own entry and reads its output with a real HTML parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { selectAll, select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import '../../cli/commands/build';
import { main } from '../../cli/main';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const FRAMEWORK = path.join(REPO, 'framework-docs');

export async function runCli(args: string[], cwd = REPO) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += s; }, err: (s) => { err += s; }, isTTY: false, cwd });
  return { code, out, err };
}

export const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `opmodel-${name}-`));

/** A small framework written from scratch into a temp folder: path -> text or bytes. */
export function docsFolder(files: Record<string, string | Uint8Array>): string {
  const dir = path.join(tempDir('docs'), 'docs');
  for (const [p, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), content);
  }
  return dir;
}

/** Builds `dir` into a fresh temp folder with the CLI, run from inside `dir`. */
export async function buildInto(dir: string) {
  const site = path.join(tempDir('site'), 'site');
  return { ...(await runCli(['build', '.', '--out', site], dir)), site };
}

/** A copy of the bundled framework with extra (or replaced) files, for fixtures. */
export function frameworkCopy(extra: Record<string, string>): string {
  const dir = path.join(tempDir('docs'), 'docs');
  fs.cpSync(FRAMEWORK, dir, { recursive: true });
  for (const [p, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

const parser = unified().use(rehypeParse);
export const parseHtml = (html: string): Root => parser.parse(html);
export const readPage = (site: string, sitePath: string): Root => parseHtml(fs.readFileSync(path.join(site, sitePath), 'utf8'));

export const $ = (tree: Root | Element, sel: string) => select(sel, tree);
export const $$ = (tree: Root | Element, sel: string) => selectAll(sel, tree);
export const text = (node: Element | Root | undefined) => (node ? toString(node).trim() : '');
export const attr = (node: Element | undefined, name: string) => {
  const v = node?.properties[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? undefined : String(v);
};

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
