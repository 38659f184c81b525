/**
 * Quantities with units, as users write them in configuration files: "442 TB", "4 TB/day",
 * "2 x 10 Gb/s", "800 km", "20 min". Parsed with mathjs units, so decimal (TB = 10^12 B) and binary
 * (TiB = 2^40 B) prefixes stay apart and bits (b) stay apart from bytes (B).
 * Quantities in tapegrid's grammar are read without mathjs (config/unitGrammar.ts); mathjs is loaded
 * once, synchronously, to explain a text outside it.
 */
import { createRequire } from 'node:module';
import { parsePlainQuantity } from './unitGrammar.js';

/** What a field measures. */
export type Dimension = 'data' | 'rate' | 'length' | 'duration';

/** A parsed quantity: the user's text and its value in base units (B, B/s, m, s). */
export interface Quantity {
  readonly text: string;
  readonly dimension: Dimension;
  /** Value in bytes, bytes per second, metres or seconds. */
  readonly value: number;
}

/** "count x speed" link capacity, e.g. "2 x 10 Gb/s" (TOP-2). */
export interface LinkCapacity {
  readonly text: string;
  readonly count: number;
  /** Speed of one link in bytes per second. */
  readonly bytesPerSecondEach: number;
}

/** Units shown in messages for each dimension. */
export const dimensionExamples: Readonly<Record<Dimension, string>> = {
  data: 'a data size such as "442 TB" or "3 TiB"',
  rate: 'a data rate such as "4 TB/day" or "10 Gb/s"',
  length: 'a distance such as "80 km"',
  duration: 'a duration such as "20 min" or "4 h"',
};

const baseUnit: Readonly<Record<Dimension, string>> = { data: 'B', rate: 'B/s', length: 'm', duration: 's' };

/** Result of parsing: a quantity, or what was wrong in words. */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string; readonly foundDimension?: string };

/** The value of a parse that validation already accepted; a failure here is a bug, not bad input. */
export function mustParse<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`internal: a validated quantity did not parse: ${result.problem}`);
  return result.value;
}

/** A synchronous parser, available once mathjs is loaded. */
export interface UnitParser {
  quantity(text: string, dimension: Dimension): ParseResult<Quantity>;
  linkCapacity(text: string): ParseResult<LinkCapacity>;
}

type MathUnit = { equalBase(other: MathUnit): boolean; toNumber(unit: string): number; units: { unit: { name: string } }[] };
type MathModule = { unit(text: string): MathUnit; createUnit(name: string, definition: string): unknown };

let loaded: UnitParser | undefined;
let mathModule: MathModule | undefined;

/**
 * mathjs, required on first need. The package's single-file build (its documented
 * \`mathjs/lib/browser/math.js\` entry, the same version and the same functions) is loaded instead of
 * the ES module entry: Node resolves and evaluates one file instead of several hundred, about ten
 * times faster here (bench/startup.mjs prints both). Loading stays synchronous so the parser can fall
 * back to mathjs in the middle of a validation.
 */
function mathjs(): MathModule {
  if (mathModule !== undefined) return mathModule;
  const math = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathModule;
  // Planners write "3 d" and "4 TB/d"; mathjs knows only "day". Define the short form once.
  try {
    math.unit('1 d');
  } catch {
    math.createUnit('d', '1 day');
  }
  mathModule = math;
  return math;
}

/** Whether mathjs has been loaded in this process (the start-up tests and benchmark read it). */
export function mathjsLoaded(): boolean {
  return mathModule !== undefined;
}

/**
 * The unit parser. Quantities in the grammar of config/unitGrammar.ts ("442 TB", "4 TB/day",
 * "2 x 10 Gb/s", "80 km", "20 min") are read there (checked against mathjs by a test); a text outside
 * it is refused, and mathjs, loaded then, says what it is instead. Async for callers that predate the
 * grammar.
 */
export async function loadUnitParser(): Promise<UnitParser> {
  return unitParser();
}

/** The same parser, synchronously. */
export function unitParser(): UnitParser {
  loaded ??= createUnitParser();
  return loaded;
}

function describeDimension(math: MathModule, unit: MathUnit): string {
  for (const dimension of Object.keys(baseUnit) as Dimension[]) {
    if (unit.equalBase(math.unit(`1 ${baseUnit[dimension]}`))) return dimension;
  }
  return 'an unsupported dimension';
}

function createUnitParser(): UnitParser {
  const quantity = (text: string, dimension: Dimension): ParseResult<Quantity> => {
    const trimmed = text.trim();
    if (/^-\s*\.?[0-9]/.test(trimmed)) return { ok: false, problem: `"${text}" is negative; a ${dimension} cannot be below zero` };
    if (!/^[0-9]/.test(trimmed) && !/^\.[0-9]/.test(trimmed)) {
      return { ok: false, problem: `"${text}" does not start with a number` };
    }
    const plain = parsePlainQuantity(trimmed, dimension);
    if (plain !== undefined) return { ok: true, value: { text, dimension, value: plain } };
    // Outside the grammar (config/unitGrammar.ts, the schema's pattern): mathjs says what the text is.
    const math = mathjs();
    let unit: MathUnit;
    try {
      unit = math.unit(trimmed);
    } catch (error) {
      return { ok: false, problem: `"${text}" is not a number with a unit (${error instanceof Error ? error.message : 'unreadable'})` };
    }
    if (unit.units.length === 0) return { ok: false, problem: `"${text}" has no unit` };
    if (!unit.equalBase(math.unit(`1 ${baseUnit[dimension]}`))) {
      const found = describeDimension(math, unit);
      return { ok: false, problem: `"${text}" is ${found === 'an unsupported dimension' ? found : `a ${found}`}, not a ${dimension}`, foundDimension: found };
    }
    return { ok: false, problem: `"${text}" is a ${dimension} in a form tapegrid does not read; write ${dimensionExamples[dimension]}` };
  };
  const linkCapacity = (text: string): ParseResult<LinkCapacity> => {
    const match = /^\s*(\d+)\s*[xX×*]\s*(.+)$/.exec(text);
    const countText = match?.[1];
    const speedText = match?.[2];
    if (countText === undefined || speedText === undefined) {
      return { ok: false, problem: `"${text}" is not "count x speed" such as "2 x 10 Gb/s"` };
    }
    const count = Number(countText);
    if (!Number.isInteger(count) || count < 1 || count > 16) return { ok: false, problem: `link count ${countText} must be 1 to 16` };
    const speed = quantity(speedText, 'rate');
    if (!speed.ok) return speed;
    if (speed.value.value <= 0) return { ok: false, problem: `link speed in "${text}" must be above zero` };
    return { ok: true, value: { text, count, bytesPerSecondEach: speed.value.value } };
  };
  return { quantity, linkCapacity };
}
