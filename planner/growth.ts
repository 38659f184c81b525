import type { Figure } from './figure.js';
import type { PlanInputs } from './inputs.js';
import { grown, judgedFigures } from './search.js';

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
  /** For each figure that meets its target today and fails within the horizon, the first month it fails. */
  readonly firstFailureMonth: Readonly<Record<string, number>>;
}

/** Figures now and at the horizon, and the month a target first fails. */
export function growthOutlook(inputs: PlanInputs): GrowthResult | null {
  const growth = inputs.growth;
  if (growth === null) return null;
  let firstFailure: GrowthResult['firstFailure'] = null;
  const firstFailureMonth: Record<string, number> = {};
  const today = judgedFigures(inputs);
  const failingNow = new Set(today.filter((figure) => figure.verdict === 'fails').map((figure) => figure.id));
  const watched = today.filter((figure) => !failingNow.has(figure.id)).length;
  // Month by month to the horizon (at most 360 months, a bound the schema sets), until every figure has failed.
  for (let month = 1; month <= growth.horizonMonths && Object.keys(firstFailureMonth).length < watched; month += 1) {
    for (const figure of judgedFigures(grown(inputs, month))) {
      if (figure.verdict !== 'fails' || failingNow.has(figure.id) || firstFailureMonth[figure.id] !== undefined) continue;
      firstFailureMonth[figure.id] = month;
      if (firstFailure === null) firstFailure = { month, figure };
    }
  }
  return { perYear: growth.perYear, horizonMonths: growth.horizonMonths, atHorizon: judgedFigures(grown(inputs, growth.horizonMonths)), firstFailure, firstFailureMonth };
}
