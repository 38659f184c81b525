// The grammar of quantities against mathjs, its reference: whatever the grammar accepts, mathjs reads
// as the same dimension and the same value; the loader accepts exactly what the schema's pattern
// accepts (issue 19); the bundled examples validate without loading mathjs at all (issue 17).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.js';
import { loadCatalog, referenceCatalogPath } from '../../config/catalog.js';
import { mathjsLoaded, unitParser, type Dimension } from '../../config/quantity.js';
import { linkCapacityPattern, matchesQuantityGrammar, parsePlainQuantity, quantityPattern } from '../../config/unitGrammar.js';

type MathUnit = { equalBase(other: MathUnit): boolean; toNumber(unit: string): number };
const math = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as { unit(text: string): MathUnit; createUnit(name: string, definition: string): unknown };
math.createUnit('d', '1 day');
const baseUnit: Record<Dimension, string> = { data: 'B', rate: 'B/s', length: 'm', duration: 's' };
const dimensions: Dimension[] = ['data', 'rate', 'length', 'duration'];

function mathjsValue(text: string, dimension: Dimension): number | undefined {
  try {
    const unit = math.unit(text.trim());
    return unit.equalBase(math.unit(`1 ${baseUnit[dimension]}`)) ? unit.toNumber(baseUnit[dimension]) : undefined;
  } catch {
    return undefined;
  }
}

const examplesDirectory = join(import.meta.dirname, '../../examples');

