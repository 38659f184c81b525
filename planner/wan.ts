import type { ClusterId } from '../model/index.js';
import { linkCapacity, type LinkCapacityResult } from './capacity.js';
import { verdictAtMost, type Figure, type FigureInput, type Verdict } from './figure.js';
import { formatBitRate, formatBytes, formatSeconds } from './quantityFormat.js';
import { fluidQueue, type FluidResult } from './fluidQueue.js';
import type { Catalog, PlanInputs, PlanLink } from './inputs.js';
import { allTraffic, type DirectedTraffic } from './traffic.js';

/** WAN analysis of one direction of one pair (PLN-1, PLN-2, CCP-1..8). */
export interface DirectionAnalysis {
  readonly from: ClusterId;
  readonly to: ClusterId;
  readonly capacity: LinkCapacityResult;
  readonly immediateBytesPerDay: number;
  readonly deferredBytesPerDay: number;
  /** Peak-hour RUN/Sync traffic over capacity. */
  readonly peakImmediateUtilisation: number;
  /** Extra job time for a RUN copy of each reference volume size (CCP-8). */
  readonly elongation: readonly { readonly volumeBytes: number; readonly storedBytes: number; readonly seconds: number }[];
  readonly deferred: FluidResult;
  /**
   * Whole-volume transfer (issue 15): a volume is copied only after it is closed, and whole, so each
   * copy adds its own transfer time at one stream's throughput to the queueing delay of the fluid
   * model. Average and largest stored volume of the writers on this direction.
   */
  readonly volumeTransfer: { readonly averageStoredBytes: number; readonly largestStoredBytes: number; readonly averageSeconds: number; readonly largestSeconds: number };
  readonly classes: readonly { readonly managementClass: string; readonly point: 'R' | 'S' | 'D'; readonly bytesPerDay: number }[];
}

const hour = 3600;

/** The binding term in words, as text and reports name it. */
export const bindingName: Readonly<Record<LinkCapacityResult['binding'], string>> = { 'line-rate': 'line rate', 'tcp-window': 'TCP window', 'packet-loss': 'packet loss' };

function formatKilometres(meters: number): string {
  return `${Number((meters / 1000).toPrecision(4))} km`;
}

/** The link entry joining two clusters. */
export function linkBetween(links: readonly PlanLink[], a: ClusterId, b: ClusterId): PlanLink | undefined {
  return links.find((link) => (link.between[0] === a && link.between[1] === b) || (link.between[0] === b && link.between[1] === a));
}

/** Traffic of several workloads on the same direction, summed hour by hour. */
function hourly(flows: readonly DirectedTraffic[], key: 'immediateBytesPerDay' | 'deferredBytesPerDay'): number[] {
  return Array.from({ length: 24 }, (_, h) => flows.reduce((total, flow) => total + flow[key] * (flow.hourlyShare[h] ?? 0), 0));
}

/** Stored sizes of the average and largest volume on a direction (the largest of its writers). */
export interface VolumeSizes {
  readonly averageStoredBytes: number;
  readonly largestStoredBytes: number;
}

/** Analyses one direction with a given link (the configured one, or a catalog option in a search). */
export function analyseDirection(flows: readonly DirectedTraffic[], link: PlanLink, catalog: Catalog, referenceVolumeBytes: readonly number[], compression: number, volumes: VolumeSizes): DirectionAnalysis {
  const capacity = linkCapacity(link, catalog);
  const immediate = hourly(flows, 'immediateBytesPerDay');
  const deferred = hourly(flows, 'deferredBytesPerDay');
  const perHour = capacity.bytesPerSecond * hour;
  const left = immediate.map((bytes) => Math.max(0, perHour - bytes));
  const first = flows[0];
  return {
    from: first?.from ?? link.between[0],
    to: first?.to ?? link.between[1],
    capacity,
    immediateBytesPerDay: flows.reduce((total, flow) => total + flow.immediateBytesPerDay, 0),
    deferredBytesPerDay: flows.reduce((total, flow) => total + flow.deferredBytesPerDay, 0),
    peakImmediateUtilisation: perHour > 0 ? Math.max(...immediate) / perHour : Number.POSITIVE_INFINITY,
    elongation: referenceVolumeBytes.map((volumeBytes) => ({
      volumeBytes,
      storedBytes: volumeBytes / compression,
      seconds: volumeBytes / compression / Math.max(1e-9, capacity.perStreamBytesPerSecond),
    })),
    deferred: fluidQueue(deferred, left),
    volumeTransfer: {
      ...volumes,
      averageSeconds: volumes.averageStoredBytes / Math.max(1e-9, capacity.perStreamBytesPerSecond),
      largestSeconds: volumes.largestStoredBytes / Math.max(1e-9, capacity.perStreamBytesPerSecond),
    },
    classes: flows.flatMap((flow) => flow.byClass),
  };
}

