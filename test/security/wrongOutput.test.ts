// Wrong output: what a command says must be true. A file whose name is not valid UTF-8 is reported
// as exactly that (not as "deleted while being read"); heading ids in the site never collide with
// the site's own element ids or with each other, so every anchor lands on its heading.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { afterAll, describe, expect, it } from 'vitest';
import { $, $$, parseHtml, runCli as runInProcess, text } from '../playbook/helpers';
import { checkJson, goodElement, removeCliBundle, tempTree } from './cli';

afterAll(removeCliBundle);

describe.runIf(process.platform === 'linux')('file names that are not valid UTF-8', () => {
  it('are reported as such; the rest is checked', async () => {
    const t = tempTree({ 'FLM1.md': goodElement('FLM1', 'See FLM77.') });
    try {
      const bytes = (s: string, raw: number[]) => Buffer.concat([Buffer.from(t.dir + '/'), Buffer.from(raw), Buffer.from(s)]);
      writeFileSync(bytes('.md', [0x63, 0x61, 0x66, 0xe9]), goodElement('FLM2')); // "caf\xe9.md", Latin-1
      mkdirSync(bytes('', [0x64, 0xff]));
      writeFileSync(Buffer.concat([bytes('', [0x64, 0xff]), Buffer.from('/inner.md')]), goodElement('FLM3'));
      writeFileSync(bytes('.txt', [0xfe]), 'not Markdown: not reported');
      const r = await checkJson(t.dir);
      expect(r.stderr).not.toContain('internal error');
      expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
        'FLM1.md:9:5 unknown-id Unknown ID FLM77: no document defines it. Create it or correct the reference.',
        'caf\ufffd.md:1:1 skipped-file Not checked: its name is not valid UTF-8 (shown with \ufffd where it is not), so it cannot be opened by name; rename it.',
        'd\ufffd:1:1 skipped-file Not checked: its name is not valid UTF-8 (shown with \ufffd where it is not), so it cannot be opened by name; rename it.',
      ]);
      expect(r.code).toBe(1);
      expect(JSON.stringify(r)).not.toContain('deleted');
    } finally {
      t.cleanup();
    }
  });
});

describe('heading ids in the site', () => {
  const page = [
    '# Page',
    '',
    '[to search](#search) · [to content](#content) · [to results](#search-results) · [to intro 1](#intro-1)',
    '',
    '## Search',
    '## Content',
    '## Search results',
    '## Intro',
    '## Intro',
    '## Intro 1',
    '## user-content-footnote-label',
    '',
    'A note.[^1] <span id="twice">one</span> <span id="twice">two</span> (found by the build fuzz test)',
    '',
    '[^1]: The footnote.',
    '',
  ].join('\n');

  it('never collide with the page layout, footnotes or each other; links reach the headings', async () => {
    const t = tempTree({ 'opmodel.json': '{}\n', 'a.md': goodElement('FLM1'), 'guide.md': page, 'other.md': '# Other\n\n[content of the guide](guide.md#content)\n' });
    try {
      const r = await runInProcess(['build', t.dir, '--out', path.join(t.dir, 'site')], t.dir);
      expect(r.code).toBe(0);
      const html = parseHtml(readFileSync(path.join(t.dir, 'site', 'pages', 'guide.html'), 'utf8'));
      const ids = $$(html, '[id]').map((e) => String(e.properties['id']));
      expect(ids.length).toBe(new Set(ids).size);
      expect(ids.filter((i) => i.endsWith('twice'))).toHaveLength(1);
      const headings = $$(html, '.doc-body h2').map((h) => `${text(h)} -> #${h.properties['id']}`);
      expect(headings).toEqual([
        'Search -> #search',
        'Content -> #content',
        'Search results -> #search-results',
        'Intro -> #intro',
        'Intro -> #intro-1',
        'Intro 1 -> #intro-1-1',
        'user-content-footnote-label -> #user-content-footnote-label-1',
        'Footnotes -> #user-content-footnote-label',
      ]);
      // Each link lands on the heading it names, not on the search box or the main element.
      for (const a of $$(html, '.doc-body p a').slice(0, 4)) {
        const target = $(html, `[id="${String(a.properties['href']).slice(1)}"]`) as Element;
        expect(target.tagName, String(a.properties['href'])).toBe('h2');
      }
      expect($(html, 'input[type="search"]')!.properties['id']).not.toBe('search');
      const other = parseHtml(readFileSync(path.join(t.dir, 'site', 'pages', 'other.html'), 'utf8'));
      expect($$(other, '.doc-body a').map((a) => a.properties['href'])).toEqual(['guide.html#content']);
    } finally {
      t.cleanup();
    }
  });
});
