import type { ClusterId, TakeoverMode } from './definition.js';

/**
 * Everything that can happen to a grid: host I/O, failures and repairs, operator actions, and time.
 * A discriminated union on `type`; `step` handles each one.
 */
export type GridEvent =
  /** Insert volumes through the MI of a cluster (OWN-10); `category` is where the host files them. */
  | { readonly type: 'insert'; readonly cluster: ClusterId; readonly volsers: readonly string[]; readonly category?: string }
  /** A host asks for any volume of a scratch category on a device of `cluster` (CAT-3). */
  | {
      readonly type: 'scratch-mount';
      readonly host: string;
      readonly cluster: ClusterId;
      readonly managementClass: string;
      readonly category?: string;
      /** Which of the equally ranked scratch volumes the library hands out; the first by volser when absent. */
      readonly volser?: string;
    }
  /** A host asks for one named volume (OWN-2, TVC-1). */
  | { readonly type: 'specific-mount'; readonly host: string; readonly cluster: ClusterId; readonly volser: string }
  /** The job that mounted `volser` through `cluster` writes (or overwrites) its data. */
  | { readonly type: 'write'; readonly cluster: ClusterId; readonly volser: string; readonly sizeMB?: number }
  /** Rewind-unload ends the job: copies are made per the copy points (CCP-1..6). */
  | { readonly type: 'rewind-unload'; readonly cluster: ClusterId; readonly volser: string }
  /** A host changes a volume's category through a cluster (return-to-scratch is one case). */
  | { readonly type: 'change-category'; readonly host: string; readonly cluster: ClusterId; readonly volser: string; readonly category: string }
  /** A host changes a volume's storage constructs (management class). */
  | { readonly type: 'change-constructs'; readonly host: string; readonly cluster: ClusterId; readonly volser: string; readonly managementClass: string }
  /** The host's tape management returns a volume to its scratch category (CAT-1, CAT-4). */
  | { readonly type: 'return-to-scratch'; readonly host: string; readonly cluster: ClusterId; readonly volser: string }
  /** Complete the oldest possible queued copy (to `to` when given) (CCP-2). */
  | { readonly type: 'deferred-copy'; readonly to?: ClusterId }
  | { readonly type: 'link-fail'; readonly between: readonly [ClusterId, ClusterId]; readonly link: number }
  | { readonly type: 'link-restore'; readonly between: readonly [ClusterId, ClusterId]; readonly link: number }
  | { readonly type: 'host-link-fail'; readonly host: string; readonly cluster: ClusterId }
  | { readonly type: 'host-link-restore'; readonly host: string; readonly cluster: ClusterId }
  | { readonly type: 'cluster-fail'; readonly cluster: ClusterId }
  /** A whole site is lost (power, disaster): every cluster there fails and so does the site's TSSC (11.8.1). */
  | { readonly type: 'site-fail'; readonly site: string }
  /** The lost site comes back: its TSSC answers again and each of its clusters is restored as by `cluster-restore`. */
  | { readonly type: 'site-restore'; readonly site: string }
  /** Repair: the cluster rejoins the grid (only if it can reach every cluster that took over from it). */
  | { readonly type: 'cluster-restore'; readonly cluster: ClusterId }
  /** Service preparation, then service mode, then back (OWN-6). */
  | { readonly type: 'service-prep'; readonly cluster: ClusterId }
  | { readonly type: 'service-mode'; readonly cluster: ClusterId }
  | { readonly type: 'end-service'; readonly cluster: ClusterId }
  /** An operator sets a takeover mode at `at` for the failed cluster `of` through the MI (OWN-3..5). */
  | { readonly type: 'set-takeover'; readonly at: ClusterId; readonly of: ClusterId; readonly mode: TakeoverMode }
  | { readonly type: 'clear-takeover'; readonly at: ClusterId; readonly of: ClusterId }
  /** Turn write protect on or off at a cluster with its configured exclusions (WP-1..4). */
  | { readonly type: 'set-write-protect'; readonly cluster: ClusterId; readonly enabled: boolean }
  /** An operator sets or removes the Fast Ready attribute of a scratch category on one cluster's MI (CAT-1, 11.10.4 step 7). */
  | { readonly type: 'set-fast-ready'; readonly cluster: ClusterId; readonly category: string; readonly enabled: boolean }
  /** A Copy Export starts at the cluster holding its export list volume, and ends (CE-4). */
  | { readonly type: 'copy-export-begin'; readonly cluster: ClusterId; readonly listVolser: string }
  | { readonly type: 'copy-export-end' }
  /** GRIDCNTL: suspend or resume copies to and from a cluster (CCP-7). */
  | { readonly type: 'suspend-copies'; readonly cluster: ClusterId }
  | { readonly type: 'resume-copies'; readonly cluster: ClusterId }
  /** The DR host's catalogs become a point-in-time copy of a production host's (CAT-4, 11.9.1). */
  | { readonly type: 'snapshot-catalog'; readonly from: string; readonly to: string }
  /** The DR host's test environment is destaged at the end of a test: its catalog snapshot is gone. */
  | { readonly type: 'clear-catalog'; readonly host: string }
  /** An operator varies a host's standby devices on a cluster online or offline (GDPS-4, 11.8.1). */
  | { readonly type: 'vary-devices'; readonly host: string; readonly cluster: ClusterId; readonly online: boolean }
  /** GDPS moves production to the hosts of `site` (GDPS-2, GDPS-3, 11.8.1). */
  | { readonly type: 'gdps-site-switch'; readonly site: string }
  /** A DR test starts; `lengthMinutes` is its planned length, when known (11.9.7). */
  | { readonly type: 'begin-dr-test'; readonly lengthMinutes?: number }
  /** A real disaster is declared: `host` runs production from here on, with a copy of the production catalog (DRT-7, 11.11). */
  | { readonly type: 'declare-disaster'; readonly host: string }
  | { readonly type: 'end-dr-test' }
  /** Time passes: AOTM timers, copy draining at link rates, cache migration (OWN-8, CCP-2, CCP-9). */
  | { readonly type: 'advance'; readonly minutes: number };

/** The `type` names of all events, for exhaustive tables (e.g. test coverage of every event). */
export type GridEventType = GridEvent['type'];
