import type { Figure } from './figure.js';
import type { PlanInputs } from './inputs.js';
import { wanFigures, analyseWan, linkBetween } from './wan.js';
import { outageFigures } from './outage.js';
import { cacheFigures } from './cache.js';
import { scratchFigures, cartridgesFor } from './scratch.js';

/**
 * "Choose before buying", against what is installed: for each thing to buy (a pair's links, a
 * cluster's cache, a drive generation) keep the installed choice when it meets every target it owns,
 * else the cheapest catalog option that does: "add" (more of the same: more links of the installed
 * speed, more cache) or "replace" (another speed or generation). Options below the installed
 * capacity are never offered (no silent downgrade). A choice must meet its targets with the headroom
 * and at the end of the growth horizon, and "at risk" does not count as met. Targets are separable (a
 * pair's RPO depends only on that pair's links, days resident only on that cluster's cache,
 * cartridges only on the drive generation), so each dimension is searched on its own; `bruteForce`
 * checks that against all combinations.
 */

/** What an option does to what is installed. */
export type AdviceAction = 'keep' | 'add' | 'replace';

/** One option of one dimension. */
export interface DimensionOption {
  readonly name: string;
  readonly cost: number;
  readonly whatIf: boolean;
  readonly action: AdviceAction;
  readonly apply: (inputs: PlanInputs) => PlanInputs;
}

/** Something to buy: the links of a pair, a cluster's cache, a cluster's drive generation. */
export interface Dimension {
  readonly id: string;
  readonly label: string;
  /** What the configuration says is installed. */
  readonly installed: string;
  readonly options: readonly DimensionOption[];
  /** Whether a figure is judged by this dimension's choice. */
  readonly owns: (figure: Figure) => boolean;
}

/** The choice made for one dimension. */
export interface DimensionChoice {
  readonly dimension: string;
  readonly label: string;
  readonly installed: string;
  /** Keep what is installed, add to it, or replace it; null when no option meets the targets. */
  readonly action: AdviceAction | null;
  readonly option: string | null;
  readonly cost: number;
  readonly whatIf: boolean;
  /** Why nothing cheaper: the first target the next cheaper option fails, or the tightest figure. */
  readonly binds: string;
  /**
   * When the change becomes necessary (PLN-4): now (a target it owns fails or is at risk today), in a
   * month of the configured growth (the first month one fails), or only to keep the headroom; never,
   * when what is installed also meets its targets and the option is only cheaper; null when what is
   * installed is kept.
   */
  readonly neededFrom: NeededFrom | null;
}

/** When a change of a dimension becomes necessary. */
export type NeededFrom =
  | { readonly kind: 'now' }
  /** From `month` a target it owns is at risk or fails; `failsInMonth` is when one first fails (null: not within the horizon). */
  | { readonly kind: 'month'; readonly month: number; readonly failsInMonth: number | null }
  | { readonly kind: 'headroom'; readonly headroom: number }
  /** Not needed: what is installed meets every target it owns too; the option costs `saves` less (cartridges of a cheaper generation). */
  | { readonly kind: 'saving'; readonly saves: number };

/** The first moment the installed choice of `dimension` leaves a target it owns failing or at risk. */
function neededFrom(original: PlanInputs, dimension: Dimension, headroom: number): NeededFrom {
  const troubled = (inputs: PlanInputs): Figure[] => failing(inputs, dimension);
  if (troubled(original).length > 0) return { kind: 'now' };
  const horizon = original.growth?.horizonMonths ?? 0;
  let first: number | null = null;
  for (let month = 1; month <= horizon; month += 1) {
    const figures = troubled(grown(original, month));
    if (figures.length > 0) first ??= month;
    if (figures.some((figure) => figure.verdict === 'fails')) return { kind: 'month', month: first ?? month, failsInMonth: month };
  }
  return first === null ? { kind: 'headroom', headroom } : { kind: 'month', month: first, failsInMonth: null };
}

/** The search result. */
export interface SearchResult {
  readonly feasible: boolean;
  readonly choices: readonly DimensionChoice[];
  readonly totalCost: number;
  readonly runnerUp: { readonly dimension: string; readonly option: string; readonly totalCost: number } | null;
  readonly candidatesConsidered: number;
  /** What the choices were judged on: the headroom and the month of growth (PLN-4). */
  readonly judgedOn: { readonly headroom: number; readonly month: number };
}

/**
 * The inputs advice is judged on: the workload grown to the end of the horizon, plus the headroom
 * (a purchase must last, and must not be "at risk" the day it is installed).
 */
export function adviceInputs(inputs: PlanInputs): { inputs: PlanInputs; headroom: number; month: number } {
  const month = inputs.growth?.horizonMonths ?? 0;
  const factor = (1 + (inputs.growth?.perYear ?? 0)) ** (month / 12) * (1 + inputs.headroom.value);
  return { inputs: scaleWorkload(inputs, factor), headroom: inputs.headroom.value, month };
}

