// Every escalation, invocation and risk limit the framework states matches the thresholds table.
// The expected values are read from the table; each check says where its statements are found
// (the clauses that name the limit) and how the value is written there.
import { beforeAll, describe, expect, it } from 'vitest';
import { clauses, loadFramework, num, records, tablesBySection, where, type Clause, type Doc, type Framework } from './docs';

let fw: Framework;
let table: Doc;
let values: Map<string, string>;
let usedBy: Map<string, string[]>;

beforeAll(async () => {
  fw = await loadFramework();
  table = fw.docs.find((d) => d.parsed.type === 'reference' && d.parsed.fields.get('key')?.value === 'thresholds')!;
  values = new Map();
  usedBy = new Map();
  for (const tables of tablesBySection(table).values()) {
    for (const t of tables) {
      for (const r of records(t)) {
        values.set(r['Threshold']!, r['Value']!);
        usedBy.set(r['Threshold']!, r['Used by']!.split(',').map((s) => s.trim()));
      }
    }
  }
});

const NUMBER = String.raw`(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty|a|an)`;

interface Check {
  /** The row of the thresholds table whose value this is. */
  row: string;
  /** Which numbers of the row's Value cell are expected, in the order the pattern captures them. */
  expect: (value: string) => number[];
  /** Clauses that talk about this limit. */
  about: (c: Clause) => boolean;
  /** How a statement of the limit is written; every capture group is a number. */
  pattern: RegExp;
}

