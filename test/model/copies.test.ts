import { describe, expect, it } from 'vitest';
import { gridStates, readabilityThrough, type GridEvent } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, refusal, twoClusterRun, volsers } from './helpers.js';

const [A1] = volsers(1) as [string];
const bothLinksDown = cutBoth(0, 1);

function job(cluster: number, managementClass: string, volser = A1): GridEvent[] {
  return [
    { type: 'scratch-mount', host: 'HOST', cluster, managementClass },
    { type: 'write', cluster, volser },
    { type: 'rewind-unload', cluster, volser },
  ];
}

describe('copy consistency points (CCP)', () => {
  it('CCP-1: RUN makes the copy on every R cluster as part of rewind-unload', () => {
    const { state, last } = after(twoClusterRun, [insertScratch(0, [A1]), ...job(0, 'MCRUN')]);
    expect(ofKind(last, 'rewind-unload')[0]?.runCopies).toEqual([1]);
    expect(state.volumes[A1]?.copies[1]?.dataVersion).toBe(1);
    expect(state.copyQueue).toEqual([]);
  });

  it('CCP-1: a job in flight when its cluster fails has no copy anywhere else', () => {
    const { state, observations } = after(twoClusterRun, [
      insertScratch(0, [A1]),
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' },
      { type: 'write', cluster: 0, volser: A1 },
      { type: 'cluster-fail', cluster: 0 },
    ]);
    expect(ofKind(observations, 'job-failed')).toEqual([expect.objectContaining({ volser: A1, reason: 'cluster-down' })]);
    expect(state.volumes[A1]?.copies[1]?.dataVersion).toBe(0);
  });

  it('CCP-2: a deferred copy exists only once it completes; the source failing first leaves none', () => {
    const queued = after(twoClusterRun, [insertScratch(0, [A1]), ...job(0, 'MCDEF')]);
    expect(ofKind(queued.last, 'rewind-unload')[0]?.deferred).toEqual([1]);
    expect(queued.state.copyQueue).toEqual([expect.objectContaining({ volser: A1, to: 1, kind: 'deferred' })]);
    expect(queued.state.volumes[A1]?.copies[1]?.dataVersion).toBe(0);
    const copied = continueFrom(queued.state, [{ type: 'deferred-copy' }]);
    expect(copied.state.volumes[A1]?.copies[1]?.dataVersion).toBe(1);
    const lost = continueFrom(queued.state, [{ type: 'cluster-fail', cluster: 0 }, { type: 'deferred-copy' }]);
    expect(lost.state.volumes[A1]?.copies[1]?.dataVersion).toBe(0);
    expect(lost.state.copyQueue).toHaveLength(1);
  });

  it('CCP-2: with a link copy rate, deferred copies complete as time passes and their age is exact', () => {
    const grid = { ...twoClusterRun, copyRateMBPerMinute: 100 };
    const { observations } = after(grid, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCDEF' }, { type: 'write', cluster: 0, volser: A1, sizeMB: 1000 }, { type: 'rewind-unload', cluster: 0, volser: A1 }, { type: 'advance', minutes: 60 }]);
    // 1000 MB at 100 MB/min takes 10 minutes.
    expect(ofKind(observations, 'copy')).toEqual([expect.objectContaining({ volser: A1, to: 1, ageMinutes: 10 })]);
  });

  it('CCP-3: with No Copy the only holder failing makes the data inaccessible until it is restored', () => {
    const written = after(twoClusterRun, [insertScratch(0, [A1]), ...job(0, 'MCNONE'), { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]);
    expect(readabilityThrough(written.state, A1, 1)).toEqual({ kind: 'unreadable', reason: 'no-valid-copy' });
    const restored = continueFrom(written.state, [{ type: 'cluster-restore', cluster: 0 }]);
    expect(readabilityThrough(restored.state, A1, 1)).toEqual({ kind: 'readable', ioCluster: 0, viaTakeover: false });
  });

  it('CCP-4: Synchronous mode duplexes the data to both S clusters as it is written', () => {
    const grid = { clusters: 3, classes: { MCSYNC: { 0: 'SSD' } } };
    const { state } = after(grid, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCSYNC' }, { type: 'write', cluster: 0, volser: A1 }]);
    expect(state.volumes[A1]?.copies[0]?.dataVersion).toBe(1);
    expect(state.volumes[A1]?.copies[1]?.dataVersion).toBe(1);
    expect(state.volumes[A1]?.copies[2]?.dataVersion).toBe(0);
  });

  it('CCP-4: a write that cannot reach the second S point fails, or with sync-deferred continues and raises GS-4', () => {
    const strict = { clusters: 2, classes: { MCSYNC: { 0: 'SS' } } };
    const events: GridEvent[] = [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCSYNC' }, ...bothLinksDown, { type: 'write', cluster: 0, volser: A1 }];
    expect(refusal(after(strict, events).last)).toBe('sync-point-unreachable');
    const lenient = after({ ...strict, options: { syncDeferredOnWriteFailure: true } }, [...events, { type: 'rewind-unload', cluster: 0, volser: A1 }]);
    expect(ofKind(lenient.last, 'rewind-unload')[0]?.immediateDeferred).toEqual([1]);
    expect(gridStates(lenient.state)).toContain('GS-4');
  });

  it('CCP-5: Copy Policy Override can report RUN complete with fewer copies than the class promises', () => {
    const grid = { ...twoClusterRun, clusters: [{ override: { preferLocalForScratchMounts: false, preferLocalForPrivateMounts: false, forceLocalCopy: false, runCopiesBeforeComplete: 1 } }, {}] };
    const { state, last } = after(grid, [insertScratch(0, [A1]), ...job(0, 'MCRUN')]);
    const unload = ofKind(last, 'rewind-unload')[0];
    expect(unload?.runCopies).toEqual([]);
    expect(unload?.overrideDeferred).toEqual([1]);
    expect(state.volumes[A1]?.copies[1]?.dataVersion).toBe(0);
    expect(gridStates(state)).not.toContain('GS-4');
  });

  it('CCP-6: a RUN copy to an unreachable cluster becomes deferred and the grid enters GS-4', () => {
    const { state, last } = after(twoClusterRun, [insertScratch(0, [A1]), ...bothLinksDown, ...job(0, 'MCRUN')]);
    expect(ofKind(last, 'rewind-unload')[0]?.immediateDeferred).toEqual([1]);
    expect(gridStates(state)).toContain('GS-4');
    const repaired = continueFrom(state, [{ type: 'link-restore', between: [0, 1], link: 0 }, { type: 'deferred-copy' }]);
    expect(gridStates(repaired.state)).not.toContain('GS-4');
  });

  it('CCP-7: copies to an unreachable cluster queue and move when the links return; GRIDCNTL suspends and resumes them', () => {
    const queued = after(twoClusterRun, [insertScratch(0, [A1]), ...bothLinksDown, ...job(0, 'MCDEF'), { type: 'deferred-copy' }]);
    expect(queued.state.copyQueue).toHaveLength(1);
    const back = continueFrom(queued.state, [{ type: 'link-restore', between: [0, 1], link: 1 }, { type: 'deferred-copy' }]);
    expect(back.state.copyQueue).toEqual([]);
    const suspended = after(twoClusterRun, [insertScratch(0, [A1]), { type: 'suspend-copies', cluster: 1 }, ...job(0, 'MCDEF'), { type: 'deferred-copy' }]);
    expect(suspended.state.copyQueue).toHaveLength(1);
    expect(gridStates(suspended.state)).toContain('GS-3');
    const resumed = continueFrom(suspended.state, [{ type: 'resume-copies', cluster: 1 }, { type: 'deferred-copy' }]);
    expect(resumed.state.copyQueue).toEqual([]);
  });

  it('CCP-7: suspending copies at the cluster that holds the data stops them leaving it; another cluster with that version sends instead', () => {
    // Three clusters: C0 writes with RUN to C1 and Deferred to C2. With C0 suspended, the copy to C2 has
    // to come from C1.
    const sketch = { clusters: 3, classes: { MCMIX: { 0: 'RRD' } } };
    const fromC0Only = after({ clusters: 2, classes: { MCDEF: { 0: 'RD' } } }, [insertScratch(0, [A1]), ...job(0, 'MCDEF'), { type: 'suspend-copies', cluster: 0 }, { type: 'deferred-copy' }]);
    expect(fromC0Only.state.copyQueue).toHaveLength(1);
    expect(ofKind(fromC0Only.last, 'copy')).toEqual([]);
    const viaC1 = after(sketch, [insertScratch(0, [A1]), ...job(0, 'MCMIX'), { type: 'suspend-copies', cluster: 0 }, { type: 'deferred-copy' }]);
    expect(ofKind(viaC1.last, 'copy')).toEqual([expect.objectContaining({ volser: A1, from: 1, to: 2 })]);
  });

  it('CCP-8: RUN copies are made before the job ends (its extra time); Deferred ones are not', () => {
    const run = after(twoClusterRun, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' }, { type: 'write', cluster: 0, volser: A1, sizeMB: 4194 }, { type: 'rewind-unload', cluster: 0, volser: A1 }]);
    expect(ofKind(run.last, 'rewind-unload')[0]?.runCopyMB).toBe(4194);
    const deferred = after(twoClusterRun, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCDEF' }, { type: 'write', cluster: 0, volser: A1, sizeMB: 4194 }, { type: 'rewind-unload', cluster: 0, volser: A1 }]);
    expect(ofKind(deferred.last, 'rewind-unload')[0]?.runCopyMB).toBe(0);
  });

  it('CCP-9: copies received from a peer are PG0 and leave a tape-attached cache first: a DR mount needs a recall', () => {
    const written = after(twoClusterRun, [insertScratch(0, [A1]), ...job(0, 'MCRUN'), { type: 'advance', minutes: 60 }]);
    expect(ofKind(written.last, 'migrated')).toEqual([{ kind: 'migrated', volser: A1, cluster: 1 }]);
    const disaster: GridEvent[] = [{ type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }];
    const read = continueFrom(written.state, disaster);
    expect(mounted(read.last).recall).toBe(true);
    const kept = after({ ...twoClusterRun, clusters: [{}, { keepCopiesInCache: true }] }, [insertScratch(0, [A1]), ...job(0, 'MCRUN'), { type: 'advance', minutes: 60 }, ...disaster]);
    expect(mounted(kept.last).recall).toBe(false);
  });
});
