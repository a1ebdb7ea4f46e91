// The site's stylesheet and search script, written as files next to the pages (no inline code,
// so a strict Content-Security-Policy holds, and everything works from file:// too).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const CSS = `:root {
  --fg: #1d2330; --muted: #5b6475; --bg: #fff; --soft: #f4f6fa; --line: #d9dee8;
  --accent: #1f5fae; --accent-soft: #e7effa; --warn: #a33a12;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.55; font-size: 16px; }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .6rem 1.5rem;
  background: var(--soft); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
.brand { font-weight: 700; color: var(--fg); }
.brand-subtitle { display: block; font-weight: 400; font-size: .8rem; color: var(--muted); }
.subtitle { color: var(--muted); font-size: 1.1rem; margin-top: -.6rem; }
.tailoring-note { border-left: 4px solid var(--accent); background: var(--accent-soft); padding: .5rem .9rem; border-radius: 4px; }
.site-nav { display: flex; gap: 1rem; }
.search { position: relative; margin-left: auto; }
.search input { width: 18rem; max-width: 70vw; padding: .35rem .6rem; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
.search-results { position: absolute; right: 0; top: 2.3rem; width: 26rem; max-width: 90vw; margin: 0; padding: .25rem 0;
  list-style: none; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 6px 20px rgba(0,0,0,.12); }
.search-results li a { display: block; padding: .35rem .75rem; color: var(--fg); }
.search-results li a:hover, .search-results li a:focus, .search-results li.active a { background: var(--accent-soft); text-decoration: none; }
.search-results .hit-id { font-weight: 600; color: var(--accent); margin-right: .4rem; }
.search-results .hit-summary { display: block; color: var(--muted); font-size: .85em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.search-results .none { padding: .35rem .75rem; color: var(--muted); }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
main.wide { max-width: none; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 1.8rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; vertical-align: top; text-align: left; }
thead th { background: var(--soft); }
code { background: var(--soft); padding: .05rem .3rem; border-radius: 4px; font-size: .92em; }
pre { background: var(--soft); padding: .8rem 1rem; overflow-x: auto; border-radius: 6px; }
pre code { background: none; padding: 0; }
.summary { color: var(--muted); font-size: 1.05rem; }
.card { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; background: var(--soft); padding: .9rem 1.2rem; margin: 0 0 1.5rem; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.2rem; margin: 0; }
.card dt { font-weight: 600; color: var(--muted); }
.card dd { margin: 0; }
.card code { background: var(--bg); border: 1px solid var(--line); }
.card ul { margin: 0; padding-left: 1.1rem; }
.rel-list { list-style: none; padding: 0 !important; }
a.idref { font-weight: 600; white-space: nowrap; }
.idref.missing { color: var(--warn); font-style: normal; border-bottom: 1px dashed var(--warn); }
.t { color: var(--muted); }
.backlinks { margin-top: 2.5rem; border-top: 2px solid var(--line); }
.backlinks h2 { border: 0; }
.backlinks ul, .plain-list { list-style: none; padding: 0; }
.backlinks li, .plain-list li { margin: .2rem 0; }
.empty { color: var(--muted); font-style: italic; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .8rem; padding: 0; list-style: none; }
.tiles li { border: 1px solid var(--line); border-radius: 8px; padding: .7rem .9rem; }
.tiles li p { margin: .3rem 0 0; color: var(--muted); font-size: .92em; }
.matrix { width: 100%; table-layout: fixed; font-size: .9rem; }
.matrix thead th:first-child { width: 11rem; }
.matrix th[scope=row] { background: var(--soft); }
.matrix td ul { list-style: none; margin: 0; padding: 0; }
.matrix td li { margin: .15rem 0; line-height: 1.3; }
.matrix .count { display: block; color: var(--muted); font-weight: 400; font-size: .85em; }
.crosswalk { width: 100%; font-size: .88rem; }
.crosswalk td ul { list-style: none; margin: 0; padding: 0; }
.crosswalk td li { margin: .1rem 0; line-height: 1.3; }
.xw-item { font-weight: 600; white-space: nowrap; }
.xw-index dt { margin-top: .6rem; }
.xw-index dd { margin: .1rem 0 0 1.2rem; }
.xw-uncovered { color: var(--muted); font-size: .92em; }
.doc-body img { max-width: 100%; height: auto; }
.principle { border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; margin: .8rem 0; }
.principle h3 { margin-top: .2rem; }
.handout-element { margin-top: 2rem; }
table.measures { width: 100%; font-size: .95rem; }
table.measures td:first-child { width: 30%; font-weight: 600; }
table.measures.dictionary td:first-child { font-weight: 400; }
table.measures td:last-child { width: 18%; }
.see-also { font-size: .9em; white-space: nowrap; }
.set-with-client { color: var(--muted); font-style: italic; }
.raci-scroll { overflow-x: auto; }
table.raci { font-size: .85rem; }
table.raci th[scope=row] { position: sticky; left: 0; background: var(--bg); white-space: nowrap; }
table.raci thead th[data-role] { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 600; white-space: nowrap; }
table.raci td { text-align: center; min-width: 1.8rem; }
.raci-lists { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
.raci-lists dt { font-weight: 600; color: var(--muted); }
.raci-lists dd { margin: 0; }
footer { margin: 2rem auto; padding: 0 1.5rem; color: var(--muted); font-size: .85rem; text-align: center; }

@media print {
  @page { margin: 18mm 16mm; }
  body { font-size: 11pt; line-height: 1.45; }
  .site-header, .search, .site-nav, footer, .no-print { display: none !important; }
  main, main.wide { max-width: none; padding: 0; }
  a, a.idref { color: inherit; font-weight: inherit; text-decoration: none; }
  a[href]::after { content: none !important; }
  .card { background: none; break-inside: avoid; }
  .handout-element, .page-break { break-before: page; page-break-before: always; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, .principle, li { break-inside: avoid; }
  .matrix, .crosswalk { font-size: 8.5pt; }
  .doc-body img { break-inside: avoid; }
  .raci-scroll { overflow: visible; }
}
`;

/** Runs in the browser: loads the prebuilt MiniSearch index (a global set by search-index.js). */
export const SEARCH_JS = `(function () {
  'use strict';
  var input = document.getElementById('searchBox');
  var list = document.getElementById('searchResults');
  var data = window.OPMODEL_SEARCH;
  if (!input || !list || !data || !window.MiniSearch) return;
  var root = document.body.getAttribute('data-root') || '';
  var engine = window.MiniSearch.loadJS(data.index, data.options);
  var active = -1;
  function clear() { while (list.firstChild) list.removeChild(list.firstChild); }
  function item(hit) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = root + hit.path;
    if (hit.ref) { var id = document.createElement('span'); id.className = 'hit-id'; id.textContent = hit.ref; a.appendChild(id); }
    a.appendChild(document.createTextNode(hit.title));
    if (hit.summary) { var s = document.createElement('span'); s.className = 'hit-summary'; s.textContent = hit.summary; a.appendChild(s); }
    li.appendChild(a);
    return li;
  }
  function run() {
    var q = input.value.trim();
    clear();
    active = -1;
    if (!q) { list.hidden = true; return; }
    var hits = engine.search(q).slice(0, 12);
    if (!hits.length) { var li = document.createElement('li'); li.className = 'none'; li.textContent = 'No match for "' + q + '"'; list.appendChild(li); }
    hits.forEach(function (h) { list.appendChild(item(h)); });
    list.hidden = false;
  }
  function move(d) {
    var items = list.querySelectorAll('li a');
    if (!items.length) return;
    active = (active + d + items.length) % items.length;
    list.querySelectorAll('li').forEach(function (li, i) { li.classList.toggle('active', i === active); });
    items[active].scrollIntoView({ block: 'nearest' });
  }
  input.addEventListener('input', run);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Escape') { input.value = ''; run(); }
    else if (e.key === 'Enter') {
      var links = list.querySelectorAll('li a');
      var target = links[active < 0 ? 0 : active];
      if (target) { e.preventDefault(); window.location.href = target.href; }
    }
  });
  document.addEventListener('click', function (e) { if (!e.target.closest || !e.target.closest('.search')) list.hidden = true; });
  input.addEventListener('focus', function () { if (input.value.trim()) run(); });
})();
`;

declare const OPMODEL_MINISEARCH_UMD: string | undefined;

/** MiniSearch's own browser build, shipped with the site so that search works offline. */
export function miniSearchBrowserJs(): string {
  // Compiled into the CLI bundle (scripts/buildOptions.mjs), which must run with nothing beside it.
  if (typeof OPMODEL_MINISEARCH_UMD === 'string') return OPMODEL_MINISEARCH_UMD;
  // From sources (tests): the package exports only its module builds; the UMD build sits beside them.
  const main = createRequire(import.meta.url).resolve('minisearch');
  return readFileSync(path.join(path.dirname(main), '..', 'umd', 'index.js'), 'utf8');
}
