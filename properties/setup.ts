import type { Requirement } from './requirements.js';
import type { ClusterId, GridDefinition, TakeoverMode } from '../model/index.js';

/**
 * What verification needs beyond the model's grid definition: the operators' runbook, the DR test
 * the configuration describes, the targets, and how many volumes to play with.
 */

/** A takeover mode operators may set, and when (OWN-3, OWN-5, OWN-9). */
export interface TakeoverRule {
  readonly mode: TakeoverMode;
  /** Clusters where it may be set; undefined: any. */
  readonly at?: readonly ClusterId[];
  /** Clusters it may be set for; undefined: any. */
  readonly of?: readonly ClusterId[];
  /** Confirmed down (safe), or whenever the owner does not answer (allows the mistake of OWN-11). */
  readonly when: 'cluster-confirmed-down' | 'owner-unreachable';
  readonly duringDrTest: boolean;
}

/** A DR test as the configuration describes it (DRT-1..4; issue 8 extends it into full plans). */
export interface DrTestSetup {
  readonly host: string;
  readonly clusters: readonly ClusterId[];
  /** Enable write protect on the DR clusters while the test runs (WP-1, 11.10.1). */
  readonly writeProtect: boolean;
  /** Links kept, or broken for the test (DRT-1, 11.9.2). */
  readonly links: 'kept' | 'broken';
  /** Production return-to-scratch running or suspended during the test (DRT-4, CAT-4). */
  readonly productionReturnToScratch: 'running' | 'suspended';
  /** Production scratch categories whose Fast Ready attribute is removed at the DR clusters for the test (11.10.4 step 7). */
  readonly removeFastReady: readonly string[];
  /** Takeover set at the DR clusters for production clusters when the links are broken (OWN-9: read). */
  readonly takeoverWhenBroken: TakeoverMode | 'none';
  /** The seed procedure followed, for the checklist. */
  readonly procedure: 'two-cluster-swp' | 'two-cluster-links-kept' | 'two-cluster-links-broken' | 'three-cluster-links-kept' | null;
  /** Prefix of the test's VOLSER range (DRT-2), or null to use the host's default range. */
  readonly testRangePrefix: string | null;
  /** Insert the test range before breaking the links (OWN-10, 11.10.3 step 8). */
  readonly insertBeforeBreak: boolean;
  /** Class the test host writes with (No Copy toward production, 11.9.6). */
  readonly testManagementClass: string | null;
  /** RMM REJECT ANYUSE prefixes on production (DRT-3). */
  readonly productionRejectAnyUse: readonly string[];
  /** RMM REJECT OUTPUT prefixes on the test host (DRT-3). */
  readonly testRejectOutput: readonly string[];
  /** Return-to-scratch running on the test host (DRT-4 says it must not). */
  readonly testReturnToScratch: boolean;
  /**
   * Planned length of the test in minutes (`drTest.length`): the DR host acts only before it ends, so
   * an expire time longer than the test protects its input (11.9.7, CAT-2, CAT-5). Absent: unbounded.
   */
  readonly lengthMinutes?: number;
}

/** Whether an RMM-style pattern ("TST*", "A00001") matches a volume serial. */
export function matchesPattern(volser: string, pattern: string): boolean {
  return pattern.endsWith('*') ? volser.startsWith(pattern.slice(0, -1)) : volser === pattern;
}

/** Everything verification explores. */
export interface VerifySetup {
  readonly definition: GridDefinition;
  readonly runbook: readonly TakeoverRule[];
  readonly drTest: DrTestSetup | null;
  /** Management classes whose data must survive the loss of any one cluster (targets). */
  readonly survivesLossOfOneCluster: readonly string[];
  /** Scratch volumes inserted for each production host (and for the DR host). */
  readonly volumesPerHost: number;
  /** Hosts that run production from a copy of the production catalog once a disaster is declared (DRT-7). */
  readonly disasterHosts?: readonly string[];
  /** Start every run with the DR test already begun (DR plan checks explore the test period). */
  readonly startInDrTest?: boolean;
  /** The GDPS two-site sysplex the grid serves, if any: production runs at one site's hosts and GDPS may switch it (GDPS-2, GDPS-3). */
  readonly gdps?: GdpsSetup;
  /** The configuration's own requirements, checked beside the built-in invariants (properties/requirements.ts). */
  readonly requirements?: readonly Requirement[];
}

/** A GDPS two-site sysplex as verification sees it (11.8.1). */
export interface GdpsSetup {
  /** The two sites of the sysplex. */
  readonly sites: readonly [string, string];
  /** The site production runs at before any switch. */
  readonly production: string;
}

/**
 * Volume serials a setup inserts for each host: A00001.. for the first host, B00001.. for the next;
 * the DR test host uses the test range's prefix when the plan gives one (TST001..).
 */
export function hostVolsers(setup: VerifySetup, hostIndex: number): string[] {
  const host = setup.definition.hosts[hostIndex];
  const testPrefix = host !== undefined && setup.drTest?.host === host.name ? setup.drTest.testRangePrefix : null;
  const prefix = testPrefix ?? String.fromCharCode(65 + (hostIndex % 26));
  return Array.from({ length: setup.volumesPerHost }, (_, index) => `${prefix}${String(index + 1).padStart(6 - prefix.length, '0')}`);
}
