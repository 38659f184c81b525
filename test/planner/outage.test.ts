import { describe, expect, it } from 'vitest';
import { analyseWan, brokenDirections, buildPlan, occupiedAtBreak, outageOf, timeToThrottle, type DirectionAnalysis, type Figure, type PlanInputs } from '../../planner/index.js';
import { link, twoSites, workload } from './helpers.js';

/** Links broken for a DR test or an outage (CCP-7, DRT-5, TVC-5): the figures at their boundaries. */

function figure(inputs: PlanInputs, id: string): Figure {
  const found = buildPlan(inputs).sections.flatMap((section) => section.figures).find((candidate) => candidate.id === id);
  expect(found, id).toBeDefined();
  return found as Figure;
}

const broken = (days: number): Partial<PlanInputs> => ({ drTest: { clusters: [1], seconds: days * 86400, writesBytesPerDay: null, linksBroken: true } });

describe('links broken: backlog, catch-up, cache and throttling (TVC-5, DRT-5)', () => {
  it('throttling starts from the worst hour of the profile: 2 TB a day, all in hour 22, fills 1 TB of room in half an hour', () => {
    const peaked = Array.from({ length: 24 }, (_, hour) => (hour === 22 ? 1 : 0));
    expect(timeToThrottle(1e12, 2e12, peaked)).toBeCloseTo(1800, 6);
    // A flat day fills whole days first: 10 TB of room at 1 TB a day is exactly 10 days.
    expect(timeToThrottle(10e12, 1e12, Array.from({ length: 24 }, () => 1 / 24))).toBeCloseTo(10 * 86400, 3);
    // 2.5 days of room: the half day is hours, not a whole day more or less.
    expect(timeToThrottle(2.5e12, 1e12, Array.from({ length: 24 }, () => 1 / 24))).toBeCloseTo(2.5 * 86400, 3);
    expect(timeToThrottle(0, 1e12, peaked)).toBe(0);
    expect(timeToThrottle(1e12, 0, peaked)).toBe(Number.POSITIVE_INFINITY);
  });

  it('the backlog is a day of copies per day broken; it catches up at the capacity left over, never when none is left', () => {
    const direction = analyseWan(twoSites(), [4e9])[0];
    if (direction === undefined) throw new Error('no direction');
    const outage = outageOf(direction, 2 * 86400);
    // 5 TB/day stored for 2 days; spare = 2.125 GB/s - 5 TB/day.
    expect(outage.backlogBytes).toBeCloseTo(10e12, 0);
    expect(outage.catchUpSeconds).toBeCloseTo(10e12 / (2.125e9 - 5e12 / 86400), 3);
    const slow = analyseWan(twoSites({ links: [link({ bytesPerSecondEach: 25e6, text: '2 x 200 Mb/s' })] }), [4e9])[0];
    if (slow === undefined) throw new Error('no direction');
    // 2 x 25 MB/s x 0.85 = 42.5 MB/s < 57.9 MB/s of copies: it never catches up.
    expect(outageOf(slow, 86400).catchUpSeconds).toBe(Number.POSITIVE_INFINITY);
    expect(figure(twoSites({ ...broken(1), links: [link({ bytesPerSecondEach: 25e6, text: '2 x 200 Mb/s' })] }), 'outage.catch-up.0-1').verdict).toBe('fails');
  });

  it('catch-up within a day meets, longer is at risk', () => {
    expect(figure(twoSites(broken(2)), 'outage.catch-up.0-1').verdict).toBe('meets');
    // 400 Mb/s x 2 x 0.85 = 85 MB/s; 5 TB/day is 57.9 MB/s: 10 TB of backlog drains at 27.1 MB/s in 4.3 days.
    expect(figure(twoSites({ ...broken(2), links: [link({ bytesPerSecondEach: 50e6, text: '2 x 400 Mb/s' })] }), 'outage.catch-up.0-1').verdict).toBe('at-risk');
  });

  it('cache needed: within 80 % of the usable cache meets, up to 100 % is at risk, above fails; throttling within the break fails', () => {
    const withCache = (bytes: number): PlanInputs => {
      const base = twoSites(broken(2));
      return { ...base, clusters: base.clusters.map((cluster) => (cluster.id === 0 ? { ...cluster, cacheBytes: bytes, cacheText: `${bytes / 1e12} TB` } : cluster)) };
    };
    // 10 TB written during the 2-day break, nothing occupied at the break (no deferred backlog on this link).
    expect(figure(withCache(12.5e12), 'outage.cache-needed.0').verdict).toBe('meets');
    expect(figure(withCache(11e12), 'outage.cache-needed.0').verdict).toBe('at-risk');
    expect(figure(withCache(10e12), 'outage.cache-needed.0').verdict).toBe('at-risk');
    expect(figure(withCache(9e12), 'outage.cache-needed.0').verdict).toBe('fails');
    expect(figure(withCache(9e12), 'outage.throttling.0')).toEqual(expect.objectContaining({ verdict: 'fails', display: 'starts after 43.20 h' }));
    const full = twoSites({ ...broken(1) });
    const occupied = { ...full, clusters: full.clusters.map((cluster) => (cluster.id === 0 ? { ...cluster, occupiedAtBreakBytes: cluster.cacheBytes } : cluster)) };
    expect(figure(occupied, 'outage.throttling.0').display).toBe('from the start: no room left in cache');
  });

  it('a tape-attached writer holds its largest deferred backlog at the break; a configured occupancy wins', () => {
    // 1 Gb/s x 2 x 0.85 = 212.5 MB/s against 15 TB/day stored, 60 % of it in four hours: a backlog builds.
    const busy = twoSites({ workloads: [workload({ hostBytesPerDay: 30e12, hourlyShare: Array.from({ length: 24 }, (_, hour) => (hour >= 20 ? 0.15 : 0.4 / 20)) })], links: [link({ bytesPerSecondEach: 125e6, text: '2 x 1 Gb/s' })] });
    const directions = analyseWan(busy, [4e9]);
    const peak = directions[0]?.deferred.kind === 'bounded' ? directions[0].deferred.peakBacklogBytes : Number.NaN;
    expect(peak).toBeGreaterThan(0);
    const writer = busy.clusters[0];
    if (writer === undefined) throw new Error('no writer');
    expect(occupiedAtBreak(writer, directions)).toEqual({ bytes: peak, source: 'tape-attached: its peak deferred backlog, waiting for copies' });
    // The receiving cluster sends nothing: it holds nothing that cannot leave.
    expect(occupiedAtBreak(busy.clusters[1] as typeof writer, directions).bytes).toBe(0);
    expect(occupiedAtBreak({ ...writer, occupiedAtBreakBytes: 7e12 }, directions)).toEqual({ bytes: 7e12, source: 'configured (cacheOccupied)' });
    expect(occupiedAtBreak({ ...writer, kind: 'disk-only' }, directions)).toEqual({ bytes: 96e12, source: 'disk-only: full to its auto-removal threshold' });
  });
});

