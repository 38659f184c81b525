import type { ClusterId, ScratchCategoryDefinition } from './definition.js';
import { isFastReadyAt, scratchCategoryOf, writeProtectApplies } from './categories.js';
import type { Observation } from './observations.js';
import type { ClusterCopy, GridState, VolumeState } from './state.js';
import { clusterDefinition } from './topology.js';
import { mutableVolume } from './volumes.js';

/**
 * Delete Expire (CAT-5, 11.4.1): a scratch category with an expire time deletes the data of a volume
 * that has sat in it that long. Which cluster deletes what is an assumption (ASM-21, README): each
 * cluster deletes its own copy when its own record has expired, so a cluster cut off from the
 * return to scratch keeps its copy (11.9.7: the test site "will not be aware of the change").
 */

function scratchCategory(state: GridState, category: string): ScratchCategoryDefinition | undefined {
  return scratchCategoryOf(state.definition, category);
}

/**
 * Whether Delete Expire applies to `record` at `cluster` at all (CAT-5): its category carries an
 * expire time, the category is Fast Ready there (11.10.4 step 7 removes the attribute to stop it),
 * and the cluster does not ignore fast ready characteristics of a write-protected category, which
 * "includes Delete Expire and hold processing" (11.4.1, WP-3).
 */
function deleteExpireApplies(state: GridState, cluster: ClusterId, record: ClusterCopy): ScratchCategoryDefinition | null {
  const scratch = scratchCategory(state, record.category);
  if (scratch === undefined || (scratch.deleteExpireMinutes ?? 0) <= 0 || record.categorySince === null) return null;
  if (!isFastReadyAt(state, cluster, record.category)) return null;
  const ignores = clusterDefinition(state.definition, cluster)?.writeProtect.ignoreFastReady === true && writeProtectApplies(state, cluster, record.category);
  return ignores ? null : scratch;
}

/** The time at which `cluster` deletes its copy of the data in `record`, or null if it never will (CAT-5). */
export function deleteExpireAt(state: GridState, cluster: ClusterId, record: ClusterCopy): number | null {
  // Version 0 is the empty volume as inserted: there is no data to delete.
  if (record.dataVersion === null || record.dataVersion === 0) return null;
  const scratch = deleteExpireApplies(state, cluster, record);
  if (scratch === null || record.categorySince === null) return null;
  return record.categorySince + (scratch.deleteExpireMinutes ?? 0);
}

/**
 * Whether a mount through `cluster` finds the volume's data deleted by Delete Expire (CAT-5): its
 * record there still sits in a scratch category whose expire time has passed, and some cluster's
 * copy is gone. A mount that then finds no valid copy reports `data-deleted`, not a missing copy.
 * A volume that left the category since (a scratch mount reused it) is not "deleted" but reused.
 */
export function deletedByExpire(state: GridState, volume: VolumeState, cluster: ClusterId): boolean {
  const record = volume.copies[cluster];
  if (record === undefined || record.categorySince === null) return false;
  const minutes = scratchCategory(state, record.category)?.deleteExpireMinutes ?? 0;
  if (minutes <= 0 || state.time < record.categorySince + minutes) return false;
  return Object.values(volume.copies).some((copy) => copy.dataVersion === null);
}

/**
 * Runs Delete Expire after time passed (CAT-5): every operational cluster deletes the copies whose
 * expire time has come and that no job has mounted. The record stays (the volume is still defined,
 * in its scratch category); the data and its cache space are gone.
 */
export function runDeleteExpire(state: GridState, observations: Observation[]): void {
  for (const volser of Object.keys(state.volumes).sort()) {
    const volume = state.volumes[volser];
    if (volume === undefined || volume.mounts.length > 0) continue;
    const due = Object.keys(volume.copies)
      .map(Number)
      .filter((cluster) => {
        const record = volume.copies[cluster];
        const at = record === undefined ? null : deleteExpireAt(state, cluster, record);
        return at !== null && at <= state.time && state.clusters[cluster] === 'up';
      });
    if (due.length === 0) continue;
    const changed = mutableVolume(state, volser);
    if (changed === undefined) continue;
    for (const cluster of due) {
      const record = changed.copies[cluster];
      if (record === undefined) continue;
      record.dataVersion = null;
      record.resident = false;
      observations.push({ kind: 'data-expired', volser, cluster, category: record.category });
    }
  }
}
