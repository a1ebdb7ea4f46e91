// Images in the site: copied from inside the docs root (Markdown and raw <img>), byte for byte,
// pointed at from pages and the handout; refused (alt text, a warning with file and line, no
// file written) when they leave the root, pass through a link, are unsafe SVG or not an image.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $, $$, attr, buildInto, docsFolder, listFiles, readPage, tempDir, text } from './helpers';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff))]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-labelledby="t"><title id="t">A square</title><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>\n';

const ELEMENT = `---
id: FLM1
title: Roles
type: element
system: first-line-management
discipline: organization-management
---

# FLM1 · Roles

![The map](../diagrams/map.svg)
`;

const docs = (extra: Record<string, string | Buffer> = {}, config = '{}') =>
  docsFolder({ 'opmodel.json': config, 'flm/FLM1.md': ELEMENT, 'diagrams/map.svg': SVG, 'diagrams/photo.png': PNG, ...extra });

describe('opmodel build copies images from inside the docs root', () => {
  it('copies Markdown and raw HTML images byte for byte and points every page and the handout at them', async () => {
    const dir = docs({
      'guides/guide.md': '---\ntitle: Guide\ntype: guide\n---\n\n# Guide\n\n![The map, again](../diagrams/map.svg "Map")\n\n<img src="../diagrams/photo.png" alt="A photo">\n\nSee [the map on its own](../diagrams/map.svg#top).\n',
    });
    const { code, err, site } = await buildInto(dir);
    expect(code, err).toBe(0);
    expect(err).not.toMatch(/warning/);
    expect(listFiles(site).filter((f) => f.startsWith('media/'))).toEqual(['media/diagrams/map.svg', 'media/diagrams/photo.png']);
    expect(fs.readFileSync(path.join(site, 'media/diagrams/map.svg'))).toEqual(Buffer.from(SVG));
    expect(fs.readFileSync(path.join(site, 'media/diagrams/photo.png'))).toEqual(PNG);

    const el = readPage(site, 'elements/FLM1.html');
    expect($$(el, 'article img').map((i) => [attr(i, 'src'), attr(i, 'alt')])).toEqual([['../media/diagrams/map.svg', 'The map']]);
    const guide = readPage(site, 'pages/guide.html');
    expect($$(guide, 'article img').map((i) => [attr(i, 'src'), attr(i, 'alt'), attr(i, 'title')])).toEqual([
      ['../media/diagrams/map.svg', 'The map, again', 'Map'],
      ['../media/diagrams/photo.png', 'A photo', undefined],
    ]);
    // A link to an image copies it too and points at the copy.
    expect($$(guide, 'article a').filter((a) => text(a) === 'the map on its own').map((a) => attr(a, 'href'))).toEqual(['../media/diagrams/map.svg']);
    const handout = readPage(site, 'handout.html');
    expect($$(handout, 'img').map((i) => attr(i, 'src'))).toEqual(['media/diagrams/map.svg']);
    // Every image on every page names a file of the site.
    for (const page of listFiles(site).filter((f) => f.endsWith('.html'))) {
      for (const img of $$(readPage(site, page), 'img')) {
        const target = path.join(site, path.dirname(page), decodeURIComponent(attr(img, 'src')!));
        expect(fs.existsSync(target), `${page}: ${attr(img, 'src')}`).toBe(true);
      }
    }
  });

  it('refuses images outside the root, through links, unsafe SVG, wrong content and oversized files, with file and line', async () => {
    const outside = tempDir('outside');
    fs.writeFileSync(path.join(outside, 'secret.svg'), SVG);
    fs.writeFileSync(path.join(outside, 'secret.png'), PNG);
    const body = [
      '![escape](../../outside.png)',
      '![absolute](/etc/hostname.png)',
      '![missing](../diagrams/none.svg)',
      '![linked file](../diagrams/link.svg)',
      '![linked folder](../linked/secret.png)',
      '![script](../diagrams/evil.svg)',
      '![handler](../diagrams/onload.svg)',
      '![external](../diagrams/external.svg)',
      '![fake png](../diagrams/fake.png)',
      '![not an image](../diagrams/notes.txt)',
      '![big](../diagrams/big.png)',
      '![spaced](pic%20one.png)',
      '[a linked diagram](../diagrams/evil.svg)',
    ].join('\n\n');
    const dir = docs({
      'guides/bad.md': `---\ntitle: Bad\ntype: guide\n---\n\n# Bad\n\n${body}\n`,
      'diagrams/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'diagrams/onload.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      'diagrams/external.svg': '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>',
      'diagrams/fake.png': '<html><script>alert(1)</script></html>',
      'diagrams/notes.txt': 'text',
      'diagrams/big.png': Buffer.concat([PNG, Buffer.alloc(6000)]),
      'guides/pic one.png': PNG,
    }, '{ "maxFileSize": 5000 }');
    fs.symlinkSync(path.join(outside, 'secret.svg'), path.join(dir, 'diagrams/link.svg'));
    fs.symlinkSync(outside, path.join(dir, 'linked'));
    const before = fs.readFileSync(path.join(dir, 'guides/bad.md'), 'utf8');
    const { code, err, site } = await buildInto(dir);
    expect(code, err).toBe(0);
    const warnings = err.split('\n').filter((l) => l.includes('warning'));
    const line = (n: number) => `guides/bad.md:${8 + 2 * n}: warning image`;
    const refused = (n: number, src: string, reason: string) => `guides/bad.md:${8 + 2 * n}: warning image "${src}" is not copied into the site: ${reason}; its alt text is shown instead`;
    const unsafe = (what: string) => `the SVG holds "${what}" (script, event handlers and external references are not copied)`;
    // Refused while rendering (the path alone says no), then while reading, in path order.
    expect(warnings).toEqual([
      refused(0, '../../outside.png', 'it is outside the docs folder'),
      refused(1, '/etc/hostname.png', 'only paths relative to the document are copied'),
      refused(9, '../diagrams/notes.txt', 'only png, jpg, jpeg, gif, webp, avif, svg images are copied'),
      refused(11, 'pic%20one.png', 'its path cannot name a file of the site (use letters, digits, ".", "-" and "_")'),
      refused(10, '../diagrams/big.png', 'it is larger than maxFileSize (5000 bytes)'),
      refused(5, '../diagrams/evil.svg', unsafe('<script')),
      `guides/bad.md:32: warning link to image "../diagrams/evil.svg" is not copied into the site: ${unsafe('<script')}; it is shown as text`,
      refused(7, '../diagrams/external.svg', unsafe('href="')),
      refused(8, '../diagrams/fake.png', "the file's content is not a PNG image"),
      refused(3, '../diagrams/link.svg', 'it is a link to a file outside the docs folder, or not a regular file'),
      refused(2, '../diagrams/none.svg', 'no such file'),
      refused(6, '../diagrams/onload.svg', unsafe('onload=')),
      refused(4, '../linked/secret.png', '"linked" is a link to a folder, which the build does not follow'),
    ]);
    const page = readPage(site, 'pages/bad.html');
    expect($$(page, 'article img')).toEqual([]);
    expect($$(page, 'article a').map(text)).not.toContain('a linked diagram');
    expect(text($(page, 'article'))).toContain('a linked diagram');
    for (const alt of ['escape', 'absolute', 'missing', 'linked file', 'linked folder', 'script', 'handler', 'external', 'fake png', 'not an image', 'big', 'spaced']) expect(text($(page, 'article'))).toContain(`[${alt}]`);
    // Only the element's diagram was copied; nothing from outside, nothing refused.
    expect(listFiles(site).filter((f) => f.startsWith('media/'))).toEqual(['media/diagrams/map.svg']);
    expect(fs.readFileSync(path.join(dir, 'guides/bad.md'), 'utf8')).toBe(before);
  });
});
