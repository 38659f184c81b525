import { describe, expect, it } from 'vitest';
import { buildPlan, linkSummaries, analyseWan, sensitivities, type Figure, type PlanInputs } from '../../planner/index.js';
import { renderPlan } from '../../reports/index.js';
import { createStyle } from '../../reports/style.js';

const plainStyle = createStyle(false);
import { link, twoSites, workload } from './helpers.js';

/**
 * Figures a buyer signs (issue 15): each test pins a defect of the earlier planner with a case worked
 * out by hand from the test catalog (fibre 4.9 us/km, 8 streams, compression 2, no devices in path).
 */

function figure(inputs: PlanInputs, id: string): Figure {
  const found = buildPlan(inputs).sections.flatMap((section) => section.figures).find((candidate) => candidate.id === id);
  expect(found, `figure ${id}`).toBeDefined();
  return found as Figure;
}

/** C0 writes at prod, C1 and C2 at the DR site; the DR test uses C1 and breaks its links for a day. */
function threeClusters(overrides: Partial<PlanInputs> = {}): PlanInputs {
  const base = twoSites();
  const c2 = { ...(base.clusters[1] as PlanInputs['clusters'][number]), id: 2, name: 'C2' };
  return {
    ...base,
    clusters: [...base.clusters, c2],
    links: [link(), link({ between: [0, 2] }), link({ between: [1, 2], distanceMeters: 2e3, distanceText: '2 km' })],
    classes: [{ name: 'MCDEF', copyModes: { 0: ['R', 'D', 'D'] } }],
    drTest: { clusters: [1], seconds: 86400, writesBytesPerDay: null, linksBroken: true },
    ...overrides,
  };
}

