import { describe, expect, it } from 'vitest';
import { buildPlan, type ChartData } from '../../planner/index.js';
import { link, twoSites, workload } from './helpers.js';

type Kind<K extends ChartData['kind']> = Extract<ChartData, { kind: K }>;

function chart<K extends ChartData['kind']>(charts: readonly ChartData[], kind: K, direction: string): Kind<K> {
  const found = charts.find((candidate): candidate is Kind<K> => candidate.kind === kind && 'direction' in candidate && candidate.direction === direction);
  expect(found, `${kind} ${direction}`).toBeDefined();
  return found as Kind<K>;
}

describe('plan charts: backlog per link with its limit and binding term (issue 15, item 5)', () => {
  it('the day\'s backlog curve of a direction carries the RPO limit as a backlog: capacity x (target - one volume\'s transfer)', () => {
    // 2.125 GB/s; a 4 h target; the 2 GB stored volume takes 7.53 s at one of 8 streams.
    const plan = buildPlan(twoSites());
    const day = chart(plan.charts, 'backlog-over-day', 'C0->C1');
    expect(day.hourlyBytes).toHaveLength(25);
    expect(day.limit?.bytes).toBeCloseTo(2.125e9 * (4 * 3600 - 2e9 / (2.125e9 / 8)), 0);
    expect(day.limit?.label).toBe('RPO 4.00 h of MCDEF reached at 30.58 TB');
    expect(day.binding).toBe('line rate binds: 17.00 Gb/s usable');
    expect(day.growthBytesPerDay).toBeNull();
    // Too slow a link: the curve is the first day of a backlog that grows 40 - 18.36 TB a day.
    const slow = buildPlan(twoSites({ workloads: [workload({ hostBytesPerDay: 80e12 })], links: [link({ bytesPerSecondEach: 125e6, text: '2 x 1 Gb/s' })] }));
    expect(chart(slow.charts, 'backlog-over-day', 'C0->C1').growthBytesPerDay).toBeCloseTo(40e12 - 212.5e6 * 86400, -6);
  });

  it('through a 2-day break the backlog grows by the direction\'s daily copies (5 TB a day stored) and drains at the spare capacity after it; the limit is the room in the writer\'s cache', () => {
    const plan = buildPlan(twoSites({ drTest: { clusters: [1], seconds: 2 * 86400, writesBytesPerDay: null, linksBroken: true } }));
    const broken = chart(plan.charts, 'backlog-during-break', 'C0->C1');
    expect(broken.breakHours).toBe(48);
    expect(broken.hourlyBytes[48]).toBeCloseTo(10e12, 0);
    expect(Math.max(...broken.hourlyBytes)).toBeCloseTo(10e12, 0);
    // Spare capacity 2.125 GB/s x 3600 - 5 TB / 24 = 7.44 TB an hour: drained in the second hour after the links return.
    expect(broken.hourlyBytes.length - 1 - broken.breakHours).toBe(2);
    expect(broken.hourlyBytes.at(-1)).toBe(0);
    // Tape-attached 100 TB cache holding its deferred backlog (0 on this fast link) at the break.
    expect(broken.limit).toEqual({ bytes: 100e12, label: "room in C0's cache 100 TB" });
  });
});

/** C0 as a disk-only cluster of 100 TB: auto-removal at 4 TB free, out of cache at 1.1 TB free. */
function diskOnlyWriter(overrides: Parameters<typeof twoSites>[0] = {}): ReturnType<typeof twoSites> {
  const base = twoSites(overrides);
  return { ...base, clusters: base.clusters.map((cluster) => (cluster.id === 0 ? { ...cluster, kind: 'disk-only' as const } : cluster)) };
}