/** The inputs with every workload's daily data multiplied by `factor`. */
export function scaleWorkload(inputs: PlanInputs, factor: number): PlanInputs {
  return { ...inputs, workloads: inputs.workloads.map((workload) => ({ ...workload, hostBytesPerDay: workload.hostBytesPerDay * factor })) };
}

/** The inputs after `months` of the configured growth (PLN-4). */
export function grown(inputs: PlanInputs, months: number): PlanInputs {
  return scaleWorkload(inputs, (1 + (inputs.growth?.perYear ?? 0)) ** (months / 12));
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
    const installed = linkBetween(inputs.links, a, b);
    if (installed === undefined) continue;
    const installedRate = installed.count * installed.bytesPerSecondEach;
    const applyLink = (option: { count: number; bytesPerSecondEach: number; name: string }) => (current: PlanInputs): PlanInputs => ({
      ...current,
      links: current.links.map((link) =>
        (link.between[0] === a && link.between[1] === b) || (link.between[0] === b && link.between[1] === a)
          ? { ...link, count: option.count, bytesPerSecondEach: option.bytesPerSecondEach, text: option.name }
          : link,
      ),
    });
    dimensions.push({
      id: `links.${pair}`,
      label: `grid links C${a}-C${b}`,
      installed: installed.text,
      options: [
        { name: installed.text, cost: 0, whatIf: false, action: 'keep' as const, apply: (current: PlanInputs) => current },
        // Only more capacity than installed: a smaller option is a downgrade, never advice.
        ...inputs.catalog.linkOptions
          .filter((option) => option.count * option.bytesPerSecondEach > installedRate)
          .map((option) => ({
            name: option.name,
            cost: option.cost,
            whatIf: option.whatIf,
            action: (option.bytesPerSecondEach === installed.bytesPerSecondEach ? 'add' : 'replace') as AdviceAction,
            apply: applyLink(option),
          })),
      ],
      owns: (figure) => figure.id.startsWith('wan.') || figure.id.startsWith('outage.catch-up.') ? figure.id.includes(`.${a}-${b}`) || figure.id.includes(`.${b}-${a}`) : false,
    });
  }
  const writers = new Set(inputs.workloads.map((workload) => workload.cluster));
  for (const cluster of inputs.clusters) {
    const residentTarget = inputs.targets.daysResident !== null && (writers.has(cluster.id) || cluster.kind === 'disk-only');
    const judged = residentTarget || (writers.has(cluster.id) && (inputs.drTest?.linksBroken ?? false));
    if (!judged) continue;
    const applyCache = (bytes: number, text: string) => (current: PlanInputs): PlanInputs => ({
      ...current,
      clusters: current.clusters.map((candidate) => (candidate.id === cluster.id ? { ...candidate, cacheBytes: bytes, cacheText: text } : candidate)),
    });
    dimensions.push({
      id: `cache.${cluster.id}`,
      label: `cache of C${cluster.id} (${cluster.name})`,
      installed: cluster.cacheText,
      options: [
        { name: cluster.cacheText, cost: 0, whatIf: false, action: 'keep' as const, apply: (current: PlanInputs) => current },
        ...inputs.catalog.cacheOptions
          .filter((option) => option.bytes > cluster.cacheBytes)
          .map((option) => ({ name: option.name, cost: option.cost, whatIf: false, action: 'add' as const, apply: applyCache(option.bytes, option.name) })),
      ],
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
      installed: cluster.driveType ?? 'none stated',
      // Cartridges are bought for any generation, so every generation is an option; the installed one is "keep".
      options: inputs.catalog.drives.map((drive) => ({
        name: drive.type,
        cost: cartridgesFor(heldBytes, drive.cartridgeBytes, inputs.catalog.cartridgeFill.value) * drive.cartridgeCost,
        whatIf: false,
        action: (drive.type === cluster.driveType ? 'keep' : 'replace') as AdviceAction,
        apply: (current: PlanInputs) => ({ ...current, clusters: current.clusters.map((candidate) => (candidate.id === cluster.id ? { ...candidate, driveType: drive.type } : candidate)) }),
      })),
      owns: (figure) => figure.id === `media.copy-export.${cluster.id}`,
    });
  }
  return dimensions;
}

/** Figures of `dimension` that a choice must not leave failing or at risk. */
function failing(inputs: PlanInputs, dimension: Dimension): Figure[] {
  return judgedFigures(inputs).filter((figure) => dimension.owns(figure) && (figure.verdict === 'fails' || figure.verdict === 'at-risk'));
}

/**
 * Options in the order they are tried: by cost, the installed one first on a tie. Keeping links or
 * cache costs nothing new, so it comes first; a drive generation is priced by the cartridges it needs.
 */
