import type { ClusterId, CopyPoint, GridDefinition } from './definition.js';
import type { GridState, VolumeState } from './state.js';
import { canCommunicate, clusterDefinition, clusterIds } from './topology.js';
import { cacheFull } from './cache.js';

/**
 * Assumption ASM-8 (README): a class with no definition on the mount cluster.
 * The copy points in effect for a mount through `mountCluster`: the management class as defined on
 * that cluster (CCP-1..4), with "force volume copy to local" OR-ing a RUN point for it on scratch
 * mounts (TVC-2). A class without a definition there keeps a RUN copy on the mount cluster and uses
 * the configured point elsewhere (assumed; see ModelOptions).
 */
export function effectiveCopyPoints(
  definition: GridDefinition,
  managementClass: string,
  mountCluster: ClusterId,
  scratchMount: boolean,
): CopyPoint[] {
  const ids = clusterIds(definition);
  const defined = definition.managementClasses.find((mc) => mc.name === managementClass)?.copyModes[mountCluster];
  const points: CopyPoint[] = ids.map((id) =>
    defined?.[id] ?? (id === mountCluster ? 'R' : definition.options.undefinedClassOtherClusters),
  );
  if (scratchMount && clusterDefinition(definition, mountCluster)?.override.forceLocalCopy === true && points[mountCluster] !== 'S') {
    points[mountCluster] = 'R';
  }
  return points;
}

/**
 * Assumption ASM-10 (README): the order among the clusters with R, S and D points.
 * The I/O cache for a scratch (Fast Ready) mount (TVC-1, TVC-2): the mount cluster when it has a RUN
 * or Sync point, or any point with "prefer local cache for fast ready mounts"; then a reachable RUN/Sync
 * cluster; then Deferred ones. A disk-only cluster out of cache is skipped (TVC-4). Null: none usable.
 */
export function scratchIoCluster(state: GridState, mountCluster: ClusterId, points: readonly CopyPoint[]): ClusterId | null {
  const definition = state.definition;
  const usable = (id: ClusterId): boolean => canCommunicate(state, mountCluster, id) && !cacheFull(state, id);
  const local = points[mountCluster];
  const preferLocal = clusterDefinition(definition, mountCluster)?.override.preferLocalForScratchMounts === true;
  if (usable(mountCluster) && (local === 'R' || local === 'S' || (preferLocal && local !== 'N'))) return mountCluster;
  const ids = clusterIds(definition);
  const withPoint = (wanted: readonly CopyPoint[]): ClusterId | undefined =>
    ids.find((id) => wanted.includes(points[id] ?? 'N') && usable(id));
  return withPoint(['R', 'S']) ?? (usable(mountCluster) && local === 'D' ? mountCluster : undefined) ?? withPoint(['D']) ?? null;
}

/**
 * Ambiguity AMB-2 (README).
 * The I/O cache for a specific (private) mount (TVC-1, TVC-2). Only clusters holding a valid copy of
 * the version the mount cluster knows qualify. The mount cluster's own valid copy comes first, with a
 * recall there if it is on tape only (seed, chapter opening: "If a recall is required to place the
 * logical volume in the TVC on that cluster, it will be done as part of the mount"); only without one
 * is a peer's copy used, a peer holding it in cache before one that must recall it. "Prefer local
 * cache for non-fast ready mounts" asks for the same local choice, so in the model it changes nothing
 * (README, where the source is ambiguous: 11.8.1 says the default weighs job performance).
 */
export function privateIoCluster(state: GridState, volume: VolumeState, mountCluster: ClusterId): ClusterId | null {
  const known = volume.copies[mountCluster]?.knownDataVersion;
  if (known === undefined) return null;
  const valid = clusterIds(state.definition).filter(
    (id) => canCommunicate(state, mountCluster, id) && volume.copies[id]?.dataVersion === known,
  );
  if (valid.includes(mountCluster)) return mountCluster;
  const rank = (id: ClusterId): number => (volume.copies[id]?.resident === true ? 0 : 1);
  return [...valid].sort((a, b) => rank(a) - rank(b) || a - b)[0] ?? null;
}
