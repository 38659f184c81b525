import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionArbitrary, invariants, runActions, safeSetupArbitrary } from '../../properties/index.js';
import { renderTrace } from '../../reports/index.js';

/**
 * The model's own consistency: on random grids of 1 to 8 clusters with random policies, failures and
 * operator actions (a runbook that only takes over clusters confirmed down, AOTM on independent TSSC
 * networks), every invariant holds. Modest runs here; `npm run verify:deep` runs many more.
 */
const runs = Number(process.env.TAPEGRID_PROPERTY_RUNS ?? 60);
const seed = Number(process.env.TAPEGRID_SEED ?? 20261124);

describe('the model keeps every invariant on generated grids (model-based)', () => {
  it(`no invariant is violated on generated grids (${runs} grids, seed ${seed})`, () => {
    const property = fc.property(
      safeSetupArbitrary(8).chain((setup) => fc.tuple(fc.constant(setup), fc.array(actionArbitrary(setup), { minLength: 1, maxLength: 30, size: 'max' }))),
      ([setup, actions]) => {
        const outcome = runActions(setup, actions, invariants);
        if (outcome.violation !== null) {
          throw new Error(`${outcome.violation.invariant}: ${outcome.violation.message}\n${renderTrace(setup.definition, outcome).join('\n')}`);
        }
      },
    );
    expect(() => fc.assert(property, { numRuns: runs, seed })).not.toThrow();
  });

  it('generated grids cover 1 to 8 clusters, both kinds, Sync classes and several hosts', () => {
    const samples = fc.sample(safeSetupArbitrary(8), { numRuns: 300, seed });
    const sizes = new Set(samples.map((setup) => setup.definition.clusters.length));
    expect([...sizes].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(samples.some((setup) => setup.definition.clusters.some((cluster) => cluster.kind === 'disk-only'))).toBe(true);
    expect(samples.some((setup) => setup.definition.managementClasses.some((mc) => Object.values(mc.copyModes).some((modes) => modes.filter((point) => point === 'S').length === 2)))).toBe(true);
    expect(samples.some((setup) => setup.definition.hosts.length === 2)).toBe(true);
  });
});
