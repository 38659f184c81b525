import { describe, expect, it } from 'vitest';
import { allTraffic, analyseWan, buildPlan, cartridgesFor, daysResident, diskOnlyFillSeconds, linkCapacity, outageOf, roundTripSeconds, timeToThrottle, trafficOf } from '../../planner/index.js';
import { link, testCatalog, twoSites, workload } from './helpers.js';

const volumes = testCatalog.referenceVolumeBytes.value;

describe('planner formulas, with the arithmetic written out', () => {
  it('PLN-1: round trip from distance: 2 x 1000 km x 4.9 us/km = 9.8 ms (route factor 1, no devices)', () => {
    expect(roundTripSeconds(link(), testCatalog)).toBeCloseTo(0.0098, 9);
    // A site-to-site distance with the reference route factor 1.3 and 4 devices of 25 us: 2 x (1000 x 1.3 x 4.9 us + 4 x 25 us) = 12.94 ms.
    const devices = { ...testCatalog, routeFactor: { value: 1.3, source: '' }, devicesInPath: { value: 4, source: '' } };
    expect(roundTripSeconds(link({ distanceKind: 'site-to-site', routeFactor: 1.3 }), devices)).toBeCloseTo(0.01294, 9);
    // A fibre route is used as given: the catalog's route factor does not apply (issue 15): 2 x (1000 x 4.9 us + 4 x 25 us) = 10 ms.
    expect(roundTripSeconds(link(), devices)).toBeCloseTo(0.01, 9);
    expect(roundTripSeconds(link({ roundTripSeconds: 0.02 }), testCatalog)).toBe(0.02);
  });

  it('PLN-1: line rate 2 x 10 Gb/s x 0.85 = 17 Gb/s = 2.125 GB/s binds when nothing else is given', () => {
    const capacity = linkCapacity(link(), testCatalog);
    expect(capacity.bytesPerSecond).toBeCloseTo(2.125e9, 0);
    expect(capacity.binding).toBe('line-rate');
    // Per stream: 2.125 GB/s / 8 streams = 265.6 MB/s.
    expect(capacity.perStreamBytesPerSecond).toBeCloseTo(265.625e6, 0);
  });

  it('PLN-1: the TCP window binds at distance: 8 streams x 1 MB / 9.8 ms = 816 MB/s < 2.125 GB/s', () => {
    const capacity = linkCapacity(link({ tcpWindowBytes: 1e6 }), testCatalog);
    expect(capacity.binding).toBe('tcp-window');
    expect(capacity.bytesPerSecond).toBeCloseTo((8 * 1e6) / 0.0098, 0);
  });

  it('PLN-1: the Mathis bound with 0.1 % loss: 8 x (1460 B / 9.8 ms) x sqrt(1.5) / sqrt(0.001) = 46.2 MB/s', () => {
    const capacity = linkCapacity(link({ lossRate: 0.001 }), testCatalog);
    expect(capacity.binding).toBe('packet-loss');
    expect(capacity.bytesPerSecond).toBeCloseTo((8 * (1460 / 0.0098) * Math.sqrt(1.5)) / Math.sqrt(0.001), 0);
  });

  it('PLN-1: a term that cannot be computed (no round trip, no loss) is left out rather than taken as unbounded; a tie keeps the line rate binding', () => {
    const zeroRtt = linkCapacity(link({ tcpWindowBytes: 1e6, lossRate: 0.001, roundTripSeconds: 0 }), testCatalog);
    expect(Object.keys(zeroRtt.terms)).toEqual(['line-rate']);
    expect(zeroRtt.roundTripEstimated).toBe(false);
    const noLoss = linkCapacity(link({ lossRate: 0 }), testCatalog);
    expect(Object.keys(noLoss.terms)).toEqual(['line-rate']);
    expect(linkCapacity(link(), testCatalog).roundTripEstimated).toBe(true);
    // A window of exactly the line rate x RTT / streams gives the same figure; the line rate stays the binding term.
    const tie = linkCapacity(link({ tcpWindowBytes: (2.125e9 * 0.0098) / 8, roundTripSeconds: 0.0098 }), testCatalog);
    expect(tie.terms['tcp-window']).toBeCloseTo(2.125e9, 0);
    expect(tie.binding).toBe('line-rate');
  });

  it('PLN-1: no traffic for a class the grid does not define, none to the writing cluster itself, and no empty flows', () => {
    const classes = twoSites().classes;
    const unknown = trafficOf(workload({ classShares: { MCNONE: 1 } }), classes, 1);
    expect([unknown.immediateBytesPerDay, unknown.deferredBytesPerDay, unknown.byClass]).toEqual([0, 0, []]);
    const itself = trafficOf(workload({ classShares: { MCRUN: 1 } }), classes, 0);
    expect([itself.immediateBytesPerDay, itself.deferredBytesPerDay]).toEqual([0, 0]);
    // Three clusters, the class copies to C1 only: one flow, C0 to C1.
    const three = twoSites({ classes: [{ name: 'MCDEF', copyModes: { 0: ['R', 'D', 'N'] } }] });
    const c2 = { ...(three.clusters[1] as (typeof three.clusters)[number]), id: 2, name: 'C2' };
    expect(allTraffic({ ...three, clusters: [...three.clusters, c2] }).map((flow) => `${flow.from}>${flow.to}`)).toEqual(['0>1']);
  });

  it('PLN-1: copy traffic = host data x share in classes with a copy point at the target / compression', () => {
    // 10 TB/day, 60 % MCRUN (R at C1) and 40 % MCDEF (D at C1), 2 : 1 -> 3 TB/day RUN and 2 TB/day deferred.
    const flow = trafficOf(workload({ classShares: { MCRUN: 0.6, MCDEF: 0.4 } }), twoSites().classes, 1);
    expect(flow.immediateBytesPerDay).toBeCloseTo(3e12, 0);
    expect(flow.deferredBytesPerDay).toBeCloseTo(2e12, 0);
    expect(trafficOf(workload(), twoSites().classes, 0).deferredBytesPerDay).toBe(0);
  });

  it('CCP-8: RUN peak-hour utilisation and elongation: 12 TB/day stored RUN over 2 x 1 Gb/s, 10 % in the peak hour', () => {
    // Stored RUN traffic 24 TB/day / 2 = 12 TB/day; peak hour 1.2 TB. Capacity 2 x 125 MB/s x 0.85 = 212.5 MB/s = 765 GB/h.
    const share = Array.from({ length: 24 }, (_, h) => (h === 22 ? 0.1 : 0.9 / 23));
    const inputs = twoSites({ links: [link({ count: 2, bytesPerSecondEach: 125e6 })], workloads: [workload({ hostBytesPerDay: 24e12, hourlyShare: share, classShares: { MCRUN: 1 } })] });
    const [direction] = analyseWan(inputs, volumes);
    expect(direction?.peakImmediateUtilisation).toBeCloseTo(1.2e12 / (212.5e6 * 3600), 6);
    // An 800 MiB volume stored at 2 : 1 is 419.4 MB; one stream gets 212.5 / 8 = 26.56 MB/s: 15.8 s.
    expect(direction?.elongation[0]?.seconds).toBeCloseTo((800 * 2 ** 20) / 2 / (212.5e6 / 8), 6);
  });

  it('CCP-2: deferred RPO on the configured link: 5 TB/day stored over a flat day on 17 Gb/s is 0', () => {
    const [direction] = analyseWan(twoSites(), volumes);
    expect(direction?.deferred).toEqual(expect.objectContaining({ kind: 'bounded', rpoSeconds: 0 }));
  });

  it('DRT-5: a 2-day break: backlog 5 TB/day x 2 d = 10 TB; catch-up 10 TB / (2.125 GB/s - 57.9 MB/s) = 80.6 min', () => {
    const [direction] = analyseWan(twoSites(), volumes);
    if (direction === undefined) throw new Error('no direction');
    const outage = outageOf(direction, 2 * 86400);
    expect(outage.backlogBytes).toBeCloseTo(10e12, 0);
    expect(outage.catchUpSeconds).toBeCloseTo(10e12 / (2.125e9 - 5e12 / 86400), 3);
  });

  it('TVC-5: the seed\'s example, 4 TB of new data a day into 3 TB of cache, is throttled within the day (after 18 h)', () => {
    // Flat day: 4 TB / 24 h = 166.7 GB/h; 3 TB / 166.7 GB/h = 18 h.
    const seconds = timeToThrottle(3e12, 4e12, Array.from({ length: 24 }, () => 1 / 24));
    expect(seconds).toBeCloseTo(18 * 3600, 3);
    expect(seconds).toBeLessThan(86400);
    // A batch window (half the day's data in hours 20-23) fills it sooner: 2 TB in 4 h from 20:00, then 1 TB more at 2/20 TB per hour.
    const batch = Array.from({ length: 24 }, (_, h) => (h >= 20 ? 0.5 / 4 : 0.5 / 20));
    expect(timeToThrottle(3e12, 4e12, batch)).toBeLessThan(18 * 3600);
  });

  it('TVC-3: days resident = cache / daily stored inflow: 100 TB / (5 TB own) = 20 d', () => {
    expect(daysResident(100e12, 5e12)).toBe(20);
    expect(daysResident(100e12, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('FS-8, TVC-4: a disk-only cluster at its 4 TB removal threshold, out of cache below 1.1 TB, writing 5 TB/day fills in 0.58 d', () => {
    expect(diskOnlyFillSeconds(4e12, 1.1e12, 5e12)).toBeCloseTo((2.9 / 5) * 86400, 6);
  });

  it('CER-6, CE-6: cartridges = ceil(held / (capacity x fill)): 360 TB on 10 TB cartridges at 0.8 fill = 45', () => {
    expect(cartridgesFor(360e12, 10e12, 0.8)).toBe(45);
    expect(cartridgesFor(1, 10e12, 0.8)).toBe(1);
  });

  it('CAT-2, CAT-4: scratch pool = per day x (hold + DR test + safety): 2500/day x (1 + 2 + 3) = 15000', () => {
    const plan = buildPlan(twoSites({ targets: { rpoSeconds: {}, drTestSeconds: 2 * 86400, daysResident: null } }));
    const pool = plan.sections.flatMap((section) => section.figures).find((figure) => figure.id === 'scratch.pool.0');
    // 10 TB/day / 4 GB = 2500 volumes a day.
    expect(pool?.value).toBeCloseTo(2500 * (1 + 2 + 3), 6);
  });

  it('PLN-4: growth: at 30 % a year, 20 days resident against a 15-day target fails in month 14', () => {
    // Days resident = 100 TB / (5 TB/day x 1.3^(m/12)); below 15 d when 1.3^(m/12) > 4/3, i.e. m > 12 ln(4/3) / ln(1.3) = 13.2.
    const plan = buildPlan(twoSites({ targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 15 }, growth: { perYear: 0.3, horizonMonths: 36 } }));
    expect(plan.growth?.firstFailure?.month).toBe(14);
    expect(plan.growth?.firstFailure?.figure.id).toBe('cache.days-resident.0');
    const atHorizon = plan.growth?.atHorizon.find((figure) => figure.id === 'cache.days-resident.0');
    // 1.3^3 = 2.197: 100 / (5 x 2.197) = 9.10 d.
    expect(atHorizon?.value).toBeCloseTo(100 / (5 * 2.197), 6);
    expect(buildPlan(twoSites()).growth).toBeNull();
  });

  it('verdicts: meets under 80 % of a limit, at risk up to it, fails above; at least 120 % for lower limits', () => {
    const plan = buildPlan(twoSites({ targets: { rpoSeconds: { MCDEF: 3600 }, drTestSeconds: null, daysResident: 19 } }));
    const resident = plan.sections.flatMap((section) => section.figures).find((figure) => figure.id === 'cache.days-resident.0');
    // 20 d against 19 d: within 20 % above the limit, at risk.
    expect(resident?.verdict).toBe('at-risk');
    expect(resident?.value).toBe(20);
  });
});
