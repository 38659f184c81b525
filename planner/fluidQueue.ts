/**
 * The deferred copy queue as a fluid queue over the hourly profile (PLANNING.md, CCP-2, PLN-2):
 * Q(t) = max(0, Q + (arrivals(t) - capacity left(t)) dt), run over three days from an empty queue
 * (the second day is the periodic one; see `fluidQueue`). Cumulative arrivals A(t) and copies D(t)
 * are piecewise linear; the RPO of deferred data is the largest horizontal distance between them
 * (FIFO), computed exactly at the curves' breakpoints.
 */

const hour = 3600;
const day = 24 * hour;

/** A point where a rate changes: time, cumulative arrivals, cumulative copies (bytes). */
interface Breakpoint {
  readonly t: number;
  readonly a: number;
  readonly d: number;
}

/** Result of the queue over a periodic day. */
export type FluidResult =
  | {
      readonly kind: 'bounded';
      /** Backlog at each hour boundary of the periodic day, hour 0 to hour 24 (bytes). */
      readonly backlogAtHour: readonly number[];
      readonly peakBacklogBytes: number;
      /** Largest age of uncopied data, seconds. */
      readonly rpoSeconds: number;
    }
  | {
      readonly kind: 'unbounded';
      readonly backlogAtHour: readonly number[];
      /** Growth of the backlog per day in steady state (bytes). */
      readonly growthBytesPerDay: number;
    };

/**
 * Cumulative arrivals and copies from an empty queue at time 0, hour by hour for `days` days, with an
 * extra breakpoint where the queue empties inside an hour (copies then follow arrivals). Where the
 * queue is empty the two curves are equal to the last bit, and an hour without capacity adds exactly
 * zero copies, so the RPO below can compare them exactly.
 */
function simulate(arrivals: readonly number[], capacity: readonly number[], days: number): Breakpoint[] {
  const points: Breakpoint[] = [{ t: 0, a: 0, d: 0 }];
  let cumulativeA = 0;
  let cumulativeD = 0;
  for (let dayIndex = 0; dayIndex < days; dayIndex += 1) {
    for (let h = 0; h < 24; h += 1) {
      const start = dayIndex * day + h * hour;
      const inRate = (arrivals[h] ?? 0) / hour;
      const outRate = (capacity[h] ?? 0) / hour;
      const queue = Math.max(0, cumulativeA - cumulativeD);
      const emptiesAfter = queue > 0 && inRate < outRate ? queue / (outRate - inRate) : Number.POSITIVE_INFINITY;
      if (emptiesAfter < hour) {
        cumulativeA += inRate * emptiesAfter;
        // The queue is empty here by construction: copies equal arrivals, with no rounding left behind.
        cumulativeD = cumulativeA;
        points.push({ t: start + emptiesAfter, a: cumulativeA, d: cumulativeD });
        cumulativeA += inRate * (hour - emptiesAfter);
        cumulativeD = cumulativeA;
      } else {
        // A queue that does not empty this hour copies at full rate; an empty one copies what arrives,
        // up to the rate (copies never pass arrivals).
        cumulativeA += inRate * hour;
        cumulativeD = Math.min(cumulativeA, cumulativeD + outRate * hour);
      }
      points.push({ t: start + hour, a: cumulativeA, d: cumulativeD });
    }
  }
  return points;
}

/** Earliest time at which `key` reaches `value` (curves are nondecreasing and piecewise linear). */
function earliestReaching(points: readonly Breakpoint[], key: 'a' | 'd', value: number): number {
  let low = 0;
  let high = points.length - 1;
  const last = points[high];
  if (last === undefined || last[key] < value) return Number.POSITIVE_INFINITY;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle]?.[key] ?? 0) >= value) high = middle;
    else low = middle + 1;
  }
  const after = points[low] as Breakpoint;
  const before = points[low - 1];
  if (before === undefined || after[key] === before[key]) return after.t;
  return before.t + ((value - before[key]) / (after[key] - before[key])) * (after.t - before.t);
}

function valueAt(points: readonly Breakpoint[], key: 'a' | 'd', t: number): number {
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((points[middle]?.t ?? 0) <= t) low = middle;
    else high = middle - 1;
  }
  const before = points[low] as Breakpoint;
  const after = points[low + 1];
  if (after === undefined || after.t === before.t) return before[key];
  return before[key] + ((t - before.t) / (after.t - before.t)) * (after[key] - before[key]);
}