// Numbers in a Value cell: digits only, so that "a major incident" or "one critical service" count for nothing.
const numbers = (s: string) => [...s.matchAll(/(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
/** The numbers a pattern captures in the Value cell, for rows whose cell says more than one thing. */
const grab = (re: RegExp) => (v: string) => [...(re.exec(v) ?? [])].slice(1).filter((g) => g !== undefined).map(Number);
const first = (k: number) => (v: string) => numbers(v).slice(0, k);
const has = (c: Clause, ...words: RegExp[]) => words.every((w) => w.test(c.text));
const mentions = (c: Clause, id: string) => c.doc.id === id || new RegExp(`\\b${id}\\b`).test(c.text);

const CHECKS: Check[] = [
  { row: 'Operational escalation passes to the account level', expect: first(1), about: (c) => (mentions(c, 'UM14') && /escalat/i.test(c.text)) || (c.doc.id === 'OM16' && /UM14|passes|Tier 3|up\b/.test(c.text)), pattern: new RegExp(String.raw`(?:open|unresolved|still open|older than|longer than)(?:\s+(?:after|for|longer than))?\s+${NUMBER}\s+working days`, 'gi') },
  { row: 'Operational escalation acknowledged', expect: first(1), about: (c) => has(c, /escalat/i), pattern: new RegExp(String.raw`(?:acknowledged|owner)[^.;]{0,40}?within\s+${NUMBER}\s+minutes`, 'gi') },
  { row: 'Written resolution plan for an operational escalation', expect: first(1), about: (c) => has(c, /plan/i) && (mentions(c, 'OM16') || /escalation/i.test(c.text)), pattern: new RegExp(String.raw`plan within\s+${NUMBER}\s+(?:business|working) hours`, 'gi') },
  { row: 'Executive (E1) escalation acknowledged', expect: first(1), about: (c) => has(c, /\bE1\b/, /acknowledg/i), pattern: new RegExp(String.raw`acknowledged(?: by a named leader)? within\s+${NUMBER}\s+business hours`, 'gi') },
  { row: 'Major incident bridge open', expect: first(1), about: (c) => /bridge/i.test(c.text), pattern: new RegExp(String.raw`bridge (?:is )?open(?:ed)? within\s+${NUMBER}\s+minutes`, 'gi') },
  { row: 'Major incident updates', expect: first(1), about: (c) => has(c, /major incident/i, /update/i), pattern: new RegExp(String.raw`updates?(?: issued)?(?: within| every)\s+${NUMBER}\s+minutes`, 'gi') },
  { row: 'Crisis invocation', expect: grab(/(\d+) hours/), about: (c) => mentions(c, 'UM7') || /crisis/i.test(c.text), pattern: new RegExp(String.raw`(?:not restored within|beyond|longer than)\s+${NUMBER}\s+hours`, 'gi') },
  { row: 'Crisis team convened', expect: first(1), about: (c) => /crisis team/i.test(c.text), pattern: new RegExp(String.raw`convened within\s+${NUMBER}\s+minutes`, 'gi') },
  { row: 'Internal blocker raised to a department head', expect: first(1), about: (c) => /department head/i.test(c.text), pattern: new RegExp(String.raw`older than\s+${NUMBER}\s+working days go to the department head`, 'gi') },
  { row: 'Supplier passed to commercial vendor management', expect: (v) => [num(/(\w+) months running/.exec(v)![1]!)], about: (c) => has(c, /red/i, /scorecard/i), pattern: new RegExp(String.raw`${NUMBER}\s+(?:consecutive months|months running)`, 'gi') },
  { row: 'Operational risk copied to the account register', expect: first(1), about: (c) => mentions(c, 'UM11') || c.doc.id === 'OM8' || /account (?:risk )?register/i.test(c.text), pattern: new RegExp(String.raw`scor(?:e|es|ed|ing)\s+(?:of\s+)?${NUMBER}\s+or\s+(?:more|above|higher)`, 'gi') },
  { row: 'Incident restore targets', expect: grab(/P1 (\d+) hours; P2 (\d+) hours; P3 (\d+) working days; P4 (\d+) working days/), about: (c) => /\bP1\b/.test(c.text), pattern: new RegExp(String.raw`P1 (?:restore )?in\s+${NUMBER}\s+hours[^.;]*?P2 in\s+${NUMBER}\s+hours[^.;]*?P3 in\s+${NUMBER}\s+working days[^.;]*?P4 in\s+${NUMBER}`, 'gi') },
  { row: 'Service level on the watch list', expect: first(1), about: (c) => /minimum/i.test(c.text), pattern: new RegExp(String.raw`within\s+${NUMBER}\s+points of (?:its|their) (?:contractual )?minimum`, 'gi') },
  { row: 'Major incident review', expect: first(1), about: (c) => /major incident|review/i.test(c.text) && (c.doc.id === 'CORE-A1' || /CORE-A1/.test(c.text)), pattern: new RegExp(String.raw`review within\s+${NUMBER}\s+working days`, 'gi') },
  { row: 'Root cause for a major incident', expect: first(1), about: (c) => /root cause/i.test(c.text), pattern: new RegExp(String.raw`(?:root cause|identified)[^.;]{0,60}?within\s+${NUMBER}\s+working days`, 'gi') },
  { row: 'Known error published to the service desk', expect: first(1), about: (c) => /known error/i.test(c.text), pattern: new RegExp(String.raw`within\s+${NUMBER}\s+working days? of (?:being )?confirm`, 'gi') },
  { row: 'Post-crisis review', expect: first(1), about: (c) => /post-crisis/i.test(c.text), pattern: new RegExp(String.raw`post-crisis review within\s+${NUMBER}\s+working days`, 'gi') },
  { row: 'Emergency change reviewed', expect: first(1), about: (c) => /emergenc/i.test(c.text), pattern: new RegExp(String.raw`reviewed within\s+${NUMBER}\s+working days`, 'gi') },
  { row: 'Planned change notified', expect: first(1), about: (c) => /change/i.test(c.text) && /ahead/i.test(c.text), pattern: new RegExp(String.raw`at least\s+${NUMBER}\s+working days ahead`, 'gi') },
  { row: 'Patch windows', expect: (v) => numbers(v), about: (c) => /critical/i.test(c.text) && /patch|flaw|severity|window/i.test(c.text + c.doc.rel), pattern: new RegExp(String.raw`critical (?:patches )?(?:within )?${NUMBER} days[^.;]*?high (?:within )?${NUMBER}[^.;]*?others (?:within )?${NUMBER}[^.;]*?(?:exploited[^.;]*?within\s+${NUMBER}\s+hours)?`, 'gi') },
  { row: 'Request for Service triaged', expect: first(1), about: (c) => /request|RFS/i.test(c.text), pattern: new RegExp(String.raw`(?:acknowledg\w*|triag\w*)[^.;,]{0,40}?within\s+${NUMBER}\s+working days`, 'gi') },
  { row: 'Priced proposal for a standard Request for Service', expect: first(1), about: (c) => /proposal/i.test(c.text), pattern: new RegExp(String.raw`priced proposal for standard requests within\s+${NUMBER}\s+working days`, 'gi') },
  { row: 'Knowledge transfer complete (Gate 3)', expect: first(2), about: (c) => /scorecards/i.test(c.text) && /shadow/i.test(c.text), pattern: new RegExp(String.raw`scorecards of at least\s+${NUMBER}%[^.;]*?at least\s+${NUMBER}\s+working days inside service levels`, 'gi') },
  { row: 'Hypercare', expect: first(2), about: (c) => /hypercare/i.test(c.text), pattern: new RegExp(String.raw`${NUMBER}\s*(?:to|-|–)\s*${NUMBER}\s+days`, 'gi') },
  { row: 'Span of control', expect: first(2), about: (c) => /team lead/i.test(c.text), pattern: new RegExp(String.raw`one team lead (?:for every|to|per)\s+${NUMBER}\s*(?:to|-|–)\s*${NUMBER}`, 'gi') },
  { row: 'Productive utilisation band', expect: first(2), about: (c) => /resolver/i.test(c.text), pattern: new RegExp(String.raw`resolver (?:productive )?utilisation of\s+${NUMBER}\s*(?:to|-|–)\s*${NUMBER}%|resolver roles\s+${NUMBER}\s*(?:to|-|–)\s*${NUMBER}%`, 'gi') },
  { row: 'Overloaded team', expect: first(2), about: (c) => /team/i.test(c.text), pattern: new RegExp(String.raw`above\s+${NUMBER}%(?: utilisation)? for (?:more than )?${NUMBER}(?: consecutive)? weeks`, 'gi') },
  { row: 'Overtime ceiling', expect: first(1), about: (c) => /overtime/i.test(c.text), pattern: new RegExp(String.raw`overtime[^.;]{0,40}?(?:below|under)\s+${NUMBER}%`, 'gi') },
  { row: 'Time to fill a vacancy', expect: first(1), about: (c) => /time to fill|vacanc/i.test(c.text), pattern: new RegExp(String.raw`(?:time to fill[^.;]{0,40}?|open longer than\s+|within the\s+)${NUMBER}[- ]days?`, 'gi') },
  { row: "Leaver's access removed", expect: first(1), about: (c) => /leaver/i.test(c.text), pattern: new RegExp(String.raw`(?:removed|removal)\s+within\s+${NUMBER}\s+hours`, 'gi') },
  { row: 'Access found unjustified at recertification removed', expect: first(1), about: (c) => /recertif|unjustified/i.test(c.text), pattern: new RegExp(String.raw`removed within\s+${NUMBER}\s+working days`, 'gi') },
];

function statements(check: Check): { clause: Clause; got: number[] }[] {
  const out: { clause: Clause; got: number[] }[] = [];
  for (const d of fw.docs) {
    // The change history records earlier values on purpose.
    if (d === table || d.parsed.fields.get('key')?.value === 'change-history') continue;
    for (const c of clauses(d)) {
      if (!check.about(c)) continue;
      for (const m of c.text.matchAll(check.pattern)) out.push({ clause: c, got: m.slice(1).filter((g) => g !== undefined).map((g) => num(g)) });
    }
  }
  return out;
}

describe('the thresholds table', () => {
  it('has every row the checks read, with a value and the elements that use it', () => {
    for (const c of CHECKS) expect(values.get(c.row), c.row).toBeTruthy();
    for (const [row, ids] of usedBy) for (const id of ids) expect(fw.byId.has(id), `${row}: ${id}`).toBe(true);
  });

  it.each(CHECKS.map((c) => [c.row, c] as const))('%s: every statement of it matches the table', (_row, check) => {
    const expected = check.expect(values.get(check.row)!);
    const found = statements(check);
    // A check that finds nothing would pass whatever the documents say.
    expect(found.length, `no statement of "${check.row}" found`).toBeGreaterThan(0);
    const wrong = found.filter((f) => f.got.join(',') !== expected.slice(0, f.got.length).join(',')).map((f) => `${where(f.clause)}: ${f.got.join(', ')} where the table has ${expected.join(', ')} — "${f.clause.text}"`);
    expect(wrong).toEqual([]);
  });

  it('is linked from every document whose body states one of its limits', () => {
    const missing = new Set<string>();
    for (const check of CHECKS) {
      for (const f of statements(check)) {
        if (f.clause.where !== 'body') continue;
        if (!/\]\([^)]*thresholds\.md[^)]*\)/.test(f.clause.doc.text)) missing.add(`${f.clause.doc.rel} (${check.row})`);
      }
    }
    expect([...missing].sort()).toEqual([]);
  });
});

