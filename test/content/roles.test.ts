// Roles: every role field names a declared role, each element has exactly one accountable role,
// and the role catalogue agrees with opmodel.json and with the elements' own front matter.
import { beforeAll, describe, expect, it } from 'vitest';
import { listElements, raciMatrix, roleAssignments, type RoleConfig } from '../../language/index';
import { loadFramework, records, tablesBySection, type Doc, type Framework } from './docs';

let fw: Framework;
let roles: RoleConfig[];
let catalogue: Doc;
let byTitle: Map<string, RoleConfig>;

beforeAll(async () => {
  fw = await loadFramework();
  roles = fw.project.config.roles;
  byTitle = new Map(roles.map((r) => [r.title, r]));
  catalogue = fw.docs.find((d) => d.parsed.type === 'reference' && d.parsed.fields.get('key')?.value === 'roles')!;
});

const management = () => listElements(fw.project).filter((e) => !/^L[PC]\d/.test(e.id));
const ids = (cell: string) => [...cell.matchAll(/\b(?:CORE-[A-C]\d+|[A-Z]{2,3}\d+)\b/g)].map((m) => m[0]);

describe('role fields', () => {
  it('name declared roles only, in every document', () => {
    expect(roles.length).toBeGreaterThan(30);
    const unknown: string[] = [];
    for (const d of fw.docs) for (const a of roleAssignments(d.parsed)) if (!roles.some((r) => r.key === a.role)) unknown.push(`${d.rel}:${a.range.start.line + 1} ${a.field}: ${a.role}`);
    expect(unknown).toEqual([]);
  });

  it('give every management element exactly one accountable role', () => {
    const wrong: string[] = [];
    for (const e of management()) {
      const acc = roleAssignments(fw.project.index.docs.get(e.location.uri)!).filter((a) => a.field === 'accountable');
      if (acc.length !== 1) wrong.push(`${e.id}: ${acc.map((a) => a.role).join(', ') || 'none'}`);
    }
    expect(management()).toHaveLength(82);
    expect(wrong).toEqual([]);
  });

  it('never name the same role twice on one element for the same letter, nor the accountable role as responsible', () => {
    const wrong: string[] = [];
    for (const e of management()) {
      const as = roleAssignments(fw.project.index.docs.get(e.location.uri)!);
      const seen = new Set<string>();
      for (const a of as) {
        if (seen.has(`${a.field}:${a.role}`)) wrong.push(`${e.id}: ${a.role} twice in ${a.field}`);
        seen.add(`${a.field}:${a.role}`);
      }
      const acc = as.find((a) => a.field === 'accountable')?.role;
      if (as.some((a) => a.field === 'responsible' && a.role === acc)) wrong.push(`${e.id}: ${acc} is accountable and responsible`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the role catalogue', () => {
  const roleRows = () => {
    const out: ({ line: number } & Record<string, string>)[] = [];
    for (const [section, tables] of tablesBySection(catalogue)) {
      if (!/roles$/i.test(section)) continue;
      for (const t of tables) out.push(...records(t));
    }
    return out;
  };

  it('lists every declared role once, under its title from opmodel.json', () => {
    const titles = roleRows().map((r) => r['Role']!);
    expect([...titles].sort()).toEqual(roles.map((r) => r.title).sort());
  });

  it('says which elements each role is accountable for, exactly as the elements say it', () => {
    const m = raciMatrix(fw.project);
    const wrong: string[] = [];
    for (const r of roleRows()) {
      const role = byTitle.get(r['Role']!)!;
      const claimed = /^none\b/.test(r['Accountable for']!) ? [] : ids(r['Accountable for']!);
      const actual = m.byRole[role.key]?.A ?? [];
      if ([...claimed].sort().join() !== [...actual].sort().join()) wrong.push(`${r['Role']} (line ${r.line}): catalogue ${claimed.join(', ') || 'none'}, front matter ${actual.join(', ') || 'none'}`);
      // "none; responsible for UM1 and consulted on OM2": those claims hold too.
      for (const [, verb, list] of r['Accountable for']!.matchAll(/\b(responsible for|consulted on|informed on)\s+(.+?)(?=,? and (?:responsible|consulted|informed)\b|,? (?:responsible|consulted|informed) (?:for|on)\b|;|$)/g)) {
        const letter = ({ 'responsible for': 'R', 'consulted on': 'C', 'informed on': 'I' } as const)[verb as 'responsible for'];
        for (const id of ids(list!)) if (!(m.byRole[role.key]?.[letter] ?? []).includes(id)) wrong.push(`${r['Role']}: not ${verb} ${id} in front matter`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('counts, for every job on a small, medium and large account, the elements its roles answer for', () => {
    const m = raciMatrix(fw.project);
    const count = (title: string) => m.byRole[byTitle.get(title)?.key ?? '']?.A.length ?? NaN;
    const wrong: string[] = [];
    let jobs = 0;
    for (const [section, tables] of tablesBySection(catalogue)) {
      if (!/account$/i.test(section)) continue;
      for (const r of records(tables[0]!)) {
        jobs++;
        const held = r['Roles held']!.split(',').map((s) => s.trim());
        for (const h of held) if (!byTitle.has(h)) wrong.push(`${section}, ${r['Job']}: "${h}" is not a role`);
        const sum = held.reduce((n, h) => n + count(h), 0);
        if (sum !== Number(r['Elements accountable'])) wrong.push(`${section}, ${r['Job']}: the roles held answer for ${sum} elements, the catalogue says ${r['Elements accountable']}`);
      }
    }
    expect(jobs).toBeGreaterThan(25);
    expect(wrong).toEqual([]);
  });

  it('on a small and a medium account, gives every element a job (each role held once, none left over)', () => {
    const m = raciMatrix(fw.project);
    for (const section of ['Small account', 'Medium account']) {
      const held = records(tablesBySection(catalogue).get(section)![0]!).flatMap((r) => r['Roles held']!.split(',').map((s) => s.trim()));
      expect(new Set(held).size, `${section}: a role held by two jobs`).toBe(held.length);
      const covered = held.flatMap((t) => m.byRole[byTitle.get(t)!.key]?.A ?? []);
      const missing = management().map((e) => e.id).filter((id) => !covered.includes(id));
      // A single site has no use for UM9 Global Delivery Management.
      expect(missing, section).toEqual(section === 'Small account' ? ['UM9'] : []);
    }
  });
});