describe('plan charts: RPO against link capacity (CCP-7, PLN-2)', () => {
  it('twelve capacities, geometric, from just above saturation (1.02 x a day\'s copies spread over the day) to twice the installed links', () => {
    const points = chart(buildPlan(twoSites()).charts, 'rpo-against-bandwidth', 'C0->C1').points;
    expect(points).toHaveLength(12);
    // 10 TB/day at 2 : 1 is 5 TB stored a day: 57.87 MB/s; the links give 2.125 GB/s.
    expect(points[0]?.capacityBytesPerSecond).toBeCloseTo((1.02 * 5e12) / 86400, 3);
    expect(points[11]?.capacityBytesPerSecond).toBeCloseTo(2 * 2.125e9, 3);
    const ratio = (points[1]?.capacityBytesPerSecond ?? 0) / (points[0]?.capacityBytesPerSecond ?? 1);
    for (let index = 1; index < points.length; index += 1) expect((points[index]?.capacityBytesPerSecond ?? 0) / (points[index - 1]?.capacityBytesPerSecond ?? 1)).toBeCloseTo(ratio, 9);
  });

  it('on a flat day no queue builds above saturation, so each RPO is one 2 GB stored volume\'s transfer at one of 8 streams', () => {
    const plan = buildPlan(twoSites());
    const rpo = chart(plan.charts, 'rpo-against-bandwidth', 'C0->C1');
    for (const point of rpo.points) expect(point.rpoSeconds).toBeCloseTo(2e9 / (point.capacityBytesPerSecond / 8), 6);
    expect(rpo.targetSeconds).toBe(4 * 3600);
    expect(rpo.title).toBe('RPO of deferred data against link capacity C0->C1');
  });

  it('a day written in one hour queues near saturation (hours of RPO) and the RPO never rises as capacity grows', () => {
    const peaked = workload({ hourlyShare: Array.from({ length: 24 }, (_, hour) => (hour === 22 ? 1 : 0)) });
    const points = chart(buildPlan(twoSites({ workloads: [peaked] })).charts, 'rpo-against-bandwidth', 'C0->C1').points;
    // 5 TB arrives in one hour at 59 MB/s of capacity: most of it waits the rest of the day.
    expect(points[0]?.rpoSeconds).toBeGreaterThan(20 * 3600);
    for (let index = 1; index < points.length; index += 1) expect(points[index]?.rpoSeconds ?? 0).toBeLessThanOrEqual(points[index - 1]?.rpoSeconds ?? 0);
    // At twice the links (4.25 GB/s) the hour's 1.39 GB/s never queues.
    expect(points[11]?.rpoSeconds).toBeCloseTo(2e9 / (4.25e9 / 8), 6);
  });

  it('the target is the tightest of the direction\'s Deferred classes, and null when none has one', () => {
    const classes = [
      { name: 'MCDEF', copyModes: { 0: ['R', 'D'] } },
      { name: 'MCD2', copyModes: { 0: ['R', 'D'] } },
    ] as const;
    const two = twoSites({ classes: classes.map((entry) => ({ name: entry.name, copyModes: { 0: [...entry.copyModes[0]] } })), workloads: [workload({ classShares: { MCDEF: 0.5, MCD2: 0.5 } })], targets: { rpoSeconds: { MCDEF: 4 * 3600, MCD2: 2 * 3600 }, drTestSeconds: null, daysResident: null } });
    const plan = buildPlan(two);
    expect(chart(plan.charts, 'rpo-against-bandwidth', 'C0->C1').targetSeconds).toBe(2 * 3600);
    const day = chart(plan.charts, 'backlog-over-day', 'C0->C1');
    expect(day.limit?.bytes).toBeCloseTo(2.125e9 * (2 * 3600 - 2e9 / (2.125e9 / 8)), 0);
    expect(day.limit?.label).toMatch(/^RPO 2\.00 h of MCD2 reached at 15\.28 TB$/);
    const none = buildPlan(twoSites({ targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: null } }));
    expect(chart(none.charts, 'rpo-against-bandwidth', 'C0->C1').targetSeconds).toBeNull();
    expect(chart(none.charts, 'backlog-over-day', 'C0->C1').limit).toBeNull();
  });

  it('a Deferred class without a target does not set the limit: the one with a target does', () => {
    const plan = buildPlan(
      twoSites({
        classes: [
          { name: 'MCDEF', copyModes: { 0: ['R', 'D'] } },
          { name: 'MCFREE', copyModes: { 0: ['R', 'D'] } },
        ],
        workloads: [workload({ classShares: { MCDEF: 0.5, MCFREE: 0.5 } })],
      }),
    );
    expect(chart(plan.charts, 'backlog-over-day', 'C0->C1').limit?.label).toMatch(/^RPO 4\.00 h of MCDEF reached at /);
  });

  it('a target shorter than one volume\'s transfer is reached at an empty backlog, and the label says why', () => {
    const plan = buildPlan(twoSites({ targets: { rpoSeconds: { MCDEF: 5 }, drTestSeconds: null, daysResident: null } }));
    expect(chart(plan.charts, 'backlog-over-day', 'C0->C1').limit).toEqual({ bytes: 0, label: "RPO 5.00 s of MCDEF: exceeded by one volume's transfer" });
  });

  it('the day\'s curve is titled after the planned day: the configured one, or the measured day of a history', () => {
    expect(chart(buildPlan(twoSites()).charts, 'backlog-over-day', 'C0->C1').title).toBe('Deferred backlog over the configured day, C0->C1');
    const measured = twoSites({ history: { file: 'h.csv', day: 'the busiest day', clusters: [], unused: [] } });
    expect(chart(buildPlan(measured).charts, 'backlog-over-day', 'C0->C1').title).toBe('Deferred backlog over the busiest day, C0->C1');
  });

  it('no Deferred copies, no backlog or RPO chart: RUN copies only', () => {
    const plan = buildPlan(twoSites({ classes: [{ name: 'MCDEF', copyModes: { 0: ['R', 'R'] } }] }));
    expect(plan.charts.filter((entry) => entry.kind === 'backlog-over-day' || entry.kind === 'rpo-against-bandwidth')).toEqual([]);
  });
});

