import { describe, expect, it } from 'vitest';
import { lineChart } from '../../reports/chart.js';

/** Charts from d3 scales (issue 18 item 1): round ticks, units in axis titles, log where linear hides the curve. */
function texts(svg: string, className: string): string[] {
  return [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>([^<]*)</text>`, 'g'))].map((match) => match[1] ?? '');
}

const hours = Array.from({ length: 25 }, (_, hour) => hour);

describe('line charts', () => {
  it('a curve near its limit gets a linear axis with round ticks in one unit, named in the axis title', () => {
    const svg = lineChart({ title: 'backlog', x: { title: 'hour of the day, UTC', quantity: 'hour-of-day' }, y: { title: 'deferred backlog', quantity: 'data' }, series: [{ name: 'C0->C1', points: hours.map((hour) => [hour, hour * 1.3e12] as const) }], target: { y: 40e12, label: 'RPO reached' } });
    const titles = texts(svg, 'axis-title');
    expect(titles).toEqual(['hour of the day, UTC (h)', 'deferred backlog (TB)']);
    expect(texts(svg, 'tick x')).toEqual(['0', '3', '6', '9', '12', '15', '18', '21', '24']);
    const yTicks = texts(svg, 'tick y').map(Number);
    expect(yTicks[0]).toBe(0);
    // Round steps (1, 2 or 5 times a power of ten), and the axis reaches past the limit line.
    const step = (yTicks[1] ?? 0) - (yTicks[0] ?? 0);
    expect([1, 2, 5, 10, 20, 50]).toContain(step);
    expect(Math.max(...yTicks)).toBeGreaterThanOrEqual(40);
    expect(svg).toContain('class="target"');
    expect(svg).toContain('RPO reached');
  });

  it('a curve far below its limit gets a log axis with ticks at 1, 10, 100 of each unit, and zero below a break mark', () => {
    const points = hours.map((hour) => [hour, hour < 6 ? 0 : hour * 2e9] as const);
    const svg = lineChart({ title: 'backlog', x: { title: 'hour', quantity: 'hour-of-day' }, y: { title: 'deferred backlog', quantity: 'data' }, series: [{ name: 'C0->C1', points }], target: { y: 40e12, label: 'RPO reached' } });
    expect(texts(svg, 'axis-title')).toContain('deferred backlog (log scale)');
    const yTicks = texts(svg, 'tick y');
    expect(yTicks[0]).toBe('0');
    for (const tick of yTicks.slice(1)) expect(tick).toMatch(/^(1|10|100) (GB|TB|PB)$/);
    expect(svg).toContain('class="axis-break"');
  });

  it('binary notation draws binary units', () => {
    const svg = lineChart({ title: 'cache', x: { title: 'days after the loss', quantity: 'days', scale: 'linear' }, y: { title: 'cache used', quantity: 'data' }, series: [{ name: 'C1', points: [[0, 2 ** 40 * 10], [1, 2 ** 40 * 30]] }], notation: 'binary' });
    expect(texts(svg, 'axis-title')).toContain('cache used (TiB)');
  });

  it('a hyperbola spanning orders of magnitude (RPO against bandwidth) is drawn on a log axis of time units', () => {
    const points = [1, 2, 4, 8, 16, 32, 64].map((gbit) => [gbit * 1.25e8, 36000 / gbit ** 2] as const);
    const svg = lineChart({ title: 'rpo', x: { title: 'usable copy capacity', quantity: 'bit-rate' }, y: { title: 'RPO', quantity: 'duration' }, series: [{ name: 'C0->C1', points }] });
    expect(texts(svg, 'axis-title')).toEqual(['usable copy capacity (Gb/s)', 'RPO (log scale)']);
    const yTicks = texts(svg, 'tick y');
    expect(yTicks).toEqual(expect.arrayContaining(['1 min', '10 min', '1 h']));
  });

  it('escapes names from the configuration', () => {
    const svg = lineChart({ title: '<b>', x: { title: 'x', quantity: 'hours' }, y: { title: 'y', quantity: 'data' }, series: [{ name: '<script>', points: [[0, 1], [1, 2]] }] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('a curve that moves little far from zero (a cache near full) can start its axis near the curve, below a break mark', () => {
    const points = [0, 1, 2, 3].map((day) => [day, Math.min(199e12, 196e12 + day * 3e12)] as const);
    const spec = { title: 'fill', x: { title: 'days after the loss', quantity: 'days', scale: 'linear' }, series: [{ name: 'C0', points }], target: { y: 199e12, label: 'out of cache' } } as const;
    const truncated = lineChart({ ...spec, y: { title: 'cache used', quantity: 'data', fromZero: false } });
    const yTicks = texts(truncated, 'tick y').map(Number);
    expect(Math.min(...yTicks)).toBeGreaterThanOrEqual(190);
    expect(truncated).toContain('class="axis-break"');
    const fromZero = lineChart({ ...spec, y: { title: 'cache used', quantity: 'data' } });
    expect(Math.min(...texts(fromZero, 'tick y').map(Number))).toBe(0);
    expect(fromZero).not.toContain('class="axis-break"');
  });
});
