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
  /** Takeover set at the DR clusters for production clusters when the links are broken (OWN-9: read). */
  readonly takeoverWhenBroken: TakeoverMode | 'none';
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
}

/** Volume serials a setup inserts for each host: A00001.. for the first host, B00001.. for the next. */
export function hostVolsers(setup: VerifySetup, hostIndex: number): string[] {
  const prefix = String.fromCharCode(65 + (hostIndex % 26));
  return Array.from({ length: setup.volumesPerHost }, (_, index) => `${prefix}${String(index + 1).padStart(5, '0')}`);
}