/** The first time `key` rises above `level`: the end of a stretch at that level, or where it crosses it. */
function firstAbove(points: readonly Breakpoint[], key: 'a' | 'd', level: number): number {
  const above = points.findIndex((point) => point[key] > level);
  const before = points[above - 1];
  if (above < 0) return Number.POSITIVE_INFINITY;
  if (before === undefined || before[key] >= level) return before?.t ?? 0;
  return earliestReaching(points, key, level);
}

/**
 * Hours (or parts) in which no copy progresses (capacity all used by RUN copies, or none): when each
 * ends and the level of the copy curve. Consecutive ones need no merging: the first byte above a level
 * is the same for each, and the last one gives the longest wait.
 */
function copyPauses(points: readonly Breakpoint[]): { end: number; level: number }[] {
  const pauses: { end: number; level: number }[] = [];
  for (let index = 1; index < points.length; index += 1) {
    const before = points[index - 1] as Breakpoint;
    const point = points[index] as Breakpoint;
    if (point.d === before.d && point.t > before.t) pauses.push({ end: point.t, level: point.d });
  }
  return pauses;
}

/**
 * Runs the queue. `arrivals[h]` and `capacity[h]` are bytes arriving and bytes that can be copied in
 * hour h of the day (capacity already net of RUN/Sync traffic).
 *
 * When a day's arrivals fit in a day's capacity, the second day is already the periodic one and
 * everything that arrived by its end is copied before the end of the third: by Reich's formula the
 * backlog at t is the largest net inflow over any interval ending at t, and an interval reaching back
 * past one day only adds whole days of net inflow <= 0. The queue also empties once a day (where the
 * net inflow curve is lowest). So three days of simulation are exact, not an approximation.
 */
export function fluidQueue(arrivals: readonly number[], capacity: readonly number[]): FluidResult {
  const dailyArrivals = arrivals.reduce((total, value) => total + value, 0);
  const dailyCapacity = capacity.reduce((total, value) => total + value, 0);
  const tolerance = 1e-12 * Math.max(1, dailyArrivals);
  const points = simulate(arrivals, capacity, 3);
  if (dailyArrivals > dailyCapacity + tolerance) {
    // Past the first days the queue never empties, so each day adds arrivals minus capacity.
    const lastDay = points.filter((point) => point.t >= 2 * day && Number.isInteger(point.t / hour));
    return { kind: 'unbounded', backlogAtHour: lastDay.map((point) => point.a - point.d), growthBytesPerDay: dailyArrivals - dailyCapacity };
  }
  const periodicStart = day;
  const candidates = new Set<number>();
  for (const point of points) {
    if (point.t >= periodicStart && point.t <= periodicStart + day) candidates.add(point.t);
    const s = earliestReaching(points, 'a', point.d);
    if (s >= periodicStart && s <= periodicStart + day) candidates.add(s);
  }
  // The age of the last byte in by s: copies first reach A(s). Between candidates that age is linear in
  // s, so its largest value is at one of them, except where it jumps: a byte that arrives just as copies
  // pause waits out the whole pause, so the first byte above each pause's level is checked as well.
  let rpoSeconds = 0;
  for (const s of candidates) {
    const height = valueAt(points, 'a', s);
    if (height > valueAt(points, 'd', s)) rpoSeconds = Math.max(rpoSeconds, earliestReaching(points, 'd', height) - s);
  }
  for (const pause of copyPauses(points)) {
    const arrives = firstAbove(points, 'a', pause.level);
    if (arrives >= periodicStart && arrives < periodicStart + day && arrives < pause.end) rpoSeconds = Math.max(rpoSeconds, pause.end - arrives);
  }
  const backlogAtHour: number[] = [];
  for (let h = 0; h <= 24; h += 1) {
    const t = periodicStart + h * hour;
    backlogAtHour.push(Math.max(0, valueAt(points, 'a', t) - valueAt(points, 'd', t)));
  }
  let peakBacklogBytes = 0;
  for (const point of points) {
    if (point.t >= periodicStart && point.t <= periodicStart + day) peakBacklogBytes = Math.max(peakBacklogBytes, point.a - point.d);
  }
  return { kind: 'bounded', backlogAtHour, peakBacklogBytes, rpoSeconds };
}
