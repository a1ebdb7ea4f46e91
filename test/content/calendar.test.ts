// Every cadence and deadline the framework states agrees with the operating calendar: month-end
// deadlines by working day, the forums' cadences (GOV3 monthly and GOV1 quarterly among them),
// the recurring routines, and the links from the documents that state them.
import { beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments, roleTitle } from '../../language/index';
import { clauses, frequenciesIn, frequency, FREQUENCY_RE, idsIn, loadFramework, records, tablesBySection, where, type Clause, type Doc, type Framework } from './docs';

let fw: Framework;
let calendar: Doc;
let monthEnd: { wd: number; id: string; accountable: string; line: number }[];
let forums: { id: string; names: string[]; cadence: string; allowed: Set<string>; cells: Record<string, string> }[];
let rhythm: { routine: string; phrase: string; id: string; accountable: string; frequency: string; allowed: Set<string>; line: number }[];

const SECTION_FREQUENCY: Record<string, string> = {
  'Every shift': 'every shift',
  'Every day': 'daily',
  'Every week': 'weekly',
  'Every two weeks': 'fortnightly',
  'Every month, outside the month-end cycle': 'monthly',
  'Every quarter': 'quarterly',
  'Every year': 'yearly',
};

beforeAll(async () => {
  fw = await loadFramework();
  calendar = fw.docs.find((d) => d.parsed.type === 'reference' && d.parsed.fields.get('key')?.value === 'operating-calendar')!;
  const tables = tablesBySection(calendar);
  monthEnd = records(tables.get('Month-end cycle')![0]!).map((r) => ({ wd: Number(r['Working day']), id: r['Element']!, accountable: r['Accountable']!, line: r.line }));
  forums = records(tables.get('Governance ladder')![0]!)
    .filter((r) => /^GOV\d/.test(r['Forum']!))
    .map((r) => {
      const [, id, title] = /^(GOV\d+)\s+(.*)$/.exec(r['Forum']!)!;
      const t = title!.toLowerCase();
      const names = [...new Set([t, t.replace(/s$/, '')])];
      const cadence = frequency(r['Cadence']!)!;
      return { id: id!, names, cadence, allowed: new Set([cadence, ...frequenciesIn(r['Other cadences']!)]), cells: r };
    });
  rhythm = [];
  for (const [section, freq] of Object.entries(SECTION_FREQUENCY)) {
    for (const t of tables.get(section) ?? []) {
      for (const r of records(t)) {
        const routine = r['Routine']!;
        // The routine's name as prose uses it: up to the first comma or qualifying word.
        const phrase = routine.toLowerCase().split(/,| against | before | at the | per | with | while | outside /)[0]!.trim();
        rhythm.push({ routine, phrase, id: r['Element']!, accountable: r['Accountable']!, frequency: freq, allowed: new Set([freq, ...frequenciesIn(r['Other cadences']!)]), line: r.line });
      }
    }
  }
});

const all = () => fw.docs.flatMap((d) => clauses(d));
const accountableTitle = (id: string) => {
  const doc = fw.byId.get(id)!;
  return roleAssignments(doc.parsed).filter((a) => a.field === 'accountable').map((a) => roleTitle(fw.project.config.roles, a.role)).join(', ');
};

