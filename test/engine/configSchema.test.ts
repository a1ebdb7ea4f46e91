// opmodel.json's three descriptions agree: the loader, the JSON Schema editors validate with,
// and the extension's severity setting. Fixture and generated configs validate against the schema.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { initFiles } from '../../cli/initTemplates';
import { allCodes, loadConfig } from '../../language/index';
import { severityCodes } from '../../language/config/loadConfig';

const repo = path.resolve(__dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(repo, 'schemas/opmodel.schema.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));

function configsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...configsUnder(full));
    else if (name === 'opmodel.json') out.push(full);
  }
  return out;
}

describe('opmodel.json: loader, schema and settings agree', () => {
  it('the same top-level properties', () => {
    const message = loadConfig('{ "zzz": 1 }').problems[0]!.message;
    const known = message.replace(/^.*expected one of /, '').split(', ');
    expect(known.sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it('the same severity codes in the loader and the schema; the editor setting also has invalid-config', () => {
    expect([...schema.properties.severity.propertyNames.enum].sort()).toEqual(severityCodes().sort());
    expect(Object.keys(pkg.contributes.configuration.properties['opmodel.severity'].properties).sort()).toEqual(allCodes().sort());
  });

  it('the shipped, fixture and init-written configs are valid for both', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const files = [path.join(repo, 'framework-docs/opmodel.json'), ...configsUnder(path.join(repo, 'test/fixtures/clients'))];
    const texts: [string, string][] = files.map((f) => [path.relative(repo, f), readFileSync(f, 'utf8')]);
    texts.push(['init', initFiles({ client: 'Acme Bank', family: 'ACME' }).find(([f]) => f === 'opmodel.json')![1]]);
    for (const [name, text] of texts) {
      expect(validate(JSON.parse(text)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      // Standalone, a config with no problems; with extends the loader needs the base, checked elsewhere.
      if (!JSON.parse(text).extends) expect(loadConfig(text).problems, name).toEqual([]);
    }
  });
});
