/**
 * The deferred copy queue as a fluid queue over the hourly profile (PLANNING.md, CCP-2, PLN-2):
 * Q(t) = max(0, Q + (arrivals(t) - capacity left(t)) dt), repeated day after day until the day is
 * periodic. Cumulative arrivals A(t) and copies D(t) are piecewise linear; the RPO of deferred data is
 * the largest horizontal distance between them (FIFO), computed exactly at the curves' breakpoints.
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
      /** Days simulated before the day repeated. */
      readonly daysToPeriodic: number;
    }
  | {
      readonly kind: 'unbounded';
      readonly backlogAtHour: readonly number[];
      /** Growth of the backlog per day in steady state (bytes). */
      readonly growthBytesPerDay: number;
    };

function simulate(arrivals: readonly number[], capacity: readonly number[], days: number): { points: Breakpoint[]; endOfDay: number[] } {
  const points: Breakpoint[] = [{ t: 0, a: 0, d: 0 }];
  const endOfDay: number[] = [];
  let queue = 0;
  let cumulativeA = 0;
  let cumulativeD = 0;
  for (let dayIndex = 0; dayIndex < days; dayIndex += 1) {
    for (let h = 0; h < 24; h += 1) {
      const start = dayIndex * day + h * hour;
      const inRate = (arrivals[h] ?? 0) / hour;
      const outRate = (capacity[h] ?? 0) / hour;
      if (queue > 0 && inRate < outRate) {
        const emptiesAfter = queue / (outRate - inRate);
        if (emptiesAfter < hour) {
          cumulativeA += inRate * emptiesAfter;
          cumulativeD += outRate * emptiesAfter;
          queue = 0;
          points.push({ t: start + emptiesAfter, a: cumulativeA, d: cumulativeD });
          const rest = hour - emptiesAfter;
          cumulativeA += inRate * rest;
          cumulativeD += inRate * rest;
        } else {
          cumulativeA += inRate * hour;
          cumulativeD += outRate * hour;
          queue -= (outRate - inRate) * hour;
        }
      } else if (queue > 0 || inRate > outRate) {
        cumulativeA += inRate * hour;
        cumulativeD += outRate * hour;
        queue += (inRate - outRate) * hour;
      } else {
        cumulativeA += inRate * hour;
        cumulativeD += inRate * hour;
      }
      // Guard against rounding leaving a hair of negative queue.
      queue = Math.max(0, cumulativeA - cumulativeD);
      points.push({ t: start + hour, a: cumulativeA, d: cumulativeD });
    }
    endOfDay.push(queue);
  }
  return { points, endOfDay };
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

/**
 * Runs the queue. `arrivals[h]` and `capacity[h]` are bytes arriving and bytes that can be copied in
 * hour h of the day (capacity already net of RUN/Sync traffic).
 */
export function fluidQueue(arrivals: readonly number[], capacity: readonly number[], maxDays = 400): FluidResult {
  const dailyArrivals = arrivals.reduce((total, value) => total + value, 0);
  const dailyCapacity = capacity.reduce((total, value) => total + value, 0);
  const tolerance = 1e-12 * Math.max(1, dailyArrivals);
  if (dailyArrivals > dailyCapacity + tolerance) {
    // Past the first days the queue never empties, so each day adds arrivals minus capacity.
    const { points } = simulate(arrivals, capacity, 3);
    const lastDay = points.filter((point) => point.t >= 2 * day && Number.isInteger(point.t / hour));
    return { kind: 'unbounded', backlogAtHour: lastDay.map((point) => point.a - point.d), growthBytesPerDay: dailyArrivals - dailyCapacity };
  }
  let days = 2;
  let run = simulate(arrivals, capacity, days);
  while (days < maxDays) {
    const last = run.endOfDay.at(-1) ?? 0;
    const previous = run.endOfDay.at(-2) ?? 0;
    if (Math.abs(last - previous) <= tolerance) break;
    days = Math.min(maxDays, days * 2);
    run = simulate(arrivals, capacity, days);
  }
  const periodicStart = (days - 1) * day;
  // Simulate further so that everything that arrived in the periodic day has been copied.
  const arrivedByEnd = valueAt(run.points, 'a', days * day);
  let total = days + 1;
  let extended = simulate(arrivals, capacity, total);
  while ((extended.points.at(-1)?.d ?? 0) < arrivedByEnd - tolerance && total < days + maxDays) {
    total += total - days;
    extended = simulate(arrivals, capacity, total);
  }
  const points = extended.points;
  const candidates = new Set<number>();
  for (const point of points) {
    if (point.t >= periodicStart && point.t <= periodicStart + day) candidates.add(point.t);
    const s = earliestReaching(points, 'a', point.d);
    if (s >= periodicStart && s <= periodicStart + day) candidates.add(s);
  }
  let rpoSeconds = 0;
  for (const s of candidates) {
    const height = valueAt(points, 'a', s);
    if (height <= valueAt(points, 'd', s) + tolerance) continue;
    const departs = earliestReaching(points, 'd', height - tolerance);
    rpoSeconds = Math.max(rpoSeconds, departs - s);
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
  return { kind: 'bounded', backlogAtHour, peakBacklogBytes, rpoSeconds, daysToPeriodic: days - 1 };
}
