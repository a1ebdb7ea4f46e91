// The framework as a client reads it: its README links the reference documents, names its version
// (the one the change history ends with) and credits the article its taxonomy comes from; the
// documents hold no tooling or authoring language; mappings shown in two places agree.
import { beforeAll, describe, expect, it } from 'vitest';
import { listElements } from '../../language/index';
import { loadFramework, records, tablesBySection, type Doc, type Framework } from './docs';

let fw: Framework;
let readme: Doc;
beforeAll(async () => {
  fw = await loadFramework();
  readme = fw.byRel.get('README.md')!;
});

const keyed = (key: string) => fw.docs.find((d) => d.parsed.type === 'reference' && d.parsed.fields.get('key')?.value === key);

describe('the framework README', () => {
  it('links the calendar, the thresholds, the role catalogue, the metric dictionary and the change history', () => {
    for (const key of ['operating-calendar', 'thresholds', 'roles', 'metric-dictionary', 'change-history']) {
      const doc = keyed(key);
      expect(doc, key).toBeTruthy();
      expect(readme.text, key).toContain(`](${doc!.rel})`);
    }
  });

  it('names one version, the latest in the change history', () => {
    const history = keyed('change-history')!;
    const versions = [...history.text.matchAll(/^## (\d+\.\d+(?:\.\d+)?)\s*$/gm)].map((m) => m[1]);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const version = readme.parsed.fields.get('version')?.value;
    expect(version).toBe(versions[0]);
    expect(readme.text).toContain(`version ${version}**`);
  });

  it('credits the article the taxonomy comes from, by its author and blog', () => {
    expect(readme.text).toMatch(/Imad Lodhi/);
    expect(readme.text).toMatch(/\]\(https:\/\/www\.imadlodhi\.com\/?\)/);
  });
});

describe('client-facing text', () => {
  it('holds no tooling or authoring language', () => {
    // Words about how the documents are written and checked, not about the operation they describe.
    const phrases = [/front[- ]matter/i, /\bopmodel (?:check|build)\b/i, /\bthe tooling (?:recognises|checks|treats|reports)\b/i, /\bthe source (?:names|material)\b/i, /project's (?:judgement|decision)/i, /`(?:supports|related|accountable|measures)`/i, /generated from (?:the )?`?\w+`? field/i, /\bMarkdown\b/, /\bpull requests?\b/i];
    const found: string[] = [];
    for (const d of fw.docs) {
      const body = d.text.split('\n').slice(d.bodyLine - 1);
      body.forEach((line, i) => {
        for (const p of phrases) if (p.test(line)) found.push(`${d.rel}:${i + d.bodyLine}: ${p}`);
      });
    }
    expect(found).toEqual([]);
  });
});

describe('mappings shown in more than one place', () => {
  it('the principle × characteristic tables match what each characteristic supports', () => {
    const supports = new Map(listElements(fw.project).filter((e) => e.id.startsWith('LC')).map((e) => [e.id, (e.relations['supports'] ?? []).slice().sort()]));
    for (const rel of ['leadership/leadership-principles.md', 'leadership/leadership-characteristics.md']) {
      const doc = fw.byRel.get(rel)!;
      const t = [...tablesBySection(doc).values()].flat().find((x) => x.header[0] === 'Characteristic' && x.header.includes('LP1'))!;
      let rows = 0;
      for (const r of records(t)) {
        const id = /^(LC\d+)\b/.exec(r['Characteristic']!)?.[1];
        if (!id) continue;
        rows++;
        const marked = ['LP1', 'LP2', 'LP3', 'LP4'].filter((lp) => r[lp]!.trim() !== '');
        expect(marked, `${rel} ${id}`).toEqual(supports.get(id));
      }
      expect(rows, rel).toBe(20);
      const totals = records(t).find((r) => /per principle/.test(r['Characteristic']!))!;
      for (const lp of ['LP1', 'LP2', 'LP3', 'LP4']) expect(Number(totals[lp]!.replace(/\*/g, '')), `${rel} ${lp}`).toBe([...supports.values()].filter((s) => s.includes(lp)).length);
    }
  });

  it('the characteristics overview lists each characteristic with the principles it supports', () => {
    const doc = fw.byRel.get('leadership/leadership-characteristics.md')!;
    const t = [...tablesBySection(doc).values()].flat().find((x) => x.header.includes('Supports'))!;
    for (const r of records(t)) {
      const supports = listElements(fw.project).find((e) => e.id === r['ID'])!.relations['supports'];
      expect(r['Supports']!.split(',').map((s) => s.trim()), r['ID']).toEqual(supports);
    }
  });
});
