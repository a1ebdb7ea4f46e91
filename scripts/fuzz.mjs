// Long fuzz campaign: `npm run fuzz` (FUZZ_RUNS=100000 by default, FUZZ_SEED to replay a seed).
// CI runs the same properties with a few hundred cases as part of `npm test`: documents, opmodel.json,
// globs and .gitignore rules, and (a tenth as many) whole site builds.
import { spawnSync } from 'node:child_process';

const runs = process.env.FUZZ_RUNS ?? '100000';
const r = spawnSync('npx', ['vitest', 'run', 'test/fuzz', '--reporter=verbose'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
process.exit(r.status ?? 1);
