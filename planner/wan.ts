import type { ClusterId } from '../model/index.js';
import { linkCapacity, type LinkCapacityResult } from './capacity.js';
import { formatBitRate, formatBytes, formatSeconds, verdictAtMost, type Figure, type FigureInput, type Verdict } from './figure.js';
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
  readonly classes: readonly { readonly managementClass: string; readonly point: 'R' | 'S' | 'D'; readonly bytesPerDay: number }[];
}

const hour = 3600;

/** The link entry joining two clusters. */
export function linkBetween(links: readonly PlanLink[], a: ClusterId, b: ClusterId): PlanLink | undefined {
  return links.find((link) => (link.between[0] === a && link.between[1] === b) || (link.between[0] === b && link.between[1] === a));
}

/** Traffic of several workloads on the same direction, summed hour by hour. */
function hourly(flows: readonly DirectedTraffic[], key: 'immediateBytesPerDay' | 'deferredBytesPerDay'): number[] {
  return Array.from({ length: 24 }, (_, h) => flows.reduce((total, flow) => total + flow[key] * (flow.hourlyShare[h] ?? 0), 0));
}

/** Analyses one direction with a given link (the configured one, or a catalog option in a search). */
export function analyseDirection(flows: readonly DirectedTraffic[], link: PlanLink, catalog: Catalog, referenceVolumeBytes: readonly number[], compression: number): DirectionAnalysis {
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
    classes: flows.flatMap((flow) => flow.byClass),
  };
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
    results.push(analyseDirection(group, link, inputs.catalog, referenceVolumeBytes, compression));
  }
  return results.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Verdict of a direction against the RPO targets of its classes. */
export function directionVerdicts(direction: DirectionAnalysis, targets: PlanInputs['targets']): { managementClass: string; rpoSeconds: number; target: number | null; verdict: Verdict }[] {
  const results: { managementClass: string; rpoSeconds: number; target: number | null; verdict: Verdict }[] = [];
  const seen = new Set<string>();
  for (const entry of direction.classes) {
    const key = `${entry.managementClass}/${entry.point}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const target = targets.rpoSeconds[entry.managementClass] ?? null;
    let rpo: number;
    if (entry.point === 'D') rpo = direction.deferred.kind === 'bounded' ? direction.deferred.rpoSeconds : Number.POSITIVE_INFINITY;
    else rpo = direction.peakImmediateUtilisation <= 1 ? 0 : Number.POSITIVE_INFINITY;
    const verdict: Verdict = target === null ? 'info' : target === 0 ? (rpo === 0 ? 'meets' : 'fails') : verdictAtMost(rpo, target);
    results.push({ managementClass: entry.managementClass, rpoSeconds: rpo, target, verdict });
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
      { name: 'round trip', value: formatSeconds(direction.capacity.roundTripSeconds), ...(direction.capacity.roundTripEstimated ? { defaultSource: `${inputs.catalog.fibreDelaySecondsPerKm.source}; route factor ${inputs.catalog.routeFactor.value}` } : {}) },
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
      binding: `${direction.capacity.binding} binds (${terms})`,
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
        inputs: [{ name: 'RUN/Sync traffic', value: `${formatBytes(direction.immediateBytesPerDay)}/day` }, ...linkInputs.slice(0, 1)],
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
        display: direction.elongation.map((entry) => `${formatBytes(entry.volumeBytes)}: ${formatSeconds(entry.seconds)}`).join(', '),
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
        display: deferred.kind === 'bounded' ? formatBytes(deferred.peakBacklogBytes) : `unbounded, grows ${formatBytes(deferred.growthBytesPerDay)}/day`,
        formula: 'fluid queue Q(t) = max(0, Q + (deferred arrivals - capacity left after RUN) dt) over the hourly profile, repeated until periodic',
        inputs: [{ name: 'deferred traffic', value: `${formatBytes(direction.deferredBytesPerDay)}/day` }],
        verdict: deferred.kind === 'bounded' ? 'info' : 'fails',
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
        formula: 'largest horizontal distance between cumulative arrivals and cumulative copies (FIFO), exact on the piecewise-linear curves; 0 for RUN/Sync that keep up',
        inputs: [],
        verdict: entry.verdict,
        ...(entry.target === null ? {} : { target: `at most ${formatSeconds(entry.target)}` }),
        rules: ['CCP-1', 'CCP-2', 'PLN-1', 'PLN-2'],
      });
    }
  }
  return figures;
}
