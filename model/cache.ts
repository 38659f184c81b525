import type { ClusterId } from './definition.js';
import { isScratchCategory } from './categories.js';
import type { Observation } from './observations.js';
import type { GridState, VolumeState } from './state.js';
import { canCommunicate, clusterDefinition, clusterIds } from './topology.js';
import { mutableVolume } from './volumes.js';

/**
 * Cache of each cluster (TVC-3, TVC-4, CCP-9). Disk-only clusters hold everything they have in cache
 * and may auto-remove volumes a reachable peer still holds; tape-attached clusters migrate to tape,
 * so their cache never fills in the model, but copies received from peers (PG0) leave it first.
 */

/** Megabytes of volume data resident in a cluster's cache. */
export function cacheUsedMB(state: GridState, cluster: ClusterId): number {
  let used = 0;
  for (const volume of Object.values(state.volumes)) {
    const copy = volume.copies[cluster];
    if (copy !== undefined && copy.dataVersion !== null && copy.resident) used += volume.sizeMB;
  }
  return used;
}

/** Free cache in MB (disk-only clusters; tape-attached ones report their nominal free space). */
export function cacheFreeMB(state: GridState, cluster: ClusterId): number {
  const definition = clusterDefinition(state.definition, cluster);
  return definition === undefined ? 0 : definition.cacheMB - cacheUsedMB(state, cluster);
}

/**
 * Whether a disk-only cluster is out of cache: scratch mounts and writes through it fail (TVC-4,
 * scenario 8). Tape-attached clusters are never full here: their data migrates to tape.
 */
export function cacheFull(state: GridState, cluster: ClusterId): boolean {
  const definition = clusterDefinition(state.definition, cluster);
  if (definition === undefined || definition.kind !== 'disk-only') return false;
  return cacheFreeMB(state, cluster) < definition.autoRemoval.outOfCacheMB;
}


/** A peer that can be reached now and holds the same valid version (auto-removal needs one; assumed). */
function reachablePeerHolds(state: GridState, volume: VolumeState, cluster: ClusterId): boolean {
  const version = volume.copies[cluster]?.dataVersion;
  return clusterIds(state.definition).some(
    (peer) => peer !== cluster && canCommunicate(state, cluster, peer) && volume.copies[peer]?.dataVersion === version,
  );
}

/**
 * Assumption ASM-13 (README): only volumes a reachable peer holds in the same version are removed.
 * TVC-4: a disk-only cluster with auto-removal enabled and free space below its removal threshold
 * removes volumes that a reachable peer still holds: scratch categories first, then the oldest.
 */
export function autoRemove(state: GridState, cluster: ClusterId, observations: Observation[]): void {
  const definition = clusterDefinition(state.definition, cluster);
  if (definition === undefined || definition.kind !== 'disk-only' || !definition.autoRemoval.enabled) return;
  if (state.clusters[cluster] !== 'up') return;
  if (cacheFreeMB(state, cluster) >= definition.autoRemoval.removalThresholdMB) return;
  const candidates = Object.values(state.volumes)
    .filter((volume) => {
      const copy = volume.copies[cluster];
      // Version 0 is the empty volume as inserted: it takes no space, so removing it frees nothing.
      return copy !== undefined && copy.dataVersion !== null && copy.dataVersion > 0 && volume.mounts.length === 0 && reachablePeerHolds(state, volume, cluster);
    })
    .sort((a, b) => {
      const scratchA = isScratchCategory(state.definition, a.copies[cluster]?.category ?? '') ? 0 : 1;
      const scratchB = isScratchCategory(state.definition, b.copies[cluster]?.category ?? '') ? 0 : 1;
      return scratchA - scratchB || a.lastWrittenAt - b.lastWrittenAt || a.volser.localeCompare(b.volser);
    });
  for (const volume of candidates) {
    if (cacheFreeMB(state, cluster) >= definition.autoRemoval.removalThresholdMB) break;
    const copy = mutableVolume(state, volume.volser)?.copies[cluster];
    if (copy === undefined) continue;
    copy.dataVersion = null;
    copy.resident = false;
    observations.push({ kind: 'auto-removed', volser: volume.volser, cluster });
  }
}

/**
 * Assumption ASM-14 (README): steady cache pressure, so PG0 copies leave at the next `advance`.
 * TVC-3, CCP-9: on a tape-attached cluster, copies received from peers are PG0 unless COPYFSC keeps
 * them; when time passes they leave the cache (they stay valid on tape, a mount needs a recall).
 * The model assumes steady cache pressure, so this happens at the next `advance`.
 */
export function migratePreferenceGroupZero(state: GridState, cluster: ClusterId, observations: Observation[]): void {
  const definition = clusterDefinition(state.definition, cluster);
  if (definition === undefined || definition.kind !== 'tape-attached' || state.clusters[cluster] !== 'up') return;
  for (const volume of Object.values(state.volumes)) {
    const copy = volume.copies[cluster];
    if (copy === undefined || copy.dataVersion === null || !copy.resident || copy.preference !== 'PG0') continue;
    if (volume.mounts.some((mount) => mount.ioCluster === cluster)) continue;
    const changed = mutableVolume(state, volume.volser)?.copies[cluster];
    if (changed !== undefined) changed.resident = false;
    observations.push({ kind: 'migrated', volser: volume.volser, cluster });
  }
}
