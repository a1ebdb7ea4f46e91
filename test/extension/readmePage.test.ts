// The page the .vsix shows in VS Code's extension view: written for extension users, with its
// screenshots inside it (that view loads images only from https: and data: URLs), and no link
// that would break once the repository is not around it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfContainedReadme } from '../../scripts/package-extension.mjs';

const repo = path.resolve(__dirname, '../..');

describe('the extension\'s README page', () => {
  it('inlines every screenshot as a PNG data URL and keeps no relative link', () => {
    const text = selfContainedReadme(path.join(repo, 'extension/README.md'));
    const images = [...text.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)];
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const [, alt, src] of images) {
      expect(alt!.length, 'every screenshot says what it shows').toBeGreaterThan(10);
      expect(src).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    }
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !l.startsWith('data:'));
    for (const l of links) expect(l).toMatch(/^(https:|#)/);
    // Written for users of the extension, not for developers of the repository.
    expect(text).toContain('## Settings');
    expect(text).toContain('## Commands');
    expect(text).not.toContain('npm test');
  });

  it('refuses a page with a link that would break inside the .vsix', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'opmodel-readme-'));
    try {
      writeFileSync(path.join(dir, 'README.md'), '# X\n\nSee [the guide](docs/guide.md) and [VS Code](https://code.visualstudio.com).\n');
      expect(() => selfContainedReadme(path.join(dir, 'README.md'))).toThrow(/links that would break in the \.vsix \(use https: URLs\): docs\/guide\.md$/);
      writeFileSync(path.join(dir, 'README.md'), '![diagram](diagram.svg)\n');
      expect(() => selfContainedReadme(path.join(dir, 'README.md'))).toThrow(/image "diagram.svg" is not a PNG, JPEG, GIF or WebP/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
