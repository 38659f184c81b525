import type { ClusterId } from '../model/index.js';

/**
 * Measured history in (issue 15, PLN-4): hourly host writes per cluster, as the grid's historical
 * statistics are exported to CSV by the usual reporting tools, turned into what the planner sizes
 * from: the hourly profile, the busiest day (or a chosen percentile of days), the compression ratio
 * where stored bytes are known, and the growth trend. Parsing is data in, data out: each bad row is
 * a problem with its line number, never an exception.
 *
 * The format (documented in README): a header `timestamp,cluster,hostMB,storedMB`, then one row per
 * cluster and hour: an ISO 8601 hour in UTC ("2026-10-01T13:00Z", seconds and ":00" allowed), the
 * cluster number, decimal megabytes written by hosts through that cluster in that hour, and the
 * megabytes stored after compression (empty when unknown). Lines starting with "#" are comments.
 */

/** One hour of one cluster. */
export interface HistoryRow {
  readonly line: number;
  /** Hours since the Unix epoch (UTC). */
  readonly hour: number;
  readonly cluster: ClusterId;
  readonly hostBytes: number;
  readonly storedBytes: number | null;
}

/** A row that could not be read. */
export interface HistoryProblem {
  readonly line: number;
  readonly field: 'header' | 'timestamp' | 'cluster' | 'hostMB' | 'storedMB' | 'row' | 'file';
  readonly message: string;
  readonly expected: string;
}

const header = ['timestamp', 'cluster', 'hostMB', 'storedMB'];
const hourPattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):00(?::00)?(?:Z|\+00:00)?$/;
/** A bound that keeps a history file's cost bounded: ten years of hours for eight clusters. */
export const maxHistoryRows = 8 * 24 * 366 * 10;

function hourOf(text: string): number | null {
  const match = hourPattern.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour] = match as unknown as [string, string, string, string, string];
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour));
  // Date.UTC rolls "2026-02-30" over to March, hour 24 to the next day and years below 100 to the 1900s:
  // an hour that comes back different does not exist.
  if (new Date(time).toISOString().slice(0, 13) !== `${year}-${month}-${day}T${hour}`) return null;
  return time / 3_600_000;
}

/** Decimal megabytes as bytes; null for anything else, the empty text included. */
function megabytes(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value * 1e6 : null;
}

