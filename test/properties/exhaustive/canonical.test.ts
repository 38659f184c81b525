import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, loadConfig } from '../../../config/index.js';
import { step, type GridState } from '../../../model/index.js';
import { actionArbitrary, canonicalize, enabledActions, resolveAction, startState, volumeSymmetry, type VerifySetup } from '../../../properties/index.js';

/**
 * The exhaustive search is sound only if a state and its canonical form behave alike: the canonical
 * successors of a state are exactly those of its canonical form (a bisimulation up to renaming).
 * Checked at every step of random runs on bundled examples.
 */

const root = join(import.meta.dirname, '..', '..', '..');

async function setupOf(name: string, volumesPerHost: number): Promise<VerifySetup> {
  const loaded = await loadConfig(join(root, 'examples', name));
  if (!loaded.ok) throw new Error(`${name} does not validate`);
  return buildVerifySetup(loaded, volumesPerHost);
}

function successorKeys(setup: VerifySetup, state: GridState): string[] {
  const symmetry = volumeSymmetry(setup);
  const keys = enabledActions(setup, state).map((resolved) => {
    let current = state;
    for (const event of resolved.events) current = step(current, event).state;
    return canonicalize(current, symmetry).key;
  });
  return [...new Set(keys)].sort();
}

describe('canonical states behave like the states they stand for', () => {
  it.each(['two-cluster-ha.yaml', 'drtest/two-cluster-links-broken.yaml', 'three-cluster-disk-disk-tape.yaml', 'four-cluster-hybrid.yaml'])(
    '%s: the canonical successors of a state and of its canonical form are the same set',
    async (name) => {
      const setup = await setupOf(name, 2);
      const symmetry = volumeSymmetry(setup);
      fc.assert(
        fc.property(fc.array(actionArbitrary(setup), { minLength: 1, maxLength: 12 }), (actions) => {
          let state = startState(setup);
          for (const action of actions) {
            const resolved = resolveAction(setup, state, action);
            if (resolved === null) continue;
            for (const event of resolved.events) state = step(state, event).state;
            const canonical = canonicalize(state, symmetry);
            // Canonicalising twice changes nothing, and the successors agree.
            expect(canonicalize(canonical.build(), symmetry).key).toBe(canonical.key);
            expect(successorKeys(setup, canonical.build())).toEqual(successorKeys(setup, state));
          }
        }),
        { numRuns: Number(process.env.TAPEGRID_PROPERTY_RUNS ?? 25), seed: 7 },
      );
    },
  );
});
