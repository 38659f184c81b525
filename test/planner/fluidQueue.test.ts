import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fluidQueue } from '../../planner/fluidQueue.js';

const GB = 1e9;
const hours = (values: Partial<Record<number, number>>, fill = 0): number[] => Array.from({ length: 24 }, (_, h) => values[h] ?? fill);

describe('fluid copy queue and exact RPO (CCP-2, PLN-2)', () => {
  it('10 GB in hour 0, 5 GB/h of capacity: backlog 5 GB at 01:00, empty at 02:00, RPO exactly 1 h', () => {
    // The last byte of hour 0 arrives at 1 h; the queue then holds 10 - 5 = 5 GB, drained at 5 GB/h: it leaves at 2 h.
    const result = fluidQueue(hours({ 0: 10 * GB }), hours({}, 5 * GB));
    expect(result.kind).toBe('bounded');
    if (result.kind !== 'bounded') return;
    expect(result.backlogAtHour[1]).toBeCloseTo(5 * GB, 0);
    expect(result.backlogAtHour[2]).toBeCloseTo(0, 0);
    expect(result.peakBacklogBytes).toBeCloseTo(5 * GB, 0);
    expect(result.rpoSeconds).toBeCloseTo(3600, 3);
  });

  it('a batch window that spills over midnight: arrivals 30 GB/h from 20:00 to 24:00, 10 GB/h capacity', () => {
    // 120 GB arrive in 4 h; 40 GB leave meanwhile: 80 GB at midnight, gone at 08:00 (8 h at 10 GB/h).
    // The last byte arrives at 24:00 and leaves at 08:00: RPO 8 h. The day repeats at once.
    const result = fluidQueue(hours({ 20: 30 * GB, 21: 30 * GB, 22: 30 * GB, 23: 30 * GB }), hours({}, 10 * GB));
    expect(result.kind).toBe('bounded');
    if (result.kind !== 'bounded') return;
    expect(result.backlogAtHour[0]).toBeCloseTo(80 * GB, 0);
    expect(result.backlogAtHour[8]).toBeCloseTo(0, 0);
    expect(result.peakBacklogBytes).toBeCloseTo(80 * GB, 0);
    expect(result.rpoSeconds).toBeCloseTo(8 * 3600, 3);
  });

  it('more deferred data in a day than spare capacity in a day is unbounded, with its growth per day', () => {
    // 25 GB/h x 24 = 600 GB arrive, 20 GB/h x 24 = 480 GB can leave: +120 GB a day.
    const result = fluidQueue(hours({}, 25 * GB), hours({}, 20 * GB));
    expect(result).toEqual(expect.objectContaining({ kind: 'unbounded', growthBytesPerDay: 120 * GB }));
  });

  it('property: RPO is zero when capacity exceeds the arrival rate in every hour', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 24, maxLength: 24 }), fc.double({ min: 0, max: 50, noNaN: true }), (arrivals, headroom) => {
        const capacity = arrivals.map((value) => value + headroom);
        const result = fluidQueue(arrivals, capacity);
        return result.kind === 'bounded' && result.rpoSeconds === 0 && result.peakBacklogBytes <= 1e-6;
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  const profile = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 24, maxLength: 24 });

  it('property: backlog and RPO never decrease when capacity decreases', () => {
    fc.assert(
      fc.property(profile, profile, fc.double({ min: 0, max: 1, noNaN: true }), (arrivals, capacity, cut) => {
        const more = capacity.map((value) => value + 1);
        const less = more.map((value) => value * cut);
        const generous = fluidQueue(arrivals, more);
        const tight = fluidQueue(arrivals, less);
        if (generous.kind === 'unbounded') return tight.kind === 'unbounded' && tight.growthBytesPerDay >= generous.growthBytesPerDay - 1e-6;
        if (tight.kind === 'unbounded') return true;
        return tight.rpoSeconds >= generous.rpoSeconds - 1e-6 && tight.peakBacklogBytes >= generous.peakBacklogBytes - 1e-6;
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('property: backlog and RPO never decrease when load increases', () => {
    fc.assert(
      fc.property(profile, profile, fc.double({ min: 1, max: 3, noNaN: true }), (arrivals, capacity, factor) => {
        const room = capacity.map((value) => value + 1);
        const light = fluidQueue(arrivals, room);
        const heavy = fluidQueue(arrivals.map((value) => value * factor), room);
        if (light.kind === 'unbounded') return heavy.kind === 'unbounded';
        if (heavy.kind === 'unbounded') return true;
        return heavy.rpoSeconds >= light.rpoSeconds - 1e-6 && heavy.peakBacklogBytes >= light.peakBacklogBytes - 1e-6;
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

/**
 * An independent reference: the queue stepped minute by minute for many days, with cumulative arrivals
 * and copies at each minute. With constant rates inside a minute, max(0, Q + (in - out) dt) is exact at
 * minute boundaries, so backlogs agree to rounding; the RPO is read at minute resolution.
 */
function minuteReference(arrivals: readonly number[], capacity: readonly number[], days: number): { backlogAtHourOfDay: (dayIndex: number) => number[]; rpoSecondsOfDay: (dayIndex: number) => number } {
  const minutes = days * 1440;
  const cumulativeA = new Float64Array(minutes + 1);
  const cumulativeD = new Float64Array(minutes + 1);
  for (let m = 0; m < minutes; m += 1) {
    const h = Math.floor((m % 1440) / 60);
    const inflow = (arrivals[h] ?? 0) / 60;
    const room = (capacity[h] ?? 0) / 60;
    const queue = (cumulativeA[m] ?? 0) - (cumulativeD[m] ?? 0) + inflow;
    cumulativeA[m + 1] = (cumulativeA[m] ?? 0) + inflow;
    cumulativeD[m + 1] = (cumulativeD[m] ?? 0) + Math.min(queue, room);
  }
  return {
    backlogAtHourOfDay: (dayIndex) => Array.from({ length: 25 }, (_, h) => (cumulativeA[dayIndex * 1440 + h * 60] ?? 0) - (cumulativeD[dayIndex * 1440 + h * 60] ?? 0)),
    rpoSecondsOfDay: (dayIndex) => {
      let worst = 0;
      let departs = dayIndex * 1440;
      for (let m = dayIndex * 1440; m <= (dayIndex + 1) * 1440; m += 1) {
        const arrived = cumulativeA[m] ?? 0;
        if (arrived - (cumulativeD[m] ?? 0) <= 1e-6 * Math.max(1, arrived)) continue;
        departs = Math.max(departs, m);
        while (departs < minutes && (cumulativeD[departs] ?? 0) < arrived - 1e-6 * Math.max(1, arrived)) departs += 1;
        worst = Math.max(worst, (departs - m) * 60);
      }
      return worst;
    },
  };
}

describe('fluid queue against a minute-by-minute reference over ten days (CCP-2, PLN-2)', () => {
  const profile = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 24, maxLength: 24 });

  it('property: the periodic day, its peak and its RPO are those of day 10 of a long run', () => {
    fc.assert(
      fc.property(profile, profile, fc.constantFrom(0, 0.01, 0.1, 0.5, 2), (arrivals, shape, slack) => {
        const arrivalsPerDay = arrivals.reduce((total, value) => total + value, 0);
        const shapePerDay = shape.reduce((total, value) => total + value, 0) || 1;
        // Capacity shaped at random, scaled so that a day's capacity is a day's arrivals plus the slack.
        const capacity = shape.map((value) => (shapePerDay === 1 && value === 0 ? 1 : value) * ((arrivalsPerDay * (1 + slack)) / shapePerDay));
        const result = fluidQueue(arrivals, capacity);
        if (result.kind !== 'bounded') return false;
        const reference = minuteReference(arrivals, capacity, 12);
        const expected = reference.backlogAtHourOfDay(9);
        const scale = Math.max(1, arrivalsPerDay) * 1e-9;
        for (const [h, value] of expected.entries()) if (Math.abs((result.backlogAtHour[h] ?? Number.NaN) - value) > scale) return false;
        if (result.peakBacklogBytes < Math.max(...expected) - scale) return false;
        return Math.abs(result.rpoSeconds - reference.rpoSecondsOfDay(9)) <= 120;
      }),
      { numRuns: Number(process.env.FLUID_RUNS ?? 150), seed: Number(process.env.FLUID_SEED ?? 4) },
    );
  });

  it('a queue that needs the day before to drain: 100 units at 23:00, 5 an hour of capacity', () => {
    // Day 1 ends with 95 units queued, which drain at 5 an hour until 19:00 of day 2; each later day repeats that.
    const arrivals = hours({ 23: 100 });
    const result = fluidQueue(arrivals, hours({}, 5));
    expect(result.kind).toBe('bounded');
    if (result.kind !== 'bounded') return;
    expect(result.backlogAtHour[0]).toBeCloseTo(95, 6);
    expect(result.backlogAtHour[19]).toBeCloseTo(0, 6);
    expect(result.backlogAtHour[12]).toBeCloseTo(35, 6);
    expect(result.rpoSeconds).toBeCloseTo(19 * 3600, 3);
    const reference = minuteReference(arrivals, hours({}, 5), 5);
    expect(reference.backlogAtHourOfDay(3)[12]).toBeCloseTo(35, 6);
  });

  it('data that arrives as the spare capacity runs out waits out the whole gap: the RPO starts at the first byte', () => {
    // One unit arrives over 12:00 to 13:00; no capacity is left from 12:00 to 14:00 (RUN copies take it all).
    // The first byte, in at 12:00, leaves at 14:00: 2 h. The last byte, in at 13:00, leaves at 14:00 too: only 1 h.
    const result = fluidQueue(hours({ 12: 1 }), hours({ 12: 0, 13: 0 }, 10));
    expect(result.kind).toBe('bounded');
    if (result.kind !== 'bounded') return;
    expect(result.rpoSeconds).toBeCloseTo(2 * 3600, 3);
    expect(result.peakBacklogBytes).toBeCloseTo(1, 9);
    // The backlog at each hour boundary, midnight to midnight: 25 values, the last equal to the first.
    expect(result.backlogAtHour).toHaveLength(25);
    expect(result.backlogAtHour[13]).toBeCloseTo(1, 9);
    expect(result.backlogAtHour[14]).toBeCloseTo(1, 9);
    expect(result.backlogAtHour[15]).toBeCloseTo(0, 9);
    expect(result.backlogAtHour[24]).toBe(result.backlogAtHour[0]);
  });

  it('an unbounded queue reports the backlog of its third day, growing by the daily excess', () => {
    const result = fluidQueue(hours({ 0: 30 }), hours({}, 1));
    expect(result).toEqual(expect.objectContaining({ kind: 'unbounded', growthBytesPerDay: 6 }));
    if (result.kind !== 'unbounded') return;
    // End of day 2: 12 left; hour 0 of day 3 adds 30 and copies 1.
    expect(result.backlogAtHour[0]).toBeCloseTo(12, 6);
    expect(result.backlogAtHour[1]).toBeCloseTo(41, 6);
    expect(result.backlogAtHour).toHaveLength(25);
  });
});
