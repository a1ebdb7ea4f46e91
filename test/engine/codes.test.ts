// Every diagnostic code is documented where users look for it: the opmodel.severity setting, the
// schema of opmodel.json and the README's Diagnostics table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { allCodes, INVALID_CONFIG } from '../../language/index';

const repo = path.resolve(__dirname, '../..');
const read = (f: string) => readFileSync(path.join(repo, f), 'utf8');

it('lists every code in package.json, the config schema and the README', () => {
  const codes = allCodes().sort();
  const setting = JSON.parse(read('package.json')).contributes.configuration.properties['opmodel.severity'];
  expect(Object.keys(setting.properties).sort()).toEqual(codes);
  for (const c of codes) expect(setting.markdownDescription).toContain(`\`${c}\``);
  const schema = JSON.parse(read('schemas/opmodel.schema.json'));
  // A broken opmodel.json cannot lower its own severity.
  expect([...schema.properties.severity.propertyNames.enum].sort()).toEqual(codes.filter((c) => c !== INVALID_CONFIG.code));
  const table = read('README.md').split('## Diagnostics')[1]!.split('\n## ')[0]!;
  const documented = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!).sort();
  expect(documented).toEqual(codes);
});
