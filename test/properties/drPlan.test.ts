import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, loadConfig } from '../../config/index.js';
import { checkDrPlan, whyEachStep, type VerifySetup } from '../../properties/index.js';

const root = join(import.meta.dirname, '..', '..');
const options = { runs: 100, seed: 1, maxSteps: 40 };

async function plan(name: string): Promise<VerifySetup> {
  const loaded = await loadConfig(join(root, 'examples', 'drtest', `${name}.yaml`));
  if (!loaded.ok) throw new Error(`${name} does not validate: ${JSON.stringify(loaded.problems)}`);
  return buildVerifySetup(loaded.config, loaded.definition);
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
    // Random runs alone called this redundant; the exhaustive search finds the CAT-4 reuse (DRT-4).
    'suspend-return-to-scratch': ['scratch-safety'],
    'no-housekeeping-on-test-host': ['scratch-safety', 'dr-test-isolation'],
    'no-copy-class': 'redundant',
  },
};

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
  });
});
