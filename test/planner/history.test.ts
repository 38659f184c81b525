import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyHistory, buildPlan, maxHistoryRows, parseHistory, summariseHistory } from '../../planner/index.js';
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

/** One hour's row text for cluster `cluster` on 2026-10-01 + `day`. */
function row(day: number, hour: number, host: string, stored = '', cluster = 0): string {
  return `${new Date(Date.UTC(2026, 9, 1 + day, hour)).toISOString().slice(0, 13)}:00Z,${cluster},${host},${stored}`;
}

/** Full days of `cluster` where hour h of day d writes `host(d, h)` MB. */
function days(count: number, host: (day: number, hour: number) => number, cluster = 0, stored: (day: number, hour: number) => string = () => ''): string[] {
  return Array.from({ length: count * 24 }, (_, index) => row(Math.floor(index / 24), index % 24, String(host(Math.floor(index / 24), index % 24)), stored(Math.floor(index / 24), index % 24), cluster));
}

const headerLine = 'timestamp,cluster,hostMB,storedMB';

describe('history rows as the reporting tools write them', () => {
  it('accepts an hour with seconds, a space for the T, "+00:00" or no zone, padded fields, CRLF line ends and comments anywhere', () => {
    const text = [
      '# exported 2026-10-02',
      ` ${headerLine} `,
      '2026-10-01T00:00:00Z,0,1,',
      '2026-10-01 01:00,0,2.5,1.25',
      '2026-10-01T02:00+00:00, 0 , 3 , ',
      '   # a comment after the header',
      '',
      '2026-10-01T23:00Z,7,0,0',
    ].join('\r\n');
    const { rows, problems } = parseHistory(text);
    expect(problems).toEqual([]);
    expect(rows.map((entry) => [entry.line, entry.hour - Date.UTC(2026, 9, 1) / 3_600_000, entry.cluster, entry.hostBytes, entry.storedBytes])).toEqual([
      [3, 0, 0, 1e6, null],
      [4, 1, 0, 2.5e6, 1.25e6],
      [5, 2, 0, 3e6, null],
      [8, 23, 7, 0, 0],
    ]);
  });

  it('refuses hours that are not whole UTC hours or do not exist, and says what an hour looks like', () => {
    const bad = ['2026-10-01T24:00Z', '2026-10-01T13:30Z', '2026-10-01T13:00+01:00', '2026-13-01T00:00Z', '2026-04-31T00:00Z', '2026-10-1T00:00Z', 'x2026-10-01T00:00Z'];
    const { rows, problems } = parseHistory([headerLine, ...bad.map((stamp) => `${stamp},0,1,`)].join('\n'));
    expect(rows).toEqual([]);
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual(bad.map((_, index) => [index + 2, 'timestamp']));
    expect(problems[0]).toEqual({ line: 2, field: 'timestamp', message: '"2026-10-01T24:00Z" is not an hour in UTC', expected: 'an ISO 8601 hour such as "2026-10-01T13:00Z"' });
    // 29 February exists in a leap year only.
    expect(parseHistory(`${headerLine}\n2028-02-29T00:00Z,0,1,`).problems).toEqual([]);
    expect(parseHistory(`${headerLine}\n2027-02-29T00:00Z,0,1,`).problems[0]?.field).toBe('timestamp');
  });

  it('names each bad field of a row with what was expected, and a row with every field bad gives every problem', () => {
    const { rows, problems } = parseHistory(`${headerLine}\nnoon,8,1e3,-1`);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 2, field: 'timestamp', message: '"noon" is not an hour in UTC', expected: 'an ISO 8601 hour such as "2026-10-01T13:00Z"' },
      { line: 2, field: 'cluster', message: '"8" is not a cluster number', expected: 'a cluster number 0 to 7' },
      { line: 2, field: 'hostMB', message: '"1e3" is not a number of megabytes', expected: 'decimal megabytes written by hosts in the hour, 0 or more, such as "125000"' },
      { line: 2, field: 'storedMB', message: '"-1" is not a number of megabytes', expected: 'decimal megabytes stored after compression, or empty when unknown' },
    ]);
    // Only the stored field bad: the row is still refused.
    const stored = parseHistory(`${headerLine}\n2026-10-01T00:00Z,0,5,.5`);
    expect(stored.rows).toEqual([]);
    expect(stored.problems.map((problem) => problem.field)).toEqual(['storedMB']);
    expect(parseHistory(`${headerLine}\n2026-10-01T00:00Z,0,5,1.`).problems.map((problem) => problem.field)).toEqual(['storedMB']);
    expect(parseHistory(`${headerLine}\n2026-10-01T00:00Z,00,5,`).problems.map((problem) => problem.field)).toEqual(['cluster']);
    expect(parseHistory(`${headerLine}\n2026-10-01T00:00Z,0,5,6,7`).problems).toEqual([{ line: 2, field: 'row', message: '5 fields', expected: '4 fields: timestamp,cluster,hostMB,storedMB (storedMB may be empty)' }]);
  });

  it('the same cluster twice in an hour is refused; two clusters in one hour are not', () => {
    const { rows, problems } = parseHistory([headerLine, row(0, 5, '1'), row(0, 5, '1', '', 1), row(0, 5, '2')].join('\n'));
    expect(rows.map((entry) => entry.cluster)).toEqual([0, 1]);
    expect(problems).toEqual([{ line: 4, field: 'timestamp', message: 'cluster 0 at 2026-10-01T05:00Z is also on line 2', expected: 'one row per cluster and hour' }]);
  });

  it('a header alone is a file with no data rows; a wrong header is named with what it says; an empty file has no header', () => {
    expect(parseHistory(`# only a comment\n${headerLine}\n\n`).problems).toEqual([{ line: 4, field: 'file', message: 'no data rows', expected: 'at least one full day of hourly rows' }]);
    expect(parseHistory(`timestamp,cluster,hostMB\n${row(0, 0, '1')}`).problems[0]).toEqual({ line: 1, field: 'header', message: 'the first row is "timestamp,cluster,hostMB"', expected: headerLine });
    expect(parseHistory('# nothing\n\n').problems).toEqual([{ line: 1, field: 'header', message: 'the file has no rows', expected: headerLine }]);
    // Rows with problems only: the problems, not "no data rows".
    expect(parseHistory(`${headerLine}\nnoon,0,1,`).problems.map((problem) => problem.field)).toEqual(['timestamp']);
  });

  it('stops at the row limit and says so once: ten years of hours for eight clusters unless the caller sets a lower one', () => {
    expect(maxHistoryRows).toBe(8 * 24 * 366 * 10);
    const lines = [headerLine, ...days(1, () => 1).slice(0, 6), 'still more'];
    const { rows, problems } = parseHistory(lines.join('\n'), 5);
    expect(rows).toHaveLength(5);
    expect(problems).toEqual([{ line: 7, field: 'file', message: 'more than 5 rows', expected: 'at most 5 rows (ten years of hours for eight clusters is 702720)' }]);
    // Exactly at the limit: no problem.
    expect(parseHistory([headerLine, ...days(1, () => 1).slice(0, 5)].join('\n'), 5).problems).toEqual([]);
  });
});

