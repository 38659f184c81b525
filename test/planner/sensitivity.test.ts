import { describe, expect, it } from 'vitest';
import { sensitivities, type PlanTargets } from '../../planner/index.js';
import { link, twoSites } from './helpers.js';

/**
 * How far each target is from failing (PLN-4, issue 15): the factor of daily data, and the share of the
 * installed bandwidth, at which it first fails. Expected thresholds are worked out by hand: 10 TB/day at
 * 2 : 1 is 5 TB stored a day, the links give 2.125 GB/s, the cache holds 100 TB.
 */
describe('sensitivity of each target', () => {
  const targets = (overrides: Partial<PlanTargets>): PlanTargets => ({ rpoSeconds: {}, drTestSeconds: null, daysResident: null, ...overrides });

  it('each met target with the data factor and bandwidth share at which it fails; the bandwidth only for link figures', () => {
    const entries = sensitivities(twoSites({ targets: targets({ rpoSeconds: { MCDEF: 4 * 3600 }, drTestSeconds: 2 * 86400, daysResident: 1 }) }));
    const byId = new Map(entries.map((entry) => [entry.figure, entry]));
    expect([...byId.keys()].sort()).toEqual(['cache.days-resident.0', 'outage.cache-needed.0', 'outage.catch-up.0-1', 'outage.throttling.0', 'wan.rpo.0-1.MCDEF']);
    // The RPO breaks when a day's copies no longer fit in a day: 2.125 GB/s x 86400 s / 5 TB = 36.72 x the data,
    // or 5 TB / 86400 s / 2.125 GB/s = 2.723 % of the bandwidth. The catch-up after a break breaks with it.
    for (const id of ['wan.rpo.0-1.MCDEF', 'outage.catch-up.0-1']) {
      expect(byId.get(id)?.failsAtDataFactor, id).toBeCloseTo((2.125e9 * 86400) / 5e12, 1);
      expect(byId.get(id)?.failsAtBandwidthShare, id).toBeCloseTo(5e12 / 86400 / 2.125e9, 4);
    }
    // Two days of a break fill the 100 TB cache at 10 x the data (2 x 50 TB); 100 TB holds 1 day at 20 x.
    expect(byId.get('outage.cache-needed.0')?.failsAtDataFactor).toBeCloseTo(10, 1);
    expect(byId.get('outage.throttling.0')?.failsAtDataFactor).toBeCloseTo(10, 1);
    expect(byId.get('cache.days-resident.0')).toEqual({ figure: 'cache.days-resident.0', title: 'Days resident in C0 (C0)', failsAtDataFactor: expect.closeTo(20, 1), failsAtBandwidthShare: null });
    expect(byId.get('outage.cache-needed.0')?.failsAtBandwidthShare).toBeNull();
  });

  it('a target at risk today is listed (it fails at 20/18 of the data); one that fails today is not', () => {
    const atRisk = sensitivities(twoSites({ targets: targets({ daysResident: 18 }) }));
    expect(atRisk.map((entry) => entry.figure)).toEqual(['cache.days-resident.0']);
    expect(atRisk[0]?.failsAtDataFactor).toBeCloseTo(20 / 18, 3);
    expect(sensitivities(twoSites({ targets: targets({ daysResident: 50 }) }))).toEqual([]);
  });

  it('no failure within 1000 x the data is null: 100 TB holds 0.001 days until 20000 x', () => {
    expect(sensitivities(twoSites({ targets: targets({ daysResident: 0.001 }) }))).toEqual([{ figure: 'cache.days-resident.0', title: 'Days resident in C0 (C0)', failsAtDataFactor: null, failsAtBandwidthShare: null }]);
  });

  it('the data factor is found to within 0.1 % across the whole range, near 1 and near 1000', () => {
    // 100 TB at 5 TB/day holds 20 days: a 19.9-day target fails at 1.005 x; a 0.0201-day target at 995 x.
    expect(sensitivities(twoSites({ targets: targets({ daysResident: 19.9 }) }))[0]?.failsAtDataFactor).toBeCloseTo(20 / 19.9, 3);
    const far = sensitivities(twoSites({ targets: targets({ daysResident: 0.0201 }) }))[0]?.failsAtDataFactor ?? 0;
    expect(Math.abs(far / (20 / 0.0201) - 1)).toBeLessThan(1e-3);
  });

  it('the share is of what is installed: with half the links the RPO breaks at twice the share and half the data', () => {
    const base = twoSites({ targets: targets({ rpoSeconds: { MCDEF: 4 * 3600 } }) });
    const slower = { ...base, links: [link({ bytesPerSecondEach: 625e6, text: '2 x 5 Gb/s' })] };
    // Half the bandwidth installed: the RPO breaks at twice the share (5.45 %) and at half the data (18.4 x).
    const [rpo] = sensitivities(slower);
    expect(rpo?.failsAtBandwidthShare).toBeCloseTo((2 * 5e12) / 86400 / 2.125e9, 4);
    expect(rpo?.failsAtDataFactor).toBeCloseTo((1.0625e9 * 86400) / 5e12, 1);
  });
});
