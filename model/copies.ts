import type { ClusterId } from './definition.js';
import { descendsFrom } from './lineage.js';
import type { Observation } from './observations.js';
import type { GridState, QueuedCopy, VolumeState } from './state.js';
import { mutableVolume } from './volumes.js';
import { canCommunicate, clusterDefinition, clusterIds, pairKey } from './topology.js';

/**
 * Copies between clusters (CCP-1, CCP-2, CCP-6, CCP-7, CCP-9). RUN copies are placed at rewind-unload;
 * deferred ones wait in a FIFO queue and move on `deferred-copy` events or, when the links have a copy
 * rate, as time advances. Copies to a cluster that cannot be reached stay queued (CCP-7).
 */

/**
 * Puts a consistent copy of `version` on `cluster`. Copies received from a peer are PG0 on
 * tape-attached clusters unless COPYFSC keeps them (CCP-9, TVC-3).
 */
export function placeCopy(state: GridState, volume: VolumeState, cluster: ClusterId, version: number, preference: 'PG0' | 'PG1'): void {
  const record = volume.copies[cluster];
  if (record === undefined) return;
  record.dataVersion = version;
  if (descendsFrom(volume.dataParent, version, record.knownDataVersion)) record.knownDataVersion = version;
  record.resident = true;
  record.preference = preference === 'PG0' && clusterDefinition(state.definition, cluster)?.keepCopiesInCache === true ? 'PG1' : preference;
  state.copyQueue = state.copyQueue.filter(
    (queued) => !(queued.volser === volume.volser && queued.to === cluster && descendsFrom(volume.dataParent, version, queued.dataVersion)),
  );
}

/** Queues a copy of `version` to `to`, replacing queued copies of older versions to the same cluster. */
export function enqueueCopy(state: GridState, volume: VolumeState, to: ClusterId, version: number, kind: QueuedCopy['kind']): void {
  const superseded = state.copyQueue.filter((queued) => queued.volser === volume.volser && queued.to === to);
  // A new version keeps the GS-4 mark of the copy it replaces: the RUN promise is still unmet.
  const wasImmediate = superseded.some((queued) => queued.kind === 'immediate-deferred');
  state.copyQueue = state.copyQueue.filter((queued) => !(queued.volser === volume.volser && queued.to === to));
  state.copyQueue.push({
    volser: volume.volser,
    dataVersion: version,
    to,
    kind: wasImmediate ? 'immediate-deferred' : kind,
    enqueuedAt: state.time,
    remainingMB: volume.sizeMB,
  });
}

/** A cluster that can send this queued copy now: operational, reachable, holding that version. */
export function copySource(state: GridState, queued: QueuedCopy): ClusterId | null {
  const volume = state.volumes[queued.volser];
  if (volume === undefined) return null;
  if (state.copiesSuspended.includes(queued.to) || state.clusters[queued.to] !== 'up') return null;
  for (const id of clusterIds(state.definition)) {
    if (id === queued.to || state.copiesSuspended.includes(id)) continue;
    if (volume.copies[id]?.dataVersion === queued.dataVersion && canCommunicate(state, id, queued.to)) return id;
  }
  return null;
}

function completeCopy(state: GridState, queued: QueuedCopy, from: ClusterId, at: number, observations: Observation[]): void {
  const volume = mutableVolume(state, queued.volser);
  if (volume === undefined) return;
  placeCopy(state, volume, queued.to, queued.dataVersion, 'PG0');
  observations.push({ kind: 'copy', volser: queued.volser, dataVersion: queued.dataVersion, from, to: queued.to, ageMinutes: at - volume.lastWrittenAt });
}

/** Completes the oldest queued copy that can move now (to `to` when given). CCP-2, CCP-7. */
export function deferredCopy(state: GridState, to: ClusterId | undefined, observations: Observation[]): void {
  for (const queued of state.copyQueue) {
    if (to !== undefined && queued.to !== to) continue;
    const from = copySource(state, queued);
    if (from === null) continue;
    completeCopy(state, queued, from, state.time, observations);
    return;
  }
  observations.push({ kind: 'info', message: to === undefined ? 'no queued copy can move now' : `no queued copy to C${to} can move now` });
}

/** Copy throughput of a pair now, MB per minute: its rate scaled by the share of its links that are up. */
export function pairCopyRate(state: GridState, key: string): number {
  const link = state.definition.links.find((candidate) => pairKey(candidate.between[0], candidate.between[1]) === key);
  const upShare = (state.links[key]?.filter((up) => up).length ?? 0) / Math.max(1, link?.count ?? 1);
  return (link?.copyRateMBPerMinute ?? 0) * upShare;
}

/**
 * Assumption ASM-19 (README): copies drain oldest first at the pair's copy rate while all its links are up.
 * Moves queued copies for `minutes` at each pair's copy rate, oldest first (CCP-2, CCP-7). Each pair
 * moves one copy at a time at its full rate, scaled by the share of its links that are up; a copy's
 * completion time inside the interval is exact, so its age is too.
 */
export function drainCopies(state: GridState, minutes: number, observations: Observation[]): void {
  const usedMinutes: Record<string, number> = {};
  for (const queued of [...state.copyQueue]) {
    if (!state.copyQueue.includes(queued)) continue;
    const from = copySource(state, queued);
    if (from === null) continue;
    const key = pairKey(from, queued.to);
    const rate = pairCopyRate(state, key);
    if (rate <= 0) continue;
    const used = usedMinutes[key] ?? 0;
    const available = minutes - used;
    if (available <= 0) continue;
    const needed = queued.remainingMB / rate;
    if (needed <= available) {
      usedMinutes[key] = used + needed;
      completeCopy(state, queued, from, state.time + used + needed, observations);
    } else {
      usedMinutes[key] = minutes;
      queued.remainingMB -= available * rate;
    }
  }
}
