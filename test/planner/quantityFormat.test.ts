import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, plan, type LoadedConfig } from '../../api/index.js';
import { dataNotationOf, formatBitRate, formatByteRate, formatBytes, formatMinutes, formatQuantity, formatSeconds, unitLadder } from '../../planner/index.js';

/** The one formatter of quantities (issue 18 item 4): decimal and binary kept apart, one precision rule. */
describe('quantity formatter', () => {
  it('prints decimal sizes in powers of 1000 and binary ones in powers of 1024, never mixing the two', () => {
    expect(formatBytes(4.2e12)).toBe('4.20 TB');
    expect(formatBytes(420e12)).toBe('420 TB');
    expect(formatBytes(2 ** 40 * 3)).toBe('3.30 TB');
    expect(formatBytes(2 ** 40 * 3, 'binary')).toBe('3.00 TiB');
    expect(formatBytes(4.2e12, 'binary')).toBe('3.82 TiB');
    expect(formatBytes(1.5e15)).toBe('1.50 PB');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('unbounded');
    expect(formatByteRate(1.25e9)).toBe('1.25 GB/s');
    expect(formatByteRate(2 ** 30, 'binary')).toBe('1.00 GiB/s');
  });

  it('prints link rates in bits, and durations on one ladder', () => {
    expect(formatBitRate(1.25e9)).toBe('10.00 Gb/s');
    expect(formatBitRate(1.25e6)).toBe('10.0 Mb/s');
    expect(formatSeconds(4.2 * 3600)).toBe('4.20 h');
    expect(formatSeconds(90)).toBe('1.5 min');
    expect(formatSeconds(3 * 86400)).toBe('3.0 d');
    expect(formatSeconds(Number.POSITIVE_INFINITY)).toBe('never');
    expect(formatMinutes(1440)).toBe('1 d');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(20)).toBe('20 min');
    expect(formatQuantity(4.2e12, 'data', 'binary')).toBe(formatBytes(4.2e12, 'binary'));
    expect(formatQuantity(60, 'duration')).toBe('1.0 min');
  });

  it('takes the notation from how the configuration wrote its sizes: binary only when every size is binary', () => {
    expect(dataNotationOf(['100 TiB', '20 TiB/day', '2 x 10 Gb/s', '80 km'])).toBe('binary');
    expect(dataNotationOf(['100 TiB', '20 TB/day'])).toBe('decimal');
    expect(dataNotationOf(['100 TB', '20 TB/day'])).toBe('decimal');
    // Bits (link capacities) and texts without sizes say nothing about the notation of data.
    expect(dataNotationOf(['2 x 10 Gb/s', 'MCPROD'])).toBe('decimal');
  });

  it('has unit ladders in increasing order for charts to pick axis units from', () => {
    for (const kind of ['data', 'data-rate', 'bit-rate', 'duration'] as const) {
      const sizes = unitLadder(kind).map((step) => step.size);
      expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    }
    expect(unitLadder('data', 'binary').map((step) => step.symbol)).toContain('TiB');
  });

  it('a configuration written in binary units gets a plan in binary units, and the same one in decimal units a decimal plan', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const decimalText = readFileSync(join(root, 'examples', 'two-cluster-dr.yaml'), 'utf8').replace(/^\$schema:.*$/m, '');
    const binaryText = decimalText.replace(/(\d) TB\b/g, '$1 TiB');
    expect(binaryText).not.toBe(decimalText);
    const folder = mkdtempSync(join(tmpdir(), 'tapegrid-notation-'));
    const displays = async (text: string): Promise<string[]> => {
      const file = join(folder, `grid-${text.length}.yaml`);
      writeFileSync(file, text);
      const loaded = (await loadConfig(file)) as LoadedConfig;
      expect(loaded.ok).toBe(true);
      const outcome = await plan(loaded);
      if (!outcome.ok) throw new Error('no plan');
      return outcome.plan.sections.flatMap((section) => section.figures.map((figure) => figure.display));
    };
    const binary = (await displays(binaryText)).join(' ');
    const decimal = (await displays(decimalText)).join(' ');
    expect(binary).toMatch(/TiB/);
    expect(binary).not.toMatch(/\d (kB|MB|GB|TB|PB)\b/);
    expect(decimal).toMatch(/\d TB\b/);
    expect(decimal).not.toMatch(/iB\b/);
  });
});
