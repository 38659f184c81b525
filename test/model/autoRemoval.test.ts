import { describe, expect, it } from 'vitest';
import { cacheFull, cacheUsedMB, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, continueFrom, insertScratch, ofKind, volsers } from './helpers.js';

/**
 * Cache of a disk-only cluster and PG0 on a tape-attached one (TVC-3, TVC-4, CCP-9, assumptions
 * ASM-13 and ASM-14): what auto-removal takes and in which order, when it stops, when it does not
 * run at all, and which copies leave a tape-attached cache when time passes.
 */
const [A1, A2, A3, A4] = volsers(4) as [string, string, string, string];

function diskOnly(autoRemoval: { enabled: boolean; removalThresholdMB: number; outOfCacheMB: number }): GridSketch {
  return { clusters: [{ kind: 'disk-only', cacheMB: 10_000, autoRemoval }, {}], classes: { MC: { 0: 'RR' }, MCDEF: { 0: 'RD' } } };
}
const removal = { enabled: true, removalThresholdMB: 3_000, outOfCacheMB: 1_000 };

function job(volser: string, sizeMB: number, managementClass = 'MC'): GridEvent[] {
  return [
    { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass },
    { type: 'write', cluster: 0, volser, sizeMB },
    { type: 'rewind-unload', cluster: 0, volser },
  ];
}

describe('auto-removal on a disk-only cluster (TVC-4)', () => {
  it('removes the oldest volumes a peer holds until free space is back at the threshold, and no more', () => {
    // 10,000 MB of cache, threshold 3,000 free: four 2,000 MB volumes leave 2,000 free; removing the oldest (A1) gives 4,000.
    const { state, observations } = after(diskOnly(removal), [insertScratch(0, [A1, A2, A3, A4]), ...job(A1, 2_000), ...job(A2, 2_000), ...job(A3, 2_000), ...job(A4, 2_000)]);
    expect(ofKind(observations, 'auto-removed').map((entry) => entry.volser)).toEqual([A1]);
    expect(cacheUsedMB(state, 0)).toBe(6_000);
    expect(cacheUsedMB(state, 1)).toBe(8_000);
  });

  it('stops when free space reaches the threshold exactly', () => {
    const { observations, state } = after(diskOnly(removal), [insertScratch(0, [A1, A2, A3, A4]), ...job(A1, 1_000), ...job(A2, 3_000), ...job(A3, 3_000), ...job(A4, 1_000)]);
    // 8,000 used, 2,000 free: removing A1 (1,000 MB) gives exactly 3,000 free, which is enough.
    expect(ofKind(observations, 'auto-removed').map((entry) => entry.volser)).toEqual([A1]);
    expect(10_000 - cacheUsedMB(state, 0)).toBe(3_000);
  });

  it('takes scratch volumes before older private ones', () => {
    const scratched = after(diskOnly(removal), [
      insertScratch(0, [A1, A2, A3, A4]),
      ...job(A1, 2_000),
      ...job(A2, 2_000),
      ...job(A3, 2_000),
      { type: 'return-to-scratch', host: 'HOST', cluster: 0, volser: A2 },
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A4 },
      { type: 'write', cluster: 0, volser: A4, sizeMB: 2_000 },
      { type: 'rewind-unload', cluster: 0, volser: A4 },
    ]);
    expect(ofKind(scratched.observations, 'auto-removed').map((entry) => entry.volser)).toEqual([A2]);
  });

  it('does nothing when auto-removal is disabled, while a volume is mounted, or for data no reachable peer holds', () => {
    const disabled = after(diskOnly({ ...removal, enabled: false }), [insertScratch(0, [A1, A2, A3, A4]), ...job(A1, 2_000), ...job(A2, 2_000), ...job(A3, 2_000), ...job(A4, 2_000)]);
    expect(ofKind(disabled.observations, 'auto-removed')).toEqual([]);
    // Deferred copies not yet made: the peer holds nothing, so nothing may go (ASM-13).
    const uncopied = after(diskOnly(removal), [insertScratch(0, [A1, A2, A3, A4]), ...job(A1, 2_000, 'MCDEF'), ...job(A2, 2_000, 'MCDEF'), ...job(A3, 2_000, 'MCDEF'), ...job(A4, 2_000, 'MCDEF')]);
    expect(ofKind(uncopied.observations, 'auto-removed')).toEqual([]);
    // A1 mounted while the cache crosses the threshold: the next oldest goes instead.
    const mountedFirst = after(diskOnly(removal), [
      insertScratch(0, [A1, A2, A3, A4]),
      ...job(A1, 2_000),
      ...job(A2, 2_000),
      ...job(A3, 2_000),
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 },
      ...job(A4, 2_000),
    ]);
    expect(ofKind(mountedFirst.observations, 'auto-removed').map((entry) => entry.volser)).toEqual([A2]);
  });

  it('out of cache is strictly below the out-of-cache level: exactly at it, writes still go', () => {
    const sketch = diskOnly({ enabled: false, removalThresholdMB: 3_000, outOfCacheMB: 2_000 });
    const atLevel = after(sketch, [insertScratch(0, [A1, A2]), ...job(A1, 4_000), ...job(A2, 4_000)]);
    expect(10_000 - cacheUsedMB(atLevel.state, 0)).toBe(2_000);
    expect(cacheFull(atLevel.state, 0)).toBe(false);
    const below = continueFrom(atLevel.state, [insertScratch(0, [A3]), ...job(A3, 1)]);
    expect(cacheFull(below.state, 0)).toBe(true);
    // A tape-attached cluster is never out of cache: its data migrates to tape.
    expect(cacheFull(below.state, 1)).toBe(false);
  });
});

describe('PG0 copies leave a tape-attached cache when time passes (TVC-3, CCP-9, ASM-14)', () => {
  const sketch: GridSketch = { clusters: 3, classes: { MC: { 0: 'RRR' } } };
  it('a copy still mounted at that cluster stays; one mounted elsewhere leaves; a cluster that is down keeps its cache as it was', () => {
    const written = after(sketch, [insertScratch(0, [A1]), ...job(A1, 1_000)]);
    const mountedAtOne = continueFrom(written.state, [{ type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }, { type: 'advance', minutes: 60 }]);
    expect(ofKind(mountedAtOne.observations, 'migrated').map((entry) => entry.cluster)).toEqual([2]);
    const oneDown = continueFrom(written.state, [{ type: 'cluster-fail', cluster: 2 }, { type: 'advance', minutes: 60 }]);
    expect(ofKind(oneDown.observations, 'migrated').map((entry) => entry.cluster)).toEqual([1]);
    // The writing cluster's own copy is PG1: it stays.
    expect(ofKind(oneDown.observations, 'migrated').some((entry) => entry.cluster === 0)).toBe(false);
  });

  it('a disk-only cluster keeps copies it received: it has no tape to migrate to', () => {
    const withDisk: GridSketch = { clusters: [{}, { kind: 'disk-only', cacheMB: 100_000 }], classes: { MC: { 0: 'RR' } } };
    const later = after(withDisk, [insertScratch(0, [A1]), ...job(A1, 1_000), { type: 'advance', minutes: 60 }]);
    expect(ofKind(later.observations, 'migrated')).toEqual([]);
    expect(cacheUsedMB(later.state, 1)).toBe(1_000);
  });
});