describe('what a history says per cluster', () => {
  it('clusters in order, each with its own days; a cluster with no complete day is left out', () => {
    const text = [headerLine, ...days(2, () => 5, 3), ...days(1, () => 7, 1), row(0, 0, '9', '', 2)].join('\n');
    const clusters = summariseHistory(parseHistory(text).rows, 'busiest');
    expect(clusters.map((entry) => [entry.cluster, entry.days, entry.busiestDay.hostBytes])).toEqual([
      [1, 1, 24 * 7e6],
      [3, 2, 24 * 5e6],
    ]);
  });

  it('percentiles count days from the quietest: p0 is the quietest day, p100 and p99 the busiest, p25 of four days the first', () => {
    // Days written 30, 10, 40, 20 MB an hour: ranked 10, 20, 30, 40.
    const rows = parseHistory([headerLine, ...days(4, (day) => [30, 10, 40, 20][day] ?? 0)].join('\n')).rows;
    const planned = (percentile: number) => summariseHistory(rows, { percentile })[0]?.plannedDay.hostBytes;
    expect(planned(0)).toBe(24 * 10e6);
    expect(planned(25)).toBe(24 * 10e6);
    expect(planned(26)).toBe(24 * 20e6);
    expect(planned(75)).toBe(24 * 30e6);
    expect(planned(99)).toBe(24 * 40e6);
    expect(planned(100)).toBe(24 * 40e6);
    expect(planned(150)).toBe(24 * 40e6);
    const [summary] = summariseHistory(rows, { percentile: 50 });
    expect(summary?.plannedDay.date).toBe('2026-10-04');
    expect(summary?.busiestDay).toEqual({ date: '2026-10-03', hostBytes: 24 * 40e6 });
    expect(summary?.averageDayBytes).toBe(24 * 25e6);
  });

  it('of equally busy days the busiest is the last; the planned day keeps its hourly shape, and a day of nothing is flat', () => {
    const rows = parseHistory([headerLine, ...days(3, (day, hour) => (day === 2 ? 0 : hour < 12 ? 3 : 1))].join('\n')).rows;
    const [busiest] = summariseHistory(rows, 'busiest');
    expect(busiest?.busiestDay.date).toBe('2026-10-02');
    expect(busiest?.plannedDay.hourlyShare[0]).toBeCloseTo(3 / 48, 12);
    expect(busiest?.plannedDay.hourlyShare[12]).toBeCloseTo(1 / 48, 12);
    const quiet = summariseHistory(rows, { percentile: 0 })[0]?.plannedDay;
    expect(quiet?.hostBytes).toBe(0);
    expect(quiet?.hourlyShare).toEqual(Array.from({ length: 24 }, () => 1 / 24));
  });

  it('compression only from rows that give stored megabytes (above 0), and none when no row does', () => {
    // Day 0 stores at 4 : 1, day 1 gives no stored figure, day 2 gives 0 stored: only day 0 counts.
    const stored = (day: number) => (day === 0 ? '2' : day === 2 ? '0' : '');
    const rows = parseHistory([headerLine, ...days(3, () => 8, 0, stored)].join('\n')).rows;
    expect(summariseHistory(rows, 'busiest')[0]?.compression).toBe(4);
    expect(summariseHistory(parseHistory([headerLine, ...days(1, () => 8)].join('\n')).rows, 'busiest')[0]?.compression).toBeNull();
  });

  it('the trend needs 14 days that wrote something: a flat fortnight is 0 % a year, a day of nothing is left out of the fit', () => {
    const flat = summariseHistory(parseHistory([headerLine, ...days(14, () => 5)].join('\n')).rows, 'busiest')[0];
    expect(flat?.growthPerYear).toBeCloseTo(0, 12);
    const withEmpty = summariseHistory(parseHistory([headerLine, ...days(14, (day) => (day === 3 ? 0 : 5))].join('\n')).rows, 'busiest')[0];
    expect(withEmpty?.growthPerYear).toBeNull();
    // Shrinking by half every 100 days: 2^(-365.25/100) - 1 a year.
    const shrinking = summariseHistory(parseHistory([headerLine, ...days(15, (day) => 1000 * 2 ** (-day / 100))].join('\n')).rows, 'busiest')[0];
    expect(shrinking?.growthPerYear).toBeCloseTo(2 ** (-365.25 / 100) - 1, 3);
  });
});

