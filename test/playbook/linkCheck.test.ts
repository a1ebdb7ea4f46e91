// The build's own output check, on small hand-made pages parsed with rehype-parse.
import { describe, expect, it } from 'vitest';
import { anchorsOf } from '../../playbook/build';
import { checkSiteLinks } from '../../playbook/linkCheck';
import { parseHtml } from './helpers';

function check(pages: Record<string, string>, extraFiles: string[] = []) {
  const trees = new Map(Object.entries(pages).map(([p, html]) => [p, parseHtml(html)]));
  return checkSiteLinks(trees, new Set([...trees.keys(), ...extraFiles]), anchorsOf(trees));
}

describe('checkSiteLinks', () => {
  it('accepts links to generated files and existing anchors, and ignores external URLs', () => {
    expect(check({
      'index.html': '<a href="elements/OM1.html#purpose">x</a><a href="#top" id="top">t</a><a href="https://example.com/x.html">e</a><a href="mailto:a@b.c">m</a><link rel="stylesheet" href="assets/site.css">',
      'elements/OM1.html': '<h2 id="purpose">Purpose</h2><a href="../index.html">home</a><script src="../assets/site.js"></script>',
    }, ['assets/site.css', 'assets/site.js'])).toEqual([]);
  });

  it('reports a missing file, a missing anchor, a missing script and a link out of the site', () => {
    expect(check({
      'index.html': '<a href="elements/OM2.html">x</a><a href="elements/OM1.html#nope">y</a><a href="../../etc/passwd">z</a>',
      'elements/OM1.html': '<script src="../assets/gone.js"></script><a href="#">empty</a>',
    })).toEqual([
      { page: 'index.html', href: 'elements/OM2.html', reason: 'no such file in the site' },
      { page: 'index.html', href: 'elements/OM1.html#nope', reason: 'no element with id "nope" on elements/OM1.html' },
      { page: 'index.html', href: '../../etc/passwd', reason: 'no such file in the site' },
      { page: 'elements/OM1.html', href: '../assets/gone.js', reason: 'no such file in the site' },
      { page: 'elements/OM1.html', href: '#', reason: 'no element with id "" on elements/OM1.html' },
    ]);
  });
});
