import { describe, expect, it } from 'vitest';
import { cacheFull, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, refusal, twoClusterRun, volsers } from './helpers.js';

const [A1, A2, A3, A4] = volsers(4) as [string, string, string, string];
const noOverride = { preferLocalForScratchMounts: false, preferLocalForPrivateMounts: false, forceLocalCopy: false };

function written(cluster: number, managementClass: string, volser: string, sizeMB?: number): GridEvent[] {
  return [
    { type: 'scratch-mount', host: 'HOST', cluster, managementClass },
    { type: 'write', cluster, volser, ...(sizeMB === undefined ? {} : { sizeMB }) },
    { type: 'rewind-unload', cluster, volser },
  ];
}

describe('I/O cache selection (TVC)', () => {
  it('TVC-1: the mount cluster\'s own valid copy is used; without one, a peer\'s copy is used over the grid', () => {
    const local = after(twoClusterRun, [insertScratch(0, [A1]), ...written(0, 'MCRUN', A1), { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }]);
    expect(mounted(local.last).ioCluster).toBe(1);
    const remote = after(twoClusterRun, [insertScratch(0, [A1]), ...written(0, 'MCNONE', A1), { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }]);
    expect(mounted(remote.last).ioCluster).toBe(0);
  });

  it('TVC-1: a recall from tape happens at the cluster whose copy is used', () => {
    const migrated = after(twoClusterRun, [insertScratch(0, [A1]), ...written(0, 'MCRUN', A1), { type: 'advance', minutes: 60 }, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }]);
    const read = continueFrom(migrated.state, [{ type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }]);
    expect(mounted(read.last)).toEqual(expect.objectContaining({ ioCluster: 1, recall: true }));
  });

  it('TVC-1: a scratch mount uses the mount cluster when its class gives it a RUN point, else a peer with one', () => {
    const grid: GridSketch = { clusters: 2, classes: { MCHERE: { 0: 'RD' }, MCTHERE: { 0: 'NR' } } };
    expect(mounted(after(grid, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCHERE' }]).last).ioCluster).toBe(0);
    expect(mounted(after(grid, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCTHERE' }]).last).ioCluster).toBe(1);
  });

  it('TVC-1: the mount cluster\'s own copy on tape is recalled there rather than read from a peer\'s cache ("If a recall is required ... it will be done as part of the mount")', () => {
    const events: GridEvent[] = [insertScratch(0, [A1]), ...written(0, 'MCRUN', A1), { type: 'advance', minutes: 60 }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }];
    expect(mounted(after(twoClusterRun, events).last)).toEqual(expect.objectContaining({ ioCluster: 1, recall: true }));
    // TVC-2: "prefer local cache for non-fast ready mounts" asks for the same local choice.
    const preferLocal = { ...twoClusterRun, clusters: [{}, { override: { ...noOverride, preferLocalForPrivateMounts: true } }] };
    expect(mounted(after(preferLocal, events).last)).toEqual(expect.objectContaining({ ioCluster: 1, recall: true }));
  });

  it('TVC-1: without a local copy, a peer holding the volume in cache is used before a peer that must recall it', () => {
    // C3 writes and keeps its copy in cache; C1's RUN copy is PG0 and leaves its cache; C0 has none.
    const grid: GridSketch = { clusters: 4, classes: { MC: { 3: 'NRNR' } } };
    const read = after(grid, [insertScratch(3, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 3, managementClass: 'MC' }, { type: 'write', cluster: 3, volser: A1 }, { type: 'rewind-unload', cluster: 3, volser: A1 }, { type: 'advance', minutes: 60 }, { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 }]);
    expect(mounted(read.last)).toEqual(expect.objectContaining({ ioCluster: 3, recall: false }));
  });

  it('TVC-2: "prefer local cache for fast ready mounts" keeps a scratch mount local when the class has any copy point there', () => {
    const grid: GridSketch = { clusters: 2, classes: { MC: { 0: 'DR' } } };
    expect(mounted(after(grid, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }]).last).ioCluster).toBe(1);
    const preferLocal = { ...grid, clusters: [{ override: { ...noOverride, preferLocalForScratchMounts: true } }, {}] };
    expect(mounted(after(preferLocal, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }]).last).ioCluster).toBe(0);
  });

  it('TVC-2: "force volume copy to local" copies a private volume to the mount cluster as part of the mount, and ORs RUN for scratch mounts', () => {
    const forced = { ...twoClusterRun, clusters: [{}, { override: { ...noOverride, forceLocalCopy: true } }] };
    const privateMount = after(forced, [insertScratch(0, [A1]), ...written(0, 'MCNONE', A1), { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }]);
    expect(mounted(privateMount.last).ioCluster).toBe(1);
    expect(ofKind(privateMount.last, 'copy')).toEqual([expect.objectContaining({ from: 0, to: 1 })]);
    const grid: GridSketch = { clusters: 2, classes: { MC: { 1: 'RN' } }, hosts: [{ name: 'HOST' }] };
    const scratch = after({ ...grid, clusters: [{}, { override: { ...noOverride, forceLocalCopy: true } }] }, [insertScratch(1, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 1, managementClass: 'MC' }]);
    expect(mounted(scratch.last).ioCluster).toBe(1);
  });

  it('TVC-4: a disk-only cluster removes volumes a peer holds, scratch first; cut off from its peers it fills and refuses writes', () => {
    const grid: GridSketch = {
      clusters: [{ kind: 'disk-only', cacheMB: 10_000, autoRemoval: { enabled: true, removalThresholdMB: 3_000, outOfCacheMB: 1_500 } }, {}],
      classes: { MC: { 0: 'RD' } },
    };
    const filled = after(grid, [
      insertScratch(0, [A1, A2, A3, A4]),
      ...written(0, 'MC', A1, 3_000),
      { type: 'deferred-copy' },
      ...written(0, 'MC', A2, 3_000),
      { type: 'deferred-copy' },
      ...written(0, 'MC', A3, 3_000),
    ]);
    expect(ofKind(filled.observations, 'auto-removed')).toEqual([{ kind: 'auto-removed', volser: A1, cluster: 0 }]);
    const cut = continueFrom(filled.state, [
      ...cutBoth(0, 1),
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' },
      { type: 'write', cluster: 0, volser: A4, sizeMB: 3_000 },
      { type: 'rewind-unload', cluster: 0, volser: A4 },
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A2 },
      { type: 'write', cluster: 0, volser: A2, sizeMB: 3_000 },
    ]);
    expect(cacheFull(cut.state, 0)).toBe(true);
    expect(refusal(cut.last)).toBe('cache-full');
  });
});

