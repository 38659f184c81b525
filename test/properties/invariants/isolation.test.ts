import { describe, expect, it } from 'vitest';
import { defineGrid, initialState, runEvents, type GridEvent, type GridState, type Observation } from '../../../model/index.js';
import { drTestIsolation, writeProtectHolds, type StepFacts, type VerifySetup } from '../../../properties/index.js';
import { drTestSetup } from '../drTestSetup.js';

/**
 * WP-1 to WP-4, OWN-4, DRT-2, DRT-3 as the write-protect and DR-test invariants judge a step.
 * Production PROD on C0 (site prod); the DR cluster C1 (site dr) is write-protected with the DR host's
 * categories 0032 and 003F excluded; DRHOST tests on C1. Class MC keeps copies on both clusters.
 * The model refuses the changes these invariants look for, so the tests hand them the observations
 * a broken model would produce, against real states.
 */
const setup: VerifySetup = {
  definition: defineGrid({
    clusters: [{ site: 'prod' }, { site: 'dr', writeProtect: { enabled: false, excludedCategories: ['0032', '003F'], ignoreFastReady: true } }],
    linksPerPair: 1,
    classes: { MC: { 0: 'RR', 1: 'RR' }, MCTEST: { 1: 'NR' } },
    hosts: [
      { name: 'PROD', site: 'prod', online: [0, 1] },
      { name: 'DRHOST', site: 'dr', online: [1], role: 'dr-test', scratchCategory: '0032', privateCategory: '003F' },
    ],
    categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }, { id: '0032', expireHoldMinutes: 0 }], private: ['000F', '003F'] },
  }),
  runbook: [],
  drTest: drTestSetup({ clusters: [1], links: 'kept', writeProtect: true }),
  survivesLossOfOneCluster: [],
  volumesPerHost: 1,
};

