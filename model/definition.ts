/**
 * The static description of a grid that the model runs on: what the configuration file says,
 * reduced to plain numbers in the model's units (minutes, decimal megabytes).
 * The model never parses files or units; `config/` builds a GridDefinition from the user's file.
 */

/** Cluster number 0..7, as in the seed's "Cluster 0", "Cluster 1" (TOP-1). */
export type ClusterId = number;

/**
 * Copy consistency point letters in the seed's notation (CCP-1..4):
 * R = Rewind-Unload, S = Synchronous, D = Deferred, N = No Copy.
 */
export type CopyPoint = 'R' | 'S' | 'D' | 'N';

/** disk-only (TS7720 style, may auto-remove) or tape-attached (TS7740 style, migrates to tape). */
export type ClusterKind = 'disk-only' | 'tape-attached';

/** Ownership takeover modes set through the MI or by AOTM (OWN-4, OWN-5). */
export type TakeoverMode = 'read' | 'write';

/**
 * How a cluster's TSSC reaches its peers' TSSCs (TOP-4, OWN-8).
 * - `independent`: a separate network; AOTM can tell "peer down" from "links down".
 * - `same-tssc`: both clusters hang off one console; no path needed, same effect as independent.
 * - `shared-with-grid-links`: the TSSC traffic rides the grid links, against the seed's guidance;
 *   when the links fail AOTM sees no reply and wrongly concludes the peer is down.
 */
export type TsscNetwork = 'independent' | 'same-tssc' | 'shared-with-grid-links';

/** Autonomic Ownership Takeover Manager settings of one cluster (OWN-8). */
export interface AotmDefinition {
  readonly mode: TakeoverMode;
  /** Minutes between the detection of a lost peer and the TSSC check (seed 11.1: 20). */
  readonly graceMinutes: number;
  /** Minutes between later checks when the first found the peer alive (later documentation: 5). */
  readonly retryMinutes: number;
  readonly tsscNetwork: TsscNetwork;
  /** Peers AOTM may take over; undefined: every peer. */
  readonly peers?: readonly ClusterId[];
}

/** Copy Policy Override settings of one cluster (TVC-2, CCP-5). */
export interface CopyPolicyOverride {
  /** "Prefer local cache for fast ready mount requests" (TVC-2). */
  readonly preferLocalForScratchMounts: boolean;
  /** "Prefer local cache for non-fast ready mount requests" (TVC-2). */
  readonly preferLocalForPrivateMounts: boolean;
  /** "Force volumes mounted on this cluster to be copied to the local cache" (TVC-2). */
  readonly forceLocalCopy: boolean;
  /**
   * "Allow fewer RUN consistent copies before reporting RUN complete" (CCP-5): when set, rewind-unload
   * completes after this many RUN copies (the I/O cache counts as one); the rest are queued as deferred
   * without raising GS-4. Undefined means the class's RUN points are honoured in full.
   */
  readonly runCopiesBeforeComplete?: number;
}

/** Write protect settings of one cluster (WP-1..4). */
export interface WriteProtectDefinition {
  /** Whether write protect is on when the model starts; the `set-write-protect` event changes it. */
  readonly enabled: boolean;
  /** Categories excluded from write protect; the insert category is always among them (WP-2). */
  readonly excludedCategories: readonly string[];
  /** "Ignore fast ready characteristics of write-protected categories" (WP-3). */
  readonly ignoreFastReady: boolean;
}

/** Disk-only cache management (TVC-4); ignored on tape-attached clusters. */
export interface AutoRemovalDefinition {
  readonly enabled: boolean;
  /** Free space (MB) below which auto-removal starts (reference: 4 TB). */
  readonly removalThresholdMB: number;
  /** Free space (MB) below which the cluster is out of cache: scratch mounts and writes fail. */
  readonly outOfCacheMB: number;
}

/** One cluster of the grid. */
export interface ClusterDefinition {
  readonly id: ClusterId;
  readonly name: string;
  readonly site: string;
  readonly kind: ClusterKind;
  /** Usable tape volume cache, decimal megabytes. */
  readonly cacheMB: number;
  /** Virtual devices offered to hosts (TOP-1: 256 by default, 496 with the larger feature). */
  readonly virtualDevices: number;
  readonly aotm?: AotmDefinition;
  readonly override: CopyPolicyOverride;
  readonly writeProtect: WriteProtectDefinition;
  readonly autoRemoval: AutoRemovalDefinition;
  /**
   * COPYFSC (TVC-3, CCP-9): when false (the default), volumes copied in from a peer are PG0 and leave
   * the cache of a tape-attached cluster first.
   */
  readonly keepCopiesInCache: boolean;
}

