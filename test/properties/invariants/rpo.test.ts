import { describe, expect, it } from 'vitest';
import { defineGrid, initialState, runEvents, type GridEvent, type GridState, type Observation } from '../../../model/index.js';
import { runCopiesMade, survivesLossOfOneCluster, type StepFacts, type TakeoverRule, type VerifySetup } from '../../../properties/index.js';
import { drTestSetup } from '../drTestSetup.js';
import { repairEvents } from '../../../properties/invariants/rpo.js';

/**
 * CCP-1, CCP-3 to CCP-6, GS-4, DRT-7 as run-copies-made and survives-loss-of-one-cluster judge a step
 * or a state. Two clusters, one link; classes MCRUN (RUN at both), MCSYNC (Sync at both), MCONE (a
 * single copy at the mount cluster); PROD mounts through C0.
 */
function setupWith(options: { runbook?: readonly TakeoverRule[]; mustSurvive?: readonly string[] } = {}): VerifySetup {
  return {
    definition: defineGrid({
      clusters: [{ site: 'a' }, { site: 'b' }],
      linksPerPair: 1,
      classes: { MCRUN: { 0: 'RR', 1: 'RR' }, MCSYNC: { 0: 'SS', 1: 'SS' }, MCONE: { 0: 'RN', 1: 'NR' } },
      hosts: [{ name: 'PROD', site: 'a', online: [0] }],
    }),
    runbook: options.runbook ?? [{ mode: 'write', when: 'cluster-confirmed-down', duringDrTest: false }],
    drTest: null,
    survivesLossOfOneCluster: options.mustSurvive ?? [],
    volumesPerHost: 1,
  };
}

const insert: GridEvent = { type: 'insert', cluster: 0, volsers: ['A00001'], category: '0002' };

/** A00001 mounted and written through C0 in `managementClass`, not yet unloaded. */
function writing(setup: VerifySetup, managementClass: string, extra: readonly GridEvent[] = []): GridState {
  return runEvents(initialState(setup.definition), [insert, ...extra, { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass }, { type: 'write', cluster: 0, volser: 'A00001' }]).state;
}

/** The facts of a real rewind-unload from `before`. */
function unloaded(setup: VerifySetup, before: GridState): StepFacts {
  const events: GridEvent[] = [{ type: 'rewind-unload', cluster: 0, volser: 'A00001' }];
  const { state: after, trace } = runEvents(before, events);
  return { setup, before, after, resolved: { action: { kind: 'unload', mount: 0 }, events }, observations: trace.flatMap((entry) => entry.observations) };
}

/** A rewind-unload a broken model might report, against unchanged states. */
function claimed(setup: VerifySetup, before: GridState, unload: Partial<Extract<Observation, { kind: 'rewind-unload' }>>): StepFacts {
  const observation: Observation = { kind: 'rewind-unload', volser: 'A00001', dataVersion: 1, runCopies: [], immediateDeferred: [], overrideDeferred: [], deferred: [], runCopyMB: 0, ...unload };
  return { setup, before, after: before, resolved: { action: { kind: 'unload', mount: 0 }, events: [] }, observations: [observation] };
}