describe('the operating calendar itself', () => {
  it('has a month-end cycle, a governance ladder and a rhythm, naming real elements and their accountable roles', () => {
    expect(monthEnd.length).toBeGreaterThan(20);
    expect(forums.map((f) => f.id).sort()).toEqual(['GOV1', 'GOV2', 'GOV3', 'GOV4']);
    expect(rhythm.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const r of [...monthEnd, ...rhythm]) {
      if (!fw.byId.has(r.id)) wrong.push(`line ${r.line}: ${r.id} is not an element`);
      else if (r.accountable !== accountableTitle(r.id)) wrong.push(`line ${r.line}: ${r.id} is accountable to ${accountableTitle(r.id)}, not ${r.accountable}`);
    }
    expect(wrong).toEqual([]);
  });

  it('runs in order: every forum meets after its pack, and each rung of the ladder after the one below', () => {
    const day = (id: string, what: RegExp) => monthEnd.find((r) => r.id === id && what.test(fw.docs && calendar.text.split('\n')[r.line - 1]!))?.wd;
    const pack = (id: string) => day(id, /pack issued/i)!;
    const meets = (id: string) => day(id, /meeting|Committee/)!;
    expect(day('FLM3', /team review/i)!).toBeLessThan(pack('GOV4'));
    for (const id of ['GOV4', 'GOV3', 'GOV1']) expect(pack(id), id).toBeLessThan(meets(id));
    expect(meets('GOV4') + 5, 'GOV4 at least a week before GOV3').toBeLessThanOrEqual(meets('GOV3'));
    expect(meets('GOV3')).toBeLessThan(pack('GOV1'));
    expect(day('UM2', /service level report/i)!).toBeLessThan(pack('GOV3'));
    // Every input to the GOV4 pack is due before it is issued, and likewise for GOV3.
    for (const r of monthEnd) {
      const feeds = calendar.text.split('\n')[r.line - 1]!.split('|').at(-2)!;
      if (/GOV4 pack/.test(feeds)) expect(r.wd, `${r.id} feeds the GOV4 pack`).toBeLessThan(pack('GOV4'));
      if (/GOV3 pack/.test(feeds)) expect(r.wd, `${r.id} feeds the GOV3 pack`).toBeLessThanOrEqual(pack('GOV3'));
    }
  });
});

