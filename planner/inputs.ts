import type { DataNotation } from './quantityFormat.js';
import type { ClusterId, CopyPoint } from '../model/index.js';
import type { HistoryUse } from './history.js';

/**
 * What the planner computes from, in base units: bytes, bytes per second, seconds, metres.
 * `config/` builds it from the configuration file and the catalog; the planner reads nothing else.
 */

/** A catalog default: the value used and where it comes from (PLANNING.md asks to cite each). */
export interface Cited<T> {
  readonly value: T;
  readonly source: string;
}

/** A grid link option that can be bought. */
export interface LinkOption {
  readonly name: string;
  readonly count: number;
  readonly bytesPerSecondEach: number;
  readonly cost: number;
  readonly whatIf: boolean;
  readonly source: string;
}

/** A cache size that can be bought. */
export interface CacheOption {
  readonly name: string;
  readonly bytes: number;
  readonly cost: number;
  readonly source: string;
}

/** A physical drive generation and its cartridges (PLANNING.md reference figures). */
export interface DriveOption {
  readonly type: string;
  readonly cartridgeBytes: number;
  readonly bytesPerSecond: number;
  readonly cartridgeCost: number;
  readonly source: string;
}

/** The editable reference catalog. */
export interface Catalog {
  readonly protocolEfficiency: Cited<number>;
  readonly fibreDelaySecondsPerKm: Cited<number>;
  readonly routeFactor: Cited<number>;
  readonly devicesInPath: Cited<number>;
  readonly delaySecondsPerDevice: Cited<number>;
  readonly copyStreams: Cited<number>;
  readonly maxSegmentBytes: Cited<number>;
  readonly compression: Cited<number>;
  readonly cartridgeFill: Cited<number>;
  readonly recallSeconds: Cited<number>;
  readonly retentionSeconds: Cited<number>;
  readonly copyExportIntervalSeconds: Cited<number>;
  readonly exportedLimitDefault: Cited<number>;
  readonly exportedLimitMax: Cited<number>;
  readonly virtualDevicesPerCluster: Cited<number>;
  readonly scratchSafetyDays: Cited<number>;
  readonly drTestWriteShare: Cited<number>;
  readonly peakHourShare: Cited<number>;
  readonly referenceVolumeBytes: Cited<readonly number[]>;
  readonly linkOptions: readonly LinkOption[];
  readonly cacheOptions: readonly CacheOption[];
  readonly drives: readonly DriveOption[];
}

/** One cluster as the planner sees it. */
export interface PlanCluster {
  readonly id: ClusterId;
  readonly name: string;
  readonly site: string;
  readonly kind: 'disk-only' | 'tape-attached';
  readonly cacheBytes: number;
  readonly cacheText: string;
  readonly virtualDevices: number;
  readonly driveType: string | null;
  readonly drives: number;
  readonly copyExportPools: readonly number[];
  readonly removalThresholdBytes: number;
  readonly outOfCacheBytes: number;
  readonly keepCopiesInCache: boolean;
  /** Data in cache that cannot leave it while the links are broken, at the break (configured), or null for the default. */
  readonly occupiedAtBreakBytes: number | null;
}

/** The links of one pair, with everything that bounds their copy throughput. */
export interface PlanLink {
  readonly between: readonly [ClusterId, ClusterId];
  readonly text: string;
  readonly count: number;
  readonly bytesPerSecondEach: number;
  readonly distanceMeters: number;
  readonly distanceText: string;
  /** Whether the distance is the fibre route (used as given) or site-to-site (times the route factor). */
  readonly distanceKind: 'fibre-route' | 'site-to-site';
  /** Factor from the given distance to fibre length: 1 for a fibre route, the catalog's for site-to-site. */
  readonly routeFactor: number;
  /** Measured round trip, when given (overrides the estimate from distance). */
  readonly roundTripSeconds: number | null;
  readonly efficiency: number;
  readonly efficiencyDefaulted: boolean;
  readonly copyShare: number;
  readonly tcpWindowBytes: number | null;
  readonly streams: number;
  readonly streamsDefaulted: boolean;
  readonly lossRate: number | null;
}

/** Host writes through one cluster. */
export interface PlanWorkload {
  readonly cluster: ClusterId;
  readonly hostBytesPerDay: number;
  readonly dailyText: string;
  /** 24 weights summing to 1, hour 0 first. */
  readonly hourlyShare: readonly number[];
  readonly profileDefaulted: boolean;
  readonly averageVolumeBytes: number;
  readonly averageVolumeText: string;
  /** Largest volume written here (configured, or the largest catalog reference size and the average). */
  readonly largestVolumeBytes: number;
  readonly largestVolumeDefaulted: boolean;
  readonly compression: number;
  readonly compressionDefaulted: boolean;
  readonly classShares: Readonly<Record<string, number>>;
  readonly peakConcurrentMounts: number | null;
}

/** Targets the plan is judged against. */
export interface PlanTargets {
  readonly rpoSeconds: Readonly<Record<string, number>>;
  readonly drTestSeconds: number | null;
  readonly daysResident: number | null;
}

/** A management class: copy points as defined on each cluster. */
export interface PlanClass {
  readonly name: string;
  readonly copyModes: Readonly<Record<ClusterId, readonly CopyPoint[]>>;
}

/** Everything a plan needs. */
export interface PlanInputs {
  readonly grid: string;
  /** Decimal or binary data units, as the configuration wrote its sizes (decimal when absent or mixed). */
  readonly notation?: DataNotation;
  readonly clusters: readonly PlanCluster[];
  readonly links: readonly PlanLink[];
  readonly workloads: readonly PlanWorkload[];
  readonly classes: readonly PlanClass[];
  readonly targets: PlanTargets;
  /** Plan for this much more daily data than configured (0.2: 20 %); advice must hold with it (`targets.headroom`). */
  readonly headroom: { readonly value: number; readonly defaulted: boolean };
  /** Longest expire hold of the scratch categories, seconds (CAT-2). */
  readonly expireHoldSeconds: number;
  /** DR test: its clusters, length and daily writes (null when none is configured). */
  readonly drTest: { readonly clusters: readonly ClusterId[]; readonly seconds: number; readonly writesBytesPerDay: number | null; readonly linksBroken: boolean } | null;
  readonly catalog: Catalog;
  /** The measured history the workloads were replaced from (`plan --history`), when one was given. */
  readonly history?: HistoryUse;
  /** Yearly growth of host data and the horizon in months (PLN-4), or null. */
  readonly growth: { readonly perYear: number; readonly horizonMonths: number } | null;
}
