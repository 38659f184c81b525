import type { ClusterDefinition, ClusterId, GridDefinition } from './definition.js';
import type { GridState } from './state.js';

/** Key of an unordered cluster pair, "0-1" (smaller id first). */
export function pairKey(a: ClusterId, b: ClusterId): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/** The cluster definition with this id, or undefined. */
export function clusterDefinition(definition: GridDefinition, id: ClusterId): ClusterDefinition | undefined {
  return definition.clusters.find((cluster) => cluster.id === id);
}

/** Cluster ids of the grid in ascending order. */
export function clusterIds(definition: GridDefinition): ClusterId[] {
  return definition.clusters.map((cluster) => cluster.id).sort((a, b) => a - b);
}

/**
 * Whether a cluster takes part in grid communication: up, or preparing for service (it still answers
 * ownership requests and surrenders volumes, OWN-6).
 */
export function isOperational(state: GridState, id: ClusterId): boolean {
  const status = state.clusters[id];
  return status === 'up' || status === 'service-prep';
}

/** Whether at least one grid link of the pair is up (TOP-2). */
export function anyLinkUp(state: GridState, a: ClusterId, b: ClusterId): boolean {
  const links = state.links[pairKey(a, b)];
  return links !== undefined && links.some((up) => up);
}

/** Index of the first link of the pair that is up, or null (TOP-2: a rerun uses another link). */
export function firstLinkUp(state: GridState, a: ClusterId, b: ClusterId): number | null {
  const links = state.links[pairKey(a, b)];
  if (links === undefined) return null;
  const index = links.findIndex((up) => up);
  return index < 0 ? null : index;
}

/**
 * Whether two clusters can talk over the grid right now: both operational and a link up between them
 * (TOP-2, OWN-2). A cluster always reaches itself while operational.
 */
export function canCommunicate(state: GridState, a: ClusterId, b: ClusterId): boolean {
  if (!isOperational(state, a) || !isOperational(state, b)) return false;
  return a === b || anyLinkUp(state, a, b);
}
