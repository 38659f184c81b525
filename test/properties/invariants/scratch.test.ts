import { describe, expect, it } from 'vitest';
import { defineGrid, initialState, runEvents, type GridEvent, type GridState, type Observation } from '../../../model/index.js';
import { drTestBeginEvents, scratchSafety, type VerifySetup } from '../../../properties/index.js';
import { drTestSetup } from '../drTestSetup.js';

/**
 * CAT-5 and 11.9.7 as scratch-safety sees them. Production PROD on C0 writes with class MC, which
 * keeps its only copy on C0; the DR host DRHOST on C1 reads production volumes remotely. The test
 * keeps the links, lets production return volumes to scratch, and removes Fast Ready of 0002 at C1
 * (11.10.4 step 7). Scratch category 0002 has an expire time of 24 hours with hold.
 */
function setupWith(lengthMinutes: number | null): VerifySetup {
  return {
    definition: defineGrid({
      clusters: [{ site: 'production' }, { site: 'dr' }],
      classes: { MC: { 0: 'RN', 1: 'RN' } },
      hosts: [
        { name: 'PROD', site: 'production', online: [0] },
        { name: 'DRHOST', site: 'dr', online: [1], role: 'dr-test', scratchCategory: '0032', privateCategory: '003F' },
      ],
      categories: { scratch: [{ id: '0002', expireHoldMinutes: 1440, deleteExpireMinutes: 1440 }, { id: '0032', expireHoldMinutes: 0 }], private: ['000F', '003F'] },
    }),
    runbook: [],
    drTest: drTestSetup({ clusters: [1], links: 'kept', removeFastReady: ['0002'], ...(lengthMinutes === null ? {} : { lengthMinutes }) }),
    survivesLossOfOneCluster: [],
    volumesPerHost: 1,
  };
}

