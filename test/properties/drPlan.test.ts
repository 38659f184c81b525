import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, loadConfig } from '../../config/index.js';
import { checkDrPlan, whyEachStep, type VerifySetup } from '../../properties/index.js';

const root = join(import.meta.dirname, '..', '..');
const options = { runs: 100, seed: 1, maxSteps: 40 };

async function plan(name: string): Promise<VerifySetup> {
  const loaded = await loadConfig(join(root, 'examples', 'drtest', `${name}.yaml`));
  if (!loaded.ok) throw new Error(`${name} does not validate: ${JSON.stringify(loaded.problems)}`);
  return buildVerifySetup(loaded);
}

/**
 * The four procedures of the seed (11.10.1 to 11.10.4) as bundled plans: each verifies clean, and
 * removing each safeguard breaks exactly the guarantees listed here (or is redundant under the plan).
 */
const expected: Record<string, Record<string, readonly string[] | 'redundant'>> = {
  'two-cluster-swp': {
    'selective-write-protect': ['dr-test-isolation'],
    'ignore-fast-ready': 'redundant',
    'write-protect-exclusions': ['test-can-write'],
    'reject-anyuse': ['dr-test-isolation'],
    'suspend-return-to-scratch': ['scratch-safety'],
    'no-housekeeping-on-test-host': 'redundant',
    'no-copy-class': 'redundant',
  },
  'two-cluster-links-kept': {
    'reject-anyuse': ['dr-test-isolation'],
    'reject-output': ['dr-test-isolation'],
    'suspend-return-to-scratch': ['scratch-safety'],
    'no-housekeeping-on-test-host': ['scratch-safety', 'dr-test-isolation'],
    'no-copy-class': 'redundant',
  },
  'two-cluster-links-broken': {
    'reject-anyuse': ['dr-test-isolation'],
    'no-housekeeping-on-test-host': 'redundant',
    'no-copy-class': 'redundant',
    'read-not-write-takeover': ['no-dual-ownership', 'no-write-takeover-of-live-cluster', 'dr-test-isolation'],
    'insert-before-break': ['test-can-write'],
  },
  'three-cluster-links-kept': {
    'reject-anyuse': ['dr-test-isolation'],
    'reject-output': ['dr-test-isolation'],
    // 11.10.4 takes two steps against production scratching what the test reads: EXPROC suspended and
    // Fast Ready removed at the DR cluster. Either one alone keeps the DR host from a blank volume
    // within the plan scope, so removing one at a time shows both as redundant; the next test removes both.
    'suspend-return-to-scratch': 'redundant',
    'remove-fast-ready': 'redundant',
    'no-housekeeping-on-test-host': ['scratch-safety', 'dr-test-isolation'],
    'no-copy-class': 'redundant',
  },
};

describe('DR test plan three-cluster-links-kept: the two steps against production scratching test data (11.10.4)', () => {
  it('CAT-1, CAT-4: without both, the DR host is shown a blank production volume; with either one, not within scope', async () => {
    const setup = await plan('three-cluster-links-kept');
    const test = setup.drTest;
    if (test === null) throw new Error('no DR test');
    const variant = (change: Partial<typeof test>) => checkDrPlan({ ...setup, drTest: { ...test, ...change } }, options);
    const neither = variant({ removeFastReady: [], productionReturnToScratch: 'running' });
    expect(neither.verification.verdicts.find((verdict) => verdict.id === 'scratch-safety')?.status).toBe('violated');
    for (const onlyOne of [variant({ removeFastReady: [] }), variant({ productionReturnToScratch: 'running' })]) {
      expect(onlyOne.verification.verdicts.find((verdict) => verdict.id === 'scratch-safety')?.status).not.toBe('violated');
    }
  });
});

describe.each(Object.keys(expected))('DR test plan %s', (name) => {
  it('DRT-6: verifies clean: production and the test together break no guarantee, and the test can write', async () => {
    const check = checkDrPlan(await plan(name), options);
    expect(check.canWrite.ok, check.canWrite.reason).toBe(true);
    expect(check.verification.verdicts.filter((verdict) => verdict.status === 'violated').map((verdict) => verdict.id)).toEqual([]);
    expect(check.clean).toBe(true);
  });

  it('DRT-6: why each step: removing each safeguard breaks the guarantees it establishes', async () => {
    const rows = whyEachStep(await plan(name), options);
    const seen = Object.fromEntries(rows.map((row) => [row.safeguard, row.outcome === 'redundant' ? 'redundant' : [...row.broken, ...(row.canWrite ? [] : ['test-can-write'])]]));
    expect(seen).toEqual(expected[name]);
    for (const row of rows) {
      if (row.counterexample !== null) expect(row.counterexample.counterexample.steps.length, row.safeguard).toBeLessThanOrEqual(12);
    }
    // One verification per safeguard removed: about 20 s alone on 2 cores, over 80 s beside other test files.
  }, 240_000);
});
