import { scaleLinear, scaleLog } from 'd3-scale';
import { format as d3Format } from 'd3-format';
import { unitLadder, type QuantityKind, type DataNotation, type UnitStep } from '../planner/index.js';
import { escapeHtml } from './svg.js';

/**
 * Line charts as static SVG (issue 18 item 1): scales and ticks from d3-scale, tick numbers from
 * d3-format, no script in the page. An axis carries its unit in its title; an axis whose values span
 * two orders of magnitude or more is drawn on a log scale, with zero on a strip below a break mark,
 * because on a linear axis a backlog of gigabytes under a limit of terabytes is a flat line at zero.
 */

/** What an axis measures: a quantity with a unit ladder, or hours/days counted as plain numbers. */
export type AxisQuantity = QuantityKind | 'hour-of-day' | 'hours' | 'days';

/** One axis: its title without unit (the chart adds it), what it measures, and its scale. */
export interface AxisSpec {
  readonly title: string;
  readonly quantity: AxisQuantity;
  /** 'auto' (the default) chooses log when a linear axis would hide the curve (see `wantsLog`). */
  readonly scale?: 'linear' | 'log' | 'auto';
  /**
   * false: a linear axis starts near the smallest value instead of zero, below a break mark, for
   * curves that move little far from zero (a cache near full).
   */
  readonly fromZero?: boolean;
}

/** A chart: series of (x, y) points in base units (bytes, seconds, bytes per second), a limit line. */
export interface LineChartSpec {
  readonly title: string;
  readonly x: AxisSpec;
  readonly y: AxisSpec;
  readonly series: readonly { readonly name: string; readonly points: readonly (readonly [number, number])[] }[];
  readonly target?: { readonly y: number; readonly label: string };
  readonly notation?: DataNotation;
}

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
const width = 660;
const height = 320;
/** Height of the strip below a log axis's break mark where zero is drawn. */
const zeroStrip = 16;
/** Average advance of a 10 px system-ui glyph; used to reserve room for tick labels. */
const glyphWidth = 6.2;
/** A log axis spans at most this many decades; smaller positive values are drawn at its floor. */
const maxDecades = 4;

interface Axis {
  readonly title: string;
  readonly position: (value: number) => number;
  readonly ticks: readonly { readonly value: number; readonly label: string }[];
  /** Set on a log axis that has values at or below zero: where the zero strip is. */
  readonly zeroAt: number | null;
}

const fixedUnits: Record<'hour-of-day' | 'hours' | 'days', UnitStep> = { 'hour-of-day': { size: 1, symbol: 'h' }, hours: { size: 1, symbol: 'h' }, days: { size: 1, symbol: 'd' } };

function ladderOf(quantity: AxisQuantity, notation: DataNotation): readonly UnitStep[] {
  return quantity === 'hour-of-day' || quantity === 'hours' || quantity === 'days' ? [fixedUnits[quantity]] : unitLadder(quantity, notation);
}

/** The largest unit of the ladder not above `value`, so that tick numbers stay between 1 and 1000. */
function unitForMaximum(ladder: readonly UnitStep[], value: number): UnitStep {
  let chosen = ladder[0] ?? { size: 1, symbol: '' };
  for (const step of ladder) if (step.size <= value) chosen = step;
  return chosen;
}

const tickNumber = d3Format(',~r');

/**
 * Log when a linear axis would hide the curve: the axis top (a limit line included) is 20x or more the
 * largest value of the curves, which would then lie in the bottom twentieth; or the curves' own
 * positive values span 100x or more from their tenth percentile to their largest (a hyperbola such as
 * RPO against bandwidth). The tenth percentile, not the minimum, so one small value at the start of a
 * curve does not switch a readable chart to log.
 */
function wantsLog(spec: AxisSpec, values: readonly number[], extraTop: readonly number[]): boolean {
  if (spec.scale === 'log') return true;
  if (spec.scale === 'linear' || spec.quantity === 'hour-of-day') return false;
  const positive = values.filter((value) => value > 0 && Number.isFinite(value)).sort((a, b) => a - b);
  if (positive.length < 2) return false;
  const largest = positive[positive.length - 1] ?? 0;
  const tenth = positive[Math.floor(positive.length / 10)] ?? largest;
  const top = Math.max(largest, ...extraTop.filter((value) => Number.isFinite(value)));
  return top / largest >= 20 || largest / tenth >= 100;
}

