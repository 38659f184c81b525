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