describe('applying a history to the configured workloads', () => {
  const measured = (cluster: number, hostBytes: number, compression: number | null) => ({
    cluster,
    days: 1,
    busiestDay: { date: '2026-10-01', hostBytes },
    plannedDay: { date: '2026-10-01', hostBytes, hourlyShare: Array.from({ length: 24 }, (_, hour) => (hour === 0 ? 1 : 0)) },
    averageDayBytes: hostBytes,
    compression,
    growthPerYear: null,
  });

  it('splits a cluster\'s measured day across its workload entries in their configured proportions, and leaves unmeasured clusters alone', () => {
    const inputs = twoSites({
      workloads: [
        { ...twoSites().workloads[0]!, hostBytesPerDay: 3e12 },
        { ...twoSites().workloads[0]!, hostBytesPerDay: 1e12 },
        { ...twoSites().workloads[0]!, cluster: 1, hostBytesPerDay: 2e12 },
      ],
    });
    const applied = applyHistory(inputs, [measured(0, 40e12, null)]);
    expect(applied.workloads.map((entry) => entry.hostBytesPerDay)).toEqual([30e12, 10e12, 2e12]);
    expect(applied.workloads[2]).toBe(inputs.workloads[2]);
    // No stored figures measured: the configured compression stays, and so does its "defaulted" flag.
    expect(applied.workloads[0]).toEqual(expect.objectContaining({ compression: 2, compressionDefaulted: false, profileDefaulted: false }));
    expect(applied.workloads[0]?.hourlyShare[0]).toBe(1);
  });

  it('a cluster configured with no data takes the measured day whole, with the measured compression', () => {
    const inputs = twoSites({ workloads: [{ ...twoSites().workloads[0]!, hostBytesPerDay: 0, compression: 1.5, compressionDefaulted: true }] });
    const [workload] = applyHistory(inputs, [measured(0, 7e12, 2.5)]).workloads;
    expect(workload).toEqual(expect.objectContaining({ hostBytesPerDay: 7e12, compression: 2.5, compressionDefaulted: false }));
  });
});