/** A00001 written by production, the DR test begun, then A00001 returned to scratch by production. */
function scratchedDuringTest(setup: VerifySetup): GridState {
  const events: GridEvent[] = [
    { type: 'insert', cluster: 0, volsers: ['A00001', 'A00002'], category: '0002' },
    { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' },
    { type: 'write', cluster: 0, volser: 'A00001' },
    { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
    ...drTestBeginEvents(setup),
    { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: 'A00001' },
  ];
  return runEvents(initialState(setup.definition), events).state;
}

/** The verdict of scratch-safety on one step from `before`. */
function judge(setup: VerifySetup, before: GridState, events: GridEvent[]): string | null {
  const { state: after, trace } = runEvents(before, events);
  const observations = trace.flatMap((entry) => entry.observations);
  const facts = { setup, before, after, resolved: { action: { kind: 'advance' as const, minutes: 0 }, events }, observations };
  return scratchSafety.situation?.(facts) === false ? 'not exercised' : scratchSafety.check(facts);
}

describe('scratch-safety and Delete Expire (CAT-5, 11.9.7)', () => {
  it('the DR host reads a volume production scratched during the test while its expire time has not passed', () => {
    const setup = setupWith(null);
    const early = runEvents(scratchedDuringTest(setup), [{ type: 'advance', minutes: 1439 }]).state;
    expect(judge(setup, early, [{ type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: 'A00001' }])).toBeNull();
  });

  it('after the expire time Delete Expire has deleted the only copy (at C0), and the DR host, whose catalog still says private, loses its input: caught', () => {
    const setup = setupWith(null);
    const late = runEvents(scratchedDuringTest(setup), [{ type: 'advance', minutes: 1440 }]).state;
    expect(judge(setup, late, [{ type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: 'A00001' }])).toBe(
      'DRHOST mounted A00001, private in its catalog, through C1: Delete Expire had deleted its data (it was returned to scratch category 0002 elsewhere and its expire time passed)',
    );
  });

  it('a specific mount that shows the DR host an empty volume it records as private is caught; a step with no mount does not put the question', () => {
    const setup = setupWith(null);
    const test = setup.drTest;
    if (test === null) throw new Error('setup has a DR test');
    // Fast Ready left on at C1: once the hold has passed, production's return to scratch makes A00001 a blank volume there (CAT-1).
    const plain: VerifySetup = { ...setup, drTest: { ...test, removeFastReady: [] } };
    const scratched = runEvents(scratchedDuringTest(plain), [{ type: 'advance', minutes: 1440 }]).state;
    expect(judge(plain, scratched, [{ type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: 'A00001' }])).toBe(
      'DRHOST mounted A00001, private in its catalog, and was shown an empty volume (it was returned to scratch elsewhere)',
    );
    expect(judge(plain, scratched, [{ type: 'advance', minutes: 5 }])).toBe('not exercised');
    // Production mounting its own scratched volume is shown empty too, but its catalog says scratch: fine.
    expect(judge(plain, scratched, [{ type: 'specific-mount', host: 'PROD', cluster: 0, volser: 'A00001' }])).toBeNull();
  });

  it('reuse behind broken links is not a reuse the DR host sees (11.9.7): production reuses A00001 while the links are down', () => {
    const setup = setupWith(3 * 1440);
    const atTwoDays = runEvents(scratchedDuringTest(setup), [{ type: 'advance', minutes: 2 * 1440 }, ...[0, 1, 2, 3].map((index): GridEvent => ({ type: 'link-fail', between: [0, 1], link: index }))]).state;
    expect(judge(setup, atTwoDays, [{ type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' }])).toBeNull();
  });

  it('production reuses the volume after the hold: caught while the test still runs, not once its planned length has passed', () => {
    const running = setupWith(3 * 1440);
    const reuse: GridEvent[] = [{ type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' }];
    const atTwoDays = runEvents(scratchedDuringTest(running), [{ type: 'advance', minutes: 2 * 1440 }]).state;
    expect(judge(running, atTwoDays, reuse)).toBe('PROD reused A00001 as scratch while DRHOST still records it as private');
    const short = setupWith(1440);
    const afterTest = runEvents(scratchedDuringTest(short), [{ type: 'advance', minutes: 2 * 1440 }]).state;
    expect(judge(short, afterTest, reuse)).toBeNull();
    // The test is over exactly at its planned end.
    const exact = setupWith(2 * 1440);
    expect(judge(exact, runEvents(scratchedDuringTest(exact), [{ type: 'advance', minutes: 2 * 1440 }]).state, reuse)).toBeNull();
    expect(judge(exact, runEvents(scratchedDuringTest(exact), [{ type: 'advance', minutes: 2 * 1440 - 1 }]).state, reuse)).toBe('PROD reused A00001 as scratch while DRHOST still records it as private');
  });
});

/** The verdict on hand-made observations a broken model might produce, against a real state. */
function judgeObserved(setup: VerifySetup, before: GridState, observations: readonly Observation[]): string | null {
  const facts = { setup, before, after: before, resolved: { action: { kind: 'advance' as const, minutes: 0 }, events: [] }, observations };
  return scratchSafety.situation?.(facts) === false ? 'not exercised' : scratchSafety.check(facts);
}

const shown = (host: string, volser: string, cluster: number, mountKind: 'scratch' | 'specific'): Observation => ({ kind: 'mount', host, cluster, volser, mountKind, ioCluster: cluster, surfaced: 'empty', writable: true, recall: false, dataVersion: 0 });

describe('scratch-safety: whose catalog, which mount, which refusal (CAT-1, CAT-2, CAT-5)', () => {
  it('a volume no host records as private, or one still in a private category, does not put the question', () => {
    const setup = setupWith(null);
    const beforeScratch = runEvents(initialState(setup.definition), [
      { type: 'insert', cluster: 0, volsers: ['A00001', 'A00002'], category: '0002' },
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' },
      { type: 'write', cluster: 0, volser: 'A00001' },
      { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
      ...drTestBeginEvents(setup),
    ]).state;
    expect(beforeScratch.catalogs.DRHOST?.A00001).toBe('private');
    expect(judge(setup, beforeScratch, [{ type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: 'A00001' }])).toBe('not exercised');
    // Without a DR test only production's catalog exists, and it says scratch once production returned the volume.
    const alone: VerifySetup = { ...setup, drTest: null };
    const scratched = runEvents(initialState(alone.definition), [
      { type: 'insert', cluster: 0, volsers: ['A00001', 'A00002'], category: '0002' },
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' },
      { type: 'write', cluster: 0, volser: 'A00001' },
      { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
      { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: 'A00001' },
    ]).state;
    expect(scratched.catalogs.PROD?.A00001).toBe('scratch');
    expect(judge(alone, scratched, [{ type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' }])).toBe('not exercised');
  });

  it('a mount refused for another reason than deleted data is not a Delete Expire loss', () => {
    const setup = setupWith(null);
    const late = runEvents(scratchedDuringTest(setup), [{ type: 'advance', minutes: 1440 }]).state;
    const refused: Observation = { kind: 'refused', operation: 'specific-mount', reason: 'no-ownership', host: 'DRHOST', volser: 'A00001', cluster: 1 };
    expect(judgeObserved(setup, late, [refused])).toBe('not exercised');
    expect(judgeObserved(setup, late, [refused, shown('PROD', 'A00002', 0, 'specific')])).toBeNull();
    // Deleted data refused to production, whose own catalog says scratch, is no loss either.
    const deleted: Observation = { ...refused, reason: 'data-deleted', host: 'PROD', cluster: 0, detail: '0002' };
    expect(judgeObserved(setup, late, [deleted])).toBeNull();
    expect(judgeObserved(setup, late, [{ ...deleted, host: 'DRHOST', cluster: 1 }])).toBe(
      'DRHOST mounted A00001, private in its catalog, through C1: Delete Expire had deleted its data (it was returned to scratch category 0002 elsewhere and its expire time passed)',
    );
  });

  it('an empty volume shown by a stale read at the mount cluster is OWN-12\'s case, not a return to scratch; a stale read elsewhere does not excuse it', () => {
    const setup = setupWith(null);
    const scratched = scratchedDuringTest(setup);
    const empty = shown('DRHOST', 'A00001', 1, 'specific');
    const message = 'DRHOST mounted A00001, private in its catalog, and was shown an empty volume (it was returned to scratch elsewhere)';
    expect(judgeObserved(setup, scratched, [empty])).toBe(message);
    const stale: Observation = { kind: 'stale-read', volser: 'A00001', cluster: 1, readVersion: 0, newestVersion: 1 };
    expect(judgeObserved(setup, scratched, [empty, stale])).toBeNull();
    expect(judgeObserved(setup, scratched, [empty, { ...stale, cluster: 0 }])).toBe(message);
    expect(judgeObserved(setup, scratched, [empty, { ...stale, volser: 'A00002' }])).toBe(message);
  });

  it('a scratch mount is always empty: it is judged as a reuse, not as data lost, and a host\'s own record does not count against it', () => {
    const setup = setupWith(null);
    const scratched = scratchedDuringTest(setup);
    expect(scratched.catalogs.DRHOST?.A00001).toBe('private');
    expect(judgeObserved(setup, scratched, [shown('DRHOST', 'A00001', 1, 'scratch')])).toBeNull();
    expect(judgeObserved(setup, scratched, [shown('PROD', 'A00001', 0, 'scratch')])).toBe('PROD reused A00001 as scratch while DRHOST still records it as private');
  });

  it('another production host that still records the volume needs it past the DR test\'s planned end, through any cluster it reaches', () => {
    const definition = defineGrid({
      clusters: [{ site: 'production' }, { site: 'dr' }],
      linksPerPair: 1,
      classes: { MC: { 0: 'RN', 1: 'RN' } },
      hosts: [
        { name: 'PROD', site: 'production', online: [0] },
        { name: 'PROD2', site: 'dr', online: [1, 0] },
        { name: 'DRHOST', site: 'dr', online: [1], role: 'dr-test', scratchCategory: '0032', privateCategory: '003F' },
      ],
      categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }, { id: '0032', expireHoldMinutes: 0 }], private: ['000F', '003F'] },
    });
    const setup: VerifySetup = { ...setupWith(60), definition };
    const state = runEvents(initialState(definition), [
      { type: 'insert', cluster: 0, volsers: ['A00001', 'A00002'], category: '0002' },
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' },
      { type: 'write', cluster: 0, volser: 'A00001' },
      { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
      { type: 'snapshot-catalog', from: 'PROD', to: 'PROD2' },
      { type: 'begin-dr-test', lengthMinutes: 60 },
      { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: 'A00001' },
      { type: 'advance', minutes: 120 },
      // PROD2 reaches C1 only across the broken link, but C0 directly.
      { type: 'link-fail', between: [0, 1], link: 0 },
    ]).state;
    expect(state.catalogs.PROD2?.A00001).toBe('private');
    expect(judgeObserved(setup, state, [shown('PROD', 'A00001', 0, 'scratch')])).toBe('PROD reused A00001 as scratch while PROD2 still records it as private');
  });
});
