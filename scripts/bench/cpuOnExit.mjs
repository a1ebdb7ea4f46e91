// Preloaded with `node --import` into a measured process: on exit, writes the process's own
// CPU time (user + system, µs) and its peak resident set (maxRSS, KB) to $OPMODEL_BENCH_CPU. On
// a busy machine wall time includes waiting for a core; CPU time does not.
import { writeFileSync } from 'node:fs';

const file = process.env.OPMODEL_BENCH_CPU;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify({ ...process.cpuUsage(), maxRSS: process.resourceUsage().maxRSS })));
