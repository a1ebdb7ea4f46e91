// `opmodel matrix --raci`: roles × elements in every format, through the CLI's own entry point.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

const repo = path.resolve(__dirname, '../..');
const fixture = path.join(repo, 'test/fixtures/cli-raci');

async function run(args: string[], cwd = fixture) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, cwd });
  return { code, out, err };
}

describe('opmodel matrix --raci', () => {
  it('text: one block per role with its letters, roles in declaration order', async () => {
    const r = await run(['matrix', '--raci', fixture]);
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      '4 roles × 3 elements (A accountable, R responsible, C consulted, I informed)',
      '',
      'Operations Lead (ops-lead): A 1 · R 0 · C 1 · I 0',
      '  A  OPS2',
      '  C  OPS1',
      '',
      'Team Lead (team-lead): A 1 · R 1 · C 1 · I 0',
      '  A  OPS1',
      '  R  OPS2',
      '  C  OPS2',
      '',
      'Client Sponsor, "exec" (sponsor): A 0 · R 0 · C 1 · I 1',
      '  C  OPS2',
      '  I  OPS2',
      '',
      'night-shift (night-shift) — not declared in opmodel.json: A 1 · R 0 · C 0 · I 0',
      '  A  OPS4',
      '',
    ].join('\n'));
  });

  it('json: roles and rows with their letters', async () => {
    const r = await run(['matrix', fixture, '--raci', '--format', 'json']);
    expect(JSON.parse(r.out)).toEqual({
      roles: [
        { key: 'ops-lead', title: 'Operations Lead', declared: true },
        { key: 'team-lead', title: 'Team Lead', declared: true },
        { key: 'sponsor', title: 'Client Sponsor, "exec"', declared: true },
        { key: 'night-shift', title: 'night-shift', declared: false },
      ],
      rows: [
        { id: 'OPS1', title: 'Daily huddle', cells: { 'team-lead': ['A'], 'ops-lead': ['C'] } },
        { id: 'OPS2', title: 'Monthly review', cells: { 'ops-lead': ['A'], 'team-lead': ['R', 'C'], sponsor: ['C', 'I'] } },
        { id: 'OPS4', title: 'Night cover', cells: { 'night-shift': ['A'] } },
      ],
    });
  });

  it('csv and markdown: a grid of elements × roles', async () => {
    expect((await run(['matrix', '--raci', '--format', 'csv', fixture])).out).toBe('id,title,ops-lead,team-lead,sponsor,night-shift\nOPS1,Daily huddle,C,A,,\nOPS2,Monthly review,A,R/C,C/I,\nOPS4,Night cover,,,,A\n');
    expect((await run(['matrix', '--raci', '--format', 'markdown', fixture])).out).toBe([
      '| Element | Operations Lead | Team Lead | Client Sponsor, "exec" | night-shift |',
      '| --- | :-: | :-: | :-: | :-: |',
      '| OPS1 Daily huddle | C | A |  |  |',
      '| OPS2 Monthly review | A | R/C | C/I |  |',
      '| OPS4 Night cover |  |  |  | A |',
      '',
      'A accountable · R responsible · C consulted · I informed',
      '',
    ].join('\n'));
  });

  it('says so when no element names a role', async () => {
    const clean = path.join(repo, 'test/fixtures/cli-clean');
    expect((await run(['matrix', '--raci', clean])).out).toBe('No element names a role in accountable, responsible, consulted or informed.\n');
  });

});
