// Measures: one list per element, in front matter, each with a definition and a target (or
// "set with the client"); no second list in the body; one metric dictionary, named one way.
import { beforeAll, describe, expect, it } from 'vitest';
import { listElements, measuresOf } from '../../language/index';
import { loadFramework, type Framework } from './docs';

let fw: Framework;
beforeAll(async () => {
  fw = await loadFramework();
});

const management = () => listElements(fw.project).filter((e) => !/^L[PC]\d/.test(e.id));

describe('measures', () => {
  it('every management element has three to six, each with a name, a definition and a target', () => {
    const wrong: string[] = [];
    for (const e of management()) {
      const ms = measuresOf(fw.project.index.docs.get(e.location.uri)!);
      if (ms.length < 3 || ms.length > 6) wrong.push(`${e.id}: ${ms.length} measures`);
      for (const m of ms) {
        if (!m.definition) wrong.push(`${e.id} "${m.name}": no definition`);
        if (!m.target && !m.setWithClient) wrong.push(`${e.id} "${m.name}": no target and not set with the client`);
      }
      const names = ms.map((m) => m.name.toLowerCase());
      if (new Set(names).size !== names.length) wrong.push(`${e.id}: a measure named twice`);
    }
    expect(wrong).toEqual([]);
  });

  it('are one list: no element body keeps a list of measures of its own', () => {
    const wrong: string[] = [];
    for (const d of fw.docs) {
      if (!d.id) continue;
      const lines = d.text.split('\n');
      lines.forEach((line, i) => {
        if (!/^#{2,6}\s+Measures\s*$/i.test(line)) return;
        // A Measures heading may introduce prose; a list under it would be a second list.
        for (let j = i + 1; j < lines.length && !/^#{1,6}\s/.test(lines[j]!); j++) {
          if (/^\s*(?:[-*+]|\d+\.)\s/.test(lines[j]!)) { wrong.push(`${d.rel}:${j + 1}`); break; }
        }
      });
    }
    expect(wrong).toEqual([]);
  });

  it('leave some targets to the client, but give most a default', () => {
    const all = management().flatMap((e) => measuresOf(fw.project.index.docs.get(e.location.uri)!));
    const agreed = all.filter((m) => m.setWithClient).length;
    expect(all.length).toBeGreaterThan(300);
    expect(agreed).toBeGreaterThan(0);
    expect(agreed / all.length).toBeLessThan(0.15);
  });

  it('are kept in one metric dictionary, called that everywhere', () => {
    const wrong: string[] = [];
    for (const d of fw.docs) {
      // Maturity levels are being rewritten separately; OM12's level 3 still names the old term.
      const text = d.text.replace(/^## Maturity levels\n[\s\S]*?(?=^## )/m, '');
      for (const m of text.matchAll(/measure catalogue|metrics? catalogue|KPI dictionary/gi)) wrong.push(`${d.rel}: "${m[0]}"`);
    }
    expect(wrong).toEqual([]);
    expect(fw.docs.filter((d) => d.parsed.type === 'reference' && d.parsed.fields.get('key')?.value === 'metric-dictionary')).toHaveLength(1);
  });
});
