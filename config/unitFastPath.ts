/**
 * The fast path of unit parsing: the plain forms people write in grid configurations ("442 TB",
 * "3 TiB", "4 TB/day", "10 Gb/s", "80 km", "20 min") read without loading mathjs. mathjs stays the
 * reference: every form this file accepts is one mathjs accepts with the same unit, and a test
 * (test/config/unitFastPath.test.ts) checks value and dimension against mathjs over generated
 * strings. Anything else (other units, products, errors to explain) returns `undefined` and goes to
 * mathjs (config/quantity.ts). Decimal prefixes are powers of 10, binary ones powers of 2 (PLN units).
 */
import type { Dimension } from './quantity.js';

const decimalPrefixes: Readonly<Record<string, number>> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const binaryPrefixes: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** Seconds per time unit, under the names mathjs gives them ("d" is defined by tapegrid as 1 day). */
const secondsPer: Readonly<Record<string, number>> = {
  s: 1,
  ms: 1e-3,
  min: 60,
  h: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  week: 604_800,
  weeks: 604_800,
  // mathjs's month and year are averages of the Julian year (365.25 days), not calendar months.
  month: 2_629_800,
  months: 2_629_800,
  year: 31_557_600,
  years: 31_557_600,
};

const metresPer: Readonly<Record<string, number>> = { m: 1, km: 1e3 };

const numberPattern = String.raw`((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)`;
const dataPattern = String.raw`(k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?(B|b)`;
const timePattern = Object.keys(secondsPer).join('|');
const quantityPattern = new RegExp(String.raw`^${numberPattern}\s*(?:${dataPattern}(?:\s*/\s*(${timePattern}))?|(${timePattern})|(${Object.keys(metresPer).join('|')}))$`);

/** Bytes per unit of a data unit: "TB" is 10^12 bytes, "TiB" 2^40, "Gb" 10^9 bits (an eighth of that in bytes). */
function bytesPer(prefix: string | undefined, symbol: string): number {
  const multiplier = decimalPrefixes[prefix ?? ''] ?? binaryPrefixes[prefix ?? ''] ?? Number.NaN;
  return symbol === 'B' ? multiplier : multiplier / 8;
}

/**
 * The value of `text` in the base unit of `dimension` (B, B/s, m, s), or `undefined` when the text is
 * not one of the plain forms or measures another dimension (mathjs then parses it and explains).
 */
export function parsePlainQuantity(text: string, dimension: Dimension): number | undefined {
  const match = quantityPattern.exec(text.trim());
  if (match === null) return undefined;
  const [, digits, prefix, dataSymbol, perTime, time, length] = match;
  const amount = Number(digits);
  let found: Dimension;
  let factor: number;
  if (dataSymbol !== undefined) {
    const bytes = bytesPer(prefix, dataSymbol);
    found = perTime === undefined ? 'data' : 'rate';
    factor = perTime === undefined ? bytes : bytes / (secondsPer[perTime] ?? Number.NaN);
  } else if (time !== undefined) {
    found = 'duration';
    factor = secondsPer[time] ?? Number.NaN;
  } else {
    found = 'length';
    factor = metresPer[length ?? ''] ?? Number.NaN;
  }
  if (found !== dimension) return undefined;
  const value = amount * factor;
  return Number.isFinite(value) ? value : undefined;
}