/** A00001 written by production (copies on C0 and C1, category 000F); B00001 is the test's scratch volume at C1. */
const stage: GridEvent[] = [
  { type: 'insert', cluster: 0, volsers: ['A00001'], category: '0002' },
  { type: 'insert', cluster: 1, volsers: ['B00001'], category: '0032' },
  { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' },
  { type: 'write', cluster: 0, volser: 'A00001' },
  { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
];

function stateAfter(events: readonly GridEvent[]): GridState {
  return runEvents(initialState(setup.definition), events).state;
}

function facts(before: GridState, observations: readonly Observation[], events: readonly GridEvent[] = [{ type: 'write', cluster: 1, volser: 'A00001' }]): StepFacts {
  return { setup, before, after: before, resolved: { action: { kind: 'advance', minutes: 0 }, events }, observations };
}

const protectedDr = (): GridState => stateAfter([...stage, { type: 'begin-dr-test' }, { type: 'set-write-protect', cluster: 1, enabled: true }]);
const write = (volser: string, cluster: number, host = 'DRHOST'): Observation => ({ kind: 'write', volser, cluster, host, dataVersion: 2, ioCluster: cluster, syncCopies: [] });
const recategorised = (volser: string, cluster: number, host = 'DRHOST'): Observation => ({ kind: 'attributes-changed', volser, cluster, host, category: '0002', managementClass: 'MC', previousCategory: '000F' });

describe('write-protect-holds (WP-1 to WP-4, OWN-4)', () => {
  it('data written to a production volume through the write-protected DR cluster is caught, with the category', () => {
    expect(writeProtectHolds.check(facts(protectedDr(), [write('A00001', 1)]))).toBe('A00001 (category 000F) had its data written through write-protected C1');
  });

  it('a category change through the protected cluster is caught too', () => {
    expect(writeProtectHolds.check(facts(protectedDr(), [recategorised('A00001', 1)]))).toBe('A00001 (category 000F) had its category or constructs changed (000F -> 0002) through write-protected C1');
  });

  it('the same change through the unprotected production cluster, or to a volume in an excluded category, is allowed', () => {
    expect(writeProtectHolds.check(facts(protectedDr(), [write('A00001', 0, 'PROD')]))).toBeNull();
    const testVolume = stateAfter([...stage, { type: 'set-write-protect', cluster: 1, enabled: true }]);
    expect(testVolume.volumes.B00001?.copies[1]?.category).toBe('0032');
    expect(writeProtectHolds.check(facts(testVolume, [write('B00001', 1)]))).toBeNull();
  });

  it('with write protect off at the DR cluster, a write there is not its concern', () => {
    expect(writeProtectHolds.check(facts(stateAfter(stage), [write('A00001', 1, 'PROD')]))).toBeNull();
  });

  it('a change through a cluster that holds the volume under read ownership takeover is caught (OWN-4)', () => {
    const taken = stateAfter([
      ...stage,
      { type: 'link-fail', between: [0, 1], link: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
      { type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' },
    ]);
    expect(taken.volumes.A00001?.ownership.some((token) => token.cluster === 1)).toBe(true);
    expect(writeProtectHolds.check({ ...facts(taken, [write('A00001', 1, 'PROD')]), after: taken })).toBe('A00001 had its data written through C1, which holds it under read ownership takeover');
  });

  it('a volume taken with write takeover is held read-only once the operator selects read takeover (OWN-4, OWN-7): a change through the taker is caught', () => {
    const writeTaken: GridEvent[] = [
      ...stage,
      { type: 'link-fail', between: [0, 1], link: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' },
    ];
    const underWrite = stateAfter(writeTaken);
    expect(underWrite.volumes.A00001?.ownership.find((token) => token.cluster === 1)).toEqual(expect.objectContaining({ access: 'full', takenFrom: 0 }));
    const writeThroughTaker = (state: GridState): string | null => writeProtectHolds.check({ ...facts(state, [write('A00001', 1, 'PROD')]), after: state });
    expect(writeThroughTaker(underWrite)).toBeNull();
    const nowRead = stateAfter([...writeTaken, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }]);
    expect(writeThroughTaker(nowRead)).toBe('A00001 had its data written through C1, which holds it under read ownership takeover');
    // Read takeover selected at another cluster, or of another cluster, does not make C1's token read-only.
    const elsewhere: GridState = { ...underWrite, takeovers: [{ at: 0, of: 0, mode: 'read', source: 'operator' }, { at: 1, of: 1, mode: 'read', source: 'operator' }, ...underWrite.takeovers] };
    expect(writeThroughTaker(elsewhere)).toBeNull();
  });

  it('a volume taken from a cluster in service preparation or service keeps full access under read takeover (OWN-6)', () => {
    for (const service of ['service-prep', 'service'] as const) {
      const taken = stateAfter([
        ...stage,
        { type: 'link-fail', between: [0, 1], link: 0 },
        { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
        { type: 'specific-mount', host: 'PROD', cluster: 1, volser: 'A00001' },
        { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
      ]);
      const inService: GridState = { ...taken, clusters: taken.clusters.map((status, id) => (id === 0 ? service : status)) };
      expect(writeProtectHolds.check({ ...facts(inService, [write('A00001', 1, 'PROD')]), after: inService }), service).toBeNull();
    }
  });

  it('a volume inserted into the insert category may be changed through a write-protected cluster (WP-2)', () => {
    const inserted = stateAfter([...stage, { type: 'insert', cluster: 1, volsers: ['C00001'] }, { type: 'set-write-protect', cluster: 1, enabled: true }]);
    const category = inserted.volumes.C00001?.copies[1]?.category;
    expect(category).toBe(inserted.definition.categories.insert);
    expect(writeProtectHolds.check(facts(inserted, [recategorised('C00001', 1)]))).toBeNull();
  });

  it('is put to the test by host I/O while write protect or a read takeover is in effect, and only then', () => {
    const mount: GridEvent[] = [{ type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: 'A00001' }];
    expect(writeProtectHolds.situation?.(facts(protectedDr(), [], mount))).toBe(true);
    expect(writeProtectHolds.situation?.(facts(stateAfter(stage), [], mount))).toBe(false);
    expect(writeProtectHolds.situation?.(facts(protectedDr(), [], [{ type: 'advance', minutes: 5 }]))).toBe(false);
    const readTakeover = stateAfter([...stage, { type: 'link-fail', between: [0, 1], link: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }]);
    expect(writeProtectHolds.situation?.(facts(readTakeover, [], [{ type: 'return-to-scratch', host: 'PROD', cluster: 1, volser: 'A00001' }]))).toBe(true);
    // Each kind of host operation puts it to the test on its own.
    const operations: GridEvent[] = [
      { type: 'write', cluster: 1, volser: 'A00001' },
      { type: 'scratch-mount', host: 'DRHOST', cluster: 1, managementClass: 'MCTEST' },
      { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: 'A00001' },
      { type: 'return-to-scratch', host: 'DRHOST', cluster: 1, volser: 'B00001' },
    ];
    for (const operation of operations) expect(writeProtectHolds.situation?.(facts(protectedDr(), [], [operation])), operation.type).toBe(true);
    // A write takeover (not read-only) with write protect off puts nothing to this test.
    const writeTakeover = stateAfter([...stage, { type: 'link-fail', between: [0, 1], link: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]);
    expect(writeTakeover.takeovers).toHaveLength(1);
    expect(writeProtectHolds.situation?.(facts(writeTakeover, [], mount))).toBe(false);
  });
});

describe('dr-test-isolation (DRT-2, DRT-3, WP-5, OWN-9)', () => {
  const during = (): GridState => stateAfter([...stage, { type: 'begin-dr-test' }]);

  it('the DR host writing or re-categorising a production volume is caught, naming host, volume and cluster', () => {
    expect(drTestIsolation.check(facts(during(), [write('A00001', 1)]))).toBe('DR test host DRHOST wrote production volume A00001 through C1');
    expect(drTestIsolation.check(facts(during(), [recategorised('A00001', 1)]))).toBe('DR test host DRHOST changed the category (000F -> 0002) of production volume A00001 through C1');
  });

  it('production writing a volume of the test range is caught; production writing its own volumes during the test is not', () => {
    expect(drTestIsolation.check(facts(during(), [write('B00001', 0, 'PROD')]))).toBe('production host PROD wrote test volume B00001 through C0');
    expect(drTestIsolation.check(facts(during(), [write('A00001', 0, 'PROD'), recategorised('A00001', 0, 'PROD')]))).toBeNull();
  });

  it('a test volume copied to a production cluster is caught, by a deferred copy or a RUN copy at unload', () => {
    const copy: Observation = { kind: 'copy', volser: 'B00001', dataVersion: 1, from: 1, to: 0, ageMinutes: 1 };
    expect(drTestIsolation.check(facts(during(), [copy]))).toBe('test volume B00001 was copied to production cluster C0');
    const unload: Observation = { kind: 'rewind-unload', volser: 'B00001', dataVersion: 1, runCopies: [0], immediateDeferred: [], overrideDeferred: [], deferred: [], runCopyMB: 0 };
    expect(drTestIsolation.check(facts(during(), [unload]))).toBe('test volume B00001 was copied to production cluster C0');
    // A production volume's copies, and a test volume kept at the DR cluster, are the normal case.
    expect(drTestIsolation.check(facts(during(), [{ ...copy, volser: 'A00001' }, { ...copy, to: 1 }]))).toBeNull();
  });

  it('the DR host\'s own work on its own volumes, and anything after a declared disaster, is allowed (DRT-7)', () => {
    expect(drTestIsolation.check(facts(during(), [write('B00001', 1)]))).toBeNull();
    const disaster = stateAfter([...stage, { type: 'begin-dr-test' }, { type: 'cluster-fail', cluster: 0 }, { type: 'declare-disaster', host: 'DRHOST' }]);
    expect(drTestIsolation.check(facts(disaster, [write('A00001', 1)]))).toBeNull();
  });

  it('a cluster that is not part of the test is production, even at the DR site: a test volume copied there is caught', () => {
    const threeClusters: VerifySetup = {
      ...setup,
      definition: defineGrid({
        clusters: [{ site: 'prod' }, { site: 'dr' }, { site: 'dr' }],
        classes: { MC: { 0: 'RRR', 1: 'RRR', 2: 'RRR' } },
        hosts: [
          { name: 'PROD', site: 'prod', online: [0] },
          { name: 'DRHOST', site: 'dr', online: [1], role: 'dr-test', scratchCategory: '0032', privateCategory: '003F' },
        ],
        categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }, { id: '0032', expireHoldMinutes: 0 }], private: ['000F', '003F'] },
      }),
    };
    const before = runEvents(initialState(threeClusters.definition), [{ type: 'insert', cluster: 1, volsers: ['B00001'], category: '0032' }, { type: 'begin-dr-test' }]).state;
    const copy: Observation = { kind: 'copy', volser: 'B00001', dataVersion: 1, from: 1, to: 2, ageMinutes: 1 };
    expect(drTestIsolation.check({ ...facts(before, [copy]), setup: threeClusters })).toBe('test volume B00001 was copied to production cluster C2');
    expect(drTestIsolation.check({ ...facts(before, [{ ...copy, to: 0 }]), setup: threeClusters })).toBe('test volume B00001 was copied to production cluster C0');
    // The test cluster itself, at the same site, may hold it.
    expect(drTestIsolation.check({ ...facts(before, [{ ...copy, from: 2, to: 1 }]), setup: threeClusters })).toBeNull();
  });

  it('with the DR host listed first its range is the first letter: production using it is still caught', () => {
    const reversed: VerifySetup = { ...setup, definition: { ...setup.definition, hosts: [...setup.definition.hosts].reverse() } };
    expect(drTestIsolation.check({ ...facts(during(), [write('A00001', 0, 'PROD')]), setup: reversed })).toBe('production host PROD wrote test volume A00001 through C0');
  });

  it('is exercised only while a test runs (the step that begins it included), and never without a DR test in the configuration', () => {
    expect(drTestIsolation.situation?.({ ...facts(stateAfter(stage), []), after: during() })).toBe(true);
    expect(drTestIsolation.situation?.(facts(during(), []))).toBe(true);
    expect(drTestIsolation.situation?.(facts(stateAfter(stage), []))).toBe(false);
    const noTest: VerifySetup = { ...setup, drTest: null };
    expect(drTestIsolation.situation?.({ ...facts(during(), []), setup: noTest })).toBe(false);
    expect(drTestIsolation.check({ ...facts(during(), [write('A00001', 1)]), setup: noTest })).toBeNull();
  });
});