/** The grid links between one pair of clusters (TOP-2). */
export interface LinkDefinition {
  readonly between: readonly [ClusterId, ClusterId];
  /** Number of physical links; each fails and is restored on its own. */
  readonly count: number;
  /**
   * Copy throughput of the pair while all its links are up, MB per minute, used when time advances
   * to drain deferred copies. Zero means copies move only on explicit `deferred-copy` events.
   */
  readonly copyRateMBPerMinute: number;
}

/** A z/OS host and the clusters whose virtual devices it has online (TOP-3, PLN-3). */
export interface HostDefinition {
  readonly name: string;
  readonly site: string;
  readonly online: readonly ClusterId[];
  /**
   * Clusters the host is cabled to whose devices are varied offline in normal running: a GDPS host's
   * remote cluster (11.8.1), varied online only when the local cluster is down (GDPS-4).
   */
  readonly standby?: readonly ClusterId[];
  /** Host links (FICON paths) per cluster; more than one means an alternate path exists (TOP-3). */
  readonly pathsPerCluster: number;
  /** The scratch (Fast Ready) category this host mounts from (its DEVSUP MEDIA category). */
  readonly scratchCategory: string;
  /** The private category the host assigns after a scratch mount. */
  readonly privateCategory: string;
  /** Production host, or the host of a DR test (active only while a test runs; DRT, WP-5). */
  readonly role: 'production' | 'dr-test';
}

/** A management class with its copy consistency points per defining cluster (CCP-1..4). */
export interface ManagementClassDefinition {
  readonly name: string;
  /**
   * Copy points as defined on each cluster: `copyModes[0]` is the class as defined on cluster 0, one
   * letter per cluster of the grid ("RNDN"). The definition on the mount cluster is the one used.
   */
  readonly copyModes: Readonly<Record<ClusterId, readonly CopyPoint[]>>;
}

/** A scratch (Fast Ready) category, its expire hold and Delete Expire (CAT-1, CAT-2, CAT-5). */
export interface ScratchCategoryDefinition {
  readonly id: string;
  /** Expire hold in minutes; 0 means no hold (a scratched volume is reusable at once). */
  readonly expireHoldMinutes: number;
  /**
   * Delete Expire in minutes (CAT-5, 11.4.1): this long after a volume entered the category, a cluster
   * that treats the category as Fast Ready deletes its copy of the data. Absent or 0: never deleted.
   * The MI has one expire time per category, which the hold also uses; the two are kept apart here
   * so that a model test can set either alone.
   */
  readonly deleteExpireMinutes?: number;
  /**
   * The clusters whose MI defines the category as Fast Ready (5.3.5: the attribute is set per cluster;
   * 11.10.1 step 4 defines the DR host's scratch categories on the DR cluster). Absent: every cluster.
   */
  readonly fastReadyAt?: readonly ClusterId[];
}

/** Category roles of the grid (CAT, WP-2). Categories are 4 hex digits, upper case. */
export interface CategoryDefinition {
  readonly insert: string;
  readonly scratch: readonly ScratchCategoryDefinition[];
  readonly private: readonly string[];
  readonly error: readonly string[];
}

/** Behaviour where the seed is silent; every choice is named and configurable (DOMAIN "(assumed)"). */
export interface ModelOptions {
  /**
   * Synchronous mode when one S point cannot be written: true continues on the other and queues the
   * copy ("sync-deferred", raising GS-4); false fails the write (later documentation's default).
   */
  readonly syncDeferredOnWriteFailure: boolean;
  /**
   * Copy points used when a management class has no definition on the mount cluster: the mount
   * cluster keeps a RUN copy and the others get this point.
   */
  readonly undefinedClassOtherClusters: CopyPoint;
}

/** A whole grid as the model sees it. */
export interface GridDefinition {
  readonly name: string;
  readonly clusters: readonly ClusterDefinition[];
  readonly links: readonly LinkDefinition[];
  readonly hosts: readonly HostDefinition[];
  readonly managementClasses: readonly ManagementClassDefinition[];
  readonly categories: CategoryDefinition;
  readonly options: ModelOptions;
}

/** Default model options, each documented in README "Where the seed is silent". */
export const defaultModelOptions: ModelOptions = {
  syncDeferredOnWriteFailure: false,
  undefinedClassOtherClusters: 'N',
};