describe('which links a break cuts, and the exact moment the cache fills (DRT-1, 11.9.2, TVC-5)', () => {
  /** C0 and C1 at the production site, C2 at the DR site; every pair linked. */
  function threeClusters(overrides: Partial<PlanInputs> = {}): PlanInputs {
    const base = twoSites();
    const template = base.clusters[0];
    if (template === undefined) throw new Error('no cluster');
    return twoSites({
      clusters: [0, 1, 2].map((id) => ({ ...template, id, name: `C${id}`, site: id === 2 ? 'dr' : 'prod' })),
      links: [link({ between: [0, 1] }), link({ between: [0, 2] }), link({ between: [1, 2] })],
      // Every cluster writes and copies to both others, so there is traffic in every direction.
      workloads: [0, 1, 2].map((cluster) => workload({ cluster })),
      classes: [{ name: 'MCDEF', copyModes: { 0: ['R', 'D', 'D'], 1: ['D', 'R', 'D'], 2: ['D', 'D', 'R'] } }],
      targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: null },
      ...overrides,
    });
  }
  const pairs = (inputs: PlanInputs, directions: readonly DirectionAnalysis[]): string[] => brokenDirections(inputs, directions).map((direction) => `${direction.from}->${direction.to}`).sort();

  it('an outage cuts only the links between sites, never between the two clusters of one site', () => {
    const inputs = threeClusters();
    const directions = analyseWan(inputs, [4e9]);
    expect(directions.map((direction) => `${direction.from}->${direction.to}`).sort()).toEqual(['0->1', '0->2', '1->0', '1->2', '2->0', '2->1']);
    expect(pairs(inputs, directions)).toEqual(['0->2', '1->2', '2->0', '2->1']);
  });

  it('a DR test breaks the links between its clusters and the others only', () => {
    const inputs = threeClusters({ drTest: { clusters: [1], seconds: 86400, writesBytesPerDay: null, linksBroken: true } });
    const sameSite = threeClusters({ clusters: threeClusters().clusters.map((cluster) => ({ ...cluster, site: 'one' })), drTest: { clusters: [1], seconds: 86400, writesBytesPerDay: null, linksBroken: true } });
    // C1 at the production site is the test cluster: its links to C2 cross sites and are cut; C0-C2 stays.
    expect(pairs(inputs, analyseWan(inputs, [4e9]))).toEqual(['1->2', '2->1']);
    // One site only: no link crosses sites, so nothing is cut.
    expect(pairs(sameSite, analyseWan(sameSite, [4e9]))).toEqual([]);
  });

  it('room for exactly one hour of writes fills at the end of that hour, not a day later', () => {
    // 3.6 GB a day, all in hour 22, is 1 MB/s for that hour; 3.6 GB of room is full after exactly 3600 s.
    const peaked = Array.from({ length: 24 }, (_, hour) => (hour === 22 ? 1 : 0));
    expect(timeToThrottle(3.6e9, 3.6e9, peaked)).toBe(3600);
  });
});
