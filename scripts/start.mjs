// `npm start`: build, check the bundled framework, print its systems × disciplines matrix and
// build its playbook site into site/.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['dist/cli.js', 'check', 'framework-docs']);
run(process.execPath, ['dist/cli.js', 'matrix', 'framework-docs']);
// The playbook site the README points to: open site/index.html in a browser.
run(process.execPath, ['dist/cli.js', 'build', 'framework-docs', '--out', 'site']);
