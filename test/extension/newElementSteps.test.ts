// The New Element wizard's steps and its "n/N" counts, with the shipped framework's config.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../language/index';
import { familiesOf, stepOf, wizardSteps } from '../../extension/newElementSteps';

const { config: cfg } = loadConfig(readFileSync('framework-docs/opmodel.json', 'utf8'));
const system = (key: string) => ({ system: cfg.systems.find((s) => s.key === key)! });
const part = (key: string) => ({ part: cfg.leadership.find((p) => p.key === key)! });
const family = (key: string) => cfg.families.find((f) => f.key === key)!;

describe('New Element wizard steps', () => {
  it('has five steps for a grouped family of a system with two families (CORE-A..C)', () => {
    const place = system('operational-management');
    expect(familiesOf(cfg, place).map((f) => f.key)).toEqual(['CORE', 'OM']);
    expect(wizardSteps(cfg, { place, family: family('CORE') })).toEqual(['place', 'discipline', 'family', 'group', 'title']);
    // Highlighting OM instead of CORE drops the group step.
    expect(wizardSteps(cfg, { place, family: family('OM') })).toEqual(['place', 'discipline', 'family', 'title']);
    expect(stepOf(cfg, { place, family: family('CORE') }, 'group')).toEqual({ step: 4, totalSteps: 5 });
    expect(stepOf(cfg, { place, family: family('OM') }, 'title')).toEqual({ step: 4, totalSteps: 4 });
  });

  it('has three steps for a system with one family, two for leadership', () => {
    expect(wizardSteps(cfg, { place: system('first-line-management') })).toEqual(['place', 'discipline', 'title']);
    expect(stepOf(cfg, { place: system('first-line-management') }, 'place')).toEqual({ step: 1, totalSteps: 3 });
    expect(stepOf(cfg, { place: system('first-line-management') }, 'discipline')).toEqual({ step: 2, totalSteps: 3 });
    expect(wizardSteps(cfg, { place: part('leadership-principles') })).toEqual(['place', 'title']);
    expect(stepOf(cfg, { place: part('leadership-characteristics') }, 'title')).toEqual({ step: 2, totalSteps: 2 });
  });

  it('counts the first step by the highlighted place', () => {
    expect(stepOf(cfg, { place: system('operational-management') }, 'place')).toEqual({ step: 1, totalSteps: 5 });
    expect(stepOf(cfg, { place: system('upline-management') }, 'place')).toEqual({ step: 1, totalSteps: 4 });
  });
});