describe('plan charts: a short break, and a disk-only writer (TVC-5, FS-8)', () => {
  it('a 20-minute outage target is drawn as one hour: the hour\'s copies (5 TB / 24) and their drain in the next hour', () => {
    const plan = buildPlan(twoSites({ targets: { rpoSeconds: {}, drTestSeconds: 20 * 60, daysResident: null } }));
    const broken = chart(plan.charts, 'backlog-during-break', 'C0->C1');
    expect(broken.title).toBe('Copy backlog through a 20.0 min break and the catch-up, C0->C1');
    expect(broken.breakHours).toBe(1);
    expect(broken.hourlyBytes).toHaveLength(3);
    expect(broken.hourlyBytes[0]).toBe(0);
    expect(broken.hourlyBytes[1]).toBeCloseTo(5e12 / 24, 0);
    expect(broken.hourlyBytes[2]).toBe(0);
    expect(broken.binding).toBe('line rate binds: 17.00 Gb/s usable');
  });

  it('a break the links never catch up with is drawn for a week after it ends', () => {
    const slow = twoSites({ workloads: [workload({ hostBytesPerDay: 80e12 })], links: [link({ bytesPerSecondEach: 125e6, text: '2 x 1 Gb/s' })], targets: { rpoSeconds: {}, drTestSeconds: 3 * 3600, daysResident: null } });
    const broken = chart(buildPlan(slow).charts, 'backlog-during-break', 'C0->C1');
    expect(broken.hourlyBytes).toHaveLength(1 + 3 + 24 * 7);
    expect(broken.hourlyBytes.at(-1)).toBeGreaterThan(broken.hourlyBytes[3] ?? 0);
  });

  it('no break between clusters of one site', () => {
    const base = twoSites({ targets: { rpoSeconds: {}, drTestSeconds: 3600, daysResident: null } });
    const oneSite = { ...base, clusters: base.clusters.map((cluster) => ({ ...cluster, site: 'prod' })) };
    expect(buildPlan(oneSite).charts.filter((entry) => entry.kind === 'backlog-during-break')).toEqual([]);
  });

  it('a disk-only writer\'s room for uncopied data is its cache above the out-of-cache level less what fills it to auto-removal: 4 - 1.1 TB', () => {
    const plan = buildPlan(diskOnlyWriter({ targets: { rpoSeconds: {}, drTestSeconds: 3600, daysResident: null } }));
    expect(chart(plan.charts, 'backlog-during-break', 'C0->C1').limit).toEqual({ bytes: 2.9e12, label: "room in C0's cache 2.90 TB" });
    const binary = buildPlan({ ...diskOnlyWriter({ targets: { rpoSeconds: {}, drTestSeconds: 3600, daysResident: null } }), notation: 'binary' });
    expect(chart(binary.charts, 'backlog-during-break', 'C0->C1').limit?.label).toBe("room in C0's cache 2.64 TiB");
  });

  it('after the remote site is lost a disk-only writer fills from its removal threshold by its own stored data a day, up to the out-of-cache level (scenario 8)', () => {
    // 1 TB/day at 2 : 1 is 0.5 TB a day: 96 TB on day 0, 98.9 TB (100 - 1.1) from day 6.
    const plan = buildPlan(diskOnlyWriter({ workloads: [workload({ hostBytesPerDay: 1e12 })] }));
    const fill = plan.charts.find((entry) => entry.kind === 'cache-fill-after-site-loss');
    expect(fill).toEqual({
      kind: 'cache-fill-after-site-loss',
      title: 'Disk-only cache fill over days after the remote site is lost (scenario 8)',
      series: [{ name: 'C0', capacityBytes: 98.9e12, usedBytesByDay: [96e12, 96.5e12, 97e12, 97.5e12, 98e12, 98.5e12, 98.9e12, 98.9e12] }],
    });
    expect(buildPlan(twoSites()).charts.some((entry) => entry.kind === 'cache-fill-after-site-loss')).toBe(false);
    // A disk-only cluster that nobody writes through fills with nothing of its own: not drawn.
    const both = diskOnlyWriter({ workloads: [workload({ hostBytesPerDay: 1e12 })] });
    const bothDiskOnly = { ...both, clusters: both.clusters.map((cluster) => ({ ...cluster, kind: 'disk-only' as const })) };
    const series = buildPlan(bothDiskOnly).charts.flatMap((entry) => (entry.kind === 'cache-fill-after-site-loss' ? entry.series.map((line) => line.name) : []));
    expect(series).toEqual(['C0']);
  });
});