describe('month-end deadlines', () => {
  // "by working day 4", "on working day 12", "the 5th working day", "within five working days of month end".
  const DEADLINE = /\bworking day (\d+)\b|\b(\d+)(?:st|nd|rd|th) working day\b|\bwithin (\w+) working days? of (?:the )?month[- ]end\b|\bworking days (\d+)\b/gi;

  /** The element a deadline belongs to: the nearest ID before it in the clause, else the document's own, else the next one. */
  function owner(c: Clause, at: number): string | undefined {
    const ids = idsIn(c.text);
    const before = ids.filter((x) => x.index < at).at(-1);
    return before?.id ?? c.doc.id ?? ids.find((x) => x.index > at)?.id;
  }

  it('agree with the month-end cycle wherever they are stated, by element', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const c of all()) {
      // The change history records earlier values on purpose; the calendar's own tables are the home.
      if (c.doc.parsed.fields.get('key')?.value === 'change-history' || (c.doc === calendar && (c.row || !idsIn(c.text).length))) continue;
      for (const m of c.text.matchAll(DEADLINE)) {
        const wd = Number(m[1] ?? m[2] ?? NaN) || (m[3] ? Number(m[3]) || ({ one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10 } as Record<string, number>)[m[3].toLowerCase()] : NaN);
        const id = owner(c, m.index!);
        seen++;
        if (m[3] || m[4]) wrong.push(`${where(c)}: "${m[0]}" — state each month-end deadline as "by working day N", next to its element`);
        else if (!id) wrong.push(`${where(c)}: "${m[0]}" names no element`);
        else if (!monthEnd.some((r) => r.id === id && r.wd === wd)) {
          const due = monthEnd.filter((r) => r.id === id).map((r) => r.wd);
          wrong.push(`${where(c)}: ${id} by working day ${wd}, but the calendar has ${due.length ? `working day ${due.join(', ')}` : 'no month-end date'} for ${id}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });

  it('are stated only in documents that link to the calendar', () => {
    const missing = new Set<string>();
    for (const d of fw.docs) {
      if (d === calendar) continue;
      const body = d.text.split('\n').slice(d.bodyLine - 1).join('\n');
      if (/\bworking day \d+\b/.test(body) && !/\]\([^)]*operating-calendar\.md[^)]*\)/.test(d.text)) missing.add(d.rel);
    }
    expect([...missing]).toEqual([]);
  });

  it('"Monday by" times agree with the weekly rhythm', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const c of all()) {
      if (c.doc === calendar && c.row) continue;
      for (const m of c.text.matchAll(/\bMonday by (\d\d:\d\d)\b/g)) {
        seen++;
        const ids = idsIn(c.text).map((x) => x.id);
        const candidates = rhythm.filter((r) => r.routine.includes(`Monday by ${m[1]}`));
        if (!candidates.length) wrong.push(`${where(c)}: no weekly routine is due Monday by ${m[1]}`);
        else if (ids.length && !candidates.some((r) => ids.includes(r.id) || r.routine.includes(ids[0]!)) && !(c.doc.id && candidates.some((r) => r.id === c.doc.id))) {
          wrong.push(`${where(c)}: Monday by ${m[1]} belongs to ${candidates.map((r) => r.id).join(', ')}, not ${ids.join(', ')}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(3);
    expect(wrong).toEqual([]);
  });
});

describe('forum cadences', () => {
  /** Clause text with each forum's name replaced by its ID, so that "the quarterly governance meeting" reads "the quarterly GOV3". */
  function normalise(text: string): string {
    let t = ` ${text} `;
    for (const f of forums) {
      for (const n of [...f.names].sort((a, b) => b.length - a.length)) {
        t = t.replace(new RegExp(`\\b(?:${f.id}\\s+)?${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), f.id);
      }
    }
    return t;
  }

  /** Frequencies placed right next to a forum: two words either side, or after "meets". */
  function forumCadences(text: string): { id: string; freq: string; phrase: string }[] {
    const t = normalise(text);
    const raw = t.split(/\s+/).filter(Boolean);
    const words = raw.map((w) => w.replace(/^[("'[]+|[)"',.:;\]]+$/g, ''));
    // A comma, semicolon or colon ends a list item: a frequency beyond it belongs to another forum.
    const ends = (j: number) => /[,;:]$/.test(raw[j] ?? '');
    const out: { id: string; freq: string; phrase: string }[] = [];
    const isForum = (w: string) => forums.some((f) => f.id === w);
    words.forEach((w, i) => {
      if (!isForum(w)) return;
      const look = (from: number, to: number, step: number) => {
        for (let j = from; step > 0 ? j <= to : j >= to; j += step) {
          if (j < 0 || j >= words.length || isForum(words[j]!) || /^(?:CORE-[A-C]\d+|[A-Z]{2,4}\d+)$/.test(words[j]!)) return;
          if ((step < 0 && ends(j)) || (step > 0 && ends(j - 1))) return;
          for (const len of [4, 3, 2, 1]) {
            const phrase = words.slice(step > 0 ? j : j - len + 1, step > 0 ? j + len : j + 1).join(' ');
            const freq = new RegExp(`^(?:${FREQUENCY_RE.source})$`, 'i').test(phrase) ? frequency(phrase) : undefined;
            if (freq) { out.push({ id: w, freq, phrase }); return; }
          }
        }
      };
      const after = /^(?:meets|runs|sits)$/.test(words[i + 1] ?? '') || (/^(?:is|are)$/.test(words[i + 1] ?? '') && words[i + 2] === 'held') ? 5 : 2;
      look(i - 1, i - 2, -1);
      look(i + 1, i + after, 1);
    });
    return out;
  }

  it('GOV3 is monthly and GOV1 quarterly in their own documents, as in the calendar', () => {
    for (const f of forums) {
      const cad = fw.byId.get(f.id)!.parsed.fields.get('cadence')!.value!;
      expect(frequenciesIn(cad)[0], `${f.id} front matter`).toBe(f.cadence);
      for (const x of frequenciesIn(cad)) expect(f.allowed, `${f.id} front matter: ${x}`).toContain(x);
    }
    expect(forums.find((f) => f.id === 'GOV3')!.cadence).toBe('monthly');
    expect(forums.find((f) => f.id === 'GOV1')!.cadence).toBe('quarterly');
  });

  it('every cadence stated next to a forum, anywhere, is one the calendar allows', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const c of all()) {
      if (c.doc.parsed.fields.get('key')?.value === 'change-history') continue;
      const found = forumCadences(c.text);
      // A forum's own document states its cadence without naming itself.
      if (c.doc.id && forums.some((f) => f.id === c.doc.id) && (c.where === 'cadence' || /^Cadence\b/.test(c.text))) {
        for (const freq of frequenciesIn(c.text)) found.push({ id: c.doc.id, freq, phrase: freq });
      }
      for (const x of found) {
        seen++;
        const f = forums.find((y) => y.id === x.id)!;
        if (!f.allowed.has(x.freq)) wrong.push(`${where(c)}: ${x.id} "${x.phrase}", but the calendar has ${x.id} ${[...f.allowed].join(' or ')}`);
      }
    }
    // Tables with a cadence column: the row's forum against its cadence cell.
    for (const d of fw.docs) {
      for (const tables of tablesBySection(d).values()) {
        for (const t of tables) {
          const col = t.header.findIndex((h) => /cadence/i.test(h));
          if (col < 0 || d === calendar) continue;
          for (const r of t.rows) {
            const id = normalise(r.cells[0]!).match(/GOV\d/)?.[0];
            if (!id) continue;
            const f = forums.find((y) => y.id === id)!;
            for (const freq of frequenciesIn(r.cells[col]!)) {
              seen++;
              if (!f.allowed.has(freq)) wrong.push(`${d.rel}:${r.line}: ${id} ${freq} in the table, but the calendar has ${[...f.allowed].join(' or ')}`);
            }
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(15);
    expect(wrong).toEqual([]);
  });

  it('catches the disagreements it is meant to catch', () => {
    const bad = (text: string) => forumCadences(text).filter((x) => !forums.find((f) => f.id === x.id)!.allowed.has(x.freq)).map((x) => `${x.id} ${x.freq}`);
    expect(bad('Place the governance forums last: GOV4 monthly, GOV3 quarterly, GOV1 twice a year.')).toEqual(['GOV3 quarterly', 'GOV1 twice a year']);
    expect(bad('a roadmap presented at the quarterly governance meeting')).toEqual(['GOV3 quarterly']);
    expect(bad('the next quarterly GOV3 review is booked')).toEqual(['GOV3 quarterly']);
    expect(bad('GOV1 Steering Committee meets every month')).toEqual(['GOV1 monthly']);
    expect(bad('GOV3 Governance Meetings review the joint risk log monthly; GOV1 Steering Committee reviews the top risks each quarter.')).toEqual([]);
  });
});

describe('recurring routines', () => {
  it('each element the calendar lists states that frequency in its own cadence', () => {
    const wrong: string[] = [];
    for (const r of rhythm) {
      const cad = fw.byId.get(r.id)!.parsed.fields.get('cadence')!.value!;
      if (!frequenciesIn(cad).some((f) => r.allowed.has(f))) wrong.push(`${r.id} "${cad}" does not say ${r.frequency} (calendar line ${r.line}: ${r.routine})`);
    }
    expect(wrong).toEqual([]);
  });

  it('a frequency written just before a routine\'s name agrees with the calendar, in every document', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const c of all()) {
      if (c.doc === calendar || c.doc.parsed.fields.get('key')?.value === 'change-history') continue;
      const text = c.text.toLowerCase();
      for (const r of rhythm) {
        const re = new RegExp(`\\b(daily|weekly|fortnightly|monthly|quarterly|annual|yearly|half-yearly)\\s+(?:\\d+-(?:minute|hour)\\s+)?${r.phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
        for (const m of text.matchAll(re)) {
          seen++;
          const f = frequency(m[1]!)!;
          if (!r.allowed.has(f)) wrong.push(`${where(c)}: "${m[0]}", but the calendar has ${r.routine} (${r.id}) ${[...r.allowed].join(' or ')}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});
