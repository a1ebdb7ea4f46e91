// Entry of dist/action.js, the step action.yml runs.
import { runAction } from './runAction';

runAction(process.env, {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: false,
  cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
}).then(
  (code) => { process.exitCode = code; },
  (e) => {
    process.stdout.write(`::error title=opmodel::internal error: ${String((e as Error).stack ?? e).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    process.exitCode = 2;
  },
);
