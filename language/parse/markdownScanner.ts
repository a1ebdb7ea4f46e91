// A single-pass scanner that finds the parts of a Markdown body that are not prose: code
// (fenced, indented, spans), HTML (blocks, tags, comments), autolinks, bare URLs, e-mail
// addresses, link destinations and reference labels. IDs are only looked for outside them.
// It follows CommonMark's block and inline rules for exactly these constructs; the test suite
// checks it against remark (the reference parser) on fixtures and on generated documents.
// We do not run remark here because it costs ~5 ms per document, far too slow at 10,000 files.

export interface Heading {
  level: number;
  /** Offsets of the heading text, without the #s and the closing sequence. */
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
}

export interface ScanResult {
  /** Sorted, non-overlapping [start, end) pairs of non-prose text, flattened. */
  excluded: number[];
  /** HTML comments [start, end), for suppression directives. */
  comments: [number, number][];
  headings: Heading[];
  /** Destinations of inline links and link reference definitions [start, end), without <> or title. */
  links: [number, number][];
}

const HTML_BLOCK_TAGS = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul').split(' '),
);
const ATTR = `(?:\\s+[A-Za-z_:][\\w.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^']*'|"[^"]*"))?)`;
const OPEN_TAG = `<[A-Za-z][A-Za-z0-9-]*${ATTR}*\\s*\\/?>`;
const CLOSE_TAG = `<\\/[A-Za-z][A-Za-z0-9-]*\\s*>`;
// Processing instructions, declarations and CDATA are matched by hand (see htmlUntil): a lazy
// regex would rescan to the end of the text for every unclosed "<?", a quadratic cost.
const INLINE_TAG = new RegExp(`${OPEN_TAG}|${CLOSE_TAG}`, 'y');
const HTML7_LINE = new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})[ \\t]*$`);
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const INLINE_SPECIAL = /[\\`<\]@]|(?:https?|ftp):\/\/|www\./gi;
const BARE_URL = /(?:(?:https?|ftp):\/\/|www\.)[^\s<]*/iy;
const EMAIL_DOMAIN = /[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/y;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const LINK_DEF = /^\[(?:[^\]\\]|\\.)+\]:/;
const ATX = /^(#{1,6})(?=[ \t]|$)/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

interface Fence {
  ch: string;
  len: number;
  quoteDepth: number;
  indent: number;
}

interface HtmlBlock {
  /** Closes at a blank line (null) or at the first line that matches. */
  end: RegExp | null;
  quoteDepth: number;
  /** Content column of the list item holding it; a less indented line closes the item. */
  indent: number;
}

const isSpace = (c: number) => c === 32 || c === 9;

export function scanMarkdown(text: string, from: number): ScanResult {
  const excluded: number[] = [];
  const comments: [number, number][] = [];
  const headings: Heading[] = [];
  const links: [number, number][] = [];
  const exclude = (s: number, e: number) => {
    if (e <= s) return;
    const n = excluded.length;
    if (n && excluded[n - 1]! >= s) {
      if (excluded[n - 1]! < e) excluded[n - 1] = e;
      return;
    }
    excluded.push(s, e);
  };

  let fence: Fence | null = null;
  let html: HtmlBlock | null = null;
  let inParagraph = false;
  let prevBlank = true;
  let prevDepth = 0;
  /** Quote depth of the open paragraph: its lazy lines may drop the markers. */
  let paraDepth = 0;
  /** The previous line was a reference definition without a title: a title line may follow. */
  let titleMayFollow = false;
  /** The previous line was a reference definition: an indented line continues it as text. */
  let afterDef = false;
  let listIndent = 0;
  /** Content columns of the open list items, innermost last; listIndent is the top. */
  const items: number[] = [];
  const leaveTo = (col: number) => {
    while (items.length && items[items.length - 1]! > col) items.pop();
    listIndent = items[items.length - 1] ?? 0;
  };
  let runStart = -1;
  let runEnd = -1;
  const flushRun = () => {
    if (runStart >= 0) scanInline(text, runStart, runEnd, exclude, comments, links);
    runStart = runEnd = -1;
  };
  /** Start of the last line added to the run: a table's header row, if a delimiter row follows. */
  let lastLineStart = -1;
  /** Inside a GFM table: every row is an inline context of its own. */
  let inTable = false;
  /** The last prose line was a lazy continuation (of a list item or a quote): no table header. */
  let lastLineLazy = false;
  const addProse = (s: number, e: number) => {
    if (runStart < 0) runStart = s;
    runEnd = e;
    lastLineStart = s;
  };

  let ls = from;
  const n = text.length;
  while (ls < n || (ls === n && ls === from && n > from)) {
    let le = ls;
    while (le < n && text.charCodeAt(le) !== 10 && text.charCodeAt(le) !== 13) le++;
    let next = le;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10 && (next === le || text.charCodeAt(le) === 13)) next++;
    if (next === le) next = le + 1;

    // Block-quote markers.
    let p = ls;
    let depth = 0;
    for (;;) {
      let q = p;
      while (q < le && q - p < 3 && text.charCodeAt(q) === 32) q++;
      if (text.charCodeAt(q) !== 62 /* > */ || q >= le) break;
      p = q + 1;
      if (isSpace(text.charCodeAt(p))) p++;
      depth++;
    }
    let indent = 0;
    let c0 = p;
    while (c0 < le && isSpace(text.charCodeAt(c0))) {
      indent += text.charCodeAt(c0) === 9 ? 4 - (indent % 4) : 1;
      c0++;
    }
    const blank = c0 >= le;
    const rest = text.slice(c0, le);
    // A block quote starting here interrupts a paragraph; left of an item's content it closes the item.
    if (depth > (inParagraph ? paraDepth : prevDepth) && !fence && !html) {
      flushRun();
      inTable = false;
      inParagraph = false;
      const col = text.indexOf('>', ls) - ls;
      if (col < listIndent) leaveTo(col);
    }
    prevDepth = depth;

    if (fence) {
      const containerClosed = depth < fence.quoteDepth || (!blank && fence.indent > 0 && indent < fence.indent);
      if (!containerClosed) {
        exclude(ls, le);
        // A ">" deeper than the fence's own quote is code text, not a quote marker.
        if (!blank && depth === fence.quoteDepth && indent - fence.indent < 4) {
          const run = /^(`+|~+)[ \t]*$/.exec(rest);
          if (run && run[1]![0] === fence.ch && run[1]!.length >= fence.len) fence = null;
        }
        ls = next;
        continue;
      }
      fence = null;
      if (!blank && indent < listIndent) leaveTo(indent);
    }
    if (html) {
      const dedent = !blank && html.indent > 0 && indent < html.indent;
      if (dedent) leaveTo(indent);
      if (depth < html.quoteDepth || (html.end === null && blank) || dedent) html = null;
      else {
        exclude(ls, le);
        if (html.end && html.end.test(text.slice(p, le))) html = null;
        ls = next;
        continue;
      }
    }
    if (blank) {
      flushRun();
      inParagraph = false;
      titleMayFollow = false;
      afterDef = false;
      inTable = false;
      prevBlank = true;
      ls = next;
      continue;
    }
    if (listIndent > 0 && prevBlank && indent < listIndent && !LIST_MARKER.test(rest)) leaveTo(indent);

    const titleLine = titleMayFollow && /^(?:"[^"]*"|'[^']*'|\([^)]*\))[ \t]*$/.test(rest);
    titleMayFollow = false;
    const wasDef = afterDef;
    afterDef = false;
    if (titleLine) {
      exclude(ls, le);
      afterDef = true;
      ls = next;
      continue;
    }

    // Indented code: four columns past the container, not continuing a paragraph.
    if (indent - listIndent >= 4 && !inParagraph && !wasDef) {
      flushRun();
      inTable = false;
      exclude(ls, le);
      prevBlank = false;
      ls = next;
      continue;
    }
    // Four columns in, inside a paragraph: a continuation line, whatever it looks like.
    if (indent - listIndent >= 4) {
      addProse(c0, le);
      inParagraph = true;
      prevBlank = false;
      ls = next;
      continue;
    }

    // List item markers; the item's own content is then examined like a line of its own.
    let q = c0;
    let itemIndent = indent;
    for (let guard = 0; guard < 10; guard++) {
      const mk = LIST_MARKER.exec(text.slice(q, Math.min(le, q + 12)));
      if (!mk || /^[-*]/.test(mk[0]) && /^([-*])[ \t]*\1[ \t]*\1[ \t]*$/.test(text.slice(q, le).trimEnd())) break;
      let r = q + mk[0].length;
      let w = 0;
      while (r < le && isSpace(text.charCodeAt(r)) && w < 5) { r++; w++; }
      const contentCol = itemIndent + mk[0].length + (w >= 5 || r >= le ? 1 : w);
      leaveTo(itemIndent);
      items.push(contentCol);
      listIndent = contentCol;
      itemIndent = contentCol;
      q = r >= le ? le : (w >= 5 ? q + mk[0].length + 1 : r);
      flushRun();
      inParagraph = false;
      inTable = false;
    }
    const content = text.slice(q, le);
    // A block that starts left of the item's content column closes the item (no lazy line).
    const leavesItem = q === c0 && indent < listIndent;
    if (leavesItem && !inParagraph) leaveTo(indent);
    // Left of the item but four columns into the outer container: a lazy continuation line.
    if (leavesItem && inParagraph && indent - (items.filter((c) => c <= indent).pop() ?? 0) >= 4) {
      addProse(c0, le);
      prevBlank = false;
      ls = next;
      continue;
    }
    const fo = FENCE_OPEN.exec(content);
    if (fo && !(fo[1]![0] === '`' && fo[2]!.includes('`'))) {
      flushRun();
      if (leavesItem) leaveTo(indent);
      exclude(ls, le);
      fence = { ch: fo[1]![0]!, len: fo[1]!.length, quoteDepth: depth, indent: listIndent };
      inParagraph = false;
      inTable = false;
      prevBlank = false;
      ls = next;
      continue;
    }
    if (content.charCodeAt(0) === 60 /* < */) {
      // After a definition the paragraph it was read from goes on: a type 7 tag cannot start a block.
      const block = htmlBlockStart(content, inParagraph || wasDef);
      if (block !== undefined) {
        flushRun();
        if (leavesItem) leaveTo(indent);
        exclude(ls, le);
        const commentStart = content.startsWith('<!--') ? q : -1;
        if (block === null || !block.test(content.slice(1))) html = { end: block, quoteDepth: depth, indent: listIndent };
        if (commentStart >= 0) recordBlockComment(text, commentStart, comments);
        inParagraph = false;
        inTable = false;
        prevBlank = false;
        ls = next;
        continue;
      }
    }
    // GFM footnote definitions may interrupt a paragraph or a table; a reference definition may
    // not (in a table, such a line is a row).
    const def = (inParagraph || inTable) && !content.startsWith('[^') ? null : LINK_DEF.exec(content);
    if (def) {
      flushRun();
      prevBlank = false;
      if (def[0].startsWith('[^')) {
        // A GFM footnote definition: the label is not prose, the note after it is. Like a list
        // item, it holds the lines indented four columns past its start.
        exclude(q, q + def[0].length);
        leaveTo(indent);
        items.push(indent + 4);
        listIndent = indent + 4;
        addProse(q + def[0].length, le);
        inParagraph = true;
        inTable = false;
        paraDepth = depth;
      } else {
        exclude(ls, le);
        afterDef = true;
        titleMayFollow = /^[ \t]*\S+[ \t]*$/.test(content.slice(def[0].length));
        const dest = destination(text, q + def[0].length, le);
        if (dest) links.push(dest);
      }
      ls = next;
      continue;
    }
    // A thematic break, or a setext underline, ends the paragraph: what follows starts afresh.
    if (THEMATIC.test(content) || (inParagraph && /^(?:=+|-+)[ \t]*$/.test(content))) {
      flushRun();
      if (leavesItem && THEMATIC.test(content)) leaveTo(indent);
      inParagraph = false;
      inTable = false;
      prevBlank = false;
      ls = next;
      continue;
    }
    const atx = ATX.exec(content);
    if (atx) {
      flushRun();
      if (leavesItem) leaveTo(indent);
      let s = q + atx[1]!.length;
      let e = le;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      const closing = /(?:^|[ \t])#+$/.exec(text.slice(s, e));
      if (closing) { e = s + closing.index; while (e > s && isSpace(text.charCodeAt(e - 1))) e--; }
      headings.push({ level: atx[1]!.length, start: s, end: e, lineStart: ls, lineEnd: le });
      scanInline(text, s, e, exclude, comments, links);
      inParagraph = false;
      inTable = false;
      prevBlank = false;
      ls = next;
      continue;
    }
    const lazy = inParagraph && (leavesItem || depth < paraDepth);
    if (inParagraph && !inTable && !lazy && !lastLineLazy && runStart >= 0 && TABLE_DELIMITER.test(content) && text.slice(lastLineStart, runEnd).includes('|')) {
      // A delimiter row turns the previous line into a table header, cut off from the paragraph.
      const header = lastLineStart;
      const headerEnd = runEnd;
      if (header > runStart) scanInline(text, runStart, header, exclude, comments, links);
      scanRow(text, header, headerEnd, exclude, comments, links);
      runStart = runEnd = -1;
      inTable = true;
      // A table is no paragraph: an indented line after it is code.
      inParagraph = false;
      prevBlank = false;
      ls = next;
      continue;
    }
    if (inTable) {
      scanRow(text, q, le, exclude, comments, links);
      prevBlank = false;
      ls = next;
      continue;
    }
    if (!inParagraph) paraDepth = depth;
    lastLineLazy = lazy;
    addProse(q, le);
    inParagraph = true;
    prevBlank = false;
    ls = next;
  }
  flushRun();
  return { excluded, comments, headings, links };
}

/** A table row: GFM splits cells at unescaped pipes first, so no code span crosses a cell. */
function scanRow(text: string, start: number, end: number, exclude: (s: number, e: number) => void, comments: [number, number][], links: [number, number][]) {
  let cell = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 124 /* | */) {
      if (i > cell) scanInline(text, cell, i, exclude, comments, links);
      cell = i + 1;
    }
  }
  if (end > cell) scanInline(text, cell, end, exclude, comments, links);
}

function recordBlockComment(text: string, start: number, comments: [number, number][]) {
  const end = text.indexOf('-->', start + 4);
  comments.push([start, end < 0 ? text.length : end + 3]);
}

/** The end condition of an HTML block starting on this line, or undefined when none starts. */
function htmlBlockStart(line: string, inParagraph: boolean): RegExp | null | undefined {
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(line)) return /<\/(?:script|pre|style|textarea)>/i;
  if (line.startsWith('<!--')) return /-->/;
  if (line.startsWith('<?')) return /\?>/;
  if (line.startsWith('<![CDATA[')) return /\]\]>/;
  if (/^<![A-Za-z]/.test(line)) return />/;
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[\s>]|\/>|$)/.exec(line);
  if (tag && HTML_BLOCK_TAGS.has(tag[1]!.toLowerCase())) return null;
  if (!inParagraph && HTML7_LINE.test(line)) return null;
  return undefined;
}

function scanInline(
  text: string,
  start: number,
  end: number,
  exclude: (s: number, e: number) => void,
  comments: [number, number][],
  links: [number, number][],
): void {
  let i = start;
  const special = INLINE_SPECIAL;
  const run = text.slice(start, end);
  // Hostile text (a 1 MB line of unclosed "<!--", "](" or "`` ` ```") must cost linear time:
  // closers are looked up with a cache, backtick runs are indexed once, and link
  // destinations share a budget of scanning steps.
  const find = forwardFinder(run, start);
  let ticks: Map<number, number[]> | undefined;
  const budget = { steps: 16 * (end - start) + 65536 };
  while (i < end) {
    // Searched in this run only: on the whole text, every short run would scan on to the next
    // special character anywhere below it (10,000 list items cost 30 s).
    special.lastIndex = i - start;
    const m = special.exec(run);
    if (!m) return;
    i = start + m.index;
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (c === 96 /* ` */) {
      let n = 1;
      while (text.charCodeAt(i + n) === 96) n++;
      ticks ??= backtickRuns(run, start);
      const close = firstAtOrAfter(ticks.get(n), i + n);
      if (close >= 0) {
        exclude(i, close + n);
        i = close + n;
      } else i += n;
      continue;
    }
    if (c === 60 /* < */) {
      if (text.startsWith('<!--', i)) {
        const close = text.startsWith('<!-->', i) ? i + 2 : text.startsWith('<!--->', i) ? i + 3 : find('-->', i + 4);
        if (close >= 0 && close + 3 <= end) {
          exclude(i, close + 3);
          comments.push([i, close + 3]);
          i = close + 3;
          continue;
        }
      }
      let len = -1;
      for (const re of [AUTOLINK, INLINE_TAG]) {
        re.lastIndex = i;
        const t = re.exec(text);
        if (t && i + t[0].length <= end) {
          len = t[0].length;
          break;
        }
        if (re === AUTOLINK) {
          const close = htmlUntil(text, i, find);
          if (close >= 0 && close <= end) {
            len = close - i;
            break;
          }
        }
      }
      if (len >= 0) {
        exclude(i, i + len);
        i += len;
      }
      if (text.charCodeAt(i) === 60) i++;
      continue;
    }
    if (c === 93 /* ] */) {
      const nx = text.charCodeAt(i + 1);
      if (nx === 40 /* ( */) {
        const close = matchParen(text, i + 1, end, budget);
        if (close >= 0) {
          exclude(i + 1, close + 1);
          const dest = destination(text, i + 2, close);
          if (dest) links.push(dest);
          i = close + 1;
          continue;
        }
      } else if (nx === 91 /* [ */) {
        const close = find(']', i + 2);
        if (close >= 0 && close < end) {
          exclude(i + 1, close + 1);
          i = close + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === 64 /* @ */) {
      let b = i;
      while (b > start && /[A-Za-z0-9._+-]/.test(text[b - 1]!)) b--;
      EMAIL_DOMAIN.lastIndex = i + 1;
      const d = EMAIL_DOMAIN.exec(text);
      if (b < i && d && i + 1 + d[0].length <= end) {
        exclude(b, i + 1 + d[0].length);
        i += 1 + d[0].length;
      } else i++;
      continue;
    }
    // A bare URL (GFM autolink literal) starts at a word boundary.
    const prev = i > start ? text.charCodeAt(i - 1) : 32;
    if (/[A-Za-z0-9]/.test(String.fromCharCode(prev))) {
      i++;
      continue;
    }
    BARE_URL.lastIndex = i;
    const u = BARE_URL.exec(text);
    if (!u) {
      i++;
      continue;
    }
    let e = Math.min(i + u[0].length, end);
    while (e > i && /[?!.,:*_~'"]/.test(text[e - 1]!)) e--;
    exclude(i, e);
    i = Math.max(e, i + 1);
  }
}

/** Text offsets (run offset + `base`) of the maximal backtick runs in `run`, by run length. */
function backtickRuns(run: string, base: number): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  for (let j = run.indexOf('`'); j >= 0; j = run.indexOf('`', j)) {
    let k = j;
    while (run.charCodeAt(k) === 96) k++;
    const list = runs.get(k - j);
    if (list) list.push(base + j);
    else runs.set(k - j, [base + j]);
    j = k;
  }
  return runs;
}

function firstAtOrAfter(sorted: number[] | undefined, from: number): number {
  if (!sorted) return -1;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : -1;
}

/**
 * indexOf within one run (text offsets in and out), for callers whose `from` never decreases:
 * each needle's answer is reused until passed, and no search leaves the run.
 */
function forwardFinder(run: string, base: number): (needle: string, from: number) => number {
  const found = new Map<string, { from: number; at: number }>();
  return (needle, from) => {
    const f = found.get(needle);
    if (f && f.from <= from && (f.at < 0 || f.at >= from)) return f.at;
    const r = run.indexOf(needle, from - base);
    const at = r < 0 ? -1 : base + r;
    found.set(needle, { from, at });
    return at;
  };
}

/** End offset of an inline processing instruction, declaration or CDATA section at `i`, or -1. */
function htmlUntil(text: string, i: number, find: (needle: string, from: number) => number): number {
  if (text.startsWith('<?', i)) {
    const c = find('?>', i + 2);
    return c < 0 ? -1 : c + 2;
  }
  if (text.startsWith('<![CDATA[', i)) {
    const c = find(']]>', i + 9);
    return c < 0 ? -1 : c + 3;
  }
  if (text.charCodeAt(i + 1) === 33 /* ! */ && /[A-Za-z]/.test(text.charAt(i + 2))) {
    const c = find('>', i + 3);
    return c < 0 ? -1 : c + 1;
  }
  return -1;
}

/** The destination at the start of text[from, to): `<dest>` or text up to a space, or undefined. */
function destination(text: string, from: number, to: number): [number, number] | undefined {
  let s = from;
  while (s < to && isSpace(text.charCodeAt(s))) s++;
  if (text.charCodeAt(s) === 60 /* < */) {
    const close = text.indexOf('>', s + 1);
    return close > s + 1 && close < to ? [s + 1, close] : undefined;
  }
  let e = s;
  while (e < to && !isSpace(text.charCodeAt(e)) && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return e > s ? [s, e] : undefined;
}

/** Index of the `)` closing the link destination that opens at `open`, or -1. */
function matchParen(text: string, open: number, end: number, budget: { steps: number }): number {
  let depth = 0;
  let inAngle = false;
  for (let i = open; i < end; i++) {
    if (--budget.steps < 0) return -1;
    const c = text.charCodeAt(i);
    if (c === 92) { i++; continue; }
    if (c === 10 || c === 13) {
      // A destination may wrap only inside a title; give up on a blank line.
      if (/^\r?\n[ \t]*\r?\n/.test(text.slice(i, i + 4))) return -1;
      continue;
    }
    if (inAngle) { if (c === 62) inAngle = false; continue; }
    if (c === 60 && i === open + 1) { inAngle = true; continue; }
    if (c === 40) depth++;
    else if (c === 41) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