describe('risk bands', () => {
  it('every band stated with its scores matches the table, and the bands cover every score of a 5 by 5 scale', () => {
    const bands = new Map([...values.get('Risk bands')!.matchAll(/(low|medium|high|critical) (\d+) to (\d+)/gi)].map((m) => [m[1]!.toLowerCase(), [Number(m[2]), Number(m[3])]]));
    expect([...bands.keys()]).toEqual(['low', 'medium', 'high', 'critical']);
    const scores = new Set<number>();
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) scores.add(l * i);
    for (const sc of scores) expect([...bands.values()].filter(([lo, hi]) => sc >= lo! && sc <= hi!), `score ${sc}`).toHaveLength(1);
    const wrong: string[] = [];
    let seen = 0;
    for (const d of fw.docs) {
      if (d === table || d.parsed.fields.get('key')?.value === 'change-history') continue;
      for (const c of clauses(d)) {
        for (const m of c.text.matchAll(/\b(low|medium|high|critical)(?: risks)?\s*\((\d+)(?: to (\d+)| and above)\)/gi)) {
          seen++;
          const [lo, hi] = bands.get(m[1]!.toLowerCase())!;
          if (Number(m[2]) !== lo || (m[3] !== undefined && Number(m[3]) !== hi)) wrong.push(`${where(c)}: "${m[0]}" where the table has ${m[1]} ${lo} to ${hi}`);
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(8);
    expect(wrong).toEqual([]);
  });
});

describe('who decides', () => {
  it('only the Delivery Executive invokes crisis arrangements; others recommend', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const d of fw.docs) {
      if (d.parsed.fields.get('key')?.value === 'change-history') continue;
      for (const c of clauses(d)) {
        for (const m of c.text.matchAll(/([\w&-]+(?:\s+[\w&-]+){0,2})\s+(invokes?|decides?)\b[^.;]*/gi)) {
          const talksCrisis = /UM7|crisis|invocation/i.test(m[0]) || /UM7|crisis|invocation/i.test(c.text);
          if (!talksCrisis) continue;
          seen++;
          if (!/Delivery Executive|who|executive decides/i.test(m[1]!) && !/^(?:Executive|who)$/i.test(m[1]!.split(/\s+/).at(-1)!)) wrong.push(`${where(c)}: "${m[0].slice(0, 80)}"`);
        }
      }
    }
    expect(seen).toBeGreaterThan(3);
    expect(wrong).toEqual([]);
  });
});
