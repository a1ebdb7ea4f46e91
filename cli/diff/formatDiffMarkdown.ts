// `opmodel diff --format markdown`: the report a reviewer reads in a pull-request comment or in
// $GITHUB_STEP_SUMMARY. A summary line, then a table per kind of change, each row linking to the
// file at HEAD (at BASE for what was removed). Every repository string is escaped (printable.ts).
import type { DiffReport, Where } from './diffReport';
import { summaryLine } from './diffReport';
import { changedParts, reasonText, sideLabel } from './formatDiffText';
import { md, mdCode, mdLink } from './printable';

/** Rows shown per table; a PR comment holds at most 65,536 characters. */
export const MAX_ROWS = 100;

export type LinkFor = (w: Where, side: 'base' | 'head') => string | undefined;

export function formatDiffMarkdown(r: DiffReport, placeOf: (system: string | null, discipline: string | null) => string, link: LinkFor): string {
  const out: string[] = [];
  out.push('## opmodel: framework changes', '');
  out.push(`${mdCode(r.root === '.' ? './' : r.root + '/')} from **${md(sideLabel(r.base))}** to **${md(sideLabel(r.head))}**`, '');
  out.push(`**${md(summaryLine(r))}**`, '');
  for (const n of r.notes) out.push(`> ${md(n)}`, '');
  if (r.broken.length) {
    out.push('> [!CAUTION]', `> This change breaks ${r.broken.length} reference${r.broken.length === 1 ? '' : 's'}: ${r.broken.length === 1 ? 'it names an ID' : 'they name IDs'} that no longer exist${r.broken.length === 1 ? 's' : ''}.`, '');
  }
  const at = (w: Where, side: 'base' | 'head' = 'head') => mdLink(`${w.file}:${w.line}`, link(w, side));
  const title = (id: string) => md(r.elements[id]?.title ?? '');
  const el = (id: string) => `**${md(id)}** · ${title(id)}`;
  const ids = (list: string[]) => list.map(md).join(', ');
  const table = (name: string, head: string[], rows: string[][]) => {
    if (!rows.length) return;
    out.push(`### ${name} (${rows.length})`, '');
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => ' --- |').join('')}`);
    for (const row of rows.slice(0, MAX_ROWS)) out.push(`| ${row.join(' | ')} |`);
    if (rows.length > MAX_ROWS) out.push('', `_…and ${rows.length - MAX_ROWS} more: run \`opmodel diff\` for the whole list._`);
    out.push('');
  };

  table('Broken references', ['reference', 'ID', 'why'], r.broken.map((b) => [at(b), md(b.id) + (b.field ? ` in ${mdCode(b.field)}` : ''), b.reason === 'renamed' ? `renamed to **${md(b.renamedTo!)}**` : 'removed']));
  table('Review suggested', ['element', 'because', 'where'], r.impact.map((i) => [
    el(i.id) + (i.inChange ? ' _(also changed here)_' : ''),
    i.reasons.map((x) => reasonText(x, (id) => `**${md(id)}**`, mdCode)).join('; ') + ` (${becauseWhat(r, i.because)})`,
    at(i),
  ]));
  table('Added', ['ID', 'title', 'placed in', 'file'], r.added.map((id) => { const e = r.elements[id]!; return [`**${md(id)}**`, title(id), md(placeOf(e.system, e.discipline)), at(e.head!)]; }));
  table('Removed', ['ID', 'title', 'file (at base)'], r.removed.map((id) => [`**${md(id)}**`, title(id), at(r.elements[id]!.base!, 'base')]));
  table('Renamed', ['from', 'to', 'title', 'recognised by', 'file'], r.renamed.map((x) => [md(x.from), `**${md(x.to)}**`, title(x.to), x.because === 'same-file' ? 'same file' : 'same title and text', at(x)]));
  table('Retitled', ['ID', 'from', 'to', 'file'], r.retitled.map((x) => [`**${md(x.id)}**`, md(x.from), md(x.to), at(x)]));
  table('Moved', ['element', 'from', 'to', 'file'], r.moved.map((x) => [el(x.id), md(placeOf(x.from.system, x.from.discipline)), md(placeOf(x.to.system, x.to.discipline)), at(x)]));
  table('Relations', ['element', 'field', 'added', 'removed', 'file'], r.relations.map((x) => [el(x.id), mdCode(x.field), ids(x.added), ids(x.removed), at(x)]));
  table('Changed', ['element', 'what changed', 'file'], r.changed.map((x) => [el(x.id), changedParts(x).map(mdCode).join(', '), at(x)]));
  table('References fixed', ['reference', 'ID', 'how'], r.fixed.map((f) => [at(f, f.side), md(f.id), f.reason === 'defined' ? 'now defined' : 'taken out']));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** "changed: summary, text" for the elements an impact row names. */
function becauseWhat(r: DiffReport, because: string[]): string {
  const parts = because.map((id) => {
    const c = r.changed.find((x) => x.id === id);
    return c ? `${md(id)}: ${changedParts(c).map(md).join(', ')}` : md(id);
  });
  return `changed ${parts.join('; ')}`;
}
