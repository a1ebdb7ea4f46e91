import { describe, expect, it } from 'vitest';
import { article } from '../../language/text/article';

describe('a or an before a family name', () => {
  it('follows how the name is read aloud', () => {
    const cases: [string, string][] = [['ACME', 'an'], ['FLM', 'an'], ['GOV', 'a'], ['CORE', 'a'], ['UM', 'a'], ['EE', 'an'], ['OM', 'an'], ['LC', 'an'], ['LP', 'an'], ['RSK', 'an'], ['CTL', 'a'], ['RISK', 'a'], ['SEC', 'a'], ['XYZ', 'an']];
    expect(cases.map(([w]) => [w, article(w)])).toEqual(cases);
  });
});
