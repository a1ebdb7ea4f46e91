// The floor: list the folder, read every Markdown file and run one ID regex over it, in one Node
// process. Run as a script, it reads once untimed (a warm page cache, as every measurement
// after it has) and prints one JSON line: { ms, cpuMs, files, ids }.
// Usage: node scripts/bench/floor.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const ms = (x) => Math.round(x * 1000) / 1000;

export function floor(dir) {
  const t0 = performance.now();
  const c0 = cpu();
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.md'));
  const re = /(?<![\p{L}\p{N}])(?:CORE-[ABC]|FLM|UM|GOV|EE|OM|LP|LC)[ -]?\d+(?![\p{L}\p{N}])/giu;
  let ids = 0;
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    re.lastIndex = 0;
    while (re.exec(text)) ids++;
  }
  return { ms: ms(performance.now() - t0), cpuMs: ms(cpu() - c0), files: files.length, ids };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2]);
  floor(dir);
  process.stdout.write(JSON.stringify(floor(dir)) + '\n');
}
