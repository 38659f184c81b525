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

/** Human units for bytes (decimal: TB = 10^12 B, as PLANNING.md prints). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'unbounded';
  const units: [number, string][] = [
    [1e15, 'PB'],
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
  ];
  for (const [size, name] of units) if (Math.abs(bytes) >= size) return `${(bytes / size).toFixed(bytes / size >= 100 ? 0 : 2)} ${name}`;
  return `${bytes.toFixed(0)} B`;
}

/** Human units for durations. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'never';
  if (seconds >= 2 * 86400) return `${(seconds / 86400).toFixed(1)} d`;
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(2)} h`;
  if (seconds >= 60) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds > 0 && seconds < 1) return `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 1)} ms`;
  return `${seconds.toFixed(seconds < 10 ? 2 : 0)} s`;
}

/** Human units for rates in bits per second (links are sold in bits). */
export function formatBitRate(bytesPerSecond: number): string {
  const bits = bytesPerSecond * 8;
  if (bits >= 1e9) return `${(bits / 1e9).toFixed(2)} Gb/s`;
  if (bits >= 1e6) return `${(bits / 1e6).toFixed(1)} Mb/s`;
  return `${(bits / 1e3).toFixed(1)} kb/s`;
}
