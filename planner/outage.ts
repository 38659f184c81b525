import type { ClusterId } from '../model/index.js';
import { verdictAtLeast, type Figure } from './figure.js';
import { formatBytes, formatSeconds } from './quantityFormat.js';
import type { PlanCluster, PlanInputs } from './inputs.js';
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
 * TVC-5: time from the break until the stored writes of a cluster fill the room its cache has left,
 * over the hourly profile, from the worst starting hour. `cacheBytes` is that room: the cache less
 * what is occupied at the break and cannot leave. Infinity when it never fills; 0 when there is no room.
 */
export function timeToThrottle(cacheBytes: number, storedBytesPerDay: number, hourlyShare: readonly number[]): number {
  if (!(cacheBytes > 0)) return 0;
  if (!(storedBytesPerDay > 0)) return Number.POSITIVE_INFINITY;
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

/**
 * The directions a break cuts (DRT-1, 11.9.2): links between sites only, never between clusters at
 * one site; with a DR test, those between its clusters and the others; with only a target length, every
 * link between two sites.
 */
export function brokenDirections(inputs: PlanInputs, directions: readonly DirectionAnalysis[]): DirectionAnalysis[] {
  const site = (id: ClusterId): string | undefined => inputs.clusters.find((cluster) => cluster.id === id)?.site;
  const test = inputs.drTest;
  return directions.filter((direction) => site(direction.from) !== site(direction.to) && (test === null || test.clusters.includes(direction.to) !== test.clusters.includes(direction.from)));
}

/**
 * What a cluster's cache holds at the break that cannot leave it while the links are down: configured
 * (`cacheOccupied`), else for a disk-only cluster the cache full to its auto-removal threshold (the
 * steady state the scenario-8 figure uses: removal needs a reachable peer, TVC-4), else for a
 * tape-attached cluster the largest deferred backlog it is sending (data waiting for copies stays in
 * cache; an assumption the plan lists).
 */
export function occupiedAtBreak(cluster: PlanCluster, directions: readonly DirectionAnalysis[]): { bytes: number; source: string } {
  if (cluster.occupiedAtBreakBytes !== null) return { bytes: cluster.occupiedAtBreakBytes, source: 'configured (cacheOccupied)' };
  if (cluster.kind === 'disk-only') return { bytes: Math.max(0, cluster.cacheBytes - cluster.removalThresholdBytes), source: 'disk-only: full to its auto-removal threshold' };
  const backlog = Math.max(0, ...directions.filter((direction) => direction.from === cluster.id).map((direction) => (direction.deferred.kind === 'bounded' ? direction.deferred.peakBacklogBytes : 0)));
  return { bytes: backlog, source: 'tape-attached: its peak deferred backlog, waiting for copies' };
}

/** Figures for the links broken during a DR test or an outage of the configured length. */
export function outageFigures(inputs: PlanInputs, directions: readonly DirectionAnalysis[]): Figure[] {
  const seconds = inputs.drTest?.seconds ?? inputs.targets.drTestSeconds;
  if (seconds === null || seconds === undefined) return [];
  const broken = brokenDirections(inputs, directions);
  const figures: Figure[] = [];
  const writers = new Map<ClusterId, number>();
  for (const direction of broken) {
    const outage = outageOf(direction, seconds);
    // A volume waiting for copies to two peers is in cache once: the largest backlog, not the sum.
    writers.set(direction.from, Math.max(writers.get(direction.from) ?? 0, outage.backlogBytes));
    const pair = `C${direction.from}->C${direction.to}`;
    figures.push({
      id: `outage.backlog.${direction.from}-${direction.to}`,
      title: `Backlog after ${formatSeconds(seconds)} of broken links ${pair}`,
      value: outage.backlogBytes,
      unit: 'B',
      display: formatBytes(outage.backlogBytes, inputs.notation),
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
    const stored = inputs.workloads.filter((candidate) => candidate.cluster === cluster).reduce((total, candidate) => total + candidate.hostBytesPerDay / candidate.compression, 0);
    const occupied = occupiedAtBreak(definition, directions);
    // A disk-only cluster stops taking writes at its out-of-cache level, not at the last byte (TVC-4).
    const limit = definition.kind === 'disk-only' ? definition.cacheBytes - definition.outOfCacheBytes : definition.cacheBytes;
    const room = limit - occupied.bytes;
    const throttle = timeToThrottle(room, stored, workload.hourlyShare);
    const needed = occupied.bytes + backlog;
    const occupiedInput = { name: 'occupied at the break', value: `${formatBytes(occupied.bytes, inputs.notation)} (${occupied.source})` };
    figures.push({
      id: `outage.cache-needed.${cluster}`,
      title: `Cache C${cluster} needs for uncopied data`,
      value: needed,
      unit: 'B',
      display: `${formatBytes(needed, inputs.notation)} of ${formatBytes(limit, inputs.notation)} usable (${definition.cacheText} installed)`,
      formula: 'data occupied at the break + uncopied data written during the break (stored, counted once however many peers it waits for)',
      inputs: [{ name: 'cache', value: definition.cacheText }, occupiedInput, { name: 'written during the break', value: formatBytes(backlog, inputs.notation) }],
      verdict: needed <= limit * 0.8 ? 'meets' : needed <= limit ? 'at-risk' : 'fails',
      target: `at most the ${formatBytes(limit, inputs.notation)} usable${definition.kind === 'disk-only' ? ' (out-of-cache level kept free, TVC-4)' : ''}`,
      rules: ['TVC-5', 'DRT-5'],
    });
    figures.push({
      id: `outage.throttling.${cluster}`,
      title: `Host write throttling on C${cluster} with links broken`,
      value: throttle,
      unit: 's',
      display: Number.isFinite(throttle) ? (throttle === 0 ? 'from the start: no room left in cache' : `starts after ${formatSeconds(throttle)}`) : 'does not start',
      formula: 'time from the break until stored writes since the break fill the room left (usable cache - occupied at the break), worst starting hour of the profile',
      inputs: [
        { name: 'stored writes', value: `${formatBytes(stored, inputs.notation)}/day` },
        { name: 'cache', value: definition.cacheText },
        occupiedInput,
      ],
      verdict: verdictAtLeast(throttle, seconds),
      target: `not within the ${formatSeconds(seconds)} break`,
      rules: ['TVC-5'],
    });
  }
  return figures;
}
