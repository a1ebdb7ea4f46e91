// Output formats of `opmodel matrix --raci`: roles × elements, with the letters A, R, C, I.
import type { RaciLetter, RaciMatrix } from '../language/index';
import { neutralise, safeJson } from './neutralise';

const LETTERS: RaciLetter[] = ['A', 'R', 'C', 'I'];
const cell = (m: RaciMatrix['rows'][number], role: string) => (m.cells[role] ?? []).slice().sort((a, b) => LETTERS.indexOf(a) - LETTERS.indexOf(b)).join('/');
const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
// Titles, keys and IDs come from files: through the CLI's one neutralising function.
const plain = neutralise;

export function raciJson(m: RaciMatrix): string {
  return safeJson({
    roles: m.roles,
    rows: m.rows.map((r) => ({ id: r.id, title: r.title, cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, [...v].sort((a, b) => LETTERS.indexOf(a) - LETTERS.indexOf(b))])) })),
  }) + '\n';
}

export function raciCsv(m: RaciMatrix): string {
  const rows = [['id', 'title', ...m.roles.map((r) => r.key)]];
  for (const r of m.rows) rows.push([r.id, r.title, ...m.roles.map((role) => cell(r, role.key))]);
  return rows.map((r) => r.map((c) => csvCell(plain(c))).join(',')).join('\n') + '\n';
}

export function raciMarkdown(m: RaciMatrix): string {
  const esc = (s: string) => plain(s).replace(/[|\\`*_[\]<>]/g, '\\$&');
  const lines = [`| Element | ${m.roles.map((r) => esc(r.title)).join(' | ')} |`, `| --- |${m.roles.map(() => ' :-: |').join('')}`];
  for (const r of m.rows) lines.push(`| ${esc(r.id)} ${esc(r.title)} | ${m.roles.map((role) => cell(r, role.key)).join(' | ')} |`);
  lines.push('', 'A accountable · R responsible · C consulted · I informed');
  return lines.join('\n') + '\n';
}

/** One block per role: on a terminal a 50-column grid is unreadable, a list per letter is not. */
export function raciText(m: RaciMatrix): string {
  if (!m.rows.length) return 'No element names a role in accountable, responsible, consulted or informed.\n';
  const out = [`${m.roles.length} role${m.roles.length === 1 ? '' : 's'} × ${m.rows.length} element${m.rows.length === 1 ? '' : 's'} (A accountable, R responsible, C consulted, I informed)`, ''];
  for (const role of m.roles) {
    const by = m.byRole[role.key]!;
    const counts = LETTERS.map((l) => `${l} ${by[l].length}`).join(' · ');
    out.push(`${plain(role.title)} (${plain(role.key)})${role.declared ? '' : ' — not declared in opmodel.json'}: ${counts}`);
    for (const l of LETTERS) if (by[l].length) out.push(`  ${l}  ${by[l].map(plain).join(' ')}`);
    out.push('');
  }
  return out.join('\n');
}
