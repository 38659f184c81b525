import { bindingName, analyseDirection, directionVerdicts, linkBetween, volumeSizesFrom, type DirectionAnalysis } from './wan.js';
import { brokenDirections, occupiedAtBreak } from './outage.js';
import type { PlanInputs } from './inputs.js';
import { allTraffic } from './traffic.js';
import { formatBitRate, formatBytes, formatSeconds } from './quantityFormat.js';

/**
 * The data of a plan's charts (PLN-2, CCP-2, CCP-7, TVC-5, FS-8): numbers in base units with the
 * limit each curve is judged against and the constraint that binds it; `reports/` draws them (SVG in
 * HTML, tables in Markdown, bars in text).
 */

/** A limit drawn as a labelled line. */
export interface ChartLimit {
  readonly bytes: number;
  readonly label: string;
}

/** A chart's data (reports draw it; Markdown shows it as a table). */
export type ChartData =
  | {
      /** Deferred backlog of one direction over the planned day (the busiest measured day with `--history`). */
      readonly kind: 'backlog-over-day';
      readonly title: string;
      readonly direction: string;
      /** Backlog at each hour boundary, hour 0 to hour 24 (bytes). */
      readonly hourlyBytes: readonly number[];
      /** Growth per day when the backlog never drains (the curve is its first day), else null. */
      readonly growthBytesPerDay: number | null;
      /** The backlog at which the tightest RPO target of the direction's Deferred classes is reached. */
      readonly limit: ChartLimit | null;
      /** The constraint that binds the link, named under the chart. */
      readonly binding: string;
    }
  | {
      /** Copy backlog of one direction through a links-broken DR test or outage, and its catch-up. */
      readonly kind: 'backlog-during-break';
      readonly title: string;
      readonly direction: string;
      /** Backlog at each hour from the break (bytes); the break ends at `breakHours`. */
      readonly hourlyBytes: readonly number[];
      readonly breakHours: number;
      /** The room the writing cluster's cache has for uncopied data (TVC-5). */
      readonly limit: ChartLimit | null;
      readonly binding: string;
    }
  | {
      readonly kind: 'rpo-against-bandwidth';
      readonly title: string;
      readonly direction: string;
      readonly points: readonly { readonly capacityBytesPerSecond: number; readonly rpoSeconds: number }[];
      readonly targetSeconds: number | null;
    }
  | { readonly kind: 'cache-fill-after-site-loss'; readonly title: string; readonly series: readonly { readonly name: string; readonly capacityBytes: number; readonly usedBytesByDay: readonly number[] }[] };

/**
 * Capacity factors for the RPO-against-bandwidth chart: from just above saturation (where a day's
 * copies barely fit in a day) to twice the configured links, so the curve shows where RPO rises.
 */
function chartFactors(dailyBytes: number, capacityBytesPerSecond: number): number[] {
  const saturation = capacityBytesPerSecond > 0 ? dailyBytes / (capacityBytesPerSecond * 86400) : 1;
  const low = Math.max(1e-6, saturation * 1.02);
  const high = Math.max(2, low * 4);
  return Array.from({ length: 12 }, (_, index) => low * (high / low) ** (index / 11));
}

function bindingOf(direction: DirectionAnalysis): string {
  return `${bindingName[direction.capacity.binding]} binds: ${formatBitRate(direction.capacity.bytesPerSecond)} usable`;
}

/**
 * The backlog at which the tightest Deferred RPO target of a direction is reached: FIFO, the last
 * byte of a backlog B waits B / capacity, and its volume then takes its own transfer time.
 */
function rpoLimit(inputs: PlanInputs, direction: DirectionAnalysis): ChartLimit | null {
  const targets = directionVerdicts(direction, inputs.targets).filter((entry) => entry.point === 'D' && entry.target !== null);
  const tightest = targets.sort((a, b) => (a.target ?? 0) - (b.target ?? 0))[0];
  if (tightest?.target == null) return null;
  const queueing = tightest.target - direction.volumeTransfer.largestSeconds;
  if (!(queueing > 0)) return { bytes: 0, label: `RPO ${formatSeconds(tightest.target)} of ${tightest.managementClass}: exceeded by one volume's transfer` };
  const bytes = queueing * direction.capacity.bytesPerSecond;
  return { bytes, label: `RPO ${formatSeconds(tightest.target)} of ${tightest.managementClass} reached at ${formatBytes(bytes, inputs.notation)}` };
}

/**
 * The backlog hour by hour from a break at midnight: every copy the direction carries (RUN, Sync and
 * Deferred, stored) accumulates while the links are down, then drains at the capacity left after new
 * arrivals, for at most a week after the break.
 */
