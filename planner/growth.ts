import type { Figure } from './figure.js';
import type { PlanInputs } from './inputs.js';
import { judgedFigures } from './search.js';

/**
 * Growth over the planning horizon (PLN-4, PLANNING.md "Growth"): host data grows by a yearly rate;
 * every judged figure is recomputed month by month, and the first month a target stops being met is
 * named. Pure.
 */
export interface GrowthResult {
  readonly perYear: number;
  readonly horizonMonths: number;
  /** The judged figures at the horizon. */
  readonly atHorizon: readonly Figure[];
  /** The first month (1-based) some target fails, with the figure; null when all hold to the horizon. */
  readonly firstFailure: { readonly month: number; readonly figure: Figure } | null;
}

/** The inputs after `months` of growth. */
export function grown(inputs: PlanInputs, months: number): PlanInputs {
  const factor = (1 + (inputs.growth?.perYear ?? 0)) ** (months / 12);
  return { ...inputs, workloads: inputs.workloads.map((workload) => ({ ...workload, hostBytesPerDay: workload.hostBytesPerDay * factor })) };
}

/** Figures now and at the horizon, and the month a target first fails. */
export function growthOutlook(inputs: PlanInputs): GrowthResult | null {
  const growth = inputs.growth;
  if (growth === null) return null;
  let firstFailure: GrowthResult['firstFailure'] = null;
  const failingNow = new Set(judgedFigures(inputs).filter((figure) => figure.verdict === 'fails').map((figure) => figure.id));
  for (let month = 1; month <= growth.horizonMonths && firstFailure === null; month += 1) {
    const failing = judgedFigures(grown(inputs, month)).find((figure) => figure.verdict === 'fails' && !failingNow.has(figure.id));
    if (failing !== undefined) firstFailure = { month, figure: failing };
  }
  return { perYear: growth.perYear, horizonMonths: growth.horizonMonths, atHorizon: judgedFigures(grown(inputs, growth.horizonMonths)), firstFailure };
}
