/**
 * The grammar of quantities in a configuration, and its reader. A quantity is a number (no sign; an
 * exponent allowed), optional spaces and a unit of its dimension:
 * The exponent has at most two digits, so every value is finite.
 * - data: a decimal prefix (k M G T P E: powers of 10) or a binary one (Ki Mi Gi Ti Pi Ei: powers of
 *   2), then `B` (bytes) or `b` (bits);
 * - rate: a data unit, `/` and a time unit ("4 TB/day", "10 Gb/s");
 * - duration: a time unit ("20 min", "4 h", "36 months");
 * - length: `m` or `km`.
 * The same grammar is the JSON Schema's `pattern` for each dimension (config/schema.ts), so an editor
 * flags what `validate` would refuse. Values are computed here without loading mathjs; mathjs stays
 * the reference (test/config/unitGrammar.test.ts checks value and dimension against it over generated
 * strings) and explains, in config/quantity.ts, what a text outside the grammar is instead.
 */
import type { Dimension } from './quantity.js';

const decimalPrefixes: Readonly<Record<string, number>> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const binaryPrefixes: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** Seconds per time unit, under names mathjs knows ("d" is defined by tapegrid as 1 day). */
const secondsPer: Readonly<Record<string, number>> = {
  // Microseconds: the catalog's fibre and device delays (PLANNING.md) are written in them.
  us: 1e-6,
  ms: 1e-3,
  s: 1,
  sec: 1,
  second: 1,
  seconds: 1,
  min: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
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

/** Longest names first, so an alternation never stops at a shorter name that is a prefix of a longer one. */
const alternatives = (names: readonly string[]) => [...names].sort((a, b) => b.length - a.length).join('|');

const numberSource = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,2})?`;
const dataSource = String.raw`(?:${alternatives([...Object.keys(binaryPrefixes), ...Object.keys(decimalPrefixes).filter((prefix) => prefix !== '')])})?[Bb]`;
const timeSource = alternatives(Object.keys(secondsPer));
const lengthSource = alternatives(Object.keys(metresPer));
const unitSource: Readonly<Record<Dimension, string>> = {
  data: dataSource,
  rate: String.raw`${dataSource}\s*/\s*(?:${timeSource})`,
  duration: `(?:${timeSource})`,
  length: `(?:${lengthSource})`,
};

/**
 * The pattern (ECMAScript syntax, as JSON Schema uses) a quantity of `dimension` must match, e.g.
 * "442 TB" or "3 TiB" for data.
 */
export function quantityPattern(dimension: Dimension): string {
  return String.raw`^\s*${numberSource}\s*${unitSource[dimension]}\s*$`;
}

/** The pattern of a link capacity: 1 to 16 links times the speed of each, e.g. "2 x 10 Gb/s" (TOP-2). */
export const linkCapacityPattern = String.raw`^\s*(?:[1-9]|1[0-6])\s*[xX×*]\s*${numberSource}\s*${unitSource.rate}\s*$`;

const compiled = Object.fromEntries((Object.keys(unitSource) as Dimension[]).map((dimension) => [dimension, new RegExp(quantityPattern(dimension))])) as Record<Dimension, RegExp>;

/** Whether `text` is a quantity of `dimension` in the grammar. */
export function matchesQuantityGrammar(text: string, dimension: Dimension): boolean {
  return compiled[dimension].test(text);
}

const reader = new RegExp(String.raw`^\s*(${numberSource})\s*(?:(${alternatives([...Object.keys(binaryPrefixes), 'k', 'M', 'G', 'T', 'P', 'E'])})?([Bb])(?:\s*/\s*(${timeSource}))?|(${timeSource})|(${lengthSource}))\s*$`);

/** Bytes per unit of a data unit: "TB" is 10^12 bytes, "TiB" 2^40, "Gb" 10^9 bits (an eighth of that in bytes). */
function bytesPer(prefix: string | undefined, symbol: string): number {
  const multiplier = decimalPrefixes[prefix ?? ''] ?? binaryPrefixes[prefix ?? ''] ?? Number.NaN;
  return symbol === 'B' ? multiplier : multiplier / 8;
}

/** The value of `text` in the base unit of `dimension` (B, B/s, m, s), or `undefined` when the text is outside the grammar of that dimension. */
export function parsePlainQuantity(text: string, dimension: Dimension): number | undefined {
  if (!matchesQuantityGrammar(text, dimension)) return undefined;
  const match = reader.exec(text);
  if (match === null) return undefined;
  const [, digits, prefix, dataSymbol, perTime, time, length] = match;
  let factor: number;
  if (dataSymbol !== undefined) {
    const bytes = bytesPer(prefix, dataSymbol);
    factor = perTime === undefined ? bytes : bytes / (secondsPer[perTime] ?? Number.NaN);
  } else if (time !== undefined) {
    factor = secondsPer[time] ?? Number.NaN;
  } else {
    factor = metresPer[length ?? ''] ?? Number.NaN;
  }
  return Number(digits) * factor;
}