describe('run-copies-made (CCP-1, CCP-4 to CCP-6, GS-4)', () => {
  it('a RUN job with the link up ends with its copy at C1: exercised and kept', () => {
    const setup = setupWith();
    const stepFacts = unloaded(setup, writing(setup, 'MCRUN'));
    expect(runCopiesMade.situation?.(stepFacts)).toBe(true);
    expect(runCopiesMade.check(stepFacts)).toBeNull();
  });

  it('with the link down the RUN copy is deferred and GS-4 raised: that is the seed\'s exception, not a violation', () => {
    const setup = setupWith();
    const stepFacts = unloaded(setup, writing(setup, 'MCRUN', [{ type: 'link-fail', between: [0, 1], link: 0 }]));
    expect(stepFacts.observations.some((observation) => observation.kind === 'rewind-unload' && observation.immediateDeferred.includes(1))).toBe(true);
    expect(runCopiesMade.check(stepFacts)).toBeNull();
  });

  it('a job that ends without its RUN or Sync copy and without GS-4 is caught, naming the point', () => {
    const setup = setupWith();
    expect(runCopiesMade.check(claimed(setup, writing(setup, 'MCRUN'), {}))).toBe('A00001 finished with RUN point C1 but has no copy there and no GS-4');
    // A Sync write copies as it writes; a model that lost that copy by the end of the job is caught.
    const sync = claimed(setup, writing(setup, 'MCSYNC'), {});
    const volume = sync.after.volumes.A00001;
    if (volume === undefined) throw new Error('A00001 was written');
    const lostCopy = { ...sync, after: { ...sync.after, volumes: { ...sync.after.volumes, A00001: { ...volume, copies: { 0: volume.copies[0] } } } } } as StepFacts;
    expect(runCopiesMade.check(sync)).toBeNull();
    expect(runCopiesMade.check(lostCopy)).toBe('A00001 finished with Sync point C1 but has no copy there and no GS-4');
    // Deferred "with GS-4" only counts when the grid really raised GS-4.
    expect(runCopiesMade.check(claimed(setup, writing(setup, 'MCRUN'), { immediateDeferred: [1] }))).toBe('A00001 finished with RUN point C1 but has no copy there and no GS-4');
  });

  it('Copy Policy Override reporting RUN complete with a copy left for later breaks the promise (CCP-5)', () => {
    const setup = setupWith();
    expect(runCopiesMade.check(claimed(setup, writing(setup, 'MCRUN'), { overrideDeferred: [1] }))).toBe('rewind-unload of A00001 reported RUN complete without the RUN copy on C1 (Copy Policy Override)');
  });

  it('a class with no RUN or Sync point away from the I/O cache, and an unload of a job that wrote nothing, do not exercise it', () => {
    const setup = setupWith();
    expect(runCopiesMade.situation?.(unloaded(setup, writing(setup, 'MCONE')))).toBe(false);
    expect(runCopiesMade.check(claimed(setup, writing(setup, 'MCONE'), {}))).toBeNull();
    expect(runCopiesMade.situation?.(claimed(setup, writing(setup, 'MCRUN'), { dataVersion: null }))).toBe(false);
    expect(runCopiesMade.check(claimed(setup, writing(setup, 'MCRUN'), { dataVersion: null }))).toBeNull();
  });
});