describe('plan charts: each direction drawn from its own writer (two writers)', () => {
  /**
   * C0 writes 10 TB/day flat at 2 : 1 (half MCDEF, half MCRUN with a 10-minute target); C1, with a 50 TB
   * cache, writes 2.4 TB/day at 1.2 : 1, all of it in hour 0: 2 TB stored, deferred to C0. A 3-hour outage target.
   */
  function twoWriters(): ReturnType<typeof twoSites> {
    const base = twoSites({
      classes: [
        { name: 'MCDEF', copyModes: { 0: ['R', 'D'], 1: ['D', 'R'] } },
        { name: 'MCRUN', copyModes: { 0: ['R', 'R'] } },
      ],
      workloads: [
        workload({ classShares: { MCDEF: 0.5, MCRUN: 0.5 } }),
        workload({ cluster: 1, hostBytesPerDay: 2.4e12, compression: 1.2, hourlyShare: Array.from({ length: 24 }, (_, hour) => (hour === 0 ? 1 : 0)) }),
      ],
      targets: { rpoSeconds: { MCDEF: 4 * 3600, MCRUN: 600 }, drTestSeconds: 3 * 3600, daysResident: null },
    });
    return { ...base, clusters: base.clusters.map((cluster) => (cluster.id === 1 ? { ...cluster, cacheBytes: 50e12, cacheText: '50 TB' } : cluster)) };
  }

  it('the break curve follows the writer\'s own day and the limit is the writer\'s own cache', () => {
    const plan = buildPlan(twoWriters());
    const fromC1 = chart(plan.charts, 'backlog-during-break', 'C1->C0');
    // All of C1's 2 TB arrives in hour 0 and nothing after: 2 TB through the 3-hour break, gone an hour later.
    expect(fromC1.hourlyBytes).toEqual([0, 2e12, 2e12, 2e12, 0]);
    expect(fromC1.limit).toEqual({ bytes: 50e12, label: "room in C1's cache 50.00 TB" });
    // C0's flat day: 2.5 TB a day deferred and 2.5 TB RUN, 5 TB / 24 an hour.
    expect(chart(plan.charts, 'backlog-during-break', 'C0->C1').hourlyBytes[3]).toBeCloseTo((3 * 5e12) / 24, 0);
  });

  it('the RPO chart of a direction uses that direction\'s copies and its writer\'s compression; its target is the Deferred classes\' only', () => {
    const plan = buildPlan(twoWriters());
    const fromC1 = chart(plan.charts, 'rpo-against-bandwidth', 'C1->C0');
    // 2 TB stored a day: saturation at 23.1 MB/s; no queue at twice the links, so the RPO is one 4 GB volume
    // stored at 1.2 : 1 (3.33 GB) over one of 8 streams of 4.25 GB/s.
    expect(fromC1.points[0]?.capacityBytesPerSecond).toBeCloseTo((1.02 * 2e12) / 86400, 3);
    expect(fromC1.points[11]?.rpoSeconds).toBeCloseTo((4e9 / 1.2) / (4.25e9 / 8), 6);
    // Near saturation C1's 2 TB written in hour 0 waits most of the day, but drains: C0's copies go the other way.
    expect(fromC1.points[0]?.rpoSeconds).toBeGreaterThan(20 * 3600);
    expect(fromC1.points[0]?.rpoSeconds).toBeLessThan(86400);
    expect(fromC1.targetSeconds).toBe(4 * 3600);
    // C0->C1 carries MCRUN too, with a 10-minute target: not a Deferred target, so neither the chart's nor the day curve's.
    const fromC0 = chart(plan.charts, 'rpo-against-bandwidth', 'C0->C1');
    expect(fromC0.targetSeconds).toBe(4 * 3600);
    expect(chart(plan.charts, 'backlog-over-day', 'C0->C1').limit?.label).toMatch(/^RPO 4\.00 h of MCDEF reached at /);
  });

  it('near saturation the capacities still span four times the lowest: a link just twice the day\'s copies', () => {
    // 20 TB/day at 2 : 1 over 2 x 1 Gb/s (212.5 MB/s): 10 TB a day is 54.5 % of the link.
    const points = chart(buildPlan(twoSites({ workloads: [workload({ hostBytesPerDay: 20e12 })], links: [link({ bytesPerSecondEach: 125e6, text: '2 x 1 Gb/s' })] })).charts, 'rpo-against-bandwidth', 'C0->C1').points;
    expect(points[0]?.capacityBytesPerSecond).toBeCloseTo((1.02 * 10e12) / 86400, 3);
    expect((points[11]?.capacityBytesPerSecond ?? 0) / (points[0]?.capacityBytesPerSecond ?? 1)).toBeCloseTo(4, 9);
  });

  it('a break that starts in a quiet hour is still drawn to its end: nothing arrives in hour 0 of a day written at 22:00', () => {
    const peaked = workload({ hourlyShare: Array.from({ length: 24 }, (_, hour) => (hour === 22 ? 1 : 0)) });
    const plan = buildPlan(twoSites({ workloads: [peaked], targets: { rpoSeconds: {}, drTestSeconds: 2 * 86400, daysResident: null } }));
    const broken = chart(plan.charts, 'backlog-during-break', 'C0->C1');
    expect(broken.hourlyBytes[1]).toBe(0);
    expect(broken.hourlyBytes[48]).toBeCloseTo(10e12, 0);
  });

  it('no outage target and no DR test: no break is drawn', () => {
    expect(buildPlan(twoSites()).charts.filter((entry) => entry.kind === 'backlog-during-break')).toEqual([]);
  });

  it('the cache fill after a site loss counts each disk-only writer\'s own data, beside a tape-attached writer', () => {
    const base = twoSites({ workloads: [workload(), workload({ cluster: 1, hostBytesPerDay: 1e12 })], classes: [{ name: 'MCDEF', copyModes: { 0: ['R', 'D'], 1: ['D', 'R'] } }] });
    const inputs = { ...base, clusters: base.clusters.map((cluster) => (cluster.id === 1 ? { ...cluster, kind: 'disk-only' as const } : cluster)) };
    const fill = buildPlan(inputs).charts.find((entry) => entry.kind === 'cache-fill-after-site-loss');
    // C1 alone, 0.5 TB stored a day of its own (C0's 5 TB a day are not C1's to keep).
    expect(fill?.kind === 'cache-fill-after-site-loss' ? fill.series : []).toEqual([{ name: 'C1', capacityBytes: 98.9e12, usedBytesByDay: [96e12, 96.5e12, 97e12, 97.5e12, 98e12, 98.5e12, 98.9e12, 98.9e12] }]);
  });
});

describe('plan charts: three clusters', () => {
  it('the RPO chart of C0->C1 carries C0->C1 copies only: not C0\'s copies to C2, nor C2\'s to C1', () => {
    const base = twoSites({
      classes: [{ name: 'MCDEF', copyModes: { 0: ['R', 'D', 'D'], 2: ['N', 'D', 'R'] } }],
      workloads: [workload(), workload({ cluster: 2 })],
      links: [link(), link({ between: [0, 2] }), link({ between: [1, 2] })],
    });
    const third = { ...base.clusters[1]!, id: 2, name: 'C2', site: 'dr2' };
    const plan = buildPlan({ ...base, clusters: [...base.clusters, third] });
    const points = chart(plan.charts, 'rpo-against-bandwidth', 'C0->C1').points;
    // At 1.02 x C0's 5 TB a day to C1 a flat day never queues: one 2 GB volume's transfer. Any other
    // direction's copies on top would exceed the capacity and never drain.
    expect(points[0]?.capacityBytesPerSecond).toBeCloseTo((1.02 * 5e12) / 86400, 3);
    expect(points[0]?.rpoSeconds).toBeCloseTo(2e9 / ((points[0]?.capacityBytesPerSecond ?? 1) / 8), 6);
  });
});
