import { describe, expect, it } from 'vitest';
import type { GridEvent, GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, volsers } from './helpers.js';

/**
 * Failures and repairs (TOP-2, TOP-3, OWN-6, OWN-7, GS-5, 11.8.1): which jobs each failure ends and
 * why, what is called home, and what the MI refuses (a component that does not exist, a repair of
 * something not failed, service mode out of order).
 */
const [A1, A2] = volsers(2) as [string, string];
const three: GridSketch = { clusters: [{ site: 'prod' }, { site: 'prod' }, { site: 'dr' }], classes: { MC: { 0: 'RRR', 1: 'RRR', 2: 'RRR' }, MCNONE: { 0: 'NRN' } } };
const refusals = (observations: Parameters<typeof ofKind>[0]) => ofKind(observations, 'refused');
const jobFailures = (observations: Parameters<typeof ofKind>[0]) => ofKind(observations, 'job-failed').map((failure) => `${failure.volser}@C${failure.cluster} ${failure.reason}`);

/** A1 is written with its only copy at C1 (MCNONE from C0 keeps data at C1), then mounted through C0, whose I/O cache is C1's. */
const remoteMount: GridEvent[] = [
  insertScratch(0, [A1, A2]),
  { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCNONE' },
  { type: 'write', cluster: 0, volser: A1 },
  { type: 'rewind-unload', cluster: 0, volser: A1 },
  { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 },
];

describe('grid links (TOP-2, GS-5)', () => {
  it('a remote mount ends when the link it uses fails, not when the other link does; the failure calls home naming the link', () => {
    const start = after(three, remoteMount);
    expect(mounted(start.last)).toMatchObject({ cluster: 0, ioCluster: 1 });
    const otherLink = continueFrom(start.state, [{ type: 'link-fail', between: [0, 1], link: 1 }]);
    expect(jobFailures(otherLink.last)).toEqual([]);
    expect(ofKind(otherLink.last, 'call-home')).toEqual([{ kind: 'call-home', component: 'grid link 2 C0-C1' }]);
    const usedLink = continueFrom(start.state, [{ type: 'link-fail', between: [0, 1], link: 0 }]);
    expect(jobFailures(usedLink.last)).toEqual([`${A1}@C0 link-failed`]);
    // A link of another pair leaves the job alone.
    expect(jobFailures(continueFrom(start.state, [{ type: 'link-fail', between: [0, 2], link: 0 }]).last)).toEqual([]);
  });

  it('a link the grid does not have is refused and named, for a failure and for a repair', () => {
    expect(refusals(after(three, [{ type: 'link-fail', between: [0, 1], link: 5 }]).last)).toEqual([{ kind: 'refused', operation: 'link-fail', reason: 'unknown-cluster', detail: 'no link 5 between C0 and C1' }]);
    expect(refusals(after(three, [{ type: 'link-restore', between: [1, 7], link: 0 }]).last)).toEqual([{ kind: 'refused', operation: 'link-restore', reason: 'unknown-cluster', detail: 'no link 0 between C1 and C7' }]);
  });
});

describe('host links (TOP-3, FS-1)', () => {
  const onePathEach: GridSketch = { ...three, hosts: [{ name: 'HOST', pathsPerCluster: 2 }, { name: 'OTHER', pathsPerCluster: 2 }] };
  const mountedBoth: GridEvent[] = [
    insertScratch(0, [A1, A2]),
    { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' },
    { type: 'scratch-mount', host: 'OTHER', cluster: 0, managementClass: 'MC' },
  ];

  it('jobs end only when the host\'s last path to that cluster fails, and only that host\'s jobs there', () => {
    const one = after(onePathEach, [...mountedBoth, { type: 'host-link-fail', host: 'HOST', cluster: 0 }]);
    expect(jobFailures(one.last)).toEqual([]);
    const both = continueFrom(one.state, [{ type: 'host-link-fail', host: 'HOST', cluster: 0 }]);
    expect(jobFailures(both.last)).toEqual([`${A1}@C0 no-host-path`]);
    expect(both.state.volumes[A2]?.mounts.map((mount) => mount.host)).toEqual(['OTHER']);
  });

  it('a repaired path never gives more paths than are cabled; a host or cluster without paths is refused', () => {
    const repaired = after(onePathEach, [{ type: 'host-link-fail', host: 'HOST', cluster: 1 }, { type: 'host-link-restore', host: 'HOST', cluster: 1 }, { type: 'host-link-restore', host: 'HOST', cluster: 1 }]);
    expect(repaired.state.hostPaths.HOST?.[1]).toBe(2);
    expect(refusals(after(onePathEach, [{ type: 'host-link-fail', host: 'NOBODY', cluster: 0 }]).last)).toEqual([{ kind: 'refused', operation: 'host-link-fail', reason: 'device-offline', host: 'NOBODY', cluster: 0 }]);
    expect(refusals(after(onePathEach, [{ type: 'host-link-restore', host: 'HOST', cluster: 9 }]).last)).toEqual([{ kind: 'refused', operation: 'host-link-restore', reason: 'device-offline', host: 'HOST', cluster: 9 }]);
  });
});

describe('clusters and sites (FS-5, OWN-7, 11.8.1)', () => {
  it('a cluster failure ends its own jobs and jobs elsewhere that use its cache, and calls home', () => {
    const start = after(three, remoteMount);
    const failed = continueFrom(start.state, [{ type: 'cluster-fail', cluster: 1 }]);
    expect(jobFailures(failed.last)).toEqual([`${A1}@C0 io-cluster-down`]);
    expect(ofKind(failed.last, 'call-home')).toEqual([{ kind: 'call-home', component: 'cluster C1' }]);
    const own = continueFrom(start.state, [{ type: 'cluster-fail', cluster: 0 }]);
    expect(jobFailures(own.last)).toEqual([`${A1}@C0 cluster-down`]);
  });

  it('a cluster the grid does not have cannot fail or be restored; a cluster that is up cannot be restored', () => {
    expect(refusals(after(three, [{ type: 'cluster-fail', cluster: 4 }]).last)).toEqual([{ kind: 'refused', operation: 'cluster-fail', reason: 'unknown-cluster', cluster: 4 }]);
    expect(refusals(after(three, [{ type: 'cluster-restore', cluster: 4 }]).last)).toEqual([{ kind: 'refused', operation: 'cluster-restore', reason: 'unknown-cluster', cluster: 4 }]);
    expect(refusals(after(three, [{ type: 'cluster-restore', cluster: 1 }]).last)).toEqual([{ kind: 'refused', operation: 'cluster-restore', reason: 'not-failed', cluster: 1 }]);
  });

  it('a site lost takes down every cluster there once, and calls home once for the site; an unknown site or one already lost is refused', () => {
    const lost = after(three, [{ type: 'cluster-fail', cluster: 1 }, { type: 'site-fail', site: 'prod' }]);
    expect(lost.state.clusters).toEqual(['down', 'down', 'up']);
    expect(lost.state.lostSites).toEqual(['prod']);
    expect(ofKind(lost.last, 'call-home')).toEqual([{ kind: 'call-home', component: 'site prod' }]);
    expect(refusals(continueFrom(lost.state, [{ type: 'site-fail', site: 'prod' }]).last)).toEqual([{ kind: 'refused', operation: 'site-fail', reason: 'not-failed', detail: 'prod' }]);
    expect(refusals(after(three, [{ type: 'site-fail', site: 'moon' }]).last)).toEqual([{ kind: 'refused', operation: 'site-fail', reason: 'unknown-site', detail: 'moon' }]);
    const twoSites = continueFrom(lost.state, [{ type: 'site-fail', site: 'dr' }]);
    expect(twoSites.state.lostSites).toEqual(['dr', 'prod']);
  });

  it('a site restored brings back its own clusters only; a site not lost cannot be restored', () => {
    const lost = after(three, [{ type: 'site-fail', site: 'prod' }, { type: 'cluster-fail', cluster: 2 }, { type: 'site-restore', site: 'prod' }]);
    expect(lost.state.clusters).toEqual(['up', 'up', 'down']);
    expect(lost.state.lostSites).toEqual([]);
    expect(refusals(after(three, [{ type: 'site-restore', site: 'dr' }]).last)).toEqual([{ kind: 'refused', operation: 'site-restore', reason: 'not-failed', detail: 'dr' }]);
  });

  it('a cluster rejoining ends the takeover modes for it, and no others (OWN-7)', () => {
    const taken = after(three, [{ type: 'cluster-fail', cluster: 0 }, { type: 'cluster-fail', cluster: 1 }, { type: 'set-takeover', at: 2, of: 0, mode: 'write' }, { type: 'set-takeover', at: 2, of: 1, mode: 'read' }]);
    const back = continueFrom(taken.state, [{ type: 'cluster-restore', cluster: 0 }]);
    expect(back.state.takeovers).toEqual([{ at: 2, of: 1, mode: 'read', source: 'operator' }]);
  });
});

describe('service (OWN-6)', () => {
  it('service preparation needs a cluster that is up; service mode follows preparation; leaving preparation needs no rejoin', () => {
    expect(refusals(after(three, [{ type: 'cluster-fail', cluster: 1 }, { type: 'service-prep', cluster: 1 }]).last)).toEqual([{ kind: 'refused', operation: 'service-prep', reason: 'cluster-down', cluster: 1 }]);
    expect(refusals(after(three, [{ type: 'service-mode', cluster: 1 }]).last)).toEqual([{ kind: 'refused', operation: 'service-mode', reason: 'not-failed', cluster: 1, detail: 'service mode follows service preparation' }]);
    expect(after(three, [{ type: 'service-prep', cluster: 1 }, { type: 'end-service', cluster: 1 }]).state.clusters[1]).toBe('up');
    expect(refusals(after(three, [{ type: 'end-service', cluster: 1 }]).last)).toEqual([{ kind: 'refused', operation: 'end-service', reason: 'not-failed', cluster: 1 }]);
  });

  it('a cluster in service preparation still answers: a peer gets its volume by a normal transfer, no takeover (OWN-6)', () => {
    const written: GridEvent[] = [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }, { type: 'write', cluster: 0, volser: A1 }, { type: 'rewind-unload', cluster: 0, volser: A1 }];
    const prep = after(three, [...written, { type: 'service-prep', cluster: 0 }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }]);
    expect(ofKind(prep.last, 'ownership-transfer')).toEqual([{ kind: 'ownership-transfer', volser: A1, from: 0, to: 1 }]);
    expect(ofKind(prep.last, 'ownership-takeover')).toEqual([]);
  });

  it('service mode ends the cluster\'s jobs; leaving service rejoins the grid', () => {
    const start = after(three, remoteMount);
    const inService = continueFrom(start.state, [{ type: 'service-prep', cluster: 0 }, { type: 'service-mode', cluster: 0 }]);
    expect(jobFailures(inService.observations)).toEqual([`${A1}@C0 cluster-down`]);
    expect(continueFrom(inService.state, [{ type: 'end-service', cluster: 0 }]).state.clusters[0]).toBe('up');
  });
});

