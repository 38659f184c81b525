import type { ClusterId } from './definition.js';
import { descendsFrom, newerOf } from './lineage.js';
import type { Observation } from './observations.js';
import type { ClusterCopy, GridState, VolumeState } from './state.js';
import { canCommunicate, clusterIds } from './topology.js';
import { mutableVolume } from './volumes.js';

/**
 * Keeping the clusters' databases in step. Metadata (category, constructs, the newest known data
 * version) is shared at once with every cluster that can be reached; data moves only as copies.
 * Clusters cut off keep their older record until they can talk again (11.9.2, OWN-12).
 */

/** Copies `from`'s record of the volume (metadata only) to one other cluster. */
function shareRecord(volume: VolumeState, from: ClusterCopy, to: ClusterId): void {
  const existing = volume.copies[to];
  if (existing === undefined) {
    volume.copies[to] = {
      dataVersion: null,
      knownDataVersion: from.knownDataVersion,
      metaVersion: from.metaVersion,
      category: from.category,
      managementClass: from.managementClass,
      categorySince: from.categorySince,
      resident: false,
      preference: 'PG0',
    };
    return;
  }
  existing.knownDataVersion = from.knownDataVersion;
  existing.metaVersion = from.metaVersion;
  existing.category = from.category;
  existing.managementClass = from.managementClass;
  existing.categorySince = from.categorySince;
}

/**
 * Shares `from`'s record of the volume with every cluster it can reach now.
 * Assumption ASM-11 (README): metadata reaches every reachable cluster at once; data moves only as copies.
 */
export function propagateRecord(state: GridState, volume: VolumeState, from: ClusterId): void {
  const source = volume.copies[from];
  if (source === undefined) return;
  for (const other of clusterIds(state.definition)) {
    if (other !== from && canCommunicate(state, from, other)) shareRecord(volume, source, other);
  }
}

/**
 * Two clusters that can talk again bring their records together (OWN-7, CCP-7):
 * - a volume one of them took over with full access from the other follows the taker: the old owner
 *   gives up its token and its record; changes it made while cut off are lost (reported, DRT-7: rerun);
 * - a read-only token taken from the other is dropped now that the owner answers;
 * - otherwise the record on the newer line of history wins; records that diverged without a takeover
 *   are left for OWN-11 to report.
 */
export function reconcilePair(state: GridState, a: ClusterId, b: ClusterId, observations: Observation[]): void {
  for (const volser of Object.keys(state.volumes)) {
    const shared = state.volumes[volser];
    if (shared === undefined || (shared.copies[a] === undefined && shared.copies[b] === undefined)) continue;
    const volume = mutableVolume(state, volser);
    if (volume === undefined) continue;
    const recordA = volume.copies[a];
    const recordB = volume.copies[b];
    if (recordA !== undefined && recordB === undefined) shareRecord(volume, recordA, b);
    else if (recordB !== undefined && recordA === undefined) shareRecord(volume, recordB, a);
    else if (recordA !== undefined && recordB !== undefined) {
      const taker = fullTaker(volume, a, b);
      if (taker !== null) followTaker(volume, taker, taker === a ? b : a, observations);
      else mergeNewer(volume, recordA, recordB);
    }
    reconcileOwnership(volume, a, b, observations);
  }
}

/** The cluster of the pair that took the volume over with full access from the other, if any. */
function fullTaker(volume: VolumeState, a: ClusterId, b: ClusterId): ClusterId | null {
  for (const [holder, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const token = volume.ownership.find((candidate) => candidate.cluster === holder && candidate.takenFrom === other && candidate.access === 'full');
    if (token !== undefined && volume.ownership.some((candidate) => candidate.cluster === other)) return holder;
  }
  return null;
}

function followTaker(volume: VolumeState, taker: ClusterId, old: ClusterId, observations: Observation[]): void {
  const source = volume.copies[taker];
  const target = volume.copies[old];
  if (source === undefined || target === undefined) return;
  const lostData = target.dataVersion !== null && !descendsFrom(volume.dataParent, source.knownDataVersion, target.dataVersion);
  const lostMeta = !descendsFrom(volume.metaParent, source.metaVersion, target.metaVersion);
  if (lostData || lostMeta) {
    observations.push({ kind: 'info', message: `C${old} discards its changes to ${volume.volser} made while cut off: C${taker} took the volume over (rerun those jobs)` });
  }
  shareRecord(volume, source, old);
  if (lostData) {
    target.dataVersion = null;
    target.resident = false;
  }
}

function mergeNewer(volume: VolumeState, recordA: ClusterCopy, recordB: ClusterCopy): void {
  const newerMeta = newerOf(volume.metaParent, recordA.metaVersion, recordB.metaVersion);
  const newerData = newerOf(volume.dataParent, recordA.knownDataVersion, recordB.knownDataVersion);
  if (newerMeta === null || newerData === null) return;
  const metaSource = newerMeta === recordA.metaVersion ? recordA : recordB;
  const metaTarget = metaSource === recordA ? recordB : recordA;
  metaTarget.metaVersion = metaSource.metaVersion;
  metaTarget.category = metaSource.category;
  metaTarget.managementClass = metaSource.managementClass;
  metaTarget.categorySince = metaSource.categorySince;
  recordA.knownDataVersion = newerData;
  recordB.knownDataVersion = newerData;
}

function reconcileOwnership(volume: VolumeState, a: ClusterId, b: ClusterId, observations: Observation[]): void {
  for (const [holder, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const taken = volume.ownership.find((token) => token.cluster === holder && token.takenFrom === other);
    const original = volume.ownership.find((token) => token.cluster === other);
    if (taken === undefined || original === undefined) continue;
    if (taken.access === 'read-only') {
      volume.ownership = volume.ownership.filter((token) => token !== taken);
    } else {
      volume.ownership = volume.ownership.filter((token) => token !== original);
      observations.push({ kind: 'info', message: `C${other} gives up ownership of ${volume.volser}: C${holder} took it over` });
    }
  }
}

/** Reconciles every pair of clusters that can communicate now (after a repair). */
export function reconcileAll(state: GridState, observations: Observation[]): void {
  const ids = clusterIds(state.definition);
  for (const a of ids) {
    for (const b of ids) {
      if (a < b && canCommunicate(state, a, b)) reconcilePair(state, a, b, observations);
    }
  }
}