function breakCurve(direction: DirectionAnalysis, hourlyShare: readonly number[], breakHours: number): number[] {
  const daily = direction.immediateBytesPerDay + direction.deferredBytesPerDay;
  const perHour = direction.capacity.bytesPerSecond * 3600;
  const curve = [0];
  let backlog = 0;
  for (let hour = 0; hour < breakHours + 24 * 7; hour += 1) {
    const arrivals = daily * (hourlyShare[hour % 24] ?? 1 / 24);
    backlog = hour < breakHours ? backlog + arrivals : Math.max(0, backlog + arrivals - perHour);
    curve.push(backlog);
    if (hour >= breakHours && backlog === 0) break;
  }
  return curve;
}

/** Every chart of a plan. */
export function planCharts(inputs: PlanInputs, directions: readonly DirectionAnalysis[]): ChartData[] {
  const charts: ChartData[] = [];
  const planned = inputs.history === undefined ? 'the configured day' : inputs.history.day;
  for (const direction of directions.filter((candidate) => candidate.deferredBytesPerDay > 0)) {
    const name = `C${direction.from}->C${direction.to}`;
    charts.push({
      kind: 'backlog-over-day',
      title: `Deferred backlog over ${planned}, ${name}`,
      direction: name,
      hourlyBytes: direction.deferred.backlogAtHour,
      growthBytesPerDay: direction.deferred.kind === 'unbounded' ? direction.deferred.growthBytesPerDay : null,
      limit: rpoLimit(inputs, direction),
      binding: bindingOf(direction),
    });
  }
  const seconds = inputs.drTest?.seconds ?? inputs.targets.drTestSeconds;
  if (seconds !== null && seconds !== undefined) {
    const breakHours = Math.max(1, Math.round(seconds / 3600));
    for (const direction of brokenDirections(inputs, directions)) {
      const name = `C${direction.from}->C${direction.to}`;
      const writer = inputs.clusters.find((cluster) => cluster.id === direction.from);
      const profile = inputs.workloads.find((workload) => workload.cluster === direction.from)?.hourlyShare ?? [];
      const room = writer === undefined ? null : (writer.kind === 'disk-only' ? writer.cacheBytes - writer.outOfCacheBytes : writer.cacheBytes) - occupiedAtBreak(writer, directions).bytes;
      charts.push({
        kind: 'backlog-during-break',
        title: `Copy backlog through a ${formatSeconds(seconds)} break and the catch-up, ${name}`,
        direction: name,
        hourlyBytes: breakCurve(direction, profile, breakHours),
        breakHours,
        limit: room === null ? null : { bytes: Math.max(0, room), label: `room in C${direction.from}'s cache ${formatBytes(Math.max(0, room), inputs.notation)}` },
        binding: bindingOf(direction),
      });
    }
  }
  const flows = allTraffic(inputs);
  for (const direction of directions.filter((candidate) => candidate.deferredBytesPerDay > 0)) {
    const link = linkBetween(inputs.links, direction.from, direction.to);
    if (link === undefined) continue;
    const group = flows.filter((flow) => flow.from === direction.from && flow.to === direction.to);
    const target = Math.min(...direction.classes.filter((entry) => entry.point === 'D').map((entry) => inputs.targets.rpoSeconds[entry.managementClass] ?? Number.POSITIVE_INFINITY));
    charts.push({
      kind: 'rpo-against-bandwidth',
      title: `RPO of deferred data against link capacity C${direction.from}->C${direction.to}`,
      direction: `C${direction.from}->C${direction.to}`,
      points: chartFactors(direction.immediateBytesPerDay + direction.deferredBytesPerDay, direction.capacity.bytesPerSecond).map((factor) => {
        // Only the queue and the largest volume's transfer are drawn: no elongation table (no reference volumes).
        const scaled = analyseDirection(group, { ...link, bytesPerSecondEach: link.bytesPerSecondEach * factor }, inputs.catalog, [], 1, volumeSizesFrom(inputs, direction.from));
        return { capacityBytesPerSecond: scaled.capacity.bytesPerSecond, rpoSeconds: scaled.deferred.kind === 'bounded' ? scaled.deferred.rpoSeconds + scaled.volumeTransfer.largestSeconds : Number.POSITIVE_INFINITY };
      }),
      targetSeconds: Number.isFinite(target) ? target : null,
    });
  }
  const diskOnlyWriters = inputs.clusters.filter((cluster) => cluster.kind === 'disk-only' && inputs.workloads.some((workload) => workload.cluster === cluster.id));
  if (diskOnlyWriters.length > 0) {
    charts.push({
      kind: 'cache-fill-after-site-loss',
      title: 'Disk-only cache fill over days after the remote site is lost (scenario 8)',
      series: diskOnlyWriters.map((cluster) => {
        const own = inputs.workloads.filter((workload) => workload.cluster === cluster.id).reduce((total, workload) => total + workload.hostBytesPerDay / workload.compression, 0);
        const start = cluster.cacheBytes - cluster.removalThresholdBytes;
        const limit = cluster.cacheBytes - cluster.outOfCacheBytes;
        return { name: `C${cluster.id}`, capacityBytes: limit, usedBytesByDay: Array.from({ length: 8 }, (_, dayIndex) => Math.min(limit, start + own * dayIndex)) };
      }),
    });
  }
  return charts;
}
