import { describe, expect, it } from 'vitest';
import { analyseWan, diskOnlyFillSeconds, type Figure, type PlanInputs } from '../../planner/index.js';
import { cacheFigures as figuresOfCache } from '../../planner/cache.js';
import { twoSites, workload } from './helpers.js';

/**
 * The cache figures (TVC-3 to TVC-5, CCP-9, FS-8, PLN-4), worked out by hand from the test catalog:
 * 10 TB/day written at C0 with compression 2, 100 TB of cache per cluster, recalls of 250 s.
 */
// The section's own function, not the whole plan: the plan adds the purchase search and sensitivities,
// which cost a second per call and say nothing more about these figures.
function cacheFigures(inputs: PlanInputs): Map<string, Figure> {
  const figures = figuresOfCache(inputs, analyseWan(inputs, inputs.catalog.referenceVolumeBytes.value));
  return new Map(figures.map((figure) => [figure.id, figure]));
}

type PlanCluster = PlanInputs['clusters'][number];
const withClusters = (inputs: PlanInputs, change: (cluster: PlanCluster) => Partial<PlanCluster>): PlanInputs => ({ ...inputs, clusters: inputs.clusters.map((cluster) => ({ ...cluster, ...change(cluster) })) });

describe('cache figures', () => {
  it('FS-8: a disk-only cluster already below its out-of-cache level has no room left: it is full at once, never "negative" time', () => {
    expect(diskOnlyFillSeconds(1e12, 2e12, 1e12)).toBe(0);
    // 4 TB threshold, 1.1 TB out of cache, 2.9 TB/day: one day.
    expect(diskOnlyFillSeconds(4e12, 1.1e12, 2.9e12)).toBeCloseTo(86400, 6);
  });

  it('TVC-3, PLN-4: days resident are judged where hosts write and on disk-only clusters; a tape-attached cluster that only receives copies is information', () => {
    const target: PlanInputs = { ...twoSites(), targets: { ...twoSites().targets, daysResident: 3 } };
    const tape = cacheFigures(target);
    expect(tape.get('cache.days-resident.0')?.target).toBe('at least 3 d');
    expect(tape.get('cache.days-resident.1')).toMatchObject({ verdict: 'info' });
    expect(tape.get('cache.days-resident.1')?.target).toBeUndefined();
    const diskOnlyDr = cacheFigures(withClusters(target, (cluster) => (cluster.id === 1 ? { kind: 'disk-only' } : {})));
    expect(diskOnlyDr.get('cache.days-resident.1')?.target).toBe('at least 3 d');
  });

  it('FS-8: the fill time is given for a disk-only cluster with host writes of its own, not for one that only receives copies', () => {
    const figures = cacheFigures(withClusters(twoSites(), () => ({ kind: 'disk-only' })));
    expect(figures.has('cache.disk-only-fill.0')).toBe(true);
    expect(figures.has('cache.disk-only-fill.1')).toBe(false);
  });

  it('CCP-9: copies received as PG0 expose a tape-attached cluster to recalls: 5 TB/day of 2 GB stored volumes = 2,500 volumes x 250 s = 173.6 h; not where copies stay in cache', () => {
    const figures = cacheFigures(twoSites());
    expect(figures.get('cache.recall-exposure.1')?.value).toBeCloseTo((2500 * 250) / 3600, 6);
    expect(figures.has('cache.recall-exposure.0')).toBe(false);
    const kept = cacheFigures(withClusters(twoSites(), () => ({ keepCopiesInCache: true })));
    expect(kept.has('cache.recall-exposure.1')).toBe(false);
  });

  it('PLN-4: effective production cache = cache at the site / copies each volume keeps there (R-R: 2, R-N: 1, none there: counted as 1)', () => {
    // C0 and C1 at prod (100 TB each), C2 at dr.
    const base = twoSites();
    const prodPair: PlanInputs = {
      ...base,
      clusters: [
        { ...(base.clusters[0] as PlanCluster) },
        { ...(base.clusters[1] as PlanCluster), site: 'prod' },
        { ...(base.clusters[1] as PlanCluster), id: 2, name: 'C2' },
      ],
      classes: [
        { name: 'MCRR', copyModes: { 0: ['R', 'R', 'D'] } },
        { name: 'MCRN', copyModes: { 0: ['R', 'N', 'D'] } },
        { name: 'MCAWAY', copyModes: { 0: ['N', 'N', 'R'] } },
      ],
    };
    const effective = (classShares: Record<string, number>) => cacheFigures({ ...prodPair, workloads: [workload({ classShares })] }).get('cache.effective.prod')?.value;
    expect(effective({ MCRR: 1 })).toBeCloseTo(100e12, 0);
    expect(effective({ MCRN: 1 })).toBeCloseTo(200e12, 0);
    expect(effective({ MCAWAY: 1 })).toBeCloseTo(200e12, 0);
    // Half and half: 1.5 copies on average.
    expect(effective({ MCRR: 0.5, MCRN: 0.5 })).toBeCloseTo(200e12 / 1.5, 0);
    // No class shares at all: one copy.
    expect(effective({})).toBeCloseTo(200e12, 0);
  });
});
