import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyHistory, buildPlan, parseHistory, summariseHistory } from '../../planner/index.js';
import { twoSites } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');

/** A history of `days` days for cluster 0: `daily(day)` MB a day, all of it in hour 22, stored at 2 : 1. */
function history(days: number, daily: (day: number) => number): string {
  const rows = ['timestamp,cluster,hostMB,storedMB'];
  for (let day = 0; day < days; day += 1) {
    for (let hour = 0; hour < 24; hour += 1) {
      const stamp = new Date(Date.UTC(2026, 9, 1 + day, hour)).toISOString().slice(0, 13);
      const host = hour === 22 ? daily(day) : 0;
      rows.push(`${stamp}:00Z,0,${host},${host / 2}`);
    }
  }
  return rows.join('\n');
}

describe('measured history in (issue 15)', () => {
  it('derives the busiest day, a percentile day, the hourly shape, the compression and the growth trend', () => {
    // Day d writes (d + 1) x 1 TB: 20 days, busiest is the last (20 TB); p50 is day 10 (10 TB).
    const { rows, problems } = parseHistory(history(20, (day) => (day + 1) * 1e6));
    expect(problems).toEqual([]);
    const [busiest] = summariseHistory(rows, 'busiest');
    expect(busiest).toEqual(expect.objectContaining({ cluster: 0, days: 20, busiestDay: { date: '2026-10-20', hostBytes: 20e12 }, averageDayBytes: 10.5e12, compression: 2 }));
    expect(busiest?.plannedDay.hourlyShare[22]).toBe(1);
    expect(summariseHistory(rows, { percentile: 50 })[0]?.plannedDay).toEqual(expect.objectContaining({ date: '2026-10-10', hostBytes: 10e12 }));
    // Doubling every 30 days is 2^(365.25/30) - 1 a year.
    const doubling = summariseHistory(parseHistory(history(30, (day) => 1e6 * 2 ** (day / 30))).rows, 'busiest')[0];
    expect(doubling?.growthPerYear).toBeCloseTo(2 ** (365.25 / 30) - 1, 6);
    // Fewer than 14 days: no trend; an incomplete day is not a day.
    expect(summariseHistory(parseHistory(history(10, () => 1e6)).rows, 'busiest')[0]?.growthPerYear).toBeNull();
    const partial = parseHistory(history(2, () => 1e6).split('\n').slice(0, 30).join('\n'));
    expect(summariseHistory(partial.rows, 'busiest')[0]?.days).toBe(1);
  });

  it('replaces each measured cluster\'s workload with the planned day, its shape and the measured compression', () => {
    const measured = summariseHistory(parseHistory(history(3, () => 8e6)).rows, 'busiest');
    const inputs = applyHistory(twoSites(), measured);
    expect(inputs.workloads[0]).toEqual(expect.objectContaining({ hostBytesPerDay: 8e12, compression: 2, profileDefaulted: false }));
    // All of a day's data in one hour: the plan's deferred queue sees a peak the flat configured day hides.
    const flat = buildPlan(twoSites({ workloads: [{ ...twoSites().workloads[0]!, hostBytesPerDay: 8e12 }], links: [{ ...twoSites().links[0]!, bytesPerSecondEach: 125e6 }] }));
    const peaked = buildPlan({ ...applyHistory(twoSites(), measured), links: [{ ...twoSites().links[0]!, bytesPerSecondEach: 125e6 }] });
    expect(peaked.links[0]?.peakBacklogBytes ?? 0).toBeGreaterThan(flat.links[0]?.peakBacklogBytes ?? 0);
  });

  it('bad rows give their line, the field and what was expected', () => {
    const text = ['# comment', 'timestamp,cluster,hostMB,storedMB', '2026-10-01T00:00Z,0,100,50', '2026-02-30T01:00Z,0,100,', '2026-10-01T02:00Z,9,100,', '2026-10-01T03:00Z,0,-4,', '2026-10-01T04:00Z,0,1e3,', '2026-10-01T05:00Z,0,100', '2026-10-01T00:00Z,0,100,'].join('\n');
    const { problems } = parseHistory(text);
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [4, 'timestamp'],
      [5, 'cluster'],
      [6, 'hostMB'],
      [7, 'hostMB'],
      [8, 'row'],
      [9, 'timestamp'],
    ]);
    expect(problems[5]?.message).toBe('cluster 0 at 2026-10-01T00:00Z is also on line 3');
    expect(parseHistory('time,cluster\n').problems[0]).toEqual(expect.objectContaining({ line: 1, field: 'header', expected: 'timestamp,cluster,hostMB,storedMB' }));
    expect(parseHistory('').problems[0]?.field).toBe('header');
  });

  it('the bundled synthetic history parses clean: 56 days of clusters 0 and 1, compression about 2.5 : 1', () => {
    const text = readFileSync(join(root, 'examples', 'history', 'three-cluster-ha-dr.csv'), 'utf8');
    expect(text.startsWith('# SYNTHETIC')).toBe(true);
    const { rows, problems } = parseHistory(text);
    expect(problems).toEqual([]);
    const clusters = summariseHistory(rows, 'busiest');
    expect(clusters.map((entry) => [entry.cluster, entry.days])).toEqual([
      [0, 56],
      [1, 56],
    ]);
    for (const entry of clusters) expect(entry.compression).toBeCloseTo(2.5, 1);
  });
});
