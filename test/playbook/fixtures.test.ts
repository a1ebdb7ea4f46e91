// Hostile and broken input: raw HTML, script in front matter, a key that tries to leave --out,
// check errors, and bad usage. Each builds a copy of the framework with one thing added.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $, $$, attr, FRAMEWORK, frameworkCopy, listFiles, readPage, runCli, tempDir, text } from './helpers';

const EVIL_TITLE = 'Evil <img src=x onerror=alert(1)> & "quotes"';
const EVIL_GUIDE = `---
title: '${EVIL_TITLE}'
type: guide
summary: "\\"><script>alert('summary')</script>"
---

# Hostile guide

<script>alert('body')</script>

<img src="x" onerror="alert('img')">

<div onclick="alert('div')">Inline <b onmouseover="alert('b')">bold</b> text.</div>

[a javascript link](javascript:alert('link')) and [a data link](data:text/html,<script>alert(1)</script>).

A real reference to OM3, and \`OM1 in inline code\`, and https://example.com/OM2 in a URL.

<!-- OM4 in a comment -->

\`\`\`
OM5 in a fenced block
\`\`\`

| Element | Note |
| --- | --- |
| OM6 in a table | see [OM7 in link text](../operational-management/OM7.md) |

Escaped \\*stars\\* then OM8 &amp; OM9 after an entity.

Links: [to a heading](../operational-management/OM1.md#purpose), [to a folder](../first-line-management/),
[to nothing](missing.md), [to a bad heading](../README.md#no-such-heading) and ![a diagram](pic.png).
`;

