import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, exhaustiveBoundsOf, loadConfig } from '../../config/index.js';
import { combineResults, invariants, requirementInvariants, type ExhaustiveBounds, randomPhase, verify, type VerifyResult, type VerifySetup } from '../../properties/index.js';
import { renderTrace } from '../../reports/index.js';

/**
 * The bundled examples under the exhaustive search at their default scope (the defaults, or the
 * example's own `verification` section; random layer off): every
 * unsafe example is caught with a short trace, every safe one is proven within scope (or the
 * invariant is not exercised). Then the whole verdict, random layer included, is the same for
 * seeds 1 to 20 (`TAPEGRID_SEED_RUNS` random runs per seed: modest here, 200 in `npm run verify:deep`).
 */

const root = join(import.meta.dirname, '..', '..');
const seedRuns = Number(process.env.TAPEGRID_SEED_RUNS ?? 30);

async function setupOf(path: string): Promise<{ setup: VerifySetup; bounds: ExhaustiveBounds }> {
  const loaded = await loadConfig(path);
  if (!loaded.ok) throw new Error(`${path} does not validate: ${JSON.stringify(loaded.problems)}`);
  return { setup: buildVerifySetup(loaded), bounds: exhaustiveBoundsOf(loaded.config) };
}

function traces(setup: VerifySetup, result: VerifyResult): string {
  return result.verdicts.map((verdict) => (verdict.status === 'violated' ? `${verdict.id}\n${renderTrace(setup.definition, verdict.counterexample).join('\n')}` : '')).join('\n');
}

/** Invariant ids (built-in, or the file's own requirements) named on the "# Caught by:" line of an unsafe example. */
function caughtBy(path: string): string[] {
  const line = readFileSync(path, 'utf8').split('\n').find((candidate) => candidate.startsWith('# Caught by:')) ?? '';
  // A requirement of the file's own is named "the requirement <name>".
  const requirements = [...line.matchAll(/requirement ([a-z0-9]+(?:-[a-z0-9]+)*)/g)].map((match) => match[1] ?? '');
  return [...invariants.map((invariant) => invariant.id).filter((id) => line.includes(id)), ...requirements];
}

/**
 * The verdict for seeds 1..20: the exhaustive result (seed-free) combined with each seed's random runs,
 * as safe or violated, with what is proven within scope. (Whether random runs happened to exercise an
 * invariant the search did not reach may differ by seed: "not exercised" and "no counterexample" are
 * both "no violation found".)
 */
function verdictsOverSeeds(setup: VerifySetup, bounds: ExhaustiveBounds, exhaustive: VerifyResult): string[] {
  const all = [...invariants, ...requirementInvariants(setup)];
  const open = all.filter((invariant) => exhaustive.verdicts.find((verdict) => verdict.id === invariant.id)?.status !== 'violated');
  return Array.from({ length: 20 }, (_, index) => {
    const random = randomPhase(setup, { runs: seedRuns, seed: index + 1, maxSteps: 40, maxFailures: bounds.maxFailures }, open);
    const combined = combineResults(setup, all, exhaustive, random);
    const violated = combined.verdicts.some((verdict) => verdict.status === 'violated');
    const proven = combined.verdicts.filter((verdict) => verdict.status === 'proven-within-scope').map((verdict) => verdict.id);
    return violated ? 'violated' : `no violation; proven within scope: ${proven.join(', ')}`;
  });
}

const safe = [
  ...readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.yaml')),
  ...readdirSync(join(root, 'examples', 'drtest')).filter((name) => name.endsWith('.yaml')).map((name) => `drtest/${name}`),
];
const unsafe = readdirSync(join(root, 'examples', 'unsafe')).filter((name) => name.endsWith('.yaml'));

describe('bundled safe examples', () => {
  // The one-survivor grids search 90,000 states: give them room on a busy 2-core machine.
  it.each(safe)('%s is proven within the default scope, and its verdict is the same for seeds 1 to 20', { timeout: 300_000 }, async (name) => {
    const { setup, bounds } = await setupOf(join(root, 'examples', name));
    const result = verify(setup, { exhaustive: bounds, runs: 0, seed: 1, maxSteps: 40 });
    expect(result.verdicts.filter((verdict) => verdict.status === 'violated').map((verdict) => verdict.id), traces(setup, result)).toEqual([]);
    for (const verdict of result.verdicts) expect(['proven-within-scope', 'not-exercised'], verdict.id).toContain(verdict.status);
    expect(result.verdicts.some((verdict) => verdict.status === 'proven-within-scope')).toBe(true);
    expect(result.exhaustive?.completeDepth ?? 0).toBeGreaterThanOrEqual(3);
    expect(new Set(verdictsOverSeeds(setup, bounds, result)).size).toBe(1);
  });
});

describe('bundled unsafe examples', () => {
  it('there are at least six, each saying what is wrong and which invariant catches it', () => {
    expect(unsafe.length).toBeGreaterThanOrEqual(6);
    for (const name of unsafe) {
      const text = readFileSync(join(root, 'examples', 'unsafe', name), 'utf8');
      expect(text, name).toMatch(/^# UNSAFE: /m);
      expect(text, name).toMatch(/^# What is wrong: /m);
      expect(caughtBy(join(root, 'examples', 'unsafe', name)).length, name).toBeGreaterThan(0);
    }
  });

  it.each(unsafe)('%s is caught by the exhaustive search alone, by the invariants its comment names, with a trace of at most 12 actions; violated for seeds 1 to 20', { timeout: 300_000 }, async (name) => {
    const path = join(root, 'examples', 'unsafe', name);
    const { setup, bounds } = await setupOf(path);
    const result = verify(setup, { exhaustive: bounds, runs: 0, seed: 1, maxSteps: 40 });
    const violated = result.verdicts.filter((verdict) => verdict.status === 'violated');
    expect(violated.map((verdict) => verdict.id)).toEqual(expect.arrayContaining(caughtBy(path)));
    for (const verdict of violated) {
      if (verdict.status !== 'violated') continue;
      expect(verdict.foundBy).toBe('exhaustive');
      expect(verdict.counterexample.steps.length, verdict.id).toBeLessThanOrEqual(12);
      // The printed replay reproduces the same trace.
      const replayed = verify(setup, { runs: 0, seed: 1, maxSteps: 40, replay: verdict.replay });
      const again = replayed.verdicts[0];
      expect(again?.status).toBe('violated');
      if (again?.status === 'violated') expect(renderTrace(setup.definition, again.counterexample)).toEqual(renderTrace(setup.definition, verdict.counterexample));
    }
    expect(new Set(verdictsOverSeeds(setup, bounds, result))).toEqual(new Set(['violated']));
  });
});
