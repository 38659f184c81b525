import type { ClusterId, GridDefinition, GridEvent, GridStateCode, Readability, RefusalReason } from '../model/index.js';

/**
 * A failover scenario as data: a grid, what it holds before the failure, jobs in flight, a timed list
 * of failures and operator actions, jobs submitted afterwards, repair, and the effects the seed lists.
 */

/** A job: a mount through a cluster, optionally a write, then rewind-unload. */
export interface Job {
  readonly name: string;
  readonly host: string;
  readonly cluster: ClusterId;
  /** A scratch mount may name the scratch category (default: the host's own). */
  readonly mount: { readonly kind: 'specific'; readonly volser: string } | { readonly kind: 'scratch'; readonly managementClass: string; readonly category?: string };
  readonly write: boolean;
  /** Size of the data written, MB (default: the model's 800 MiB). */
  readonly sizeMB?: number;
}

/** An event at a time (minutes after the failure phase starts). */
export interface TimedEvent {
  readonly at: number;
  readonly event: GridEvent;
  /** How a report names it ("both grid links C0-C1 fail"). */
  readonly label: string;
}

/** A scenario. */
export interface Scenario {
  /** FS-1..FS-8 for the seed's, or a name for a variant or a what-if. */
  readonly id: string;
  readonly title: string;
  /** Seed section, e.g. "11.2.3". */
  readonly section: string;
  /** What the seed says happens, quoted. */
  readonly seedEffects: readonly string[];
  readonly definition: GridDefinition;
  readonly setup: readonly GridEvent[];
  readonly inFlight: readonly Job[];
  readonly failures: readonly TimedEvent[];
  /** Jobs run right after the failures, before the operator's steps (what production meets at once). */
  readonly beforeOperator?: readonly Job[];
  /** The operator's steps after those jobs (takeovers, devices varied online, a GDPS switch). */
  readonly operator?: readonly TimedEvent[];
  readonly afterFailure: readonly Job[];
  /** Later rounds of jobs, `at` minutes after the failure phase starts, with the failures still in place. */
  readonly rounds?: readonly { readonly label: string; readonly at: number; readonly jobs: readonly Job[] }[];
  readonly recovery: readonly TimedEvent[];
  readonly afterRecovery: readonly Job[];
  /** Volumes whose readability is reported. */
  readonly watch: readonly string[];
  /** The recovery steps the seed prescribes, in its words. */
  readonly prescribedRecovery: readonly string[];
}

/** What happened to one job. */
export interface JobOutcome {
  readonly name: string;
  readonly phase: 'in-flight' | 'before-operator' | 'after-failure' | 'later' | 'after-recovery';
  readonly host: string;
  readonly cluster: ClusterId;
  readonly volser: string | null;
  readonly ioCluster: ClusterId | null;
  readonly outcome: 'completed' | 'failed';
  readonly reason: RefusalReason | 'cluster-down' | 'link-failed' | 'no-host-path' | 'io-cluster-down' | 'io-cluster-unreachable' | null;
  /** RUN/Sync copies that could not be made at rewind-unload (GS-4). */
  readonly immediateDeferred: readonly ClusterId[];
}

/** Readability of a watched volume through each cluster. */
export interface VolumeReadability {
  readonly volser: string;
  readonly through: Readonly<Record<ClusterId, Readability['kind']>>;
}

/** One round of production jobs after a failure. */
export interface ProductionRound {
  readonly label: string;
  /** Minutes after the failure. */
  readonly at: number;
  readonly completed: number;
  readonly failed: number;
  /** Failed jobs by reason, most frequent first. */
  readonly reasons: readonly { readonly reason: string; readonly jobs: number }[];
  readonly jobs: readonly JobOutcome[];
}

/** The result of running a scenario. */
export interface ScenarioResult {
  readonly id: string;
  readonly jobs: readonly JobOutcome[];
  /** Grid states raised at any point of the failure phase. */
  readonly statesRaised: readonly GridStateCode[];
  readonly callHome: readonly string[];
  readonly takeoversSet: readonly string[];
  /** Ownership moved from one cluster to another at a mount through the grid during the failure phase (OWN-2, GDPS-2). */
  readonly ownershipMoves: readonly { readonly volser: string; readonly from: ClusterId; readonly to: ClusterId }[];
  readonly readabilityAfterFailure: readonly VolumeReadability[];
  readonly readabilityAfterRecovery: readonly VolumeReadability[];
  readonly statesAfterRecovery: readonly GridStateCode[];
  /** Volumes whose queued copies had not completed at the failure (rerun their jobs, DRT-7). */
  readonly uncopiedAtFailure: readonly string[];
  /**
   * Watched volumes whose newest data no operational cluster holds once the failure has struck: the
   * jobs that wrote them must be rerun (11.11, DRT-7). Empty when every failed cluster comes back with
   * its data, as after a link failure.
   */
  readonly dataLostAtFailure: readonly string[];
  /** Copies completed during the failure phase (RUN copies at rewind-unload and deferred ones), by target. */
  readonly copiesDuringFailure: readonly { readonly volser: string; readonly to: number }[];
  /**
   * Production over time (issue 14 item 4): the rounds of jobs after the failure (before the operator's
   * steps, after them, later) with how many completed and why the others failed.
   */
  readonly productionOverTime: readonly ProductionRound[];
  /** Copies still queued when the failure phase ends, before any repair, and whether each could move then (CCP-7). */
  readonly queuedAtFailureEnd: readonly { readonly volser: string; readonly to: number; readonly canMove: boolean }[];
}
