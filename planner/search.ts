import type { Figure } from './figure.js';
import type { PlanInputs } from './inputs.js';
import { wanFigures, analyseWan } from './wan.js';
import { outageFigures } from './outage.js';
import { cacheFigures } from './cache.js';
import { scratchFigures, cartridgesFor } from './scratch.js';

/**
 * "Choose before buying": the cheapest configuration from the catalog that meets every target, with
 * the runner-up and what binds each choice. Targets are separable (a pair's RPO depends only on that
 * pair's links, days resident only on that cluster's cache, cartridges only on the drive generation),
 * so each dimension is searched on its own; `bruteForce` checks that against all combinations.
 */

/** One option of one dimension. */
export interface DimensionOption {
  readonly name: string;
  readonly cost: number;
  readonly whatIf: boolean;
  readonly apply: (inputs: PlanInputs) => PlanInputs;
}

/** Something to buy: the links of a pair, a cluster's cache, a cluster's drive generation. */
export interface Dimension {
  readonly id: string;
  readonly label: string;
  readonly options: readonly DimensionOption[];
  /** Whether a figure is judged by this dimension's choice. */
  readonly owns: (figure: Figure) => boolean;
}

/** The choice made for one dimension. */
export interface DimensionChoice {
  readonly dimension: string;
  readonly label: string;
  readonly option: string | null;
  readonly cost: number;
  readonly whatIf: boolean;
  /** Why nothing cheaper: the first target the next cheaper option fails, or the tightest figure. */
  readonly binds: string;
}

/** The search result. */
export interface SearchResult {
  readonly feasible: boolean;
  readonly choices: readonly DimensionChoice[];
  readonly totalCost: number;
  readonly runnerUp: { readonly dimension: string; readonly option: string; readonly totalCost: number } | null;
  readonly candidatesConsidered: number;
}

/** Every figure of a plan that carries a target verdict. */
export function judgedFigures(inputs: PlanInputs): Figure[] {
  const directions = analyseWan(inputs, inputs.catalog.referenceVolumeBytes.value);
  return [...wanFigures(inputs, directions), ...outageFigures(inputs, directions), ...cacheFigures(inputs, directions), ...scratchFigures(inputs, directions)].filter(
    (figure) => figure.verdict !== 'info',
  );
}

/** The dimensions of a plan: links of pairs that carry copies, caches with a target, drive generations. */
export function searchDimensions(inputs: PlanInputs): Dimension[] {
  const dimensions: Dimension[] = [];
  const directions = analyseWan(inputs, inputs.catalog.referenceVolumeBytes.value);
  const pairs = new Set(directions.map((direction) => [Math.min(direction.from, direction.to), Math.max(direction.from, direction.to)].join('-')));
  for (const pair of pairs) {
    const [a, b] = pair.split('-').map(Number) as [number, number];
    dimensions.push({
      id: `links.${pair}`,
      label: `grid links C${a}-C${b}`,
      options: inputs.catalog.linkOptions.map((option) => ({
        name: option.name,
        cost: option.cost,
        whatIf: option.whatIf,
        apply: (current) => ({
          ...current,
          links: current.links.map((link) =>
            (link.between[0] === a && link.between[1] === b) || (link.between[0] === b && link.between[1] === a)
              ? { ...link, count: option.count, bytesPerSecondEach: option.bytesPerSecondEach, text: option.name }
              : link,
          ),
        }),
      })),
      owns: (figure) => figure.id.startsWith('wan.') || figure.id.startsWith('outage.catch-up.') ? figure.id.includes(`.${a}-${b}`) || figure.id.includes(`.${b}-${a}`) : false,
    });
  }
  const writers = new Set(inputs.workloads.map((workload) => workload.cluster));
  for (const cluster of inputs.clusters) {
    const residentTarget = inputs.targets.daysResident !== null && (writers.has(cluster.id) || cluster.kind === 'disk-only');
    const judged = residentTarget || (writers.has(cluster.id) && (inputs.drTest?.linksBroken ?? false));
    if (!judged) continue;
    dimensions.push({
      id: `cache.${cluster.id}`,
      label: `cache of C${cluster.id} (${cluster.name})`,
      options: inputs.catalog.cacheOptions.map((option) => ({
        name: option.name,
        cost: option.cost,
        whatIf: false,
        apply: (current) => ({
          ...current,
          clusters: current.clusters.map((candidate) => (candidate.id === cluster.id ? { ...candidate, cacheBytes: option.bytes, cacheText: option.name } : candidate)),
        }),
      })),
      owns: (figure) =>
        figure.id === `cache.days-resident.${cluster.id}` || figure.id === `outage.throttling.${cluster.id}` || figure.id === `outage.cache-needed.${cluster.id}`,
    });
  }
  for (const cluster of inputs.clusters) {
    if (cluster.kind !== 'tape-attached') continue;
    const own = inputs.workloads.filter((workload) => workload.cluster === cluster.id).reduce((total, workload) => total + workload.hostBytesPerDay / workload.compression, 0);
    const received = directions.filter((direction) => direction.to === cluster.id).reduce((total, direction) => total + direction.immediateBytesPerDay + direction.deferredBytesPerDay, 0);
    const heldBytes = (own + received) * (inputs.catalog.retentionSeconds.value / 86400);
    dimensions.push({
      id: `media.${cluster.id}`,
      label: `drive generation of C${cluster.id} (${cluster.name})`,
      options: inputs.catalog.drives.map((drive) => ({
        name: drive.type,
        cost: cartridgesFor(heldBytes, drive.cartridgeBytes, inputs.catalog.cartridgeFill.value) * drive.cartridgeCost,
        whatIf: false,
        apply: (current) => ({ ...current, clusters: current.clusters.map((candidate) => (candidate.id === cluster.id ? { ...candidate, driveType: drive.type } : candidate)) }),
      })),
      owns: (figure) => figure.id === `media.copy-export.${cluster.id}`,
    });
  }
  return dimensions;
}

