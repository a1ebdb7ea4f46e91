#!/usr/bin/env node
import { bugReportHint } from './bugReport';
import { main } from './main';
import { neutralise } from './neutralise';
import './commands/assess';
import './commands/build';
import './commands/init';
import './commands/lsp';
import './commands/diff';
import { fileURLToPath } from 'node:url';
import { setRenderWorkerEntry } from '../playbook/pageRenderer';
import { isRenderWorker, runRenderWorker } from '../playbook/renderWorker';

// The site builder runs this same file as a worker thread to render pages within a time limit.
if (isRenderWorker()) runRenderWorker();
else {
  setRenderWorkerEntry(fileURLToPath(import.meta.url));
  // `opmodel list | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    cwd: process.cwd(),
  }).then(
    (code) => { process.exitCode = code; },
    (e) => {
      process.stderr.write(`opmodel: internal error: ${String((e as Error).stack ?? e).split('\n').map(neutralise).join('\n')}\n${bugReportHint()}\n`);
      process.exitCode = 2;
    },
  );
}
