import { describe, expect, it } from 'vitest';
import { defineGrid, initialState, runEvents, type GridEvent, type GridState } from '../../model/index.js';
import { drTestBeginEvents, drTestEndEvents, survivesLossOfOneCluster, type VerifySetup } from '../../properties/index.js';
import { drTestSetup } from './drTestSetup.js';

/**
 * DRT-7 during a DR test with broken links (11.9.2): the survival check also loses a production
 * cluster while the test runs, with its links still broken, not only after the test has ended.
 * Grid: C0 and C1 at production, C2 at the DR site; class MC keeps copies on C0 and C2 only; the
 * runbook designates C1 as the one survivor that takes C0 over; the test breaks the links to C2 and
 * sets no takeover there.
 */
const setup: VerifySetup = {
  definition: defineGrid({
    clusters: [{ site: 'production' }, { site: 'production' }, { site: 'dr' }],
    classes: { MC: { 0: 'RND' } },
    hosts: [
      { name: 'PROD', site: 'production', online: [0, 1] },
      { name: 'DRHOST', site: 'dr', online: [2], role: 'dr-test', scratchCategory: '0032', privateCategory: '003F' },
    ],
    categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }, { id: '0032', expireHoldMinutes: 0 }], private: ['000F', '003F'] },
  }),
  runbook: [{ mode: 'write', at: [1], of: [0], when: 'cluster-confirmed-down', duringDrTest: false }],
  drTest: drTestSetup({ clusters: [2], links: 'broken' }),
  survivesLossOfOneCluster: [],
  volumesPerHost: 1,
};

const written: GridEvent[] = [
  { type: 'insert', cluster: 0, volsers: ['A00001'], category: '0002' },
  { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' },
  { type: 'write', cluster: 0, volser: 'A00001' },
  { type: 'rewind-unload', cluster: 0, volser: 'A00001' },
  { type: 'deferred-copy' },
];

describe('survives the loss of one cluster, also during a DR test with broken links (DRT-7)', () => {
  it('C0 lost while the test runs: C1 takes over but cannot reach the only other copy at C2, and C2 has no takeover: caught', () => {
    const during = testUnderWay();
    expect(survivesLossOfOneCluster.atEnd?.(setup, during)).toMatch(/^after the loss of C0 during the DR test with its links broken, A00001 \(held by C0, C2\) cannot be read from any survivor/);
  });

  it('the same loss after the test has ended and its links are back: C1 reads the copy at C2 over the grid', () => {
    const ended = runEvents(testUnderWay(), drTestEndEvents(setup)).state;
    expect(survivesLossOfOneCluster.atEnd?.(setup, ended)).toBeNull();
  });
});

/** A00001 written at C0 and copied to C2, then the DR test begins and breaks the links to C2. */
function testUnderWay(): GridState {
  const copied = runEvents(initialState(setup.definition), written).state;
  return runEvents(copied, drTestBeginEvents(setup)).state;
}
