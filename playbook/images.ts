// Images that documents show (Markdown `![alt](diagrams/map.svg)` or raw `<img src>`), copied into
// the site under media/ with their path from the docs root. The confinement is the pages' own:
// only regular files inside the docs root, found by listing each folder from the root down, so
// `..`, absolute paths, links to folders and links to files outside the root are refused. SVGs
// that could run script when opened on their own are refused too.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { URI, Utils } from 'vscode-uri';
import { FileTooLargeError, joinUri, relativeUri, type FileKind, type Layer, type Project } from '../language/index';
import { walkElements } from './hast';
import type { BuildProblem } from './plan';
import { isSafeName, relHref } from './sitePaths';

/** Extensions copied, with a check of the file's first bytes (SVG is checked as text). */
const TYPES: Record<string, ((b: Uint8Array) => boolean) | 'svg'> = {
  png: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: (b) => starts(b, [0xff, 0xd8, 0xff]),
  jpeg: (b) => starts(b, [0xff, 0xd8, 0xff]),
  gif: (b) => starts(b, [0x47, 0x49, 0x46, 0x38]),
  webp: (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  avif: (b) => starts(b.subarray(4), [0x66, 0x74, 0x79, 0x70]),
  svg: 'svg',
};
const starts = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

export const MEDIA_DIR = 'media';

const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();

/** True when a relative link names an image file: a link to a diagram copies it like an image. */
export function isImageLink(url: string): boolean {
  const ext = extensionOf(url.split(/[?#]/)[0]!);
  return ext !== undefined && ext in TYPES;
}

// Anything in an SVG that runs, fetches or embeds: opened directly (not through <img>), an SVG
// is a document of the site's origin. Conservative: a false alarm only leaves an image out.
const SVG_UNSAFE = /<\s*script|<\s*foreignObject|<!ENTITY|\son[a-z]+\s*=|javascript:|@import|url\((?!\s*['"]?#)|href\s*=\s*(?:"(?!#)|'(?!#)|(?!["'#]))/i;

interface Wanted {
  rel: string;
  sitePath: string;
  /** The framework the image belongs to: a client site also shows the extended framework's images. */
  layer: Layer;
  uses: { uri: string; line: number; src: string; link: boolean }[];
}

export class SiteImages {
  private readonly wanted = new Map<string, Wanted>();
  private readonly listings = new Map<string, Promise<Map<string, FileKind> | undefined>>();

  constructor(private readonly project: Project) {}

  /**
   * The site path of an image written as `src` in the document `fromUri` (line is 0-based), or why it
   * cannot be copied. Synchronous, so rendering stays synchronous; `load` then reads what was planned.
   */
  plan(fromUri: string, src: string, line: number, link = false): { sitePath: string } | { reason: string } {
    let decoded: string;
    try {
      decoded = decodeURIComponent(src.split(/[?#]/)[0]!);
    } catch {
      return { reason: 'its path is not a valid URL' };
    }
    if (decoded.startsWith('/') || /^[a-z]:/i.test(decoded) || decoded.includes('\\')) return { reason: 'only paths relative to the document are copied' };
    const target = Utils.resolvePath(Utils.dirname(URI.parse(fromUri)), decoded).toString();
    // Confined to the document's own framework; a base framework's images go under their own folder.
    const layer = this.project.layerOf(fromUri);
    const rel = relativeUri(layer.rootUri, target);
    if (!rel) return { reason: 'it is outside the docs folder' };
    const ext = extensionOf(rel);
    if (!ext || !(ext in TYPES)) return { reason: `only ${Object.keys(TYPES).join(', ')} images are copied` };
    if (!rel.split('/').every(isSafeName)) return { reason: 'its path cannot name a file of the site (use letters, digits, ".", "-" and "_")' };
    const sitePath = layer === this.project.ownLayer ? `${MEDIA_DIR}/${rel}` : `${MEDIA_DIR}/base${layer.index}/${rel}`;
    const w = this.wanted.get(sitePath) ?? this.wanted.set(sitePath, { rel, sitePath, layer, uses: [] }).get(sitePath)!;
    w.uses.push({ uri: fromUri, line, src, link });
    return { sitePath: w.sitePath };
  }

  /** Reads every planned image. Failures are reported at each use and returned by site path. */
  async load(problems: BuildProblem[]): Promise<{ files: Map<string, Uint8Array>; failed: Set<string> }> {
    const files = new Map<string, Uint8Array>();
    const failed = new Set<string>();
    for (const w of [...this.wanted.values()].sort((a, b) => (a.sitePath < b.sitePath ? -1 : 1))) {
      const r = await this.read(w.rel, w.layer);
      if ('bytes' in r) files.set(w.sitePath, r.bytes);
      else {
        failed.add(w.sitePath);
        for (const u of w.uses) problems.push({ severity: 'warning', uri: u.uri, line: u.line, message: notCopied(u.src, r.reason, u.link) });
      }
    }
    return { files, failed };
  }

  private async read(rel: string, layer: Layer): Promise<{ bytes: Uint8Array } | { reason: string }> {
    const parts = rel.split('/');
    let dir = layer.rootUri;
    for (let i = 0; i < parts.length; i++) {
      const kind = (await this.listing(dir, layer))?.get(parts[i]!);
      const last = i === parts.length - 1;
      if (kind === undefined) return { reason: 'no such file' };
      if (kind === 'symlink-directory') return { reason: `"${parts.slice(0, i + 1).join('/')}" is a link to a folder, which the build does not follow` };
      if (last && kind !== 'file') return { reason: kind === 'other' ? 'it is a link to a file outside the docs folder, or not a regular file' : 'it is a folder' };
      if (!last && kind !== 'directory') return { reason: 'no such file' };
      dir = joinUri(dir, parts[i]!);
    }
    const ws = layer.workspace;
    const max = layer.config.maxFileSize;
    let bytes: Uint8Array;
    try {
      if (ws.readFileWithin) bytes = await ws.readFileWithin(dir, max);
      else {
        const st = await ws.stat(dir);
        if (!st || st.kind !== 'file') return { reason: 'no such file' };
        if (st.size > max) return { reason: `it is larger than maxFileSize (${max} bytes)` };
        bytes = await ws.readFile(dir);
      }
    } catch (e) {
      return { reason: e instanceof FileTooLargeError ? `it is larger than maxFileSize (${max} bytes)` : `it could not be read (${(e as Error).message})` };
    }
    const ext = rel.slice(rel.lastIndexOf('.') + 1).toLowerCase();
    const check = TYPES[ext]!;
    if (check === 'svg') {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return { reason: 'the SVG is not UTF-8 text' };
      }
      if (!/<svg[\s>]/i.test(text)) return { reason: 'the file is not an SVG image' };
      const bad = SVG_UNSAFE.exec(text);
      if (bad) return { reason: `the SVG holds "${bad[0].trim()}" (script, event handlers and external references are not copied)` };
    } else if (!check(bytes)) return { reason: `the file's content is not a ${ext.toUpperCase()} image` };
    return { bytes };
  }

  private listing(dirUri: string, layer: Layer): Promise<Map<string, FileKind> | undefined> {
    let p = this.listings.get(dirUri);
    if (!p) {
      p = layer.workspace.readDirectory(dirUri).then((entries) => new Map(entries), () => undefined);
      this.listings.set(dirUri, p);
    }
    return p;
  }
}

/** The warning for an image (or a link to one) that is not copied. */
export function notCopied(src: string, reason: string, link: boolean): string {
  return `${link ? 'link to image' : 'image'} "${src}" is not copied into the site: ${reason}; ${link ? 'it is shown as text' : 'its alt text is shown instead'}`;
}

/** `src` of an <img> on the page at `pagePath` -> the site path it names, or undefined if external. */
export function imageSitePath(pagePath: string, src: string): string | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return undefined;
  try {
    return decodeURIComponent(new URL(src, `http://site/${pagePath}`).pathname.slice(1));
  } catch {
    return undefined;
  }
}

/** Images (and links to images) whose file could not be copied: alt text, or the link's text. */
export function dropImages(tree: HastRoot | { type: 'root'; children: ElementContent[] }, pagePath: string, failed: Set<string>): void {
  if (!failed.size) return;
  walkElements(tree as HastRoot, (el: Element, parent, index) => {
    const attr = el.tagName === 'img' ? 'src' : el.tagName === 'a' ? 'href' : undefined;
    const value = attr && el.properties[attr];
    if (typeof value !== 'string') return undefined;
    const target = imageSitePath(pagePath, value);
    if (!target || !failed.has(target)) return undefined;
    if (el.tagName === 'a') {
      parent.children.splice(index, 1, ...el.children);
      return index;
    }
    const alt = typeof el.properties['alt'] === 'string' ? el.properties['alt'] : '';
    parent.children.splice(index, 1, { type: 'text', value: alt ? `[${alt}]` : '' });
    return index;
  });
}

/** An image moved to another page (the handout): its src re-pointed from `toPage`. */
export function repointImage(el: Element, fromPage: string, toPage: string): void {
  const src = el.properties['src'];
  if (el.tagName !== 'img' || typeof src !== 'string') return;
  const target = imageSitePath(fromPage, src);
  if (target) el.properties['src'] = relHref(toPage, target);
}
