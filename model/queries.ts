import type { ClusterId, GridDefinition } from './definition.js';
import { onOneLine } from './lineage.js';
import { ownershipPlan, writeCapableOwners } from './ownership.js';
import { privateIoCluster } from './selection.js';
import { copySource, pairCopyRate } from './copies.js';
import { deleteExpireAt } from './expire.js';
import { clusterDefinition, pairKey } from './topology.js';
import type { GridState, VolumeState } from './state.js';

/**
 * Read-only questions about a state, for invariants, scenarios and reports. None changes the state.
 */

/** How a volume could be read through one cluster right now. */
export type Readability =
  | { readonly kind: 'readable'; readonly ioCluster: ClusterId; readonly viaTakeover: boolean }
  | { readonly kind: 'needs-takeover'; readonly owner: ClusterId }
  | { readonly kind: 'unreadable'; readonly reason: 'cluster-not-up' | 'unknown-volume' | 'no-valid-copy' | 'no-ownership' | 'stale-copy-only' };

/**
 * Whether a specific read mount of the volume through `cluster` would give the latest data now
 * (OWN-2..5, TVC-1, OWN-12): ownership obtainable and a copy of the newest version reachable; a mount
 * that would only surface an older copy is "stale-copy-only". "needs-takeover" means the owner does not answer
 * and a valid copy is reachable: a takeover mode would make it readable (FS-5).
 */
export function readabilityThrough(state: GridState, volser: string, cluster: ClusterId): Readability {
  if (state.clusters[cluster] !== 'up') return { kind: 'unreadable', reason: 'cluster-not-up' };
  const volume = state.volumes[volser];
  if (volume === undefined || volume.copies[cluster] === undefined) return { kind: 'unreadable', reason: 'unknown-volume' };
  const ioCluster = privateIoCluster(state, volume, cluster);
  const plan = ownershipPlan(state, volume, cluster);
  if (plan.kind === 'refused') {
    if (ioCluster !== null && plan.owner !== null) return { kind: 'needs-takeover', owner: plan.owner };
    return { kind: 'unreadable', reason: ioCluster === null ? 'no-valid-copy' : 'no-ownership' };
  }
  if (ioCluster === null) return { kind: 'unreadable', reason: 'no-valid-copy' };
  // Readable means the latest data: a cluster cut off from a later write sees its old copy as valid,
  // but a job reading it would get stale data (OWN-12).
  if (volume.copies[ioCluster]?.dataVersion !== volume.dataParent.length - 1) return { kind: 'unreadable', reason: 'stale-copy-only' };
  return { kind: 'readable', ioCluster, viaTakeover: plan.kind === 'takeover' || (plan.kind === 'held' && plan.access === 'read-only') };
}

/**
 * OWN-11: whether the volume's history split, i.e. two clusters hold data, known data or metadata
 * versions neither of which descends from the other (both changed the volume independently).
 * `among` limits the question to some clusters (e.g. the operational ones: a failed cluster's branch
 * is discarded when it rejoins after a takeover).
 */
export function hasDiverged(volume: VolumeState, among?: readonly ClusterId[]): boolean {
  const records = Object.entries(volume.copies)
    .filter(([id]) => among === undefined || among.includes(Number(id)))
    .map(([, record]) => record);
  const data = new Set<number>();
  const meta = new Set<number>();
  for (const record of records) {
    if (record.dataVersion !== null) data.add(record.dataVersion);
    data.add(record.knownDataVersion);
    meta.add(record.metaVersion);
  }
  const allOnOneLine = (parent: readonly number[], versions: number[]): boolean =>
    versions.every((a, i) => versions.every((b, j) => j <= i || onOneLine(parent, a, b)));
  return !allOnOneLine(volume.dataParent, [...data]) || !allOnOneLine(volume.metaParent, [...meta]);
}

/** Volumes that two operational clusters may both change now (OWN-1, OWN-11). */
export function dualOwnedVolumes(state: GridState): { volser: string; owners: ClusterId[] }[] {
  return Object.values(state.volumes)
    .map((volume) => ({ volser: volume.volser, owners: writeCapableOwners(state, volume) }))
    .filter((entry) => entry.owners.length > 1);
}

/** The oldest age (minutes) of data still waiting for a queued copy, or 0. */
export function oldestUncopiedAge(state: GridState): number {
  let oldest = 0;
  for (const queued of state.copyQueue) oldest = Math.max(oldest, state.time - queued.enqueuedAt);
  return oldest;
}

/**
 * Minutes until the next moment at which time changes something discrete (OWN-8, CAT-2, CCP-2): an
 * AOTM check falls due, an expire hold ends, Delete Expire deletes a copy (CAT-5), or a queued copy that can move at a link's copy rate
 * completes; else, if copies from peers still sit in a tape-attached cache (PG0, CCP-9), a minute (they
 * leave at the next advance). Null when time passing would change nothing but clocks.
 */
export function nextDeadline(state: GridState): number | null {
  let soonest = Number.POSITIVE_INFINITY;
  for (const timer of state.aotmTimers) if (timer.nextCheckAt > state.time) soonest = Math.min(soonest, timer.nextCheckAt - state.time);
  const holds = new Map(state.definition.categories.scratch.map((category) => [category.id, category.expireHoldMinutes]));
  for (const volume of Object.values(state.volumes)) {
    for (const [id, copy] of Object.entries(volume.copies)) {
      const hold = holds.get(copy.category) ?? 0;
      if (hold > 0 && copy.categorySince !== null && copy.categorySince + hold > state.time) soonest = Math.min(soonest, copy.categorySince + hold - state.time);
      const deletion = deleteExpireAt(state, Number(id), copy);
      if (deletion !== null && deletion > state.time) soonest = Math.min(soonest, deletion - state.time);
    }
  }
  const busyPairs = new Set<string>();
  for (const queued of state.copyQueue) {
    const from = copySource(state, queued);
    if (from === null) continue;
    const key = pairKey(from, queued.to);
    if (busyPairs.has(key)) continue;
    busyPairs.add(key);
    const rate = pairCopyRate(state, key);
    if (rate > 0) soonest = Math.min(soonest, queued.remainingMB / rate);
  }
  if (Number.isFinite(soonest)) return soonest;
  const pending = Object.values(state.volumes).some((volume) =>
    Object.entries(volume.copies).some(([id, copy]) => copy.resident && copy.preference === 'PG0' && copy.dataVersion !== null && clusterDefinition(state.definition, Number(id))?.kind === 'tape-attached' && state.clusters[Number(id)] === 'up'),
  );
  return pending ? 1 : null;
}

/**
 * The management class a generated job on `cluster` writes with: the first class that has a
 * definition on that cluster (CCP-1: the mount cluster's definition applies), else the first class.
 * Shared by the what-if workload and the verification preamble.
 */
export function classDefinedOn(definition: GridDefinition, cluster: ClusterId): string | undefined {
  return (definition.managementClasses.find((mc) => mc.copyModes[cluster] !== undefined) ?? definition.managementClasses[0])?.name;
}