function failing(inputs: PlanInputs, dimension: Dimension): Figure[] {
  return judgedFigures(inputs).filter((figure) => dimension.owns(figure) && figure.verdict === 'fails');
}

/** Searches each dimension for its cheapest option meeting the dimension's targets. */
export function cheapestConfiguration(inputs: PlanInputs): SearchResult {
  const dimensions = searchDimensions(inputs);
  const choices: DimensionChoice[] = [];
  const seconds: { dimension: string; option: string; delta: number }[] = [];
  let candidates = 0;
  let feasible = true;
  for (const dimension of dimensions) {
    const ranked = dimension.options
      .map((option) => ({ option, cost: option.cost }))
      .sort((x, y) => x.cost - y.cost || x.option.name.localeCompare(y.option.name));
    const passing: { option: DimensionOption; cost: number }[] = [];
    let firstFailure: string | null = null;
    for (const entry of ranked) {
      candidates += 1;
      const failures = failing(entry.option.apply(inputs), dimension);
      if (failures.length === 0) passing.push(entry);
      else if (passing.length === 0) {
        const failure = failures[0];
        if (failure !== undefined) firstFailure = `${entry.option.name} fails: ${failure.title} ${failure.display}${failure.target === undefined ? '' : ` (target ${failure.target})`}`;
      }
      if (passing.length >= 2) break;
    }
    const best = passing[0];
    if (best === undefined) {
      feasible = false;
      choices.push({ dimension: dimension.id, label: dimension.label, option: null, cost: Number.POSITIVE_INFINITY, whatIf: false, binds: firstFailure ?? 'no option meets the targets' });
      continue;
    }
    choices.push({
      dimension: dimension.id,
      label: dimension.label,
      option: best.option.name,
      cost: best.cost,
      whatIf: best.option.whatIf,
      binds: firstFailure ?? 'the cheapest option already meets every target',
    });
    const second = passing[1];
    if (second !== undefined) seconds.push({ dimension: dimension.id, option: second.option.name, delta: second.cost - best.cost });
  }
  const totalCost = choices.reduce((total, choice) => total + choice.cost, 0);
  const runner = [...seconds].sort((x, y) => x.delta - y.delta)[0];
  return {
    feasible,
    choices,
    totalCost,
    runnerUp: runner === undefined || !feasible ? null : { dimension: runner.dimension, option: runner.option, totalCost: totalCost + runner.delta },
    candidatesConsidered: candidates,
  };
}

/** Every combination of options, judged as a whole: the check of `cheapestConfiguration` (small catalogs). */
export function bruteForce(inputs: PlanInputs): { feasible: boolean; totalCost: number; combinations: number } {
  const dimensions = searchDimensions(inputs);
  let best = Number.POSITIVE_INFINITY;
  let combinations = 0;
  const walk = (index: number, current: PlanInputs, cost: number): void => {
    const dimension = dimensions[index];
    if (dimension === undefined) {
      combinations += 1;
      const failures = judgedFigures(current).filter((figure) => figure.verdict === 'fails' && dimensions.some((candidate) => candidate.owns(figure)));
      if (failures.length === 0) best = Math.min(best, cost);
      return;
    }
    for (const option of dimension.options) walk(index + 1, option.apply(current), cost + option.cost);
  };
  walk(0, inputs, 0);
  return { feasible: Number.isFinite(best), totalCost: best, combinations };
}
