/**
 * The one formatter of quantities (issue 18 item 4): every figure, table, chart and report prints data
 * sizes, rates and durations through here, so one value reads the same in text, Markdown, HTML and
 * JSON. Decimal (TB = 10^12 B) and binary (TiB = 2^40 B) units are never mixed in one text: the
 * configuration's own notation chooses (`dataNotationOf`), and bits stay bits (links are sold in b/s).
 *
 * Precision, the same everywhere: data and data rates with two decimals below 100 of their unit and
 * none above ("4.20 TB", "420 TB"); bit rates with two decimals in Gb/s and one below; durations as
 * `formatSeconds` says. JSON keeps the exact number in base units beside this text.
 */

/** Decimal (powers of 1000) or binary (powers of 1024) prefixes for data. */
export type DataNotation = 'decimal' | 'binary';

/** What a number measures, in base units: bytes, bytes per second (printed as bits), bytes per second, seconds. */
export type QuantityKind = 'data' | 'bit-rate' | 'data-rate' | 'duration';

/** One unit of a ladder: its size in base units and its symbol. */
export interface UnitStep {
  readonly size: number;
  readonly symbol: string;
}

const decimalData: readonly UnitStep[] = [
  { size: 1, symbol: 'B' },
  { size: 1e3, symbol: 'kB' },
  { size: 1e6, symbol: 'MB' },
  { size: 1e9, symbol: 'GB' },
  { size: 1e12, symbol: 'TB' },
  { size: 1e15, symbol: 'PB' },
];
const binaryData: readonly UnitStep[] = [
  { size: 1, symbol: 'B' },
  { size: 2 ** 10, symbol: 'KiB' },
  { size: 2 ** 20, symbol: 'MiB' },
  { size: 2 ** 30, symbol: 'GiB' },
  { size: 2 ** 40, symbol: 'TiB' },
  { size: 2 ** 50, symbol: 'PiB' },
];
// Bit rates are given in bytes per second and printed in bits: a step's size is in bytes per second.
const bitRates: readonly UnitStep[] = [
  { size: 1e3 / 8, symbol: 'kb/s' },
  { size: 1e6 / 8, symbol: 'Mb/s' },
  { size: 1e9 / 8, symbol: 'Gb/s' },
  { size: 1e12 / 8, symbol: 'Tb/s' },
];
const durations: readonly UnitStep[] = [
  { size: 1, symbol: 's' },
  { size: 60, symbol: 'min' },
  { size: 3600, symbol: 'h' },
  { size: 86400, symbol: 'd' },
];

/** The units a quantity is printed in, smallest first. */
export function unitLadder(kind: QuantityKind, notation: DataNotation = 'decimal'): readonly UnitStep[] {
  switch (kind) {
    case 'data':
      return notation === 'binary' ? binaryData : decimalData;
    case 'data-rate':
      return (notation === 'binary' ? binaryData : decimalData).map((step) => ({ size: step.size, symbol: `${step.symbol}/s` }));
    case 'bit-rate':
      return bitRates;
    case 'duration':
      return durations;
  }
}

/**
 * The notation of a configuration's data quantities: binary when every data size or rate it writes
 * uses a binary prefix ("60 TiB"), decimal otherwise (also when it mixes both, as the planning
 * reference figures are decimal).
 */
export function dataNotationOf(texts: readonly string[]): DataNotation {
  const data = texts.filter((text) => /\d\s*(?:[kKMGTPE]i?)?B\b/.test(text));
  return data.length > 0 && data.every((text) => /\d\s*[KMGTPE]iB\b/.test(text)) ? 'binary' : 'decimal';
}

/** A data size: "4.20 TB" (or "3.82 TiB" in binary notation); "unbounded" for an infinite one. */
export function formatBytes(bytes: number, notation: DataNotation = 'decimal'): string {
  if (!Number.isFinite(bytes)) return 'unbounded';
  // From the largest unit down to MB: below a megabyte, bytes are printed whole.
  for (const step of unitLadder('data', notation).slice(2).reverse()) {
    if (Math.abs(bytes) >= step.size) return `${(bytes / step.size).toFixed(bytes / step.size >= 100 ? 0 : 2)} ${step.symbol}`;
  }
  return `${bytes.toFixed(0)} B`;
}

/** A data rate in bytes per second: "1.25 GB/s". */
export function formatByteRate(bytesPerSecond: number, notation: DataNotation = 'decimal'): string {
  return Number.isFinite(bytesPerSecond) ? `${formatBytes(bytesPerSecond, notation)}/s` : 'unbounded';
}

/** A duration: "12.0 s", "4.5 min", "4.20 h", "3.0 d"; "never" for an infinite one. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'never';
  if (seconds >= 2 * 86400) return `${(seconds / 86400).toFixed(1)} d`;
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(2)} h`;
  if (seconds >= 60) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds > 0 && seconds < 1) return `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 1)} ms`;
  return `${seconds.toFixed(seconds < 10 ? 2 : 0)} s`;
}

/** A rate given in bytes per second, printed in bits per second (links are sold in bits): "2.50 Gb/s". */
export function formatBitRate(bytesPerSecond: number): string {
  const bits = bytesPerSecond * 8;
  if (bits >= 1e9) return `${(bits / 1e9).toFixed(2)} Gb/s`;
  if (bits >= 1e6) return `${(bits / 1e6).toFixed(1)} Mb/s`;
  return `${(bits / 1e3).toFixed(1)} kb/s`;
}

/** A duration given in minutes as the configuration writes it: "20 min", "24 h", "3 d". */
export function formatMinutes(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return `${minutes / 1440} d`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${Number(minutes.toFixed(2))} min`;
}

/** Any quantity by kind, for code that formats values of several kinds alike (charts, tables). */
export function formatQuantity(value: number, kind: QuantityKind, notation: DataNotation = 'decimal'): string {
  switch (kind) {
    case 'data':
      return formatBytes(value, notation);
    case 'data-rate':
      return formatByteRate(value, notation);
    case 'bit-rate':
      return formatBitRate(value);
    case 'duration':
      return formatSeconds(value);
  }
}
