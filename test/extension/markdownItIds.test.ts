// The Markdown preview plugin, with the real markdown-it and a real engine project.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../language/index';
import { opmodelIdsPlugin, relativeHref, type IdResolver } from '../../extension/markdownItIds';
import { element, openMemory, u } from '../helpers';

const files = {
  'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management', '# FLM1\n'),
  'flm/FLM3.md': '---\nid: FLM3\ntitle: Meetings <Management> & "Co"\ntype: element\nsystem: first-line-management\ndiscipline: organization-management\n---\n',
  'ops/CORE-B4.md': element('CORE-B4', 'operational-management', 'technology-tools'),
  'notes/page.md': '# Notes\n',
};

// The same resolver shape extension.ts builds from a project.
function resolver(project: Project): IdResolver {
  return {
    find: (text) => project.syntax.scan(text).filter((m) => m.isCanonical).map((m) => ({ start: m.start, end: m.end, id: m.canonical })),
    target: (id) => {
      const d = project.index.definitions(id)[0];
      return d ? { uri: d.uri, title: d.title ?? '' } : undefined;
    },
  };
}

async function renderer() {
  const { project } = await openMemory(files);
  const md = new MarkdownIt({ html: true, linkify: false });
  md.use(opmodelIdsPlugin, () => resolver(project));
  // VS Code passes the rendered document as env.currentDocument (a Uri; only toString() is used).
  const render = (src: string, doc = u('notes/page.md')) => md.render(src, { currentDocument: { toString: () => doc } });
  return { render, md };
}

