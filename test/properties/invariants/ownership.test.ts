import { describe, expect, it } from 'vitest';
import { defineGrid, initialState, runEvents, type GridEvent, type GridState, type Observation } from '../../../model/index.js';
import { noDualOwnership, noWriteTakeoverOfLiveCluster, type Invariant, type StepFacts, type VerifySetup } from '../../../properties/index.js';

/**
 * OWN-1, OWN-3, OWN-4, OWN-11 as the ownership invariants judge a step. Two clusters, one per site,
 * one link; PROD writes A00001 through C0 with a RUN copy at C1, so C0 owns it and C1 has its data.
 */
const setup: VerifySetup = {
  definition: defineGrid({
    clusters: [{ site: 'a' }, { site: 'b' }],
    linksPerPair: 1,
    classes: { MC: { 0: 'RR', 1: 'RR' } },
    hosts: [{ name: 'PROD', site: 'a', online: [0, 1] }],
  }),
  runbook: [],
  drTest: null,
  survivesLossOfOneCluster: [],
  volumesPerHost: 2,
};

const written: GridEvent[] = [
  { type: 'insert', cluster: 0, volsers: ['A00001', 'A00002'], category: '0002' },
  { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' },
  { type: 'write', cluster: 0, volser: 'A00001' },
  { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
];

const linksDown: GridEvent = { type: 'link-fail', between: [0, 1], link: 0 };

function stateAfter(events: readonly GridEvent[]): GridState {
  return runEvents(initialState(setup.definition), events).state;
}

/** The facts of one step of `events` from `before`, optionally with observations of one's own. */
function facts(before: GridState, events: readonly GridEvent[], extra: readonly Observation[] = []): StepFacts {
  const { state: after, trace } = runEvents(before, events);
  return { setup, before, after, resolved: { action: { kind: 'advance', minutes: 0 }, events }, observations: [...trace.flatMap((entry) => entry.observations), ...extra] };
}

function verdict(invariant: Invariant, stepFacts: StepFacts): string | null {
  return invariant.situation?.(stepFacts) === false ? 'not exercised' : invariant.check(stepFacts);
}

describe('no-dual-ownership (OWN-1, OWN-11)', () => {
  it('write takeover of a cluster that is only cut off, then a mount through the taker: two write owners at once', () => {
    const before = stateAfter([...written, linksDown, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]);
    expect(verdict(noDualOwnership, facts(before, [{ type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' }]))).toBe('A00001 is owned for writing by C0 and C1 at once');
  });

  it('read-only takeover of the same cut-off cluster gives the taker read access only: no dual ownership', () => {
    const before = stateAfter([...written, linksDown, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }]);
    expect(verdict(noDualOwnership, facts(before, [{ type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' }]))).toBeNull();
  });

  it('write takeover of a cluster that is really down: the taker is the one write owner among working clusters', () => {
    const before = stateAfter([...written, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]);
    expect(verdict(noDualOwnership, facts(before, [{ type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' }]))).toBeNull();
  });

  it('a down cluster that comes back after the takeover gives up its token as it rejoins (OWN-7): still one write owner', () => {
    const taken = stateAfter([...written, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, { type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' }]);
    // OWN-7: C0 rejoins only after it learns of the takeover and drops its token.
    const restored = facts(taken, [{ type: 'cluster-restore', cluster: 0 }]);
    expect(restored.after.clusters[0]).toBe('up');
    expect(noDualOwnership.check(restored)).toBeNull();
  });

  it('split brain: both sides wrote while cut off; once the old owner is back, no dual token but two diverged versions', () => {
    const both = stateAfter([
      ...written,
      linksDown,
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'PROD', cluster: 0, volser: 'A00001' },
      { type: 'write', cluster: 0, volser: 'A00001' },
      { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
      { type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' },
      { type: 'write', cluster: 1, volser: 'A00001' },
      { type: 'rewind-unload', cluster: 1, volser: 'A00001' },
      { type: 'cluster-fail', cluster: 0 },
      { type: 'link-restore', between: [0, 1], link: 0 },
    ]);
    const rejoined = facts(both, [{ type: 'cluster-restore', cluster: 0 }]);
    expect(rejoined.after.clusters[0]).toBe('up');
    expect(noDualOwnership.check(rejoined)).toBe('A00001 has diverged: two working clusters hold versions changed independently');
    // While C0 is down its diverged version is out of the grid's reach; in service preparation it is still working.
    const whileDown: StepFacts = { ...rejoined, after: both };
    expect(both.clusters[0]).toBe('down');
    expect(noDualOwnership.check(whileDown)).toBeNull();
    const volume = both.volumes.A00001;
    if (volume === undefined) throw new Error('A00001 missing');
    const inServicePrep: GridState = {
      ...both,
      clusters: both.clusters.map((status, id) => (id === 0 ? 'service-prep' : status)),
      // C0 has given up its token (no dual owner left to report); its diverged copy remains.
      volumes: { ...both.volumes, A00001: { ...volume, ownership: volume.ownership.filter((token) => token.cluster !== 0) } },
    };
    expect(noDualOwnership.check({ ...rejoined, after: inServicePrep })).toBe('A00001 has diverged: two working clusters hold versions changed independently');
  });

  it('a planned ownership transfer at mount through the grid is put to the test and passes', () => {
    const stepFacts = facts(stateAfter(written), [{ type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' }]);
    expect(stepFacts.observations.some((observation) => observation.kind === 'ownership-transfer')).toBe(true);
    expect(noDualOwnership.situation?.(stepFacts)).toBe(true);
    expect(noDualOwnership.check(stepFacts)).toBeNull();
  });

  it('a step with no ownership move does not exercise it', () => {
    expect(noDualOwnership.situation?.(facts(stateAfter(written), [{ type: 'advance', minutes: 5 }]))).toBe(false);
    const takeover = facts(stateAfter([...written, linksDown, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]), [{ type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' }]);
    expect(takeover.observations.some((observation) => observation.kind === 'ownership-takeover')).toBe(true);
    expect(noDualOwnership.situation?.(takeover)).toBe(true);
  });
});

describe('no-write-takeover-of-live-cluster (OWN-3, OWN-9, TOP-4)', () => {
  it('an operator sets write takeover of a cluster that is alive but unreachable: caught with where and of whom', () => {
    const stepFacts = facts(stateAfter([...written, linksDown]), [{ type: 'set-takeover', at: 1, of: 0, mode: 'write' }]);
    expect(noWriteTakeoverOfLiveCluster.situation?.(stepFacts)).toBe(true);
    expect(noWriteTakeoverOfLiveCluster.check(stepFacts)).toBe('write ownership takeover of C0 set at C1 while C0 is alive');
  });

  it('read takeover of a live cluster, and write takeover of a cluster that is down, are allowed', () => {
    expect(noWriteTakeoverOfLiveCluster.check(facts(stateAfter([...written, linksDown]), [{ type: 'set-takeover', at: 1, of: 0, mode: 'read' }]))).toBeNull();
    expect(noWriteTakeoverOfLiveCluster.check(facts(stateAfter([...written, { type: 'cluster-fail', cluster: 0 }]), [{ type: 'set-takeover', at: 1, of: 0, mode: 'write' }]))).toBeNull();
  });

  it('AOTM enabling write takeover of a live cluster (its TSSC path shared with the grid links) is caught; of a dead one, not', () => {
    const quiet = facts(stateAfter(written), []);
    const alive: Observation = { kind: 'aotm-takeover', at: 1, of: 0, mode: 'write', ownerActuallyDown: false, message: '' };
    const dead: Observation = { ...alive, ownerActuallyDown: true };
    const readOnly: Observation = { ...alive, mode: 'read' };
    expect(noWriteTakeoverOfLiveCluster.check({ ...quiet, observations: [alive] })).toBe('AOTM at C1 enabled write takeover of C0, which is alive');
    expect(noWriteTakeoverOfLiveCluster.check({ ...quiet, observations: [dead] })).toBeNull();
    expect(noWriteTakeoverOfLiveCluster.check({ ...quiet, observations: [readOnly] })).toBeNull();
    expect(noWriteTakeoverOfLiveCluster.situation?.({ ...quiet, observations: [dead] })).toBe(true);
    expect(noWriteTakeoverOfLiveCluster.situation?.(quiet)).toBe(false);
    // A step with other observations (a mount moving ownership) sets no takeover mode.
    const mount = facts(stateAfter(written), [{ type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' }]);
    expect(mount.observations.length).toBeGreaterThan(0);
    expect(noWriteTakeoverOfLiveCluster.situation?.(mount)).toBe(false);
  });
});