/**
 * Log ticks at round values of the axis's own units: 1, 10 and 100 of each unit below the next unit
 * (1 GB, 10 GB, 100 GB, 1 TB; 1 min, 10 min, 1 h, 10 h, 1 d), thinned to at most seven.
 */
function logTicks(ladder: readonly UnitStep[], low: number, high: number): { value: number; label: string }[] {
  const ticks: { value: number; label: string }[] = [];
  ladder.forEach((step, index) => {
    const next = ladder[index + 1]?.size ?? Number.POSITIVE_INFINITY;
    for (let multiple = 1; step.size * multiple < next && multiple <= 1e6; multiple *= 10) {
      const value = step.size * multiple;
      if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) ticks.push({ value, label: `${tickNumber(multiple)} ${step.symbol}` });
    }
  });
  const stride = Math.ceil(ticks.length / 7);
  return ticks.filter((_, index) => index % stride === 0);
}

function buildAxis(spec: AxisSpec, values: readonly number[], range: readonly [number, number], notation: DataNotation, extraTop: readonly number[] = []): Axis {
  const ladder = ladderOf(spec.quantity, notation);
  const finite = [...values, ...extraTop].filter((value) => Number.isFinite(value));
  const maximum = Math.max(...finite, 0);
  if (wantsLog(spec, values.filter((value) => Number.isFinite(value)), extraTop)) {
    const positive = finite.filter((value) => value > 0);
    const high = Math.max(...positive);
    const floor = Math.max(Math.min(...positive), high / 10 ** maxDecades);
    const hasZero = finite.some((value) => value < floor);
    const scale = scaleLog().domain([floor, high]).nice();
    const [domainLow, domainHigh] = scale.domain() as [number, number];
    const [rangeStart, rangeEnd] = range;
    const direction = rangeEnd > rangeStart ? 1 : -1;
    // The zero strip takes the first pixels of the range; the log scale starts after it.
    scale.range([hasZero ? rangeStart + direction * zeroStrip : rangeStart, rangeEnd]);
    const ticks = logTicks(ladder, domainLow, domainHigh);
    return {
      title: `${spec.title} (log scale)`,
      position: (value) => (value < domainLow ? (hasZero ? rangeStart : scale(domainLow)) : scale(Math.min(value, domainHigh))),
      ticks: hasZero ? [{ value: 0, label: '0' }, ...ticks] : ticks,
      zeroAt: hasZero ? rangeStart : null,
    };
  }
  const unit = spec.quantity === 'hour-of-day' ? fixedUnits['hour-of-day'] : unitForMaximum(ladder, maximum);
  const lowest = Math.min(...finite);
  const truncated = spec.fromZero === false && lowest > 0 && lowest > maximum * 0.2;
  const minimum = truncated ? lowest : Math.min(...finite, 0);
  const scale = scaleLinear()
    .domain([minimum / unit.size, Math.max(maximum / unit.size, 1e-9)])
    .range(range);
  if (spec.quantity === 'hour-of-day') scale.domain([0, 24]);
  else scale.nice(6);
  const tickValues = spec.quantity === 'hour-of-day' ? [0, 3, 6, 9, 12, 15, 18, 21, 24] : scale.ticks(6);
  const [domainLow, domainHigh] = scale.domain() as [number, number];
  return {
    title: `${spec.title} (${unit.symbol})`,
    position: (value) => scale(Math.max(domainLow, Math.min(domainHigh, value / unit.size))),
    ticks: tickValues.map((value) => ({ value: value * unit.size, label: tickNumber(value) })),
    // A truncated axis gets the same break mark as a log axis's zero strip, at its low end.
    zeroAt: truncated ? range[0] : null,
  };
}