function ranked(dimension: Dimension): DimensionOption[] {
  return [...dimension.options].sort((x, y) => x.cost - y.cost || Number(y.action === 'keep') - Number(x.action === 'keep') || x.name.localeCompare(y.name));
}

/** For each dimension: keep what is installed if it meets its targets, else the cheapest option that does. */
export function cheapestConfiguration(original: PlanInputs): SearchResult {
  const judged = adviceInputs(original);
  const inputs = judged.inputs;
  const dimensions = searchDimensions(original);
  const choices: DimensionChoice[] = [];
  const seconds: { dimension: string; option: string; delta: number }[] = [];
  let candidates = 0;
  let feasible = true;
  for (const dimension of dimensions) {
    const passing: DimensionOption[] = [];
    let firstFailure: string | null = null;
    // Each option is judged once: the installed one may be judged again below, after the loop.
    const judgedOptions = new Map<DimensionOption, Figure[]>();
    const failuresOf = (option: DimensionOption): Figure[] => {
      const known = judgedOptions.get(option);
      if (known !== undefined) return known;
      const failures = failing(option.apply(inputs), dimension);
      judgedOptions.set(option, failures);
      return failures;
    };
    for (const option of ranked(dimension)) {
      candidates += 1;
      const failures = failuresOf(option);
      if (failures.length === 0) passing.push(option);
      else if (passing.length === 0 && firstFailure === null) {
        const failure = failures[0];
        if (failure !== undefined) firstFailure = `${option.action === 'keep' ? `${option.name} as installed` : option.name} ${failure.verdict === 'at-risk' ? 'is at risk' : 'fails'}: ${failure.title} ${failure.display}${failure.target === undefined ? '' : ` (target ${failure.target})`}`;
      }
      if (passing.length >= 2) break;
    }
    const best = passing[0];
    const base = { dimension: dimension.id, label: dimension.label, installed: dimension.installed };
    if (best === undefined) {
      feasible = false;
      choices.push({ ...base, action: null, option: null, cost: Number.POSITIVE_INFINITY, whatIf: false, binds: firstFailure ?? 'no option meets the targets', neededFrom: neededFrom(original, dimension, judged.headroom) });
      continue;
    }
    // A keep ranked after the second passing option is never tried in the loop: judge it here (once),
    // so a cheaper option is not reported as needed when what is installed meets its targets too.
    const installed = best.action === 'keep' ? undefined : dimension.options.find((option) => option.action === 'keep');
    const installedMeets = installed !== undefined && failuresOf(installed).length === 0;
    choices.push({
      ...base,
      action: best.action,
      option: best.name,
      cost: best.cost,
      whatIf: best.whatIf,
      binds:
        best.action === 'keep'
          ? 'what is installed meets every target it owns'
          : installedMeets
            ? `${installed.name} as installed meets every target it owns too; ${best.name} costs ${Number((installed.cost - best.cost).toFixed(2))} less`
            : (firstFailure ?? 'the cheapest option already meets every target'),
      neededFrom: best.action === 'keep' ? null : installedMeets ? { kind: 'saving', saves: installed.cost - best.cost } : neededFrom(original, dimension, judged.headroom),
    });
    const second = passing[1];
    if (second !== undefined) seconds.push({ dimension: dimension.id, option: second.name, delta: second.cost - best.cost });
  }
  const totalCost = choices.reduce((total, choice) => total + choice.cost, 0);
  const runner = [...seconds].sort((x, y) => x.delta - y.delta)[0];
  return {
    feasible,
    choices,
    totalCost,
    runnerUp: runner === undefined || !feasible ? null : { dimension: runner.dimension, option: runner.option, totalCost: totalCost + runner.delta },
    candidatesConsidered: candidates,
    judgedOn: { headroom: judged.headroom, month: judged.month },
  };
}

/**
 * Every combination of options, judged as a whole with the same inputs and the same "meets" as the
 * search: the check of `cheapestConfiguration` (small catalogs). A combination that keeps where
 * keeping meets is cheaper than any purchase, so the two agree on cost when both are feasible.
 */
export function bruteForce(original: PlanInputs): { feasible: boolean; totalCost: number; combinations: number } {
  const inputs = adviceInputs(original).inputs;
  const dimensions = searchDimensions(original);
  let best = Number.POSITIVE_INFINITY;
  let combinations = 0;
  const walk = (index: number, current: PlanInputs, cost: number): void => {
    const dimension = dimensions[index];
    if (dimension === undefined) {
      combinations += 1;
      const failures = judgedFigures(current).filter((figure) => (figure.verdict === 'fails' || figure.verdict === 'at-risk') && dimensions.some((candidate) => candidate.owns(figure)));
      if (failures.length === 0) best = Math.min(best, cost);
      return;
    }
    for (const option of dimension.options) walk(index + 1, option.apply(current), cost + option.cost);
  };
  walk(0, inputs, 0);
  return { feasible: Number.isFinite(best), totalCost: best, combinations };
}
