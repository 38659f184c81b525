import { describe, expect, it } from 'vitest';
import { defineGrid, gridStates, initialState, type GridEvent } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, refusal, twoClusterRun, volsers } from './helpers.js';

const [A1, A2, A3] = volsers(3) as [string, string, string];

/** A1 written through C1 with No Copy at C0: its only copy is in C1's cache. */
const onlyOnC1: GridEvent[] = [
  insertScratch(1, [A1]),
  { type: 'scratch-mount', host: 'HOST', cluster: 1, managementClass: 'MCNONE' },
  { type: 'write', cluster: 1, volser: A1 },
  { type: 'rewind-unload', cluster: 1, volser: A1 },
];

describe('topology (TOP)', () => {
  it('TOP-1: each cluster offers 256 virtual devices by default; a cluster with its devices in use refuses more mounts', () => {
    expect(defineGrid(twoClusterRun).clusters.map((cluster) => cluster.virtualDevices)).toEqual([256, 256]);
    const small = { ...twoClusterRun, clusters: [{ virtualDevices: 2 }, {}] };
    const { last } = after(small, [
      insertScratch(0, [A1, A2, A3]),
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' },
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' },
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' },
    ]);
    expect(refusal(last)).toBe('no-free-device');
  });

  it('TOP-2: a job reading a remote cache over a link that fails, fails; the rerun uses another link', () => {
    const remote = after(twoClusterRun, [...onlyOnC1, { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 }]);
    const first = mounted(remote.last);
    expect(first.ioCluster).toBe(1);
    const cut = continueFrom(remote.state, [{ type: 'link-fail', between: [0, 1], link: 0 }]);
    expect(ofKind(cut.last, 'job-failed')).toEqual([expect.objectContaining({ volser: A1, reason: 'link-failed' })]);
    const rerun = continueFrom(cut.state, [{ type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 }]);
    expect(mounted(rerun.last).ioCluster).toBe(1);
    expect(rerun.state.volumes[A1]?.mounts[0]?.linkIndex).toBe(1);
  });

  it('TOP-2: with all links between two clusters down there is no remote cache access between them', () => {
    const { last } = after(twoClusterRun, [
      ...onlyOnC1,
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 },
      { type: 'rewind-unload', cluster: 0, volser: A1 },
      ...cutBoth(0, 1),
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 },
    ]);
    expect(refusal(last)).toBe('no-valid-copy');
  });

  it('TOP-3: a host link failure with an alternate path changes nothing; with no path left the host loses that cluster only', () => {
    const running = after(twoClusterRun, [insertScratch(0, [A1, A2]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' }, { type: 'host-link-fail', host: 'HOST', cluster: 0 }]);
    expect(running.last).toEqual([]);
    expect(gridStates(running.state)).toEqual([]);
    expect(running.state.volumes[A1]?.mounts).toHaveLength(1);
    const noPath = continueFrom(running.state, [{ type: 'host-link-fail', host: 'HOST', cluster: 0 }]);
    expect(ofKind(noPath.last, 'job-failed')).toEqual([expect.objectContaining({ reason: 'no-host-path' })]);
    expect(gridStates(noPath.state)).toEqual([]);
    const viaC1 = continueFrom(noPath.state, [{ type: 'scratch-mount', host: 'HOST', cluster: 1, managementClass: 'MCRUN' }]);
    expect(mounted(viaC1.last).cluster).toBe(1);
  });

  it('TOP-4: AOTM whose TSSC path rides the grid links takes "links down" for "owner down" and takes over a live cluster', () => {
    const aotm = (tsscNetwork: 'independent' | 'shared-with-grid-links') => ({
      ...twoClusterRun,
      clusters: [{}, { aotm: { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork } }],
    });
    const events: GridEvent[] = [
      insertScratch(0, [A1]),
      ...cutBoth(0, 1),
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 },
      { type: 'advance', minutes: 20 },
    ];
    const shared = after(aotm('shared-with-grid-links'), events);
    expect(ofKind(shared.last, 'aotm-takeover')).toEqual([expect.objectContaining({ at: 1, of: 0, ownerActuallyDown: false })]);
    const independent = after(aotm('independent'), events);
    expect(ofKind(independent.last, 'aotm-takeover')).toEqual([]);
    expect(ofKind(independent.last, 'aotm-no-takeover')).toHaveLength(1);
  });

  it('the model starts healthy: all clusters up, all links up, no grid state', () => {
    const state = initialState(defineGrid({ clusters: 6, classes: { MC: { 0: 'RDDDDD' } } }));
    expect(state.clusters).toEqual(['up', 'up', 'up', 'up', 'up', 'up']);
    expect(Object.keys(state.links)).toHaveLength(15);
    expect(gridStates(state)).toEqual([]);
  });
});