/** A line chart as inline SVG; every label is placed inside the drawing and clear of the others. */
export function lineChart(spec: LineChartSpec): string {
  const notation = spec.notation ?? 'decimal';
  const points = spec.series.flatMap((series) => series.points);
  const legendRows = Math.ceil(spec.series.length / 3);
  const top = 22 + legendRows * 14;
  const bottom = 52;
  const right = 24;
  const y = buildAxis(spec.y, points.map(([, value]) => value), [height - bottom, top], notation, spec.target === undefined ? [] : [spec.target.y]);
  // Room for the y axis: its widest tick label, then its rotated title.
  const left = 34 + Math.ceil(Math.max(...y.ticks.map((tick) => tick.label.length), 1) * glyphWidth);
  const x = buildAxis(spec.x, points.map(([value]) => value), [left, width - right], notation);
  const plotTop = top;
  const plotBottom = height - bottom;
  const parts: string[] = [];
  parts.push(`<svg class="chart" role="img" aria-label="${escapeHtml(spec.title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<title>${escapeHtml(spec.title)}</title>`);
  parts.push(`<rect x="${left}" y="${plotTop}" width="${width - left - right}" height="${plotBottom - plotTop}" fill="#fafafa" stroke="#ccc"/>`);
  for (const tick of y.ticks) {
    const at = y.position(tick.value).toFixed(1);
    parts.push(`<line class="grid" x1="${left}" x2="${width - right}" y1="${at}" y2="${at}" stroke="#e5e5e5"/><text class="tick y" x="${left - 6}" y="${(Number(at) + 3.5).toFixed(1)}" font-size="10" text-anchor="end">${escapeHtml(tick.label)}</text>`);
  }
  if (y.zeroAt !== null) {
    // The break mark: two short slanted strokes across the y axis between zero and the log scale.
    const at = y.zeroAt - zeroStrip / 2 - 1;
    parts.push(`<path class="axis-break" d="M${left - 5} ${at + 3} l10 -4 M${left - 5} ${at + 7} l10 -4" stroke="#555" fill="none"/>`);
  }
  x.ticks.forEach((tick, index) => {
    const at = x.position(tick.value);
    const last = index === x.ticks.length - 1 && at > width - right - 20;
    parts.push(`<text class="tick x" x="${at.toFixed(1)}" y="${plotBottom + 15}" font-size="10" text-anchor="${last ? 'end' : 'middle'}">${escapeHtml(tick.label)}</text>`);
  });
  parts.push(`<text class="axis-title" x="${(left + width - right) / 2}" y="${height - 12}" font-size="11" text-anchor="middle">${escapeHtml(x.title)}</text>`);
  const middle = (plotTop + plotBottom) / 2;
  parts.push(`<text class="axis-title" x="14" y="${middle}" font-size="11" text-anchor="middle" transform="rotate(-90 14 ${middle})">${escapeHtml(y.title)}</text>`);
  spec.series.forEach((series, index) => {
    const colour = palette[index % palette.length] ?? '#333';
    const line = series.points.map(([px, py]) => `${x.position(px).toFixed(1)},${y.position(Number.isFinite(py) ? py : Number.MAX_VALUE).toFixed(1)}`).join(' ');
    parts.push(`<polyline class="series" fill="none" stroke="${colour}" stroke-width="2" points="${line}"/>`);
    const column = index % 3;
    const row = Math.floor(index / 3);
    parts.push(`<g class="legend"><rect x="${left + column * 200}" y="${10 + row * 14}" width="12" height="3" fill="${colour}"/><text x="${left + column * 200 + 16}" y="${14 + row * 14}" font-size="11" fill="${colour}">${escapeHtml(series.name)}</text></g>`);
  });
  if (spec.target !== undefined) {
    const at = y.position(spec.target.y);
    // The label sits above the line, or below it when the line is at the top of the plot.
    const labelY = at - 5 < plotTop + 12 ? at + 13 : at - 5;
    parts.push(`<line class="target" x1="${left}" x2="${width - right}" y1="${at.toFixed(1)}" y2="${at.toFixed(1)}" stroke="#d62728" stroke-dasharray="6 4"/><text class="target-label" x="${width - right - 4}" y="${labelY.toFixed(1)}" font-size="10" text-anchor="end" fill="#d62728" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeHtml(spec.target.label)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
