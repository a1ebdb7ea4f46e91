// `opmodel diff --format text`: a summary line, then one section per kind of change, each line
// starting with file:line as compilers print it, so that terminals and editors link it.
import type { DiffReport, Where } from './diffReport';
import { summaryLine } from './diffReport';
import { plain } from './printable';

export function sideLabel(s: DiffReport['base']): string {
  if (s.kind === 'merge-base') return `${s.name} (merge base ${s.commit!.slice(0, 12)})`;
  if (s.kind === 'revision') return `${s.name} (${s.commit!.slice(0, 12)})`;
  return s.name;
}

export function formatDiffText(r: DiffReport, placeOf: (system: string | null, discipline: string | null) => string): string {
  const out: string[] = [];
  out.push(`opmodel diff: ${plain(r.root === '.' ? './' : r.root + '/')} from ${plain(sideLabel(r.base))} to ${plain(sideLabel(r.head))}`);
  out.push(summaryLine(r));
  for (const n of r.notes) out.push(`note: ${plain(n)}`);
  const loc = (w: Where) => `${plain(w.file)}:${w.line}`;
  const title = (id: string) => plain(r.elements[id]?.title ?? '');
  const section = (name: string, lines: string[]) => {
    if (lines.length) out.push('', `${name}:`, ...lines.map((l) => `  ${l}`));
  };
  section('Broken references', r.broken.map((b) => `${loc(b)}:${b.column}: ${plain(b.id)}${b.field ? ` in ${plain(b.field)}` : ''} ${b.reason === 'renamed' ? `was renamed to ${plain(b.renamedTo ?? '')}` : 'was removed'}`));
  section('Review suggested', r.impact.map((i) => `${loc(i)}: ${plain(i.id)} · ${plain(i.title)} — ${i.reasons.map((x) => reasonText(x, plain, plain)).join('; ')}, which changed${i.inChange ? ' (itself changed here too)' : ''}`));
  section('Added', r.added.map((id) => `${loc(r.elements[id]!.head!)}: ${plain(id)} · ${title(id)} (${plain(placeOf(r.elements[id]!.system, r.elements[id]!.discipline))})`));
  section('Removed', r.removed.map((id) => `${loc(r.elements[id]!.base!)}: ${plain(id)} · ${title(id)} (at base)`));
  section('Renamed', r.renamed.map((x) => `${loc(x)}: ${plain(x.from)} → ${plain(x.to)} · ${title(x.to)} (${x.because === 'same-file' ? 'same file' : `same title and text, was ${plain(x.fromFile)}`})`));
  section('Retitled', r.retitled.map((x) => `${loc(x)}: ${plain(x.id)} "${plain(x.from)}" → "${plain(x.to)}"`));
  section('Moved', r.moved.map((x) => `${loc(x)}: ${plain(x.id)} · ${title(x.id)}: ${plain(placeOf(x.from.system, x.from.discipline))} → ${plain(placeOf(x.to.system, x.to.discipline))}`));
  section('Relations', r.relations.map((x) => `${loc(x)}: ${plain(x.id)} ${plain(x.field)} ${[...x.added.map((i) => `+${plain(i)}`), ...x.removed.map((i) => `-${plain(i)}`)].join(' ')}`));
  section('Changed', r.changed.map((x) => `${loc(x)}: ${plain(x.id)} · ${title(x.id)} (${changedParts(x).map(plain).join(', ')})`));
  section('References fixed', r.fixed.map((f) => `${loc(f)}:${f.column}: ${plain(f.id)} ${f.reason === 'defined' ? 'is now defined' : 'reference taken out (at base)'}`));
  return out.join('\n') + '\n';
}

export function changedParts(c: { fields: string[]; body: boolean }): string[] {
  return [...c.fields, ...(c.body ? ['text'] : [])];
}

/** "depends on FLM3", "mentions FLM3", "lists FLM3 in related". */
export function reasonText(x: { id: string; via: string }, id: (s: string) => string, field: (s: string) => string): string {
  if (x.via === 'depends_on') return `depends on ${id(x.id)}`;
  if (x.via === 'text') return `mentions ${id(x.id)}`;
  return `lists ${id(x.id)} in ${field(x.via)}`;
}