describe('opmodel build with hostile input', () => {
  it('sanitises raw HTML and escapes front-matter values, and links exactly the engine\'s references', async () => {
    const docs = frameworkCopy({ 'guides/hostile.md': EVIL_GUIDE });
    const site = path.join(tempDir('site'), 'site');
    const r = await runCli(['build', docs, '--out', site]);
    expect(r.code, r.err).toBe(0);
    const html = fs.readFileSync(path.join(site, 'pages/hostile.html'), 'utf8');
    const tree = readPage(site, 'pages/hostile.html');
    // Only the site's own three scripts, none from the document.
    expect($$(tree, 'script').map((s) => attr(s, 'src'))).toEqual(['../assets/minisearch.js', '../assets/search-index.js', '../assets/search.js']);
    expect($$(tree, 'article img, article div[onclick], article [onerror], article [onmouseover]')).toEqual([]);
    expect(html).not.toMatch(/javascript:|alert\('(body|img|div|b|link)'\)/);
    const handlers = $$(tree, '*').flatMap((el) => Object.keys(el.properties).filter((k) => /^on/i.test(k)));
    expect(handlers).toEqual([]);
    expect($$(tree, 'article a').map((a) => attr(a, 'href')).filter((h) => h && /^(javascript|data):/i.test(h))).toEqual([]);
    expect(text($(tree, 'article b'))).toBe('bold');
    // Front-matter values are text: the title's markup is shown, not run.
    expect(text($(tree, 'title'))).toBe(`${EVIL_TITLE} — opmodel playbook`);
    expect(text($(tree, 'p.summary'))).toBe(`"><script>alert('summary')</script>`);
    expect(html).toContain('Evil &#x3C;img src=x onerror=alert(1)> &#x26; "quotes"');
    // IDs: in text, a table and after escapes and entities, never in code, URLs, comments or link text.
    expect($$(tree, '.doc-body a.idref').map((a) => text(a))).toEqual(['OM3', 'OM6', 'OM8', 'OM9']);
    expect(text($(tree, '.doc-body pre code'))).toBe('OM5 in a fenced block');
    expect(text($(tree, '.doc-body p code'))).toBe('OM1 in inline code');
    expect(attr($(tree, '.doc-body td a.doclink'), 'href')).toBe('../elements/OM7.html');
    // Relative links: rewritten to pages (fragments kept when the heading exists), else unlinked with a warning.
    const links = $$(tree, '.doc-body a.doclink');
    expect(links.map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['OM7 in link text', '../elements/OM7.html'],
      ['to a heading', '../elements/OM1.html#purpose'],
      ['to a folder', '../systems/first-line-management.html'],
      ['to a bad heading', 'README.html'],
    ]);
    expect($(readPage(site, 'elements/OM1.html'), 'h2#purpose')).toBeTruthy();
    expect(text($(tree, '.doc-body'))).toContain('to nothing');
    expect(text($(tree, '.doc-body'))).toContain('[a diagram]');
    expect(r.err).toMatch(/guides\/hostile\.md:\d+: warning link "missing\.md" does not point to a document of the framework/);
    expect(r.err).toMatch(/guides\/hostile\.md:\d+: warning image "pic\.png" is not copied into the site/);
    expect(r.err).toMatch(/guides\/hostile\.md: warning the link to "README\.html#no-such-heading" names no heading there/);
    // The index page lists the guide under its escaped title.
    const index = readPage(site, 'index.html');
    expect($$(index, '.tiles a').map((a) => text(a))).toContain(EVIL_TITLE);
    // OM3's page lists the guide as a referrer.
    expect($$(readPage(site, 'elements/OM3.html'), 'section.backlinks a').map((a) => attr(a, 'href'))).toContain('../pages/hostile.html');
  }, 120_000);

  it('refuses a key that would write outside --out, and writes nothing', async () => {
    const docs = frameworkCopy({ 'sneaky/README.md': '---\ntitle: Sneaky\ntype: system\nkey: "../../escaped"\n---\n\n# Sneaky\n' });
    const parent = tempDir('escape');
    const out = path.join(parent, 'a', 'site');
    const r = await runCli(['build', docs, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('sneaky/README.md:4: error key "../../escaped" cannot name a page file');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(parent)).toEqual([]);

    const forced = await runCli(['build', docs, '--out', out, '--force']);
    expect(forced.code, forced.err).toBe(0);
    expect(fs.readdirSync(parent)).toEqual(['a']);
    expect(fs.readdirSync(path.join(parent, 'a'))).toEqual(['site']);
    const written = listFiles(out);
    expect(written).toContain('pages/README-2.html');
    expect(written.some((f) => f.includes('escaped'))).toBe(false);
    expect(text($(readPage(out, 'pages/README-2.html'), 'h1'))).toBe('Sneaky');
  }, 120_000);

  it('exits 1 on check errors and writes nothing; --force builds and marks the unknown ID', async () => {
    const docs = frameworkCopy({
      'operational-management/OM1.md': fs.readFileSync(path.join(FRAMEWORK, 'operational-management/OM1.md'), 'utf8').replace('related: [UM10,', 'related: [OM99, UM10,'),
    });
    const out = path.join(tempDir('errors'), 'site');
    const r = await runCli(['build', docs, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/OM1\.md:\d+:\d+ error unknown-id/);
    expect(r.err).toContain('no site was written');
    expect(fs.existsSync(out)).toBe(false);

    const forced = await runCli(['build', docs, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    const card = $(readPage(out, 'elements/OM1.html'), 'dd[data-field="related"]')!;
    const missing = $(card, 'span.idref.missing')!;
    expect(text(missing)).toBe('OM99');
    expect(attr(missing, 'title')).toBe('OM99 is not defined');
  }, 120_000);

  it('rebuilds over its own earlier output, and never over a folder it did not make', async () => {
    const out = path.join(tempDir('rebuild'), 'site');
    expect((await runCli(['build', FRAMEWORK, '--out', out])).code).toBe(0);
    fs.writeFileSync(path.join(out, 'stale.html'), 'old');
    expect((await runCli(['build', FRAMEWORK, '--out', out])).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'stale.html'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'elements/OM1.html'))).toBe(true);

    const foreign = tempDir('foreign');
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'mine');
    const r = await runCli(['build', FRAMEWORK, '--out', foreign]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not empty and was not made by "opmodel build"');
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);
  }, 120_000);

  it('exits 2 on bad usage', async () => {
    const noOut = await runCli(['build', FRAMEWORK]);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('build needs --out DIR');
    expect((await runCli(['build', FRAMEWORK, FRAMEWORK, '--out', tempDir('x')])).code).toBe(2);
    expect((await runCli(['build', FRAMEWORK, '--out', tempDir('x'), '--bogus'])).code).toBe(2);
    const intoDocs = await runCli(['build', FRAMEWORK, '--out', path.dirname(FRAMEWORK)]);
    expect(intoDocs.code).toBe(2);
    expect(intoDocs.err).toContain('holds the framework documents');
    expect((await runCli(['build', path.join(FRAMEWORK, 'nope'), '--out', tempDir('x')])).code).toBe(2);
  });
});