/** The stored volume sizes of the workloads writing through `from` (what its copies carry). */
export function volumeSizesFrom(inputs: PlanInputs, from: ClusterId): VolumeSizes {
  const writers = inputs.workloads.filter((workload) => workload.cluster === from);
  const weight = writers.reduce((total, workload) => total + workload.hostBytesPerDay, 0);
  const average =
    weight > 0
      ? writers.reduce((total, workload) => total + (workload.hostBytesPerDay / weight) * (workload.averageVolumeBytes / workload.compression), 0)
      : Math.max(0, ...writers.map((workload) => workload.averageVolumeBytes / workload.compression));
  return { averageStoredBytes: average, largestStoredBytes: Math.max(average, ...writers.map((workload) => workload.largestVolumeBytes / workload.compression)) };
}

/** Every direction that carries copies, analysed with the configured links. */
export function analyseWan(inputs: PlanInputs, referenceVolumeBytes: readonly number[]): DirectionAnalysis[] {
  const flows = allTraffic(inputs);
  const directions = new Map<string, DirectedTraffic[]>();
  for (const flow of flows) {
    const key = `${flow.from}>${flow.to}`;
    directions.set(key, [...(directions.get(key) ?? []), flow]);
  }
  const results: DirectionAnalysis[] = [];
  for (const group of directions.values()) {
    const first = group[0];
    if (first === undefined) continue;
    const link = linkBetween(inputs.links, first.from, first.to);
    if (link === undefined) continue;
    const compression = inputs.workloads.find((workload) => workload.cluster === first.from)?.compression ?? inputs.catalog.compression.value;
    results.push(analyseDirection(group, link, inputs.catalog, referenceVolumeBytes, compression, volumeSizesFrom(inputs, first.from)));
  }
  return results.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** The RPO of one class on one direction, at volume granularity, against its target. */
export interface ClassRpo {
  readonly managementClass: string;
  readonly point: 'R' | 'S' | 'D';
  /** RPO of the largest volume: what the verdict judges. */
  readonly rpoSeconds: number;
  /** Queueing delay of the fluid model alone (Deferred), 0 for RUN/Sync that keep up. */
  readonly queueSeconds: number;
  /** RPO of an average volume. */
  readonly averageVolumeRpoSeconds: number;
  readonly target: number | null;
  readonly verdict: Verdict;
}

/**
 * Verdict of a direction against the RPO targets of its classes (CCP-1, CCP-2, PLN-2). Deferred: the
 * fluid queue's largest delay plus the volume's own transfer at one stream's throughput, since a
 * volume is copied whole after it is closed (4 GB on a 100 MB/s share is 40 s at risk even with no
 * queue). RUN and Sync: the copy is made before the job ends (CCP-1), so a closed volume is never at
 * risk while the link keeps up with the peak hour; above that the backlog grows without bound.
 */
export function directionVerdicts(direction: DirectionAnalysis, targets: PlanInputs['targets']): ClassRpo[] {
  const results: ClassRpo[] = [];
  const seen = new Set<string>();
  for (const entry of direction.classes) {
    const key = `${entry.managementClass}/${entry.point}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const target = targets.rpoSeconds[entry.managementClass] ?? null;
    let queue: number;
    let rpo: number;
    let average: number;
    if (entry.point === 'D') {
      queue = direction.deferred.kind === 'bounded' ? direction.deferred.rpoSeconds : Number.POSITIVE_INFINITY;
      rpo = queue + direction.volumeTransfer.largestSeconds;
      average = queue + direction.volumeTransfer.averageSeconds;
    } else {
      queue = direction.peakImmediateUtilisation <= 1 ? 0 : Number.POSITIVE_INFINITY;
      rpo = queue;
      average = queue;
    }
    const verdict: Verdict = target === null ? 'info' : target === 0 ? (rpo === 0 ? 'meets' : 'fails') : verdictAtMost(rpo, target);
    results.push({ managementClass: entry.managementClass, point: entry.point, rpoSeconds: rpo, queueSeconds: queue, averageVolumeRpoSeconds: average, target, verdict });
  }
  return results;
}

/** The figures of the WAN and RPO section. */
export function wanFigures(inputs: PlanInputs, directions: readonly DirectionAnalysis[]): Figure[] {
  const figures: Figure[] = [];
  for (const direction of directions) {
    const link = linkBetween(inputs.links, direction.from, direction.to);
    if (link === undefined) continue;
    const pair = `C${direction.from}->C${direction.to}`;
    const linkInputs: FigureInput[] = [
      { name: 'links', value: link.text },
      { name: 'distance', value: link.distanceText },
      {
        name: 'protocol efficiency',
        value: String(link.efficiency),
        ...(link.efficiencyDefaulted ? { defaultSource: inputs.catalog.protocolEfficiency.source } : {}),
      },
      {
        name: 'round trip',
        value: direction.capacity.roundTripEstimated
          ? `${formatSeconds(direction.capacity.roundTripSeconds)} estimated from ${link.distanceKind === 'site-to-site' ? `${link.distanceText} site to site x route factor ${link.routeFactor} = ${formatKilometres(link.distanceMeters * link.routeFactor)} of fibre` : `${link.distanceText} of fibre route`}`
          : `${formatSeconds(direction.capacity.roundTripSeconds)} measured`,
        ...(direction.capacity.roundTripEstimated ? { defaultSource: `${inputs.catalog.fibreDelaySecondsPerKm.source}${link.distanceKind === 'site-to-site' ? `; ${inputs.catalog.routeFactor.source}` : ''}` } : {}),
      },
    ];
    const terms = Object.entries(direction.capacity.terms)
      .map(([term, value]) => `${term} ${formatBitRate(value)}`)
      .join(', ');
    figures.push({
      id: `wan.capacity.${direction.from}-${direction.to}`,
      title: `Usable copy capacity ${pair}`,
      value: direction.capacity.bytesPerSecond,
      unit: 'B/s',
      display: formatBitRate(direction.capacity.bytesPerSecond),
      formula: 'smallest of count x speed x efficiency x copy share, streams x TCP window / RTT, and the Mathis loss bound',
      inputs: linkInputs,
      verdict: 'info',
      binding: `${bindingName[direction.capacity.binding]} binds (${terms})`,
      rules: ['PLN-1', 'TOP-2'],
    });
    if (direction.immediateBytesPerDay > 0) {
      figures.push({
        id: `wan.run-utilisation.${direction.from}-${direction.to}`,
        title: `RUN/Sync peak-hour utilisation ${pair}`,
        value: direction.peakImmediateUtilisation,
        unit: 'ratio',
        display: `${(direction.peakImmediateUtilisation * 100).toFixed(1)} %`,
        formula: 'RUN and Sync copy traffic in the peak hour / (usable capacity x 1 h)',
        inputs: [{ name: 'RUN/Sync traffic', value: `${formatBytes(direction.immediateBytesPerDay, inputs.notation)}/day` }, ...linkInputs.slice(0, 1)],
        verdict: verdictAtMost(direction.peakImmediateUtilisation, 1),
        target: 'at most 100 % (above it jobs stretch without bound)',
        rules: ['CCP-1', 'CCP-8', 'PLN-1'],
      });
      const largest = direction.elongation.at(-1);
      figures.push({
        id: `wan.elongation.${direction.from}-${direction.to}`,
        title: `Job elongation by RUN copy ${pair}`,
        value: largest?.seconds ?? 0,
        unit: 's',
        display: direction.elongation.map((entry) => `${formatBytes(entry.volumeBytes, inputs.notation)}: ${formatSeconds(entry.seconds)}`).join(', '),
        formula: 'stored volume size / per-stream copy throughput (usable capacity / streams)',
        inputs: [{ name: 'streams', value: String(link.streams), ...(link.streamsDefaulted ? { defaultSource: inputs.catalog.copyStreams.source } : {}) }],
        verdict: 'info',
        rules: ['CCP-8'],
      });
    }
    if (direction.deferredBytesPerDay > 0) {
      const deferred = direction.deferred;
      figures.push({
        id: `wan.backlog.${direction.from}-${direction.to}`,
        title: `Deferred backlog peak ${pair}`,
        value: deferred.kind === 'bounded' ? deferred.peakBacklogBytes : Number.POSITIVE_INFINITY,
        unit: 'B',
        display: deferred.kind === 'bounded' ? formatBytes(deferred.peakBacklogBytes, inputs.notation) : `unbounded, grows ${formatBytes(deferred.growthBytesPerDay, inputs.notation)}/day`,
        formula: 'fluid queue Q(t) = max(0, Q + (deferred arrivals - capacity left after RUN) dt) over the hourly profile, day after day until the day repeats',
        inputs: [{ name: 'deferred traffic', value: `${formatBytes(direction.deferredBytesPerDay, inputs.notation)}/day` }],
        verdict: deferred.kind === 'bounded' ? 'info' : 'fails',
        // A verdict names what it was judged against: a backlog that never drains fails the need to drain at all.
        ...(deferred.kind === 'bounded' ? {} : { target: 'the backlog drains every day (copy capacity left after RUN covers the deferred data)' }),
        rules: ['CCP-2', 'PLN-2'],
      });
    }
    for (const entry of directionVerdicts(direction, inputs.targets)) {
      figures.push({
        id: `wan.rpo.${direction.from}-${direction.to}.${entry.managementClass}`,
        title: `RPO of ${entry.managementClass} ${pair}`,
        value: entry.rpoSeconds,
        unit: 's',
        display: Number.isFinite(entry.rpoSeconds) ? formatSeconds(entry.rpoSeconds) : 'unbounded',
        formula:
          entry.point === 'D'
            ? 'queueing delay (largest horizontal distance between cumulative arrivals and copies, FIFO, exact on the piecewise-linear curves) + the largest stored volume / one stream\'s throughput'
            : 'RUN/Sync copies are made before the job ends: 0 while the link keeps up with the peak hour',
        inputs:
          entry.point === 'D'
            ? [
                { name: 'queueing', value: Number.isFinite(entry.queueSeconds) ? formatSeconds(entry.queueSeconds) : 'unbounded' },
                { name: 'largest volume', value: `${formatBytes(direction.volumeTransfer.largestStoredBytes, inputs.notation)} stored, ${formatSeconds(direction.volumeTransfer.largestSeconds)} to copy` },
                { name: 'average volume', value: `${formatBytes(direction.volumeTransfer.averageStoredBytes, inputs.notation)} stored, RPO ${Number.isFinite(entry.averageVolumeRpoSeconds) ? formatSeconds(entry.averageVolumeRpoSeconds) : 'unbounded'}` },
              ]
            : [],
        verdict: entry.verdict,
        ...(entry.target === null ? {} : { target: `at most ${formatSeconds(entry.target)}` }),
        rules: ['CCP-1', 'CCP-2', 'PLN-1', 'PLN-2'],
      });
    }
  }
  return figures;
}
