import type { ClusterId, TakeoverMode } from './definition.js';

/**
 * Why an operation was refused. Stable codes: tests, invariants and reports key on them.
 * Each names the rule it comes from in the JSDoc of the function that raises it.
 */
export type RefusalReason =
  | 'unknown-host'
  | 'unknown-cluster'
  | 'unknown-site'
  | 'unknown-volume'
  | 'unknown-management-class'
  | 'unknown-category'
  | 'duplicate-volume'
  | 'cluster-down'
  | 'cluster-in-service'
  | 'device-offline'
  | 'no-host-path'
  | 'no-free-device'
  | 'volume-in-use'
  | 'not-mounted'
  | 'no-ownership'
  | 'owner-unreachable'
  | 'write-protected'
  | 'read-only-takeover'
  | 'read-only-mount'
  | 'no-valid-copy'
  | 'no-scratch-owned'
  | 'expire-hold'
  | 'cache-full'
  | 'sync-point-unreachable'
  | 'grid-not-connected'
  | 'cannot-rejoin'
  | 'not-failed'
  | 'io-cluster-unreachable'
  | 'copy-export-running'
  | 'data-deleted'
  | 'host-site-lost';

/** How a successful mount presented the volume (CAT-1, WP-3). */
export type Surfaced = 'data' | 'empty';

/**
 * What a step reports besides the next state: results of host operations, copy activity, ownership
 * moves, AOTM decisions and grid alerts. Plain data; `reports/` renders it.
 */
export type Observation =
  | {
      readonly kind: 'mount';
      readonly host: string;
      readonly cluster: ClusterId;
      readonly volser: string;
      readonly mountKind: 'scratch' | 'specific';
      readonly ioCluster: ClusterId;
      readonly surfaced: Surfaced;
      readonly writable: boolean;
      readonly recall: boolean;
      readonly dataVersion: number;
    }
  | { readonly kind: 'refused'; readonly operation: string; readonly reason: RefusalReason; readonly volser?: string; readonly cluster?: ClusterId; readonly host?: string; readonly detail?: string }
  | { readonly kind: 'write'; readonly volser: string; readonly cluster: ClusterId; readonly host: string; readonly dataVersion: number; readonly ioCluster: ClusterId; readonly syncCopies: readonly ClusterId[] }
  /** A category or construct change went through (return-to-scratch included). */
  | { readonly kind: 'attributes-changed'; readonly volser: string; readonly cluster: ClusterId; readonly host: string; readonly category: string; readonly managementClass: string; readonly previousCategory: string }
  | {
      readonly kind: 'rewind-unload';
      readonly volser: string;
      readonly dataVersion: number | null;
      /** Clusters that received their RUN copy as part of rewind-unload (CCP-1). */
      readonly runCopies: readonly ClusterId[];
      /** RUN/Sync copies that could not be made and were deferred: GS-4 (CCP-6). */
      readonly immediateDeferred: readonly ClusterId[];
      /** RUN copies left for later by Copy Policy Override (CCP-5). */
      readonly overrideDeferred: readonly ClusterId[];
      readonly deferred: readonly ClusterId[];
      /** Megabytes copied before the job could end: what RUN costs in job time (CCP-8). */
      readonly runCopyMB: number;
    }
  | { readonly kind: 'job-failed'; readonly volser: string; readonly host: string; readonly cluster: ClusterId; readonly reason: 'cluster-down' | 'link-failed' | 'no-host-path' | 'io-cluster-down' | 'io-cluster-unreachable' }
  | { readonly kind: 'copy'; readonly volser: string; readonly dataVersion: number; readonly from: ClusterId; readonly to: ClusterId; readonly ageMinutes: number }
  | { readonly kind: 'ownership-transfer'; readonly volser: string; readonly from: ClusterId; readonly to: ClusterId }
  /** A restored cluster learns that `holder` took `volser` over while it was away and drops its stale ownership (OWN-7, OWN-14). */
  | { readonly kind: 'ownership-reconciled'; readonly volser: string; readonly cluster: ClusterId; readonly holder: ClusterId }
  | { readonly kind: 'ownership-takeover'; readonly volser: string; readonly from: ClusterId; readonly to: ClusterId; readonly access: 'full' | 'read-only' }
  | { readonly kind: 'aotm-takeover'; readonly at: ClusterId; readonly of: ClusterId; readonly mode: TakeoverMode; readonly ownerActuallyDown: boolean; readonly message: string }
  /** OWN-8: `at` detected that it lost `of`; AOTM's grace period runs from now. */
  | { readonly kind: 'aotm-grace-started'; readonly at: ClusterId; readonly of: ClusterId; readonly checkAt: number }
  | { readonly kind: 'aotm-no-takeover'; readonly at: ClusterId; readonly of: ClusterId; readonly message: string }
  | { readonly kind: 'takeover-set'; readonly at: ClusterId; readonly of: ClusterId; readonly mode: TakeoverMode; readonly ownerActuallyDown: boolean }
  /** OWN-12: a read under takeover saw an older version than the newest in the grid. */
  | { readonly kind: 'stale-read'; readonly volser: string; readonly cluster: ClusterId; readonly readVersion: number; readonly newestVersion: number }
  /** OWN-12: write ownership taken with no consistent copy reachable. */
  | { readonly kind: 'no-consistent-copy'; readonly volser: string; readonly cluster: ClusterId }
  | { readonly kind: 'auto-removed'; readonly volser: string; readonly cluster: ClusterId }
  /** CAT-5: Delete Expire deleted `cluster`'s copy of a volume that sat in scratch `category` past its expire time. */
  | { readonly kind: 'data-expired'; readonly volser: string; readonly cluster: ClusterId; readonly category: string }
  | { readonly kind: 'migrated'; readonly volser: string; readonly cluster: ClusterId }
  /** A host's standby devices on a cluster were varied online or offline (GDPS-4). */
  | { readonly kind: 'devices-varied'; readonly host: string; readonly cluster: ClusterId; readonly online: boolean }
  /** GDPS moved production to the hosts of `site` (GDPS-2, GDPS-3). */
  | { readonly kind: 'site-switched'; readonly site: string }
  /** GS-5: a grid component failed and the cluster calls home. */
  | { readonly kind: 'call-home'; readonly component: string }
  /** A warning the seed gives in words (OWN-9: WOT during a DR test). */
  | { readonly kind: 'warning'; readonly rule: string; readonly message: string }
  | { readonly kind: 'info'; readonly message: string };

/** The result of one `step`: the next state and what was observed on the way. */
export interface StepResult<S> {
  readonly state: S;
  readonly observations: readonly Observation[];
}

/** A refusal as an observation. */
export function refused(
  operation: string,
  reason: RefusalReason,
  details: { volser?: string; cluster?: ClusterId; host?: string; detail?: string } = {},
): Observation {
  return { kind: 'refused', operation, reason, ...details };
}
