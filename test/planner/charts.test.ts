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
