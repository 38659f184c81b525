import type { ClusterId } from '../model/index.js';
import { formatBytes, formatSeconds, verdictAtLeast, type Figure } from './figure.js';
import type { PlanInputs } from './inputs.js';
import type { DirectionAnalysis } from './wan.js';

/**
 * Links broken for T (an outage, or a DR test that breaks them): the backlog after T, the catch-up
 * after the links return, the cache the writing cluster needs for the uncopied data, and when host
 * write throttling starts when that cache cannot hold it (CCP-7, DRT-5, TVC-5).
 */

const day = 86400;

/** Backlog, catch-up and cache for one direction broken for `seconds`. */
export function outageOf(direction: DirectionAnalysis, seconds: number): { backlogBytes: number; catchUpSeconds: number } {
  const dailyTraffic = direction.immediateBytesPerDay + direction.deferredBytesPerDay;
  const backlogBytes = (dailyTraffic * seconds) / day;
  const averageArrival = dailyTraffic / day;
  const spare = direction.capacity.bytesPerSecond - averageArrival;
  return { backlogBytes, catchUpSeconds: spare > 0 ? backlogBytes / spare : Number.POSITIVE_INFINITY };
}

/**
 * TVC-5: time from the break until the stored writes of a cluster exceed its cache, over the hourly
 * profile, from the worst starting hour. Infinity when it never fills.
 */
export function timeToThrottle(cacheBytes: number, storedBytesPerDay: number, hourlyShare: readonly number[]): number {
  if (storedBytesPerDay <= 0) return Number.POSITIVE_INFINITY;
  let earliest = Number.POSITIVE_INFINITY;
  // Whole days fill the same amount whatever the starting hour: skip them, then walk hour by hour.
  const wholeDays = Math.max(0, Math.floor(cacheBytes / storedBytesPerDay) - 1);
  const remaining = cacheBytes - wholeDays * storedBytesPerDay;
  for (let start = 0; start < 24; start += 1) {
    let filled = 0;
    for (let elapsed = 0; elapsed < 24 * 3; elapsed += 1) {
      const rate = (storedBytesPerDay * (hourlyShare[(start + elapsed) % 24] ?? 0)) / 3600;
      if (rate > 0 && filled + rate * 3600 >= remaining) {
        earliest = Math.min(earliest, wholeDays * 86400 + elapsed * 3600 + (remaining - filled) / rate);
        break;
      }
      filled += rate * 3600;
    }
  }
  return earliest;
}

/** Figures for the links broken during a DR test or an outage of the configured length. */
export function outageFigures(inputs: PlanInputs, directions: readonly DirectionAnalysis[]): Figure[] {
  const seconds = inputs.drTest?.seconds ?? inputs.targets.drTestSeconds;
  if (seconds === null || seconds === undefined) return [];
  const broken = inputs.drTest === null ? directions : directions.filter((direction) => inputs.drTest?.clusters.includes(direction.to) !== inputs.drTest?.clusters.includes(direction.from));
  const figures: Figure[] = [];
  const writers = new Map<ClusterId, number>();
  for (const direction of broken) {
    const outage = outageOf(direction, seconds);
    writers.set(direction.from, (writers.get(direction.from) ?? 0) + outage.backlogBytes);
    const pair = `C${direction.from}->C${direction.to}`;
    figures.push({
      id: `outage.backlog.${direction.from}-${direction.to}`,
      title: `Backlog after ${formatSeconds(seconds)} of broken links ${pair}`,
      value: outage.backlogBytes,
      unit: 'B',
      display: formatBytes(outage.backlogBytes),
      formula: 'copy traffic (RUN, Sync and Deferred, stored) per day x outage length',
      inputs: [{ name: 'outage', value: formatSeconds(seconds) }],
      verdict: 'info',
      rules: ['CCP-7', 'DRT-5'],
    });
    figures.push({
      id: `outage.catch-up.${direction.from}-${direction.to}`,
      title: `Catch-up after the links return ${pair}`,
      value: outage.catchUpSeconds,
      unit: 's',
      display: Number.isFinite(outage.catchUpSeconds) ? formatSeconds(outage.catchUpSeconds) : 'never: capacity below the average copy traffic',
      formula: 'backlog / (usable capacity - average copy arrival rate)',
      inputs: [],
      verdict: Number.isFinite(outage.catchUpSeconds) ? (outage.catchUpSeconds <= day ? 'meets' : 'at-risk') : 'fails',
      target: 'within a day (assumed)',
      rules: ['CCP-7', 'DRT-5'],
    });
  }
  for (const [cluster, backlog] of writers) {
    const definition = inputs.clusters.find((candidate) => candidate.id === cluster);
    const workload = inputs.workloads.find((candidate) => candidate.cluster === cluster);
    if (definition === undefined || workload === undefined) continue;
    const stored = workload.hostBytesPerDay / workload.compression;
    const throttle = timeToThrottle(definition.cacheBytes, stored, workload.hourlyShare);
    figures.push({
      id: `outage.cache-needed.${cluster}`,
      title: `Cache C${cluster} needs for uncopied data`,
      value: backlog,
      unit: 'B',
      display: `${formatBytes(backlog)} of ${definition.cacheText}`,
      formula: 'uncopied data written during the break (stored) held in the writing cluster\'s cache',
      inputs: [{ name: 'cache', value: definition.cacheText }],
      verdict: backlog <= definition.cacheBytes * 0.8 ? 'meets' : backlog <= definition.cacheBytes ? 'at-risk' : 'fails',
      rules: ['TVC-5', 'DRT-5'],
    });
    figures.push({
      id: `outage.throttling.${cluster}`,
      title: `Host write throttling on C${cluster} with links broken`,
      value: throttle,
      unit: 's',
      display: Number.isFinite(throttle) ? `starts after ${formatSeconds(throttle)}` : 'does not start',
      formula: 'time from the break until stored writes since the break exceed the cache (worst starting hour of the profile)',
      inputs: [
        { name: 'stored writes', value: `${formatBytes(stored)}/day` },
        { name: 'cache', value: definition.cacheText },
      ],
      verdict: verdictAtLeast(throttle, seconds),
      target: `not within the ${formatSeconds(seconds)} break`,
      rules: ['TVC-5'],
    });
  }
  return figures;
}