describe('run-copies-made: which job and which volume it judges', () => {
  it('a job in a RUN class that mounted and wrote nothing ends without data to copy: not exercised, no violation', () => {
    const setup = setupWith();
    const mounted = runEvents(initialState(setup.definition), [insert, { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCRUN' }]).state;
    const stepFacts = unloaded(setup, mounted);
    expect(stepFacts.observations.some((observation) => observation.kind === 'rewind-unload' && observation.dataVersion === null)).toBe(true);
    expect(runCopiesMade.situation?.(stepFacts)).toBe(false);
    expect(runCopiesMade.check(stepFacts)).toBeNull();
  });

  it('the unloaded volume is judged, not another one the grid holds', () => {
    const setup = setupWith();
    const withOther = runEvents(initialState(setup.definition), [
      { type: 'insert', cluster: 0, volsers: ['B00001', 'A00001'], category: '0002' },
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCRUN' },
      { type: 'write', cluster: 0, volser: 'A00001' },
    ]).state;
    expect(Object.keys(withOther.volumes)[0]).toBe('B00001');
    expect(withOther.volumes.A00001?.mounts.length).toBe(1);
    expect(runCopiesMade.check(claimed(setup, withOther, {}))).toBe('A00001 finished with RUN point C1 but has no copy there and no GS-4');
  });
});

describe('survives-loss-of-one-cluster (CCP-1 to CCP-3, OWN-5, DRT-7)', () => {
  it('a job in a class that must survive but keeps a single copy is caught when it ends', () => {
    const setup = setupWith({ mustSurvive: ['MCONE'] });
    const stepFacts = unloaded(setup, writing(setup, 'MCONE'));
    expect(survivesLossOfOneCluster.situation?.(stepFacts)).toBe(true);
    expect(survivesLossOfOneCluster.check(stepFacts)).toBe('A00001 was written in MCONE, which must survive the loss of one cluster, but MCONE as defined on C0 keeps a single copy');
  });

  it('two copy points, or a class not named in the targets, pass; no targets, no situation', () => {
    const surviving = setupWith({ mustSurvive: ['MCRUN'] });
    expect(survivesLossOfOneCluster.check(unloaded(surviving, writing(surviving, 'MCRUN')))).toBeNull();
    expect(survivesLossOfOneCluster.check(unloaded(surviving, writing(surviving, 'MCONE')))).toBeNull();
    const none = setupWith();
    expect(survivesLossOfOneCluster.situation?.(unloaded(none, writing(none, 'MCONE')))).toBe(false);
  });

  it('copied data stays readable at the survivor after either cluster is lost, with the runbook\'s write takeover', () => {
    const setup = setupWith();
    const copied = unloaded(setup, writing(setup, 'MCRUN')).after;
    expect(survivesLossOfOneCluster.endSituation?.(setup, copied)).toBe(true);
    expect(survivesLossOfOneCluster.atEnd?.(setup, copied)).toBeNull();
  });

  it('a runbook that allows no takeover leaves the copy at C1 unreadable once C0, its owner, is lost', () => {
    const setup = setupWith({ runbook: [] });
    const copied = unloaded(setup, writing(setup, 'MCRUN')).after;
    expect(survivesLossOfOneCluster.atEnd?.(setup, copied)).toBe("after the loss of C0, A00001 (held by C0, C1) cannot be read from any survivor, even with the runbook's takeover");
  });

  it('read-only takeover is enough to read (OWN-4): a runbook of read takeovers keeps the data readable', () => {
    const setup = setupWith({ runbook: [{ mode: 'read', when: 'cluster-confirmed-down', duringDrTest: false }] });
    expect(survivesLossOfOneCluster.atEnd?.(setup, unloaded(setup, writing(setup, 'MCRUN')).after)).toBeNull();
  });

  it('data with a single copy, or still mounted, is not yet protected: no situation at the end', () => {
    const setup = setupWith();
    expect(survivesLossOfOneCluster.endSituation?.(setup, unloaded(setup, writing(setup, 'MCONE')).after)).toBe(false);
    expect(survivesLossOfOneCluster.endSituation?.(setup, writing(setup, 'MCRUN'))).toBe(false);
    // Volumes only inserted hold no data yet, whatever records the clusters keep of them.
    expect(survivesLossOfOneCluster.endSituation?.(setup, runEvents(initialState(setup.definition), [{ type: 'insert', cluster: 0, volsers: ['A00001'], category: '0002' }, { type: 'insert', cluster: 1, volsers: ['A00002'], category: '0002' }]).state)).toBe(false);
  });

  it('data with a copy still queued is not yet protected; once the deferred copy is made it is', () => {
    const definition = defineGrid({ clusters: [{ site: 'a' }, { site: 'a' }, { site: 'b' }], linksPerPair: 1, classes: { MCRRD: { 0: 'RRD', 1: 'RRD', 2: 'RRD' } }, hosts: [{ name: 'PROD', site: 'a', online: [0] }] });
    const setup: VerifySetup = { ...setupWith(), definition };
    const queued = runEvents(initialState(definition), [
      { type: 'insert', cluster: 0, volsers: ['A00001'], category: '0002' },
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCRRD' },
      { type: 'write', cluster: 0, volser: 'A00001' },
      { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
    ]).state;
    expect(queued.copyQueue.map((copy) => copy.volser)).toEqual(['A00001']);
    expect(survivesLossOfOneCluster.endSituation?.(setup, queued)).toBe(false);
    // Another volume's queued copy does not hold back one whose copies are all made.
    const both = runEvents(queued, [
      { type: 'deferred-copy' },
      { type: 'insert', cluster: 0, volsers: ['A00002'], category: '0002' },
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCRRD' },
      { type: 'write', cluster: 0, volser: 'A00002' },
      { type: 'rewind-unload', cluster: 0, volser: 'A00002' },
    ]).state;
    expect(both.copyQueue.map((copy) => copy.volser)).toEqual(['A00002']);
    expect(survivesLossOfOneCluster.endSituation?.(setup, both)).toBe(true);
    const copied = runEvents(queued, [{ type: 'deferred-copy' }]).state;
    expect(copied.copyQueue).toEqual([]);
    expect(survivesLossOfOneCluster.endSituation?.(setup, copied)).toBe(true);
  });

  it('with targets, a job that wrote nothing is not exercised and not judged', () => {
    const setup = setupWith({ mustSurvive: ['MCONE'] });
    const mounted = runEvents(initialState(setup.definition), [insert, { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCONE' }]).state;
    const stepFacts = unloaded(setup, mounted);
    expect(survivesLossOfOneCluster.situation?.(stepFacts)).toBe(false);
    expect(survivesLossOfOneCluster.check(stepFacts)).toBeNull();
  });

  it('what the run broke is repaired first: a state with the links down and C1 failed is judged as a healthy grid losing one cluster', () => {
    const setup = setupWith();
    const copied = unloaded(setup, writing(setup, 'MCRUN')).after;
    const damaged = runEvents(copied, [{ type: 'link-fail', between: [0, 1], link: 0 }, { type: 'cluster-fail', cluster: 1 }]).state;
    expect(survivesLossOfOneCluster.atEnd?.(setup, damaged)).toBeNull();
    const noTakeover = setupWith({ runbook: [] });
    expect(survivesLossOfOneCluster.atEnd?.(noTakeover, damaged)).toBe("after the loss of C0, A00001 (held by C0, C1) cannot be read from any survivor, even with the runbook's takeover");
  });
});

/**
 * DRT-7, 11.9.2: a real disaster during a DR test that broke the links. C0 and C1 at the production
 * site, C2 the DR cluster under test; class MC keeps RUN copies at C1 and C2 (none at C0). PROD wrote
 * A00001 through C1 before the test, so C1 and C2 hold it; the test then broke every link to C2.
 */
describe('survives-loss-of-one-cluster while a DR test with broken links runs (DRT-7)', () => {
  function threeSites(runbook: readonly TakeoverRule[], links: 'broken' | 'kept' = 'broken'): VerifySetup {
    return {
      definition: defineGrid({
        clusters: [{ site: 'prod' }, { site: 'prod' }, { site: 'dr' }],
        linksPerPair: 1,
        classes: { MC: { 0: 'NRR', 1: 'NRR', 2: 'NRR' } },
        hosts: [
          { name: 'PROD', site: 'prod', online: [1] },
          { name: 'DRHOST', site: 'dr', online: [2], role: 'dr-test', scratchCategory: '0032', privateCategory: '003F' },
        ],
        categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }, { id: '0032', expireHoldMinutes: 0 }], private: ['000F', '003F'] },
      }),
      runbook,
      drTest: drTestSetup({ clusters: [2], links }),
      survivesLossOfOneCluster: [],
      volumesPerHost: 1,
    };
  }
  const onlyAtC0: TakeoverRule[] = [{ mode: 'write', at: [0], when: 'cluster-confirmed-down', duringDrTest: true }];
  const anywhere: TakeoverRule[] = [{ mode: 'write', when: 'cluster-confirmed-down', duringDrTest: true }];

  function duringTest(setup: VerifySetup, extra: readonly GridEvent[] = []): GridState {
    return runEvents(initialState(setup.definition), [
      { type: 'insert', cluster: 1, volsers: ['A00001'], category: '0002' },
      { type: 'scratch-mount', host: 'PROD', cluster: 1, managementClass: 'MC' },
      { type: 'write', cluster: 1, volser: 'A00001' },
      { type: 'rewind-unload', cluster: 1, volser: 'A00001' },
      { type: 'begin-dr-test' },
      ...[0, 1].map((cluster): GridEvent => ({ type: 'link-fail', between: [cluster, 2], link: 0 })),
      ...extra,
    ]).state;
  }

  it('losing C1 while the links to C2 are still broken: the runbook takes over at C0 only, which cannot reach the copy at C2', () => {
    const setup = threeSites(onlyAtC0);
    const state = duringTest(setup);
    const holders = Object.entries(state.volumes.A00001?.copies ?? {}).filter(([, copy]) => copy.dataVersion === 1).map(([id]) => id);
    expect(holders).toEqual(['1', '2']);
    expect(survivesLossOfOneCluster.endSituation?.(setup, state)).toBe(true);
    expect(survivesLossOfOneCluster.atEnd?.(setup, state)).toBe("after the loss of C1 during the DR test with its links broken, A00001 (held by C1, C2) cannot be read from any survivor, even with the runbook's takeover");
  });

  it('the same loss with a runbook that lets the DR cluster take over: C2 reads its own copy', () => {
    const setup = threeSites(anywhere);
    expect(survivesLossOfOneCluster.atEnd?.(setup, duringTest(setup))).toBeNull();
  });

  it('the disaster ends the test (DRT-7), so a runbook that allows no takeover during a test still applies', () => {
    const setup = threeSites([{ mode: 'write', when: 'cluster-confirmed-down', duringDrTest: false }]);
    expect(survivesLossOfOneCluster.atEnd?.(setup, duringTest(setup))).toBeNull();
  });

  it('once the test is over (or when it keeps the links), only the repaired grid losing one cluster is judged', () => {
    const kept = threeSites(onlyAtC0, 'kept');
    expect(survivesLossOfOneCluster.atEnd?.(kept, duringTest(kept))).toBeNull();
    const broken = threeSites(onlyAtC0);
    const ended = runEvents(duringTest(broken), [{ type: 'end-dr-test' }]).state;
    expect(ended.drTestActive).toBe(false);
    expect(survivesLossOfOneCluster.atEnd?.(broken, ended)).toBeNull();
  });

  it('a DR cluster that failed during the test and was taken over cannot rejoin across the broken links: losing another cluster then is a second loss, not judged', () => {
    const setup = threeSites(onlyAtC0);
    const state = duringTest(setup, [{ type: 'cluster-fail', cluster: 2 }, { type: 'set-takeover', at: 0, of: 2, mode: 'write' }]);
    // C2 must reach C0, which holds a takeover mode for it (OWN-7), to rejoin: not while the test's links are broken.
    const restored = runEvents(state, [{ type: 'cluster-restore', cluster: 2 }]).state;
    expect(restored.clusters[2]).toBe('down');
    expect(survivesLossOfOneCluster.atEnd?.(setup, state)).toBeNull();
  });
});

describe('the repair before a loss is judged: every failed link and cluster back, service ended (links first)', () => {
  it('a link of two down, a cluster down and one in service: each is repaired, links before clusters, and the grid is whole', () => {
    const definition = defineGrid({ clusters: [{ site: 'a' }, { site: 'a' }, { site: 'b' }], linksPerPair: 2, classes: { MC: { 0: 'RRR', 1: 'RRR', 2: 'RRR' } }, hosts: [{ name: 'PROD', site: 'a', online: [0] }] });
    const damaged = runEvents(initialState(definition), [
      { type: 'link-fail', between: [0, 2], link: 1 },
      { type: 'cluster-fail', cluster: 2 },
      { type: 'service-prep', cluster: 1 },
      { type: 'service-mode', cluster: 1 },
    ]).state;
    expect(damaged.clusters).toEqual(['up', 'service', 'down']);
    const events = repairEvents(damaged);
    expect(events).toEqual([
      { type: 'link-restore', between: [0, 2], link: 1 },
      { type: 'end-service', cluster: 1 },
      { type: 'cluster-restore', cluster: 2 },
    ]);
    const repaired = runEvents(damaged, events).state;
    expect(repaired.clusters).toEqual(['up', 'up', 'up']);
    expect(Object.values(repaired.links).flat().every((up) => up)).toBe(true);
    expect(repairEvents(repaired)).toEqual([]);
    const preparing = runEvents(initialState(definition), [{ type: 'service-prep', cluster: 0 }]).state;
    expect(repairEvents(preparing)).toEqual([{ type: 'end-service', cluster: 0 }]);
  });
});