describe('unit grammar', () => {
  it('reads the reference catalog (microsecond delays included) without loading mathjs', async () => {
    const catalog = await loadCatalog(referenceCatalogPath, unitParser());
    expect(catalog.ok).toBe(true);
    if (catalog.ok) expect(catalog.catalog.fibreDelaySecondsPerKm.value).toBeCloseTo(4.9e-6, 12);
    expect(mathjsLoaded()).toBe(false);
  });

  it('validates every bundled example without loading mathjs (all their quantities are plain forms)', async () => {
    const files = readdirSync(examplesDirectory, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(20);
    for (const name of files) {
      const loaded = await loadConfig(join(examplesDirectory, name));
      expect(loaded.ok, name).toBe(true);
    }
    expect(mathjsLoaded()).toBe(false);
  });

  it('reads the forms of the planning notes with decimal and binary prefixes kept apart', () => {
    expect(parsePlainQuantity('442 TB', 'data')).toBe(442e12);
    expect(parsePlainQuantity('3 TiB', 'data')).toBe(3 * 2 ** 40);
    expect(parsePlainQuantity('10 Gb/s', 'rate')).toBe(1.25e9);
    expect(parsePlainQuantity('4 TB/day', 'rate')).toBeCloseTo(4e12 / 86_400, 3);
    expect(parsePlainQuantity('80 km', 'length')).toBe(80_000);
    expect(parsePlainQuantity('20 min', 'duration')).toBe(1200);
    expect(parsePlainQuantity('1 m', 'length')).toBe(1);
    // "1 m" is a metre, not a minute; a size is not a rate: left to mathjs to explain.
    expect(parsePlainQuantity('1 m', 'duration')).toBeUndefined();
    expect(parsePlainQuantity('10 Gb', 'rate')).toBeUndefined();
    expect(parsePlainQuantity('4 KB', 'data')).toBeUndefined();
  });

  it('agrees with mathjs on every string it reads (generated forms, value within 1e-12 relative)', () => {
    const plainPrefix = fc.constantFrom('', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei');
    const plainSymbol = fc.constantFrom('B', 'b', 'm', 's', 'us', 'ms', 'min', 'h', 'd', 'km', 'day', 'days', 'hour', 'hours', 'week', 'weeks', 'month', 'months', 'year', 'years');
    const prefix = fc.oneof(plainPrefix, fc.constantFrom('', 'k', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'm', 'u'));
    const symbol = fc.oneof(plainSymbol, fc.constantFrom('B', 'b', 'bytes', 'bit', 'm', 'meter', 's', 'min', 'h', 'hr', 'd', 'day', 'days', 'hour', 'week', 'ms', 'us', 'ns', 'mi', 'parsec', 'x'));
    const number = fc.oneof(
      fc.nat({ max: 100_000 }).map(String),
      fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([whole, fraction]) => `${whole}.${fraction}`),
      fc.tuple(fc.nat({ max: 9 }), fc.integer({ min: -5, max: 20 })).map(([mantissa, exponent]) => `${mantissa}e${exponent}`),
      fc.constantFrom('.5', '1.', '-3', '+2', '0x10', '1,5'),
    );
    const space = fc.constantFrom('', ' ', '  ', '\t');
    const per = fc.option(fc.tuple(space, space, prefix, symbol).map(([before, after, p, s]) => `${before}/${after}${p}${s}`), { nil: '' });
    const noisy = fc.tuple(space, number, space, prefix, symbol, per, space).map((parts) => parts.join(''));
    const plainPer = fc.option(fc.tuple(space, space, plainSymbol).map(([before, after, s]) => `${before}/${after}${s}`), { nil: '' });
    const plain = fc.tuple(number, space, plainPrefix, plainSymbol, plainPer).map((parts) => parts.join(''));
    const text = fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: noisy, weight: 1 });
    let read = 0;
    fc.assert(
      fc.property(text, (candidate) => {
        for (const dimension of dimensions) {
          const fast = parsePlainQuantity(candidate, dimension);
          // The reader is total on the grammar (the exponents generated here keep values finite).
          expect(fast !== undefined, `${candidate} as ${dimension}`).toBe(matchesQuantityGrammar(candidate, dimension));
          if (fast === undefined) continue;
          read += 1;
          const reference = mathjsValue(candidate, dimension);
          expect(reference, `${candidate} as ${dimension}`).toBeDefined();
          expect(Math.abs(fast - (reference ?? Number.NaN)), candidate).toBeLessThanOrEqual(1e-12 * Math.abs(fast));
        }
      }),
      { numRuns: 5000, seed: 17 },
    );
    // The comparison must have happened, not just been skipped.
    expect(read).toBeGreaterThan(200);
  });

  it('refuses what is outside the grammar, and mathjs, then loaded, says what it is', () => {
    const parser = unitParser();
    expect(parser.quantity('2 hr', 'duration')).toEqual({ ok: true, value: { text: '2 hr', dimension: 'duration', value: 7200 } });
    expect(mathjsLoaded()).toBe(false);
    const wrong = parser.quantity('10 Gb', 'rate');
    expect(mathjsLoaded()).toBe(true);
    expect(wrong).toEqual({ ok: false, problem: '"10 Gb" is a data, not a rate', foundDimension: 'data' });
    expect(parser.quantity('5 parsecs', 'data')).toMatchObject({ ok: false, problem: expect.stringContaining('"5 parsecs" is not a number with a unit') });
    expect(parser.quantity('2 mi', 'length')).toEqual({ ok: false, problem: '"2 mi" is a length in a form tapegrid does not read; write a distance such as "80 km"' });
    expect(parser.quantity('-3 TB', 'data')).toEqual({ ok: false, problem: '"-3 TB" is negative; a data cannot be below zero' });
    expect(parser.quantity('1e400 TB', 'data').ok).toBe(false);
  });

  it('accepts in the loader exactly what the schema pattern accepts (generated strings, every dimension)', () => {
    const parser = unitParser();
    const patterns = Object.fromEntries(dimensions.map((dimension) => [dimension, new RegExp(quantityPattern(dimension), 'u')]));
    const link = new RegExp(linkCapacityPattern, 'u');
    const token = fc.constantFrom('1', '20', '4.5', '.5', '1e3', '-3', '+2', ' ', '', 'x', ' x ', '/', ' / ', 'B', 'b', 'TB', 'TiB', 'Gb', 'KB', 'kB', 'm', 'km', 'mi', 's', 'min', 'h', 'hr', 'day', 'd', 'months', 'parsecs', '17', '16');
    let accepted = 0;
    const shaped = fc
      .tuple(fc.constantFrom('', '2 x ', '17 x ', '0x'), fc.constantFrom('1', '4.5', '.5', '1e3', '-3', '+2', '1,5'), fc.constantFrom('', ' ', '  '), token, fc.constantFrom('', '/s', ' / day', '/d', '/hr', '/B'))
      .map((parts) => parts.join(''));
    const anyText = fc.oneof(shaped, fc.array(token, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(anyText, (candidate) => {
        for (const dimension of dimensions) {
          const loader = parser.quantity(candidate, dimension).ok;
          if (loader) accepted += 1;
          expect(loader, `${JSON.stringify(candidate)} as ${dimension}`).toBe(patterns[dimension]?.test(candidate));
        }
        expect(parser.linkCapacity(candidate).ok, `${JSON.stringify(candidate)} as a link capacity`).toBe(link.test(candidate));
      }),
      { numRuns: 3000, seed: 19 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
