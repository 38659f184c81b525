import { describe, expect, it } from 'vitest';
import { defineGrid, step, type GridEvent, type GridState, type Observation, type StepResult } from '../../model/index.js';
import { noDualOwnership, verify, type Invariant, type VerifySetup } from '../../properties/index.js';

/**
 * The verify search across GDPS site switches (issue 14 item 2, GDPS-2 to GDPS-4): the two-site grid
 * of 11.8.1, production at east (SYSE on C0), SYSW at west on C1 until GDPS switches production there;
 * each host is cabled to the remote cluster with those devices offline (standby).
 */
function gdpsSetup(runbookWhen: 'cluster-confirmed-down' | 'owner-unreachable'): VerifySetup {
  return {
    definition: defineGrid({
      clusters: [{ site: 'east' }, { site: 'west' }],
      linksPerPair: 1,
      classes: { MCGDPS: { 0: 'RR', 1: 'RR' } },
      hosts: [
        { name: 'SYSE', site: 'east', online: [0], standby: [1] },
        { name: 'SYSW', site: 'west', online: [1], standby: [0] },
      ],
    }),
    runbook: [
      { mode: 'write', at: [1], of: [0], when: runbookWhen, duringDrTest: false },
      { mode: 'write', at: [0], of: [1], when: runbookWhen, duringDrTest: false },
    ],
    drTest: null,
    survivesLossOfOneCluster: [],
    volumesPerHost: 1,
    gdps: { sites: ['east', 'west'], production: 'east' },
  };
}

const scope = { volumesPerHost: 1, maxDepth: 6, maxStates: 20_000, maxFailures: 1, symmetry: true };

describe('no dual ownership across GDPS site switches (GDPS-2 to GDPS-4, OWN-11)', () => {
  it('with takeover only of a confirmed-down cluster, no dual ownership is proven within scope, and the search switched sites and varied devices online', () => {
    const result = verify(gdpsSetup('cluster-confirmed-down'), { exhaustive: scope, runs: 0, seed: 1, maxSteps: 0, invariants: [noDualOwnership] });
    expect(result.verdicts.map((verdict) => verdict.status)).toEqual(['proven-within-scope']);
    expect(result.exhaustive?.coverage.actionKinds).toEqual(expect.arrayContaining(['gdps-switch', 'vary-online', 'takeover']));
  });

  it('production moves with the switch: west\'s host mounts nothing until GDPS switches, and the search reaches a mount at west right after one', () => {
    // A probe, not a rule: "SYSW never mounts". Violated only if the search runs west's production after a switch.
    const westMounts: Invariant = {
      ...noDualOwnership,
      check: ({ observations }) => (observations.some((observation) => observation.kind === 'mount' && observation.host === 'SYSW') ? 'SYSW mounted a volume' : null),
    };
    const result = verify(gdpsSetup('cluster-confirmed-down'), { exhaustive: scope, runs: 0, seed: 1, maxSteps: 0, invariants: [westMounts] });
    const verdict = result.verdicts[0];
    expect(verdict?.status).toBe('violated');
    if (verdict?.status !== 'violated') return;
    expect(verdict.counterexample.steps.map((step) => step.action.kind)).toEqual(['gdps-switch', expect.stringMatching(/^(scratch|specific)-mount$/)]);
  });

  it('a model whose ownership transfer at mount leaves the old owner its token is caught (OWN-2, OWN-11)', () => {
    const result = verify(gdpsSetup('cluster-confirmed-down'), { exhaustive: scope, runs: 0, seed: 1, maxSteps: 0, invariants: [noDualOwnership], stepFunction: transferKeepsOldOwner });
    expect(result.verdicts[0]?.status).toBe('violated');
  });
});

/** A broken model: an ownership transfer at mount (OWN-2) gives the new owner a token but leaves the old owner its own. */
function transferKeepsOldOwner(state: GridState, event: GridEvent): StepResult<GridState> {
  const result = step(state, event);
  const transfers = result.observations.filter((observation): observation is Extract<Observation, { kind: 'ownership-transfer' }> => observation.kind === 'ownership-transfer');
  if (transfers.length === 0) return result;
  const volumes = { ...result.state.volumes };
  for (const transfer of transfers) {
    const volume = volumes[transfer.volser];
    if (volume !== undefined) volumes[transfer.volser] = { ...volume, ownership: [...volume.ownership, { cluster: transfer.from, access: 'full' }] };
  }
  return { state: { ...result.state, volumes }, observations: result.observations };
}
