// Text from the repository (titles, file names) as it may be printed: one line, no control
// characters in a terminal; inert in Markdown (no links, images, HTML, mentions or table
// breaks). Every user-supplied string the diff prints goes through here.
import { neutralise } from '../neutralise';

/** For a terminal or a log: the CLI's one neutralising function (see cli/neutralise.ts). */
export const plain = (s: string): string => neutralise(s);

/**
 * For Markdown (a table cell, a PR comment): the punctuation that could start a link, an image,
 * HTML, an entity, code or emphasis is escaped; a pipe cannot end the cell; "@name" and "#12"
 * cannot notify anyone or link an issue, and "https://..." or "www." does not become a link
 * (a zero-width space breaks each).
 */
export function md(s: string): string {
  return plain(s)
    .replace(/[\\`*_{}[\]<>|~&]/g, '\\$&')
    .replace(/([@#])/g, '$1\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (m) => m.slice(0, 3) + '\u200b.');
}

/** A Markdown link whose text is escaped and whose target has every path segment encoded. */
export function mdLink(text: string, href: string | undefined): string {
  return href ? `[${md(text)}](${href})` : md(text);
}

export function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** A Markdown code span: backticks cannot close it, a pipe cannot end a table cell. */
export function mdCode(s: string): string {
  return '`' + plain(s).replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
}
