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

  it('every rung of every ladder: exact sizes and symbols, smallest first', () => {
    expect(unitLadder('data')).toEqual([
      { size: 1, symbol: 'B' },
      { size: 1e3, symbol: 'kB' },
      { size: 1e6, symbol: 'MB' },
      { size: 1e9, symbol: 'GB' },
      { size: 1e12, symbol: 'TB' },
      { size: 1e15, symbol: 'PB' },
    ]);
    expect(unitLadder('data', 'binary').map((step) => [step.size, step.symbol])).toEqual([
      [1, 'B'],
      [1024, 'KiB'],
      [1024 ** 2, 'MiB'],
      [1024 ** 3, 'GiB'],
      [1024 ** 4, 'TiB'],
      [1024 ** 5, 'PiB'],
    ]);
    expect(unitLadder('data-rate').map((step) => step.symbol)).toEqual(['B/s', 'kB/s', 'MB/s', 'GB/s', 'TB/s', 'PB/s']);
    expect(unitLadder('data-rate', 'binary').map((step) => step.symbol)).toEqual(['B/s', 'KiB/s', 'MiB/s', 'GiB/s', 'TiB/s', 'PiB/s']);
    expect(unitLadder('data-rate', 'binary')[4]?.size).toBe(2 ** 40);
    expect(unitLadder('bit-rate')).toEqual([
      { size: 125, symbol: 'kb/s' },
      { size: 125e3, symbol: 'Mb/s' },
      { size: 125e6, symbol: 'Gb/s' },
      { size: 125e9, symbol: 'Tb/s' },
    ]);
    expect(unitLadder('duration')).toEqual([
      { size: 1, symbol: 's' },
      { size: 60, symbol: 'min' },
      { size: 3600, symbol: 'h' },
      { size: 86400, symbol: 'd' },
    ]);
  });

  it('sizes at the edges: whole units from 100 up, two decimals below, bytes below a megabyte', () => {
    expect(formatBytes(100e12)).toBe('100 TB');
    expect(formatBytes(99.994e12)).toBe('99.99 TB');
    expect(formatBytes(1e12)).toBe('1.00 TB');
    expect(formatBytes(999.4e9)).toBe('999 GB');
    expect(formatBytes(1e6)).toBe('1.00 MB');
    expect(formatBytes(999_999)).toBe('999999 B');
    expect(formatBytes(2 ** 20, 'binary')).toBe('1.00 MiB');
    expect(formatBytes(2 ** 20 - 1, 'binary')).toBe('1048575 B');
    expect(formatBytes(-5e12)).toBe('-5.00 TB');
    expect(formatBytes(Number.NEGATIVE_INFINITY)).toBe('unbounded');
    expect(formatByteRate(Number.POSITIVE_INFINITY)).toBe('unbounded');
    expect(formatByteRate(250e6)).toBe('250 MB/s');
  });

  it('durations at the edges of each unit', () => {
    expect(formatSeconds(2 * 86400)).toBe('2.0 d');
    expect(formatSeconds(2 * 86400 - 1)).toBe('48.00 h');
    expect(formatSeconds(3600)).toBe('1.00 h');
    expect(formatSeconds(3599)).toBe('60.0 min');
    expect(formatSeconds(60)).toBe('1.0 min');
    expect(formatSeconds(59)).toBe('59 s');
    expect(formatSeconds(10)).toBe('10 s');
    expect(formatSeconds(9.5)).toBe('9.50 s');
    expect(formatSeconds(1)).toBe('1.00 s');
    expect(formatSeconds(0.5)).toBe('500.0 ms');
    expect(formatSeconds(0.01)).toBe('10.0 ms');
    expect(formatSeconds(0.005)).toBe('5.00 ms');
    expect(formatSeconds(0)).toBe('0.00 s');
  });

  it('bit rates at the edges, and configured minutes in the largest whole unit', () => {
    expect(formatBitRate(125e6)).toBe('1.00 Gb/s');
    expect(formatBitRate(124e6)).toBe('992.0 Mb/s');
    expect(formatBitRate(125e3)).toBe('1.0 Mb/s');
    expect(formatBitRate(124e3)).toBe('992.0 kb/s');
    expect(formatMinutes(2880)).toBe('2 d');
    expect(formatMinutes(1500)).toBe('25 h');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(90)).toBe('90 min');
    expect(formatMinutes(59)).toBe('59 min');
    expect(formatMinutes(12.345)).toBe('12.35 min');
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(2160)).toBe('36 h');
  });

  it('formats any quantity by its kind, notation passed on', () => {
    expect(formatQuantity(2 ** 40, 'data', 'binary')).toBe('1.00 TiB');
    expect(formatQuantity(2 ** 30, 'data-rate', 'binary')).toBe('1.00 GiB/s');
    expect(formatQuantity(1e9, 'data-rate')).toBe('1.00 GB/s');
    expect(formatQuantity(1.25e9, 'bit-rate')).toBe('10.00 Gb/s');
    expect(formatQuantity(7200, 'duration')).toBe('2.00 h');
  });

  it('reads every prefix of a size, with or without a space, and no bits', () => {
    for (const text of ['5 KiB', '5MiB', '5 GiB/day', '5 TiB', '5 PiB', '5 EiB']) expect(dataNotationOf([text]), text).toBe('binary');
    for (const text of ['5 kB', '5 KB', '5MB', '5 GB', '5 TB/day', '5 PB', '5 EB', '512 B']) expect(dataNotationOf([text]), text).toBe('decimal');
    // One decimal size among binary ones makes the whole configuration decimal.
    expect(dataNotationOf(['5 TiB', '5 TiB/day', '512 B'])).toBe('decimal');
    expect(dataNotationOf([])).toBe('decimal');
    expect(dataNotationOf(['10 Gb/s', 'TiB'])).toBe('decimal');
  });
});