describe('planner figures a buyer can sign (issue 15)', () => {
  it('RPO at volume granularity: with no queue, a 4 GB volume (2 GB stored) still waits for its own copy at one stream\'s throughput, and a 1-second target fails', () => {
    // 2 x 10 Gb/s x 0.85 = 2.125 GB/s; 8 streams: 265.6 MB/s each; 2 GB / 265.6 MB/s = 7.53 s. The old fluid-only figure was 0 s.
    const rpo = figure(twoSites({ targets: { rpoSeconds: { MCDEF: 1 }, drTestSeconds: null, daysResident: null } }), 'wan.rpo.0-1.MCDEF');
    expect(rpo.value).toBeCloseTo(2e9 / (2.125e9 / 8), 6);
    expect(rpo.verdict).toBe('fails');
    const summary = linkSummaries(twoSites(), analyseWan(twoSites(), [4e9]), null)[0];
    expect(summary?.rpo[0]).toEqual(expect.objectContaining({ managementClass: 'MCDEF', queueSeconds: 0, rpoSeconds: expect.closeTo(7.529, 3), averageVolumeRpoSeconds: expect.closeTo(7.529, 3) }));
  });

  it('the largest volume sets the RPO, the average one is shown beside it', () => {
    const inputs = twoSites({ workloads: [workload({ averageVolumeBytes: 1e9, largestVolumeBytes: 25e9 })] });
    const summary = buildPlan(inputs).links[0];
    // Largest 12.5 GB stored / 265.6 MB/s = 47.06 s; average 0.5 GB stored = 1.88 s.
    expect(summary?.rpo[0]?.rpoSeconds).toBeCloseTo(12.5e9 / (2.125e9 / 8), 6);
    expect(summary?.rpo[0]?.averageVolumeRpoSeconds).toBeCloseTo(0.5e9 / (2.125e9 / 8), 6);
  });

  it('links at one site are not broken by a DR test: only the inter-site directions to and from the test cluster get outage figures', () => {
    const ids = buildPlan(threeClusters()).sections.find((section) => section.id === 'outage')?.figures.map((entry) => entry.id) ?? [];
    expect(ids.filter((id) => id.startsWith('outage.backlog.'))).toEqual(['outage.backlog.0-1']);
    // Without a DR test, a target length breaks every link between two sites, and still none inside one.
    const outage = buildPlan(threeClusters({ drTest: null, targets: { rpoSeconds: {}, drTestSeconds: 86400, daysResident: null } }));
    const backlogs = outage.sections.find((section) => section.id === 'outage')?.figures.filter((entry) => entry.id.startsWith('outage.backlog.')).map((entry) => entry.id);
    expect(backlogs).toEqual(['outage.backlog.0-1', 'outage.backlog.0-2']);
  });

  it('uncopied data waiting for two peers is in cache once: cache needed is the larger backlog, not the sum', () => {
    const inputs = threeClusters({ drTest: null, targets: { rpoSeconds: {}, drTestSeconds: 86400, daysResident: null } });
    // 10 TB/day host, 5 TB/day stored, waiting for C1 and for C2 for one day: 5 TB once (the old figure said 10 TB).
    expect(figure(inputs, 'outage.cache-needed.0').value).toBeCloseTo(5e12, 0);
  });

  it('cache fill during a break starts from what the cache holds: a disk-only writer full to its 4 TB removal threshold throttles when 4 TB - 1.1 TB out of cache is filled', () => {
    const base = threeClusters();
    const inputs = { ...base, clusters: base.clusters.map((cluster) => (cluster.id === 0 ? { ...cluster, kind: 'disk-only' as const } : cluster)) };
    // Room 2.9 TB at 5 TB/day stored on a flat day: 0.58 d. The old figure started from an empty 100 TB cache: 20 d.
    const throttle = figure(inputs, 'outage.throttling.0');
    expect(throttle.value).toBeCloseTo((2.9e12 / 5e12) * 86400, 0);
    expect(throttle.verdict).toBe('fails');
    // A configured occupancy is used as given: 60 TB held in 100 TB of a tape-attached cache leaves 40 TB, 8 days.
    const configured = { ...base, clusters: base.clusters.map((cluster) => (cluster.id === 0 ? { ...cluster, occupiedAtBreakBytes: 60e12 } : cluster)) };
    expect(figure(configured, 'outage.throttling.0').value).toBeCloseTo(8 * 86400, 0);
    expect(figure(configured, 'outage.cache-needed.0').value).toBeCloseTo(65e12, 0);
  });

  it('a site-to-site distance is multiplied by the route factor and says so; a fibre route is used as given', () => {
    const fibre = figure(twoSites(), 'wan.capacity.0-1').inputs.find((input) => input.name === 'round trip');
    expect(fibre?.value).toBe('9.80 ms estimated from 1000 km of fibre route');
    const straight = twoSites({ links: [link({ distanceKind: 'site-to-site', routeFactor: 1.3 })] });
    expect(figure(straight, 'wan.capacity.0-1').inputs.find((input) => input.name === 'round trip')?.value).toBe('12.7 ms estimated from 1000 km site to site x route factor 1.3 = 1300 km of fibre');
  });

  it('every direction names its binding term and, when the backlog never drains, how fast it grows, as numbers', () => {
    // 40 TB/day stored over 1 Gb/s x 2 x 0.85 = 212.5 MB/s = 18.36 TB/day: unbounded, +21.64 TB/day.
    const slow = twoSites({ workloads: [workload({ hostBytesPerDay: 80e12 })], links: [link({ bytesPerSecondEach: 125e6, text: '2 x 1 Gb/s' })] });
    const plan = buildPlan(slow);
    expect(plan.links[0]).toEqual(expect.objectContaining({ bindingTerm: 'line-rate', binding: 'line rate', peakBacklogBytes: null, backlogGrowthBytesPerDay: expect.closeTo(40e12 - 212.5e6 * 86400, -6) }));
    expect(plan.links[0]?.rpo[0]?.rpoSeconds).toBeNull();
    const text = renderPlan(plan, 'test.yaml', plainStyle);
    expect(text).toMatch(/C0->C1 +\|.*\| unbounded: grows 21\.64 TB\/day/);
    // A TCP window binds a long link: 8 streams x 1 MB / 9.8 ms = 816 MB/s < 2.125 GB/s.
    const windowed = buildPlan(twoSites({ links: [link({ tcpWindowBytes: 1e6 })] }));
    expect(windowed.links[0]).toEqual(expect.objectContaining({ bindingTerm: 'tcp-window', binding: 'TCP window' }));
  });

  it('growth that breaks a target within the horizon fails the plan, and the summary says which target and when', () => {
    const inputs = twoSites({ targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 15 }, growth: { perYear: 0.3, horizonMonths: 36 } });
    const plan = buildPlan(inputs);
    expect(plan.verdict).toBe('fails');
    expect(plan.growth?.firstFailureMonth['cache.days-resident.0']).toBe(14);
    expect(renderPlan(plan, 'test.yaml', plainStyle)).toContain('Every target is met today; with 30 % growth a year, Days resident in C0 (C0) fails in month 14.');
    expect(buildPlan({ ...inputs, growth: null }).verdict).not.toBe('fails');
  });

  it('sensitivity: 20 days resident against 15 fails at 4/3 of the daily data; an RPO of 4 h fails when the link is too slow to drain a day', () => {
    const inputs = twoSites({ targets: { rpoSeconds: { MCDEF: 4 * 3600 }, drTestSeconds: null, daysResident: 15 } });
    const entries = sensitivities(inputs);
    const resident = entries.find((entry) => entry.figure === 'cache.days-resident.0');
    expect(resident?.failsAtDataFactor).toBeCloseTo(4 / 3, 2);
    expect(resident?.failsAtBandwidthShare).toBeNull();
    const rpo = entries.find((entry) => entry.figure === 'wan.rpo.0-1.MCDEF');
    // Flat day: the queue never builds while capacity exceeds 5 TB/day, so the RPO breaks only when the
    // stored rate exceeds the capacity (5 TB/day = 57.9 MB/s of 2.125 GB/s: 2.72 %) or the volume takes 4 h.
    expect(rpo?.failsAtBandwidthShare).toBeGreaterThan(0.02);
    expect(rpo?.failsAtBandwidthShare).toBeLessThan(0.03);
    expect(rpo?.failsAtDataFactor).toBeGreaterThan(30);
  });
});
