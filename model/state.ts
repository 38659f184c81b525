import type { ClusterId, CopyPoint, GridDefinition, TakeoverMode } from './definition.js';

/**
 * The dynamic state of a grid. Plain data: `step` clones it and returns a new one.
 * Time is in minutes since the start of the run; it moves only with `advance` events.
 */

/** Operational status of a cluster (OWN-6 for the service states). */
export type ClusterStatus = 'up' | 'down' | 'service-prep' | 'service';

/**
 * One cluster's ownership token of a volume (OWN-1). Normally a volume has exactly one token; a
 * takeover while the owner is unreachable adds a second one, which is what OWN-11 is about.
 */
export interface OwnershipToken {
  readonly cluster: ClusterId;
  /** `read-only` for ownership taken under Read Ownership Takeover (OWN-4). */
  readonly access: 'full' | 'read-only';
  /** The cluster it was taken from without its answer, for takeovers (OWN-4..6). */
  readonly takenFrom?: ClusterId;
}

/**
 * What one cluster holds of one volume: its database record (metadata) and, maybe, a copy of the data.
 * Versions index into the volume's lineage arrays so that divergence (split brain) is decidable.
 */
export interface ClusterCopy {
  /** Data version held here, or null when this cluster has no copy of the data. */
  dataVersion: number | null;
  /**
   * The newest data version this cluster's database knows of. A copy is valid (consistent) when
   * `dataVersion === knownDataVersion`; a cluster cut off from a change keeps an older known version,
   * which is how a read under takeover can surface stale data (OWN-12).
   */
  knownDataVersion: number;
  /** Metadata version of this cluster's record (category and constructs). */
  metaVersion: number;
  category: string;
  managementClass: string;
  /** Minutes at which the record entered its current category (expire hold, CAT-2); null: as inserted. */
  categorySince: number | null;
  /** Whether the data is in this cluster's cache (false: on physical tape only, needs a recall). */
  resident: boolean;
  /** Cache preference group: PG0 copies leave cache first (TVC-3, CCP-9). */
  preference: 'PG0' | 'PG1';
}

/** A mount in progress of one volume (a job using it). */
export interface MountState {
  readonly host: string;
  /** The cluster whose virtual device the host used. */
  readonly cluster: ClusterId;
  /** The cluster whose cache serves the I/O (TVC-1); differs from `cluster` for a remote mount. */
  readonly ioCluster: ClusterId;
  /** Which link of the pair a remote mount uses (TOP-2). */
  readonly linkIndex: number | null;
  readonly kind: 'scratch' | 'specific';
  /** Whether data may be changed through this mount (false under ROT, WP, or a surfaced scratch). */
  readonly writable: boolean;
  /** Why the mount is read-only, when it is. */
  readonly readOnlyReason: 'read-only-takeover' | 'write-protected' | 'ignore-fast-ready' | null;
  /** Whether the job was shown the data or an empty volume (CAT-1). */
  readonly surfaced: 'data' | 'empty';
  /** The data version in the I/O cache at mount time: what a write by this job descends from. */
  readonly parentVersion: number;
  /** Copy points in effect for this mount, one per cluster (the class as defined on `cluster`). */
  readonly copyPoints: readonly CopyPoint[];
  /** Data version written by this job, if it wrote. */
  writtenVersion: number | null;
  /** S clusters that could not be written synchronously (sync-deferred). */
  syncDeferred: ClusterId[];
  readonly startedAt: number;
}

/** A copy waiting in a queue (CCP-2, CCP-6, CCP-7). */
export interface QueuedCopy {
  readonly volser: string;
  readonly dataVersion: number;
  readonly to: ClusterId;
  /** `immediate-deferred`: a RUN (or Sync) copy that could not be made; it raises GS-4 (CCP-6). */
  readonly kind: 'deferred' | 'immediate-deferred' | 'override-deferred';
  readonly enqueuedAt: number;
  /** Megabytes still to move (partial progress when time advances with a copy rate). */
  remainingMB: number;
}

