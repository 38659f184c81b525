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
    ['a size in a unit that is no size ("5 parsecs")', 'cache: "100 TB"', 'cache: "5 parsecs"', 'clusters.0.cache'],
    ['a negative size ("-3 TB")', 'cache: "100 TB"', 'cache: "-3 TB"', 'clusters.0.cache'],
    ['a size where a rate belongs ("10 Gb")', 'dailyWrite: "20 TB/day"', 'dailyWrite: "10 Gb"', 'workload.0.dailyWrite'],
    ['a rate where a size belongs', 'cache: "100 TB"', 'cache: "10 Gb/s"', 'clusters.0.cache'],
    ['a distance in a unit the grammar does not read', 'distance: "800 km"', 'distance: "500 mi"', 'gridLinks.0.distance'],
    ['more than 16 links', 'links: "2 x 10 Gb/s"', 'links: "17 x 10 Gb/s"', 'gridLinks.0.links'],
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

/** Every property of the schema, with its path, wherever it is nested (items, unions, tuples). */
function schemaProperties(node: unknown, path: string): { path: string; schema: Record<string, unknown> }[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = Object.entries((record.properties ?? {}) as Record<string, Record<string, unknown>>).flatMap(([key, schema]) => [{ path: `${path}.${key}`, schema }, ...schemaProperties(schema, `${path}.${key}`)]);
  const nested = ['items', 'additionalProperties'].flatMap((key) => schemaProperties(record[key], `${path}[]`));
  const alternatives = ['anyOf', 'oneOf', 'allOf', 'prefixItems'].flatMap((key) => ((record[key] ?? []) as unknown[]).flatMap((entry) => schemaProperties(entry, path)));
  return [...own, ...nested, ...alternatives];
}

describe('the schema helps while typing', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schema', 'tapegrid.schema.json'), 'utf8')) as Record<string, unknown>;
  const properties = schemaProperties(schema, '');

  it('describes every field', () => {
    expect(properties.length).toBeGreaterThan(150);
    expect(properties.filter((entry) => typeof entry.schema.description !== 'string').map((entry) => entry.path)).toEqual([]);
  });

  it('gives every field a realistic example (booleans and enums show their values), and every example passes the field\'s own schema', () => {
    // Sections (objects with fields) show examples through their fields; a list of categories through its items.
    const leaves = properties.filter(({ schema: field }) => field.type !== 'boolean' && field.enum === undefined && field.const === undefined && field.properties === undefined);
    const hasExample = (field: Record<string, unknown>): boolean =>
      Array.isArray(field.examples) || ((field.anyOf ?? []) as Record<string, unknown>[]).some((option) => Array.isArray(option.examples)) || Array.isArray((field.items as Record<string, unknown> | undefined)?.examples);
    expect(leaves.filter(({ schema: field }) => !hasExample(field)).map((entry) => entry.path)).toEqual([]);
    for (const { path, schema: field } of leaves) {
      if (!Array.isArray(field.examples)) continue;
      const check = ajv.compile(field);
      for (const example of field.examples as unknown[]) expect(check(example), `${path}: ${JSON.stringify(example)} ${JSON.stringify(check.errors?.[0])}`).toBe(true);
    }
  });

  it('names the default of every field the loader defaults (config/defaults.ts), as editors show it', () => {
    const byName = (name: string) => properties.filter((entry) => entry.path.endsWith(`.${name}`)).map((entry) => entry.schema.default);
    expect(byName('virtualDevices')).toEqual([256]);
    expect(byName('pathsPerCluster')).toEqual([2]);
    expect(byName('gracePeriod')).toEqual(['20 min']);
    expect(byName('retryPeriod')).toEqual(['5 min']);
    expect(byName('insert')).toEqual(['FF00']);
    expect(byName('removalThreshold')).toEqual(['4 TB']);
    expect(byName('outOfCache')).toEqual(['1 TiB']);
    expect(byName('efficiency')).toEqual([0.85]);
    expect(byName('copyShare')).toEqual([1]);
  });

  it('gives every quantity the pattern of its dimension and a realistic example that matches it', () => {
    const quantities = properties.filter((entry) => typeof entry.schema.pattern === 'string' && String(entry.schema.pattern).includes('[eE]'));
    expect(quantities.length).toBeGreaterThan(15);
    for (const entry of quantities) {
      const examples = entry.schema.examples as string[] | undefined;
      expect(examples?.length, entry.path).toBeGreaterThan(0);
      for (const example of examples ?? []) expect(new RegExp(String(entry.schema.pattern), 'u').test(example), `${entry.path}: ${example}`).toBe(true);
    }
  });
});
