// The systems × disciplines matrix as a self-contained HTML page for a webview. No scripts: the
// Content-Security-Policy allows only our nonce'd style, and IDs open through command links.
// Free of `vscode`, so the escaping and the CSP are unit tested.
import type { Matrix } from '../language/index';

export interface MatrixPageOptions {
  nonce: string;
  /** webview.cspSource */
  cspSource: string;
  title: (id: string) => string | undefined;
  /** A command: URI that opens the element's definition. */
  openHref: (id: string) => string;
  heading: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function matrixCsp(nonce: string, cspSource: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; img-src ${cspSource}; font-src ${cspSource};`;
}

export function renderMatrixHtml(m: Matrix, o: MatrixPageOptions): string {
  const e = escapeHtml;
  const idLink = (id: string) => {
    const t = o.title(id) ?? '';
    return `<li><a href="${e(o.openHref(id))}" title="${e(t ? `${id} · ${t}` : id)}"><span class="id">${e(id)}</span> ${e(t)}</a></li>`;
  };
  const rows = m.systems.map((s) => {
    const cells = m.disciplines.map((d) => {
      const ids = m.cells[s.key]?.[d.key] ?? [];
      return ids.length ? `<td><ul>${ids.map(idLink).join('')}</ul></td>` : '<td class="empty">empty</td>';
    });
    const total = m.disciplines.reduce((n, d) => n + (m.cells[s.key]?.[d.key]?.length ?? 0), 0);
    return `<tr><th scope="row">${e(s.title)} <span class="count">${total}</span></th>${cells.join('')}</tr>`;
  });
  const lead = m.leadership.parts
    .map((p) => `<section><h2>${e(p.title)} <span class="count">${p.ids.length}</span></h2>${p.ids.length ? `<ul class="flow">${p.ids.map(idLink).join('')}</ul>` : '<p class="empty">empty</p>'}</section>`)
    .join('');
  const unplaced = m.unplaced.length ? `<section><h2>Not placed <span class="count">${m.unplaced.length}</span></h2><ul class="flow">${m.unplaced.map(idLink).join('')}</ul></section>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${matrixCsp(o.nonce, o.cspSource).replace(/"/g, '')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(o.heading)}</title>
<style nonce="${e(o.nonce)}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--vscode-editorWidget-background); }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 2px 0; }
ul.flow li { display: inline-block; margin-right: 12px; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; }
.id { font-family: var(--vscode-editor-font-family); font-weight: 600; }
.count { opacity: 0.7; font-weight: normal; font-size: 0.9em; }
.empty { opacity: 0.6; font-style: italic; }
</style>
</head>
<body>
<h1>${e(o.heading)}</h1>
<table>
<thead><tr><th scope="col">System \\ Discipline</th>${m.disciplines.map((d) => `<th scope="col">${e(d.title)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${lead}
${unplaced}
</body>
</html>
`;
}
