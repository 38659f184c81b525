import { describe, expect, it } from 'vitest';
import { dualOwnedVolumes, readabilityThrough, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, insertScratch, mounted, ofKind, refusal, volsers } from './helpers.js';

/**
 * Ownership across failures, partitions and restores (OWN-7, OWN-13, OWN-14): a restored cluster
 * learns of every takeover of its volumes and gives up its stale ownership; two survivors that
 * cannot reach each other and both hold write takeover of the same failed cluster can both take
 * the same volume (the split brain the seed's 11.1 warns of).
 */

const [A1] = volsers(1);
const volser = A1 as string;
const threeClusters: GridSketch = { clusters: 3, classes: { MCALL: { 0: 'RRR', 1: 'RRR', 2: 'RRR' } }, hosts: [{ name: 'HOST', online: [0, 1, 2] }] };

/** A1 inserted at C0 and written through C0 in `managementClass`: C0 owns it. */
function writtenAtC0(managementClass: string): GridEvent[] {
  return [
    insertScratch(0, [volser]),
    { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass },
    { type: 'write', cluster: 0, volser },
    { type: 'rewind-unload', cluster: 0, volser },
  ];
}

/** Both grid links between two clusters fail. */
function linksDown(a: number, b: number): GridEvent[] {
  return [0, 1].map((link) => ({ type: 'link-fail', between: [a, b], link }) as GridEvent);
}

/** C0 owns A1 with copies everywhere, then C0 fails and C1 takes A1 over with write access. */
const takenByC1: GridEvent[] = [
  ...writtenAtC0('MCALL'),
  { type: 'cluster-fail', cluster: 0 },
  { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
  { type: 'specific-mount', host: 'HOST', cluster: 1, volser },
  { type: 'rewind-unload', cluster: 1, volser },
];

describe('restore after a takeover (OWN-7, OWN-14)', () => {
  it('a volume taken over and then moved on by a normal transfer: the restored cluster, with every link up, gives up its stale ownership', () => {
    const { state, observations } = after(threeClusters, [
      ...takenByC1,
      { type: 'specific-mount', host: 'HOST', cluster: 2, volser },
      { type: 'rewind-unload', cluster: 2, volser },
      { type: 'cluster-restore', cluster: 0 },
    ]);
    expect(state.clusters[0]).toBe('up');
    expect(dualOwnedVolumes(state)).toEqual([]);
    expect(state.volumes[volser]?.ownership.map((token) => token.cluster)).toEqual([2]);
    // The trace shows the reconciliation as an event.
    expect(ofKind(observations, 'ownership-reconciled')).toEqual([{ kind: 'ownership-reconciled', volser, cluster: 0, holder: 2 }]);
    // The takeover mode for C0 ends with its restore (OWN-7).
    expect(state.takeovers).toEqual([]);
  });

  it('restored while the taker is down: C0 still learns of the takeover and never resumes ownership of the volume', () => {
    const { state, last } = after(threeClusters, [
      ...takenByC1,
      { type: 'cluster-fail', cluster: 1 },
      { type: 'cluster-restore', cluster: 0 },
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser },
    ]);
    expect(state.clusters[0]).toBe('up');
    expect(state.volumes[volser]?.ownership.some((token) => token.cluster === 0)).toBe(false);
    expect(refusal(last)).toBe('owner-unreachable');
    expect(dualOwnedVolumes(state)).toEqual([]);
  });

  it('restored while cut off from an operational taker: the restore is refused (cannot-rejoin), C0 stays out of the grid', () => {
    const { state, last } = after(threeClusters, [
      ...takenByC1,
      ...linksDown(0, 1),
      { type: 'cluster-restore', cluster: 0 },
    ]);
    expect(refusal(last)).toBe('cannot-rejoin');
    expect(state.clusters[0]).toBe('down');
  });
});

