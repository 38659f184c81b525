/**
 * A planning figure: the value, its unit, the formula in words, the inputs and defaults used, and a
 * verdict against a target (PLANNING.md "What a plan reports").
 */

/** meets, at risk (within 20 % of the target), fails, or no target to judge against. */
export type Verdict = 'meets' | 'at-risk' | 'fails' | 'info';

/** An input or default a figure used, shown next to it. */
export interface FigureInput {
  readonly name: string;
  readonly value: string;
  /** Set when the value is a catalog or built-in default rather than the user's. */
  readonly defaultSource?: string;
}

/** One figure of a plan. */
export interface Figure {
  /** Stable id, e.g. "wan.rpo.0-2.MCPROD". */
  readonly id: string;
  readonly title: string;
  /** The number in `unit`; Infinity for unbounded. */
  readonly value: number;
  readonly unit: string;
  /** The value as people read it ("4.2 h", "unbounded, +3.1 TB/day"). */
  readonly display: string;
  readonly formula: string;
  readonly inputs: readonly FigureInput[];
  readonly verdict: Verdict;
  readonly target?: string;
  /** What limits it, when something does (the binding term). */
  readonly binding?: string;
  readonly rules: readonly string[];
}

/** Share of the target inside which a figure is "at risk" (PLANNING.md: within 20 %). */
export const riskMargin = 0.2;

/** Verdict for "smaller is better" figures (RPO, utilisation, backlog): value against an upper limit. */
export function verdictAtMost(value: number, limit: number): Verdict {
  if (!(value <= limit)) return 'fails';
  return value <= limit * (1 - riskMargin) ? 'meets' : 'at-risk';
}

/** Verdict for "larger is better" figures (days resident, time to full): value against a lower limit. */
export function verdictAtLeast(value: number, limit: number): Verdict {
  if (!(value >= limit)) return 'fails';
  return value >= limit * (1 + riskMargin) ? 'meets' : 'at-risk';
}

/** The worst of several verdicts ('info' counts as meets). */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('fails')) return 'fails';
  if (verdicts.includes('at-risk')) return 'at-risk';
  return verdicts.includes('meets') ? 'meets' : 'info';
}