describe('rejoining after a takeover (OWN-6, OWN-7, OWN-14)', () => {
  const A = A1;
  const written: GridEvent[] = [insertScratch(0, [A]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }, { type: 'write', cluster: 0, volser: A }, { type: 'rewind-unload', cluster: 0, volser: A }];

  it('a cluster leaving service cut off from a peer that took its volumes during the service stays in service, and says why', () => {
    const taken = after(three, [...written, { type: 'service-prep', cluster: 0 }, { type: 'service-mode', cluster: 0 }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A }, { type: 'rewind-unload', cluster: 1, volser: A }]);
    expect(taken.state.volumes[A]?.ownership).toContainEqual({ cluster: 1, access: 'full', takenFrom: 0 });
    const cut = continueFrom(taken.state, [...cutBoth(0, 1), { type: 'end-service', cluster: 0 }]);
    expect(refusals(cut.last)).toEqual([{ kind: 'refused', operation: 'end-service', reason: 'cannot-rejoin', cluster: 0 }]);
    expect(cut.state.clusters[0]).toBe('service');
    const restoreCut = after(three, [...written, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, ...cutBoth(0, 1), { type: 'cluster-restore', cluster: 0 }]);
    expect(refusals(restoreCut.last)).toEqual([{ kind: 'refused', operation: 'cluster-restore', reason: 'cannot-rejoin', cluster: 0 }]);
  });

  it('only settings and tokens taken from the rejoining cluster hold it back: a takeover of another cluster does not', () => {
    const other = after(three, [...written, { type: 'cluster-fail', cluster: 1 }, { type: 'set-takeover', at: 2, of: 1, mode: 'write' }, { type: 'cluster-fail', cluster: 0 }, ...cutBoth(0, 2), { type: 'cluster-restore', cluster: 0 }]);
    expect(refusals(other.last)).toEqual([]);
    expect(other.state.clusters[0]).toBe('up');
  });

  it('an AOTM grace period running for a cluster ends when it rejoins: no takeover of a cluster that is back (OWN-8)', () => {
    const aotm = { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const };
    const withAotm: GridSketch = { ...three, clusters: [{ site: 'prod' }, { site: 'prod', aotm }, { site: 'dr' }] };
    const back = after(withAotm, [...written, { type: 'cluster-fail', cluster: 0 }, { type: 'advance', minutes: 5 }, { type: 'cluster-restore', cluster: 0 }]);
    expect(back.state.aotmTimers).toEqual([]);
    expect(ofKind(continueFrom(back.state, [{ type: 'advance', minutes: 30 }]).observations, 'aotm-takeover')).toEqual([]);
  });

  it('the old owner rejoining gives up the volume; the grid then forgets the takeover unless an older holder\'s stale token remains', () => {
    const takenByC1: GridEvent[] = [...written, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A }, { type: 'rewind-unload', cluster: 1, volser: A }];
    const simple = after(three, [...takenByC1, { type: 'cluster-restore', cluster: 0 }]);
    expect(simple.state.volumes[A]?.ownership).toEqual([{ cluster: 1, access: 'full', takenFrom: 0 }]);
    expect(ofKind(simple.last, 'ownership-reconciled')).toEqual([{ kind: 'ownership-reconciled', volser: A, cluster: 0, holder: 1 }]);
    expect(simple.state.volumes[A]?.takeoverKnownBy).toBeUndefined();
    // C1 fails too and C2 takes A1 from C1: when C0 comes back, C1's token is still stale (C1 is down), so the grid keeps knowing.
    const chain = after(three, [...takenByC1, { type: 'cluster-fail', cluster: 1 }, { type: 'set-takeover', at: 2, of: 1, mode: 'write' }, { type: 'specific-mount', host: 'HOST', cluster: 2, volser: A }, { type: 'rewind-unload', cluster: 2, volser: A }, { type: 'cluster-restore', cluster: 0 }]);
    expect(chain.state.volumes[A]?.ownership.map((token) => token.cluster).sort()).toEqual([1, 2]);
    expect(chain.state.volumes[A]?.takeoverKnownBy).toBeDefined();
  });
});

