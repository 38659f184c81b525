import { describe, expect, it } from 'vitest';
import { analyseWan, type Figure, type PlanInputs } from '../../planner/index.js';
import { scratchFigures } from '../../planner/scratch.js';
import { testCatalog, twoSites, workload } from './helpers.js';

/**
 * Scratch and media figures (CAT-2, CAT-4, DRT-2, DRT-4, CE-5, CE-6, CER-6, PLN-3, PLN-4), worked out by
 * hand: 10 TB/day of 4 GB volumes written at C0 (2,500 volumes a day), compression 2, expire hold one
 * day, 3 safety days, 30 days' retention on E08 cartridges of 10 TB filled to 80 %.
 */
// The section's own function, not the whole plan (which adds the purchase search and sensitivities).
function figures(inputs: PlanInputs): Map<string, Figure> {
  return new Map(scratchFigures(inputs, analyseWan(inputs, inputs.catalog.referenceVolumeBytes.value)).map((figure) => [figure.id, figure]));
}

type PlanCluster = PlanInputs['clusters'][number];
const base = twoSites();
const withCluster = (id: number, change: Partial<PlanCluster>, inputs: PlanInputs = base): PlanInputs => ({ ...inputs, clusters: inputs.clusters.map((cluster) => (cluster.id === id ? { ...cluster, ...change } : cluster)) });
const drTest = (days: number, writesBytesPerDay: number | null = null): PlanInputs['drTest'] => ({ clusters: [1], seconds: days * 86400, writesBytesPerDay, linksBroken: false });

describe('scratch figures', () => {
  it('CAT-2, CAT-4, DRT-4: the pool covers expire hold, the DR test (configured, else the target length) and the safety days', () => {
    expect(figures(base).get('scratch.per-day.0')?.value).toBeCloseTo(2500, 9);
    expect(figures(base).get('scratch.pool.0')?.value).toBeCloseTo(2500 * (1 + 0 + 3), 6);
    expect(figures({ ...base, drTest: drTest(2) }).get('scratch.pool.0')?.value).toBeCloseTo(2500 * (1 + 2 + 3), 6);
    expect(figures({ ...base, targets: { ...base.targets, drTestSeconds: 86400 } }).get('scratch.pool.0')?.value).toBeCloseTo(2500 * (1 + 1 + 3), 6);
  });

  it('DRT-2: the DR test range is test writes a day / volume size x test days, test writes defaulting to a share of production', () => {
    // Default: 10 % of 10 TB = 1 TB/day = 250 volumes/day, for 2 days.
    const defaulted = figures({ ...base, drTest: drTest(2) }).get('scratch.dr-test-range');
    expect(defaulted?.value).toBeCloseTo(500, 6);
    expect(defaulted?.inputs[0]?.defaultSource).toBe('test');
    const given = figures({ ...base, drTest: drTest(2, 2e12) }).get('scratch.dr-test-range');
    expect(given?.value).toBeCloseTo(1000, 6);
    expect(given?.inputs[0]?.defaultSource).toBeUndefined();
    expect(figures(base).has('scratch.dr-test-range')).toBe(false);
    expect(figures({ ...base, drTest: drTest(2), workloads: [] }).has('scratch.dr-test-range')).toBe(false);
  });
});

describe('media figures', () => {
  it('CER-6: cartridges hold 30 days of stored inflow: 150 TB / 8 TB = 19 E08 at either cluster; 10 of the 60F; none on a disk-only cluster', () => {
    expect(figures(base).get('media.cartridges.0')?.value).toBe(19);
    expect(figures(base).get('media.cartridges.1')?.value).toBe(19);
    expect(figures(withCluster(0, { driveType: '60F' })).get('media.cartridges.0')?.value).toBe(10);
    // An unknown or missing drive type takes the newest drive in the catalog, and says so when none was configured.
    expect(figures(withCluster(0, { driveType: 'XYZ' })).get('media.cartridges.0')?.value).toBe(10);
    const unset = figures(withCluster(0, { driveType: null })).get('media.cartridges.0');
    expect(unset?.value).toBe(10);
    expect(unset?.inputs.find((input) => input.name === 'drive')?.defaultSource).toMatch(/newest drive/);
    expect(figures(withCluster(0, { kind: 'disk-only' })).has('media.cartridges.0')).toBe(false);
  });

  it('CE-6: Copy Export from C1 sends 5 TB a day: 1 cartridge per daily cycle, 30 offsite; over the hard maximum it fails even below the configured limit', () => {
    const exporting = withCluster(1, { copyExportPools: [8] });
    const exported = figures(exporting).get('media.copy-export.1');
    expect(exported?.value).toBe(30);
    expect(exported?.verdict).toBe('meets');
    const tight = { ...exporting, catalog: { ...testCatalog, exportedLimitDefault: { value: 40, source: 'test' }, exportedLimitMax: { value: 25, source: 'test' } } };
    expect(figures(tight).get('media.copy-export.1')?.verdict).toBe('fails');
    expect(figures(base).has('media.copy-export.1')).toBe(false);
    // Weekly exports: 35 TB a cycle = 5 cartridges; 30 days of retention span 5 cycles (rounded up): 25 offsite.
    const weekly = { ...exporting, catalog: { ...testCatalog, copyExportIntervalSeconds: { value: 7 * 86400, source: 'test' } } };
    expect(figures(weekly).get('media.copy-export.1')?.value).toBe(25);
  });

  it('CE-5: an export needs 4 physical drives: 8 meet, 4 are at risk, 3 fail', () => {
    const verdict = (drives: number) => figures(withCluster(1, { copyExportPools: [8], drives })).get('media.copy-export-drives.1')?.verdict;
    expect([verdict(8), verdict(5), verdict(4), verdict(3)]).toEqual(['meets', 'meets', 'at-risk', 'fails']);
  });

  it('PLN-3: DR-site virtual devices against production\'s peak concurrent mounts, only when the peak is given', () => {
    expect(figures(base).has('devices.dr-site')).toBe(false);
    const peak = figures({ ...base, workloads: [workload({ peakConcurrentMounts: 128 })] }).get('devices.dr-site');
    expect(peak?.value).toBeCloseTo(128 / 256, 9);
    expect(peak?.verdict).toBe('meets');
    expect(figures({ ...base, workloads: [workload({ peakConcurrentMounts: 300 })] }).get('devices.dr-site')?.verdict).toBe('fails');
  });
});
