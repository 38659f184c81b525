import { describe, expect, it } from 'vitest';
import { defineGrid, step, type GridState, type StepResult } from '../../model/index.js';
import { defaultExhaustiveBounds, noDualOwnership, runCopiesMade, verify, writeProtectHolds, type Invariant, type StepFunction, type VerifySetup } from '../../properties/index.js';

/**
 * Trust in the checks: deliberately broken variants of the model. Each must be caught by the
 * invariant meant for it in the exhaustive search at its default scope, with a trace of at most 12
 * actions; the correct model must be proven within the same scope.
 */

const seed = 20261124;

/** Two clusters, a host on both, RUN both ways; takeovers only of clusters confirmed down. */
function setup(overrides: Partial<VerifySetup> = {}, writeProtectC1 = false): VerifySetup {
  return {
    definition: defineGrid({
      clusters: [{}, { writeProtect: { enabled: writeProtectC1, excludedCategories: ['0012'], ignoreFastReady: false } }],
      classes: { MCRUN: { 0: 'RR', 1: 'RR' } },
      hosts: [{ name: 'PROD', online: [0, 1] }],
      categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }], private: ['000F'] },
    }),
    runbook: [
      { mode: 'read', when: 'cluster-confirmed-down', duringDrTest: false },
    ],
    drTest: null,
    survivesLossOfOneCluster: [],
    volumesPerHost: 4,
    ...overrides,
  };
}

/** Exhaustive search alone (random layer off) at the default scope: the correct model is proven, the broken one caught. */
function caught(name: string, target: Invariant, broken: StepFunction, explored: VerifySetup): number {
  const clean = verify(explored, { exhaustive: defaultExhaustiveBounds, runs: 0, seed, maxSteps: 40, invariants: [target] });
  expect(clean.verdicts[0]?.status, `${target.id} must be proven within scope for the correct model`).toBe('proven-within-scope');
  const result = verify(explored, { exhaustive: defaultExhaustiveBounds, runs: 0, seed, maxSteps: 40, invariants: [target], stepFunction: broken });
  const verdict = result.verdicts[0];
  expect(verdict?.status, `${name} must be caught by ${target.id}`).toBe('violated');
  const length = verdict?.status === 'violated' ? verdict.counterexample.steps.length : -1;
  console.log(`seeded bug "${name}": caught by ${target.id} in the exhaustive search, shortest trace ${length} step(s)`);
  return length;
}

/** Bug 1: ownership handed over without the owner's answer (a takeover no one set). */
const ownershipWithoutAnswer: StepFunction = (state, event) => {
  const result = step(state, event);
  const refusedUnreachable = result.observations.some((observation) => observation.kind === 'refused' && observation.reason === 'owner-unreachable');
  if (!refusedUnreachable || (event.type !== 'specific-mount' && event.type !== 'scratch-mount')) return result;
  const forced: GridState = {
    ...state,
    takeovers: [...state.takeovers, ...state.definition.clusters.filter((cluster) => cluster.id !== event.cluster).map((cluster) => ({ at: event.cluster, of: cluster.id, mode: 'write' as const, source: 'operator' as const }))],
  };
  const retried = step(forced, event);
  return { ...retried, state: { ...retried.state, takeovers: state.takeovers } };
};

/** Bug 2: a takeover that ignores ROT's read-only limit (the taker gets write access). */
const takeoverIgnoresReadOnly: StepFunction = (state, event) => {
  const result = step(state, event);
  for (const volume of Object.values(result.state.volumes)) {
    // Step results are shared and frozen: the broken variant builds changed volumes instead.
    result.state.volumes[volume.volser] = {
      ...volume,
      ownership: volume.ownership.map((token) => (token.access === 'read-only' ? { ...token, access: 'full' } : token)),
      mounts: volume.mounts.map((mount) => (mount.readOnlyReason === 'read-only-takeover' ? { ...mount, writable: true, readOnlyReason: null } : mount)),
    };
  }
  return result;
};

/** Bug 3: rewind-unload reports RUN complete before the copy is made. */
const runCompleteBeforeCopy: StepFunction = (state, event) => {
  const result = step(state, event);
  if (event.type !== 'rewind-unload') return result;
  for (const observation of result.observations) {
    if (observation.kind !== 'rewind-unload') continue;
    const volume = result.state.volumes[observation.volser];
    if (volume === undefined) continue;
    const copies = { ...volume.copies };
    for (const cluster of observation.runCopies) {
      const copy = copies[cluster];
      const previous = state.volumes[observation.volser]?.copies[cluster]?.dataVersion ?? null;
      if (copy !== undefined) copies[cluster] = { ...copy, dataVersion: previous };
    }
    result.state.volumes[observation.volser] = { ...volume, copies };
  }
  return result;
};

/** Bug 4: write protect ignores category changes. */
const writeProtectIgnoresCategoryChanges: StepFunction = (state, event): StepResult<GridState> => {
  const result = step(state, event);
  const blocked = result.observations.some((observation) => observation.kind === 'refused' && observation.reason === 'write-protected');
  if (!blocked || (event.type !== 'change-category' && event.type !== 'return-to-scratch')) return result;
  const unprotected = { ...state, writeProtect: state.writeProtect.map(() => false) };
  const retried = step(unprotected, event);
  return { ...retried, state: { ...retried.state, writeProtect: state.writeProtect } };
};

describe('seeded bugs are caught', () => {
  it('OWN-2 bug: ownership handed over without the owner\'s answer is caught by no-dual-ownership', () => {
    expect(caught('ownership without the owner\'s answer', noDualOwnership, ownershipWithoutAnswer, setup())).toBeLessThanOrEqual(12);
  });

  it('OWN-4 bug: a takeover that ignores ROT\'s read-only limit is caught by write-protect-holds', () => {
    expect(caught('ROT without its read-only limit', writeProtectHolds, takeoverIgnoresReadOnly, setup())).toBeLessThanOrEqual(12);
  });

  it('CCP-1 bug: rewind-unload reporting RUN complete before the copy is caught by run-copies-made', () => {
    expect(caught('RUN complete before the copy', runCopiesMade, runCompleteBeforeCopy, setup())).toBeLessThanOrEqual(12);
  });

  it('WP-1 bug: write protect that ignores category changes is caught by write-protect-holds', () => {
    expect(caught('write protect ignores category changes', writeProtectHolds, writeProtectIgnoresCategoryChanges, setup({}, true))).toBeLessThanOrEqual(12);
  });
});