/** C0 fails while C1 and C2 are cut apart; both get write takeover of C0 and C1 takes A1. */
const cutOff: GridEvent[] = [
  ...writtenAtC0('MCALL'),
  ...linksDown(1, 2),
  { type: 'cluster-fail', cluster: 0 },
  { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
  { type: 'set-takeover', at: 2, of: 0, mode: 'write' },
  { type: 'specific-mount', host: 'HOST', cluster: 1, volser },
];

describe('several survivors (OWN-13)', () => {

  it('two survivors that cannot reach each other, both with write takeover of C0, both take the same volume: dual ownership', () => {
    const { state, last } = after(threeClusters, [...cutOff, { type: 'specific-mount', host: 'HOST', cluster: 2, volser }]);
    expect(mounted(last).cluster).toBe(2);
    expect(dualOwnedVolumes(state)).toEqual([{ volser, owners: [1, 2] }]);
  });

  it('the same survivors joined by a link: the second gets the volume from the first by a normal transfer, one owner', () => {
    const joined = cutOff.filter((event) => event.type !== 'link-fail');
    const { state, last } = after(threeClusters, [...joined, { type: 'rewind-unload', cluster: 1, volser }, { type: 'specific-mount', host: 'HOST', cluster: 2, volser }]);
    expect(ofKind(last, 'ownership-transfer')).toEqual([{ kind: 'ownership-transfer', volser, from: 1, to: 2 }]);
    expect(dualOwnedVolumes(state)).toEqual([]);
  });
});

describe('what a survivor knows of a takeover (OWN-5, OWN-13)', () => {
  it('a survivor that took a volume over and passed it on knows its new holder: cut off from it, it cannot take the volume from C0 again', () => {
    // Found by the exhaustive search on examples/three-cluster-one-survivor.yaml (7 actions).
    const { state, last } = after(threeClusters, [
      ...takenByC1,
      { type: 'specific-mount', host: 'HOST', cluster: 2, volser },
      ...linksDown(1, 2),
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser },
    ]);
    expect(refusal(last)).toBe('owner-unreachable');
    expect(ofKind(last, 'ownership-takeover')).toEqual([]);
    expect(dualOwnedVolumes(state)).toEqual([]);
  });

  it('a survivor cut off from the taker but joined to a cluster that knows of the takeover learns it and takes nothing from C0', () => {
    // Four clusters: C1-C2 links down; C1 takes A1 over while C3 can reach C1, so C3's database records it; C2 reaches C3.
    const fourClusters: GridSketch = { clusters: 4, classes: { MCALL: { 0: 'RRRR', 1: 'RRRR', 2: 'RRRR', 3: 'RRRR' } }, hosts: [{ name: 'HOST', online: [0, 1, 2, 3] }] };
    const events: GridEvent[] = [...cutOff, { type: 'specific-mount', host: 'HOST', cluster: 2, volser }];
    const { state, last } = after(fourClusters, events);
    expect(refusal(last)).toBe('owner-unreachable');
    expect(dualOwnedVolumes(state)).toEqual([]);
    // With C3 cut off from C1 too, nobody C2 can reach knows: C2 takes the volume and the split brain of OWN-13 follows.
    const isolated = after(fourClusters, [...linksDown(1, 3), ...events]);
    expect(dualOwnedVolumes(isolated.state)).toEqual([{ volser, owners: [1, 2] }]);
  });
});

describe('readability means the latest data (OWN-12)', () => {
  it('a cluster cut off from a later write, with read takeover, holds only a stale copy: not readable', () => {
    const twoClusters: GridSketch = { clusters: 2, classes: { MCRUN: { 0: 'RR', 1: 'RR' } }, hosts: [{ name: 'HOST', online: [0, 1] }] };
    const { state } = after(twoClusters, [
      ...writtenAtC0('MCRUN'),
      ...linksDown(0, 1),
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser },
      { type: 'write', cluster: 0, volser },
      { type: 'rewind-unload', cluster: 0, volser },
      { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
    ]);
    expect(readabilityThrough(state, volser, 0)).toMatchObject({ kind: 'readable', ioCluster: 0 });
    expect(readabilityThrough(state, volser, 1)).toEqual({ kind: 'unreadable', reason: 'stale-copy-only' });
  });
});