describe('history details', () => {
  it('a line of blanks is skipped like an empty one, and a wrong header padded with blanks is quoted without them', () => {
    expect(parseHistory(`${headerLine}\n   \n${row(0, 0, '1')}`)).toEqual({ rows: [expect.objectContaining({ line: 3 })], problems: [] });
    expect(parseHistory('  time,cluster  \n').problems[0]?.message).toBe('the first row is "time,cluster"');
  });

  it('years below 100 do not exist as such (Date.UTC would read them as 19xx): refused', () => {
    expect(parseHistory(`${headerLine}\n0050-01-01T00:00Z,0,1,`).problems.map((problem) => problem.field)).toEqual(['timestamp']);
    expect(parseHistory(`${headerLine}\n2026-00-10T00:00Z,0,1,`).problems.map((problem) => problem.field)).toEqual(['timestamp']);
    expect(parseHistory(`${headerLine}\n2026-12-31T23:00Z,0,1,`).problems).toEqual([]);
  });

  it('each cluster\'s compression from its own rows: 2 : 1 at C0, 4 : 1 at C1', () => {
    const text = [headerLine, ...days(1, () => 8, 0, () => '4'), ...days(1, () => 8, 1, () => '2')].join('\n');
    expect(summariseHistory(parseHistory(text).rows, 'busiest').map((entry) => [entry.cluster, entry.compression])).toEqual([
      [0, 2],
      [1, 4],
    ]);
  });

  it('of several equally busy days the busiest is the last, whatever the order of the rows', () => {
    const lines = days(4, (day) => (day === 0 ? 1 : 5));
    const shuffled = [...lines.slice(72), ...lines.slice(24, 48), ...lines.slice(0, 24), ...lines.slice(48, 72)];
    for (const body of [lines, shuffled]) {
      const [summary] = summariseHistory(parseHistory([headerLine, ...body].join('\n')).rows, 'busiest');
      expect(summary?.busiestDay.date).toBe('2026-10-04');
      // The median day of 1, 5, 5, 5 is the first of the busy ones.
      expect(summariseHistory(parseHistory([headerLine, ...body].join('\n')).rows, { percentile: 50 })[0]?.plannedDay.date).toBe('2026-10-02');
    }
  });

  it('exactly 14 days are enough for a trend', () => {
    const fortnight = summariseHistory(parseHistory([headerLine, ...days(14, (day) => 100 * 2 ** (day / 7))].join('\n')).rows, 'busiest')[0];
    expect(fortnight?.growthPerYear).toBeCloseTo(2 ** (365.25 / 7) - 1, -8);
    expect(fortnight?.growthPerYear).not.toBeNull();
  });
});