/** One logical volume. */
export interface VolumeState {
  readonly volser: string;
  /** Size in MB of the latest data written; used for cache accounting and copy time. */
  sizeMB: number;
  /** Parent of each data version; version 0 is the empty volume as inserted (parent -1). */
  dataParent: number[];
  /** Parent of each metadata version; version 0 is the record as inserted. */
  metaParent: number[];
  /** Every cluster's record of the volume (clusters that have never heard of it have none). */
  copies: Record<ClusterId, ClusterCopy>;
  ownership: OwnershipToken[];
  /**
   * Mounts in progress, at most one per mount cluster. Ownership normally allows only one; two appear
   * only when a takeover split the grid (OWN-11).
   */
  mounts: MountState[];
  /** Minutes of the last change of data; used to age copies. */
  lastWrittenAt: number;
  /**
   * Clusters whose database learnt that the volume was taken over with write access from a failed
   * owner, so that owner's token is stale to them (OWN-5, OWN-13, ASM-2): the taker and every cluster
   * that could reach it or a later holder when ownership moved. A cluster that can reach one of them
   * learns it too. Absent: nobody has taken the volume over.
   */
  takeoverKnownBy?: readonly ClusterId[];
}

/** A takeover mode in effect at one cluster for another (OWN-4, OWN-5, OWN-7). */
export interface TakeoverSetting {
  readonly at: ClusterId;
  readonly of: ClusterId;
  readonly mode: TakeoverMode;
  readonly source: 'operator' | 'aotm';
}

/** An AOTM timer: `at` got no answer from `of` and is waiting out the grace period (OWN-8). */
export interface AotmTimer {
  readonly at: ClusterId;
  readonly of: ClusterId;
  readonly since: number;
  nextCheckAt: number;
}

/** A host's tape management view of a volume (CAT-4: the DR host's view is a snapshot). */
export type CatalogEntry = 'private' | 'scratch';

/** The whole dynamic state. `definition` is shared and never changed by `step`. */
export interface GridState {
  readonly definition: GridDefinition;
  time: number;
  clusters: ClusterStatus[];
  /** links[pairKey][i] is true while link i of that pair is up. */
  links: Record<string, boolean[]>;
  /** hostPaths[host][cluster] = number of host links up. */
  hostPaths: Record<string, Record<ClusterId, number>>;
  volumes: Record<string, VolumeState>;
  takeovers: TakeoverSetting[];
  aotmTimers: AotmTimer[];
  copyQueue: QueuedCopy[];
  /** Clusters whose outgoing and incoming copies an operator suspended (GRIDCNTL, CCP-7). */
  copiesSuspended: ClusterId[];
  writeProtect: boolean[];
  catalogs: Record<string, Record<string, CatalogEntry>>;
  /** True between `begin-dr-test` and `end-dr-test` (OWN-9). */
  drTestActive: boolean;
  /**
   * When the running DR test is planned to end (`begin-dr-test` with a length), or null for no stated
   * end. Verification lets the DR host act only before it: an expire hold longer than the test is the
   * protection 11.9.7 names, and it can only be shown against a test of known length.
   */
  drTestEndsAt: number | null;
  /** Hosts running production from a copy of the production catalog after a declared disaster (DRT-7). */
  disasterHosts: string[];
  /**
   * Sites lost as a whole (`site-fail`): their clusters are down and so are the TSSCs there, so AOTM
   * elsewhere cannot confirm through the console that a cluster there is down (11.8.1, OWN-8).
   */
  lostSites: string[];
  /**
   * Fast Ready attributes an operator removed, as "cluster:category" (11.10.4 step 7 removes it from
   * the production scratch category at the DR cluster for the duration of a test), sorted.
   */
  fastReadyRemoved: string[];
  /** The Copy Export running in the grid, if any (CE-4: one at a time, and no insertion meanwhile). */
  copyExportRunning: { readonly cluster: ClusterId; readonly listVolser: string } | null;
  /** Standby devices an operator varied online, as "HOST:cluster", sorted (GDPS-4). */
  variedOnline: string[];
  /** The site GDPS last moved production to, or null for "as configured" (GDPS-2, GDPS-3). */
  gdpsPrimarySite: string | null;
}
