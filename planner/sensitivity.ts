import type { PlanInputs } from './inputs.js';
import { judgedFigures, scaleWorkload } from './search.js';

/**
 * How far each target is from failing (issue 15): the factor of daily data at which it first fails,
 * and the share of the installed bandwidth below which it fails. Found on the monotone effect of more
 * data (or less bandwidth) on every judged figure; null when it does not fail within 1000 times the
 * data, or at any bandwidth down to 0.1 % (the figure does not depend on it).
 */
export interface Sensitivity {
  readonly figure: string;
  readonly title: string;
  /** Multiply today's daily data by this and the target fails; null beyond 1000x. */
  readonly failsAtDataFactor: number | null;
  /** Keep this share of every link's bandwidth (or less) and the target fails; null when bandwidth does not break it. */
  readonly failsAtBandwidthShare: number | null;
}

function scaleBandwidth(inputs: PlanInputs, share: number): PlanInputs {
  return { ...inputs, links: inputs.links.map((link) => ({ ...link, bytesPerSecondEach: link.bytesPerSecondEach * share })) };
}

/** Ids of the figures that fail with these inputs. */
function failingIds(inputs: PlanInputs): Set<string> {
  return new Set(judgedFigures(inputs).filter((figure) => figure.verdict === 'fails').map((figure) => figure.id));
}

/**
 * For each id, the smallest x of a monotone family where it fails: one pass over a geometric (or
 * linear) grid of `steps` points judges every figure at once and brackets each threshold, then 10
 * halvings per figure refine it (figures a grid point already separates cost 10 judgements, not 30).
 */
function thresholds(ids: readonly string[], at: (x: number) => PlanInputs, low: number, high: number, increasing: boolean, geometric: boolean): Map<string, number | null> {
  const steps = 24;
  const grid = Array.from({ length: steps + 1 }, (_, index) => (geometric ? low * (high / low) ** (index / steps) : low + ((high - low) * index) / steps));
  const order = increasing ? grid : [...grid].reverse();
  const result = new Map<string, number | null>(ids.map((id) => [id, null]));
  const bracket = new Map<string, [number, number]>();
  let previous = order[0] ?? low;
  for (const x of order.slice(1)) {
    const failing = failingIds(at(x));
    for (const id of ids) if (!bracket.has(id) && failing.has(id)) bracket.set(id, [previous, x]);
    previous = x;
  }
  for (const [id, [passes, fails]] of bracket) {
    let good = passes;
    let bad = fails;
    for (let step = 0; step < 10; step += 1) {
      const middle = geometric ? Math.sqrt(good * bad) : (good + bad) / 2;
      if (failingIds(at(middle)).has(id)) bad = middle;
      else good = middle;
    }
    result.set(id, bad);
  }
  return result;
}

/** The sensitivity of every target that is met (or at risk) today. */
export function sensitivities(inputs: PlanInputs): Sensitivity[] {
  const today = judgedFigures(inputs).filter((figure) => figure.verdict === 'meets' || figure.verdict === 'at-risk');
  const ids = today.map((figure) => figure.id);
  const data = thresholds(ids, (factor) => scaleWorkload(inputs, factor), 1, 1000, true, true);
  // Every target is searched: a figure that does not depend on the links never fails on the grid and
  // costs no bisection, and one that does (a deferred backlog held in cache) gets its share.
  const bandwidth = thresholds(ids, (share) => scaleBandwidth(inputs, share), 1e-3, 1, false, false);
  return today.map((figure) => ({ figure: figure.id, title: figure.title, failsAtDataFactor: data.get(figure.id) ?? null, failsAtBandwidthShare: bandwidth.get(figure.id) ?? null }));
}