describe('markdown-it preview plugin', () => {
  it('turns defined IDs in text into links relative to the document, with the title as tooltip', async () => {
    const { render } = await renderer();
    expect(render('See FLM1 and CORE-B4.')).toBe(
      '<p>See <a href="../flm/FLM1.md" title="FLM1 · Title of FLM1" class="opmodel-id">FLM1</a> and ' +
        '<a href="../ops/CORE-B4.md" title="CORE-B4 · Title of CORE-B4" class="opmodel-id">CORE-B4</a>.</p>\n',
    );
  });

  it('links from a sibling file with ./ and escapes titles in the attribute', async () => {
    const { render } = await renderer();
    expect(render('FLM3', u('flm/FLM1.md'))).toBe(
      '<p><a href="./FLM3.md" title="FLM3 · Meetings &lt;Management&gt; &amp; &quot;Co&quot;" class="opmodel-id">FLM3</a></p>\n',
    );
  });

  it('leaves unknown, non-canonical and embedded IDs as text', async () => {
    const { render } = await renderer();
    expect(render('FLM9 is unknown, flm1 and FLM01 are misspelt, XFLM1 and FLM1x are words.')).toBe(
      '<p>FLM9 is unknown, flm1 and FLM01 are misspelt, XFLM1 and FLM1x are words.</p>\n',
    );
  });

  it('never links inside code spans, fenced or indented code, HTML or existing links', async () => {
    const { render } = await renderer();
    const src = [
      'Code `FLM1` here.',
      '',
      '```',
      'FLM1 in a fence',
      '```',
      '',
      '    FLM1 indented',
      '',
      '<div>FLM1 in html</div>',
      '',
      'Inline <span title="FLM1">x</span> and [FLM1 link](https://example.com/FLM1).',
    ].join('\n');
    const html = render(src);
    expect(html).not.toContain('opmodel-id');
    expect(html).toContain('<code>FLM1</code>');
    expect(html).toContain('<pre><code>FLM1 in a fence\n</code></pre>');
    expect(html).toContain('<a href="https://example.com/FLM1">FLM1 link</a>');
  });

  it('links IDs in headings, emphasis and list items', async () => {
    const { render } = await renderer();
    const html = render('# FLM1 · Intro\n\n- *FLM3* first\n');
    expect(html).toContain('<h1><a href="../flm/FLM1.md" title="FLM1 · Title of FLM1" class="opmodel-id">FLM1</a> · Intro</h1>');
    expect(html).toContain('<em><a href="../flm/FLM3.md"');
  });

  it('makes links relative at render time when parsing did not name the document (as VS Code does)', async () => {
    const { md } = await renderer();
    const tokens = md.parse('See FLM1.', {});
    const html = md.renderer.render(tokens, md.options, { currentDocument: { toString: () => u('notes/page.md') } });
    expect(html).toBe('<p>See <a href="../flm/FLM1.md" title="FLM1 · Title of FLM1" class="opmodel-id">FLM1</a>.</p>\n');
  });

  it('links to the absolute URI when no document is named at all', async () => {
    const { md } = await renderer();
    expect(md.render('FLM1')).toBe(`<p><a href="${u('flm/FLM1.md')}" title="FLM1 · Title of FLM1" class="opmodel-id">FLM1</a></p>\n`);
  });

  it('keeps link_open rules registered before it (VS Code adds its own)', async () => {
    const { project } = await openMemory(files);
    const md = new MarkdownIt();
    md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
      tokens[idx]!.attrSet('data-href', tokens[idx]!.attrGet('href') ?? '');
      return self.renderToken(tokens, idx, options);
    };
    md.use(opmodelIdsPlugin, () => resolver(project));
    expect(md.render('FLM1', { currentDocument: { toString: () => u('flm/FLM3.md') } })).toBe(
      '<p><a href="./FLM1.md" title="FLM1 · Title of FLM1" class="opmodel-id" data-href="./FLM1.md">FLM1</a></p>\n',
    );
  });

  it('gives VS Code\'s data-href the relative link too (its link renderer is installed after plugins)', async () => {
    const { project } = await openMemory(files);
    const md = new MarkdownIt();
    md.use(opmodelIdsPlugin, () => resolver(project));
    // What markdown-language-features 1.100 does after loading plugins: copy href to data-href,
    // which its preview script follows on a click (and leaves to the browser when it has a scheme).
    const plugin = md.renderer.rules.link_open;
    md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
      tokens[idx]!.attrSet('data-href', tokens[idx]!.attrGet('href') ?? '');
      return plugin ? plugin(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    };
    const tokens = md.parse('See FLM1.', {});
    expect(md.renderer.render(tokens, md.options, { currentDocument: { toString: () => u('flm/FLM3.md') } })).toBe(
      '<p>See <a href="./FLM1.md" title="FLM1 · Title of FLM1" class="opmodel-id" data-href="./FLM1.md">FLM1</a>.</p>\n',
    );
    // The same tokens (VS Code caches them per document) rendered for another document.
    expect(md.renderer.render(tokens, md.options, { currentDocument: { toString: () => u('notes/page.md') } })).toContain('data-href="../flm/FLM1.md"');
  });

  it('renders an ID in a document on another scheme (untitled) as text with its title, not a dead link', async () => {
    const { render } = await renderer();
    expect(render('See FLM1.', 'untitled:Untitled-1')).toBe('<p>See <span class="opmodel-id" title="FLM1 · Title of FLM1">FLM1</span>.</p>\n');
  });

  it('renders unchanged when no framework answers for the document', async () => {
    const md = new MarkdownIt();
    md.use(opmodelIdsPlugin, () => undefined);
    expect(md.render('FLM1 here')).toBe('<p>FLM1 here</p>\n');
  });
});

describe('relativeHref', () => {
  it('computes paths between folders and encodes names', () => {
    expect(relativeHref('file:///ws/a/b/page.md', 'file:///ws/c/My%20File.md')).toBe('../../c/My%20File.md');
    expect(relativeHref('file:///ws/page.md', 'file:///ws/flm/FLM1.md')).toBe('./flm/FLM1.md');
  });
  it('links within remote and virtual workspaces (code-server, github.dev)', () => {
    expect(relativeHref('vscode-remote://127.0.0.1:8080/ws/flm/FLM3.md', 'vscode-remote://127.0.0.1:8080/ws/ee/EE10.md')).toBe('../ee/EE10.md');
    expect(relativeHref('vscode-vfs://github/org/repo/flm/FLM3.md', 'vscode-vfs://github/org/repo/flm/FLM5.md')).toBe('./FLM5.md');
  });
  it('gives no link across schemes or authorities', () => {
    expect(relativeHref('untitled:Untitled-1', 'file:///ws/flm/FLM1.md')).toBeUndefined();
    expect(relativeHref('vscode-remote://host-a/ws/page.md', 'vscode-remote://host-b/ws/flm/FLM1.md')).toBeUndefined();
  });
});