/** Parses the CSV text of an hourly history; rows past `maxRows` are refused with one problem. */
export function parseHistory(text: string, maxRows: number = maxHistoryRows): { rows: HistoryRow[]; problems: HistoryProblem[] } {
  const rows: HistoryRow[] = [];
  const problems: HistoryProblem[] = [];
  const seen = new Map<string, number>();
  let headerSeen = false;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const fields = raw.split(',').map((field) => field.trim());
    if (!headerSeen) {
      headerSeen = true;
      if (fields.join(',') !== header.join(',')) problems.push({ line, field: 'header', message: `the first row is "${raw.trim()}"`, expected: header.join(',') });
      continue;
    }
    if (rows.length >= maxRows) {
      problems.push({ line, field: 'file', message: `more than ${maxRows} rows`, expected: `at most ${maxRows} rows (ten years of hours for eight clusters is ${maxHistoryRows})` });
      break;
    }
    if (fields.length !== 4) {
      problems.push({ line, field: 'row', message: `${fields.length} fields`, expected: '4 fields: timestamp,cluster,hostMB,storedMB (storedMB may be empty)' });
      continue;
    }
    const [timestampText, clusterText, hostText, storedText] = fields as [string, string, string, string];
    const hour = hourOf(timestampText);
    if (hour === null) problems.push({ line, field: 'timestamp', message: `"${timestampText}" is not an hour in UTC`, expected: 'an ISO 8601 hour such as "2026-10-01T13:00Z"' });
    const cluster = /^[0-7]$/.test(clusterText) ? Number(clusterText) : null;
    if (cluster === null) problems.push({ line, field: 'cluster', message: `"${clusterText}" is not a cluster number`, expected: 'a cluster number 0 to 7' });
    const hostBytes = megabytes(hostText);
    if (hostBytes === null) problems.push({ line, field: 'hostMB', message: `"${hostText}" is not a number of megabytes`, expected: 'decimal megabytes written by hosts in the hour, 0 or more, such as "125000"' });
    const storedBytes = megabytes(storedText);
    const storedBad = storedText !== '' && storedBytes === null;
    if (storedBad) problems.push({ line, field: 'storedMB', message: `"${storedText}" is not a number of megabytes`, expected: 'decimal megabytes stored after compression, or empty when unknown' });
    if (hour === null || cluster === null || hostBytes === null || storedBad) continue;
    const key = `${hour}/${cluster}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      problems.push({ line, field: 'timestamp', message: `cluster ${cluster} at ${timestampText} is also on line ${previous}`, expected: 'one row per cluster and hour' });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, hour, cluster, hostBytes, storedBytes });
  }
  if (!headerSeen) problems.push({ line: 1, field: 'header', message: 'the file has no rows', expected: header.join(',') });
  else if (rows.length === 0 && problems.length === 0) problems.push({ line: lines.length, field: 'file', message: 'no data rows', expected: 'at least one full day of hourly rows' });
  return { rows, problems };
}

/** What a cluster's history says. */
export interface ClusterHistory {
  readonly cluster: ClusterId;
  /** Complete days (24 hourly rows) measured. */
  readonly days: number;
  /** The busiest day: its date (YYYY-MM-DD) and host bytes. */
  readonly busiestDay: { readonly date: string; readonly hostBytes: number };
  /** The day planned against (busiest, or the chosen percentile of days) and its hourly shape. */
  readonly plannedDay: { readonly date: string; readonly hostBytes: number; readonly hourlyShare: readonly number[] };
  readonly averageDayBytes: number;
  /** Host bytes per stored byte, where stored bytes were given; null otherwise. */
  readonly compression: number | null;
  /** Yearly growth of the daily totals (exponential fit); null with fewer than 14 days. */
  readonly growthPerYear: number | null;
}

function dateOf(dayIndex: number): string {
  return new Date(dayIndex * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Each cluster's history, planning against `day`: the busiest complete day, or the day at a
 * percentile of complete days by host bytes ("p90": 90 % of days wrote as much or less).
 */
export function summariseHistory(rows: readonly HistoryRow[], day: 'busiest' | { readonly percentile: number }): ClusterHistory[] {
  const clusters = [...new Set(rows.map((row) => row.cluster))].sort((a, b) => a - b);
  return clusters.flatMap((cluster) => {
    const byDay = new Map<number, (HistoryRow | undefined)[]>();
    for (const row of rows) {
      if (row.cluster !== cluster) continue;
      const index = Math.floor(row.hour / 24);
      const hours = byDay.get(index) ?? Array.from({ length: 24 }, () => undefined);
      hours[row.hour - index * 24] = row;
      byDay.set(index, hours);
    }
    // Only complete days: a partial day would look quiet and pull the percentile down.
    const complete = [...byDay.entries()].filter(([, hours]) => hours.every((row) => row !== undefined));
    if (complete.length === 0) return [];
    const totals = complete.map(([index, hours]) => ({ index, hours: hours as HistoryRow[], bytes: (hours as HistoryRow[]).reduce((total, row) => total + row.hostBytes, 0) }));
    const ranked = [...totals].sort((a, b) => a.bytes - b.bytes || a.index - b.index);
    const busiest = ranked[ranked.length - 1] ?? (totals[0] as (typeof totals)[number]);
    const chosen = day === 'busiest' ? busiest : (ranked[Math.min(ranked.length - 1, Math.max(0, Math.ceil((day.percentile / 100) * ranked.length) - 1))] ?? busiest);
    const withStored = rows.filter((row) => row.cluster === cluster && row.storedBytes !== null && row.storedBytes > 0);
    const storedSum = withStored.reduce((total, row) => total + (row.storedBytes ?? 0), 0);
    const hostSum = withStored.reduce((total, row) => total + row.hostBytes, 0);
    return [
      {
        cluster,
        days: totals.length,
        busiestDay: { date: dateOf(busiest.index), hostBytes: busiest.bytes },
        plannedDay: { date: dateOf(chosen.index), hostBytes: chosen.bytes, hourlyShare: chosen.hours.map((row) => (chosen.bytes > 0 ? row.hostBytes / chosen.bytes : 1 / 24)) },
        averageDayBytes: totals.reduce((total, entry) => total + entry.bytes, 0) / totals.length,
        compression: storedSum > 0 ? hostSum / storedSum : null,
        growthPerYear: growthTrend(totals),
      },
    ];
  });
}

/** Least-squares fit of log(daily bytes) against the day: the yearly growth it implies. */
function growthTrend(totals: readonly { index: number; bytes: number }[]): number | null {
  const points = totals.filter((entry) => entry.bytes > 0);
  if (points.length < 14) return null;
  const meanX = points.reduce((total, entry) => total + entry.index, 0) / points.length;
  // The slope of log(bytes) against the day: sum((x - meanX) * y) / sum((x - meanX)^2). The mean of y
  // drops out because the x deviations sum to 0; 14 distinct days make the variance positive.
  let covariance = 0;
  let variance = 0;
  for (const entry of points) {
    covariance += (entry.index - meanX) * Math.log(entry.bytes);
    variance += (entry.index - meanX) ** 2;
  }
  return Math.exp((covariance / variance) * 365.25) - 1;
}

/** What a plan used from a history file, for the report. */
export interface HistoryUse {
  readonly file: string;
  readonly day: string;
  readonly clusters: readonly ClusterHistory[];
  /** Clusters measured but without a workload in the configuration (their history is not used). */
  readonly unused: readonly ClusterId[];
}

/**
 * The plan inputs with each measured cluster's workload replaced by its planned day: that day's
 * host bytes (split across the cluster's workload entries in their configured proportions), its
 * hourly shape, and the measured compression where stored bytes were given.
 */
export function applyHistory<I extends { readonly workloads: readonly W[] }, W extends { readonly cluster: ClusterId; readonly hostBytesPerDay: number; readonly compression: number }>(
  inputs: I,
  clusters: readonly ClusterHistory[],
): I {
  const configured = new Map<ClusterId, number>();
  for (const workload of inputs.workloads) configured.set(workload.cluster, (configured.get(workload.cluster) ?? 0) + workload.hostBytesPerDay);
  return {
    ...inputs,
    workloads: inputs.workloads.map((workload) => {
      const measured = clusters.find((entry) => entry.cluster === workload.cluster);
      if (measured === undefined) return workload;
      const total = configured.get(workload.cluster) ?? 0;
      const share = total > 0 ? workload.hostBytesPerDay / total : 1;
      return {
        ...workload,
        hostBytesPerDay: measured.plannedDay.hostBytes * share,
        hourlyShare: measured.plannedDay.hourlyShare,
        profileDefaulted: false,
        ...(measured.compression === null ? {} : { compression: measured.compression, compressionDefaulted: false }),
      };
    }),
  };
}
