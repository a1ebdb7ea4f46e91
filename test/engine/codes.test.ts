// Every diagnostic code is documented and configurable in the same places: the rule registry,
// the README's Diagnostics table, the opmodel.severity setting and the opmodel.json schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { allCodes, INVALID_CONFIG } from '../../language/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p: string) => readFileSync(path.join(repo, p), 'utf8');

describe('diagnostic codes', () => {
  const codes = allCodes().sort();

  it('are all in the README Diagnostics table', () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('## Diagnostics'), readme.indexOf('\n## ', readme.indexOf('## Diagnostics') + 3));
    const documented = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!).sort();
    expect(documented).toEqual(codes);
  });

  it('are all in the opmodel.severity setting of the extension', () => {
    const pkg = JSON.parse(read('package.json'));
    const setting = pkg.contributes.configuration.properties['opmodel.severity'];
    expect(Object.keys(setting.properties).sort()).toEqual(codes);
    for (const c of codes) expect(setting.markdownDescription, c).toContain(`\`${c}\``);
  });

  it('are all allowed by the schema of opmodel.json (all but invalid-config, which cannot be configured away)', () => {
    const schema = JSON.parse(read('schemas/opmodel.schema.json'));
    expect([...schema.properties.severity.propertyNames.enum].sort()).toEqual(codes.filter((c) => c !== INVALID_CONFIG.code));
  });
});

describe('the shipped opmodel.json', () => {
  it('is valid against the schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(read('schemas/opmodel.schema.json')));
    const ok = validate(JSON.parse(read('framework-docs/opmodel.json')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
