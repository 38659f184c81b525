import type { ClusterId, GridDefinition, ScratchCategoryDefinition } from './definition.js';
import type { ClusterCopy, GridState } from './state.js';
import { clusterDefinition } from './topology.js';

/** The scratch (Fast Ready) category definition of `category`, if it is one (CAT-1, CAT-2, CAT-5). */
export function scratchCategoryOf(definition: GridDefinition, category: string): ScratchCategoryDefinition | undefined {
  return definition.categories.scratch.find((candidate) => candidate.id === category);
}

/** Whether a category is defined as a scratch (Fast Ready) category on some cluster (CAT-1). */
export function isScratchCategory(definition: GridDefinition, category: string): boolean {
  return definition.categories.scratch.some((scratch) => scratch.id === category);
}

/**
 * Whether `cluster` treats `category` as Fast Ready now (CAT-1): the category is defined as scratch
 * on that cluster's MI and nobody removed the attribute there. The cluster that receives a mount
 * decides: a specific mount of a volume in such a category gets an empty volume, and a scratch mount
 * may use the category only where it is Fast Ready.
 */
export function isFastReadyAt(state: GridState, cluster: ClusterId, category: string): boolean {
  const scratch = scratchCategoryOf(state.definition, category);
  if (scratch === undefined || (scratch.fastReadyAt !== undefined && !scratch.fastReadyAt.includes(cluster))) return false;
  return !state.fastReadyRemoved.includes(`${cluster}:${category}`);
}

/** Whether a category is excluded from write protect at a cluster; insert always is (WP-2). */
export function isExcludedFromWriteProtect(definition: GridDefinition, cluster: ClusterId, category: string): boolean {
  if (category === definition.categories.insert) return true;
  return clusterDefinition(definition, cluster)?.writeProtect.excludedCategories.includes(category) === true;
}

/**
 * Whether write protect at `cluster` protects a volume in `category` now (WP-1, WP-2, WP-4): write
 * protect is on at that cluster and the category is not excluded.
 */
export function writeProtectApplies(state: GridState, cluster: ClusterId, category: string): boolean {
  return state.writeProtect[cluster] === true && !isExcludedFromWriteProtect(state.definition, cluster, category);
}

/** Whether a record in a scratch category is still inside its expire hold (CAT-2). */
export function expireHoldActive(state: GridState, record: ClusterCopy): boolean {
  const scratch = scratchCategoryOf(state.definition, record.category);
  if (scratch === undefined || scratch.expireHoldMinutes <= 0 || record.categorySince === null) return false;
  return state.time < record.categorySince + scratch.expireHoldMinutes;
}