describe('copy points and I/O cache in the corners (TVC-1, TVC-2, ASM-8, ASM-10)', () => {
  it('ASM-8: a class with no definition on the mount cluster keeps a RUN copy there and the configured point elsewhere', () => {
    const grid: GridSketch = { clusters: 3, classes: { MC: { 0: 'RDN' } }, options: { undefinedClassOtherClusters: 'D' } };
    const mount = after(grid, [insertScratch(1, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 1, managementClass: 'MC' }]);
    expect(mounted(mount.last)).toEqual(expect.objectContaining({ ioCluster: 1 }));
    expect(mount.state.volumes[A1]?.mounts[0]?.copyPoints).toEqual(['D', 'R', 'D']);
  });

  it('TVC-2: "force volume copy to local" leaves a Sync point Sync', () => {
    const grid: GridSketch = { clusters: [{ override: { ...noOverride, forceLocalCopy: true } }, {}], classes: { MC: { 0: 'SS' } } };
    const mount = after(grid, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }]);
    expect(mount.state.volumes[A1]?.mounts[0]?.copyPoints).toEqual(['S', 'S']);
  });

  it('ASM-10: a scratch mount with only a Deferred point on the mount cluster uses it when no RUN cluster can be reached, and none when no point can', () => {
    const grid: GridSketch = { clusters: 2, classes: { MC: { 0: 'DR' } } };
    const cut: GridEvent[] = [insertScratch(0, [A1]), ...cutBoth(0, 1)];
    expect(mounted(after(grid, [...cut, { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }]).last).ioCluster).toBe(0);
    expect(mounted(after(grid, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }]).last).ioCluster).toBe(1);
    const none: GridSketch = { clusters: 2, classes: { MC: { 0: 'NR' } } };
    expect(refusal(after(none, [...cut, { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }]).last)).toBe('cache-full');
  });

  it('TVC-1: among peers that hold the volume in cache, the lowest-numbered is used', () => {
    const grid: GridSketch = { clusters: [{}, {}, { keepCopiesInCache: true }, { keepCopiesInCache: true }], classes: { MC: { 1: 'NRRR' } } };
    const read = after(grid, [insertScratch(1, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 1, managementClass: 'MC' }, { type: 'write', cluster: 1, volser: A1 }, { type: 'rewind-unload', cluster: 1, volser: A1 }, { type: 'advance', minutes: 60 }, { type: 'cluster-fail', cluster: 1 }, { type: 'set-takeover', at: 0, of: 1, mode: 'read' }, { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 }]);
    expect(mounted(read.last)).toEqual(expect.objectContaining({ ioCluster: 2, recall: false }));
  });
});
