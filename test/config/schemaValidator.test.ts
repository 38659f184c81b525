import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateConfigText } from '../../config/index.js';

/**
 * The published JSON Schema read by a standard JSON Schema 2020-12 validator (ajv), as an editor or a
 * CI linter would (issue 19 item 4, first part): every bundled example passes, and structurally wrong
 * files are rejected by the schema and by `validate` at the same path.
 */
const root = join(import.meta.dirname, '..', '..');
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormatsModule as unknown as (instance: Ajv2020) => Ajv2020)(ajv);
const schemaCheck = ajv.compile(JSON.parse(readFileSync(join(root, 'schema', 'tapegrid.schema.json'), 'utf8')) as object);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : []));
}

/** A schema error's place as a dotted path ("clusters.0.kind"), the unknown key included. */
function schemaPaths(): string[] {
  return (schemaCheck.errors ?? []).map((error) => {
    const base = error.instancePath.split('/').filter((part) => part !== '');
    const extra = error.keyword === 'additionalProperties' ? [String((error.params as { additionalProperty: string }).additionalProperty)] : [];
    return [...base, ...extra].join('.');
  });
}

describe('the configuration schema under a standard 2020-12 validator', () => {
  it.each(yamlFiles(join(root, 'examples')).map((file) => file.slice(root.length + 1)))('%s passes the schema', (file) => {
    const valid = schemaCheck(parse(readFileSync(join(root, file), 'utf8')));
    expect(valid, JSON.stringify(schemaCheck.errors?.slice(0, 3))).toBe(true);
  });

  it.each([
    ['an unknown key', 'cache: "100 TB"', 'cahce: "100 TB"', 'clusters.0.cahce'],
    ['a cluster kind outside the enum', 'kind: tape-attached', 'kind: floppy', 'clusters.0.kind'],
    ['a host role outside the enum', 'role: production', 'role: backup', 'hosts.0.role'],
  ])('%s is rejected by the schema and by validate, at the same path', async (_, from, to, path) => {
    const example = readFileSync(join(root, 'examples', 'two-cluster-dr.yaml'), 'utf8');
    expect(example).toContain(from);
    const text = example.replace(from, to);
    expect(schemaCheck(parse(text))).toBe(false);
    expect(schemaPaths()).toContain(path);
    const validated = await validateConfigText(text, 'changed.yaml');
    expect(validated.ok).toBe(false);
    if (validated.ok) return;
    expect(validated.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.path.join('.'))).toContain(path);
  });
});
