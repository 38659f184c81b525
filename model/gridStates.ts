import type { GridState } from './state.js';
import { canCommunicate, clusterIds, isOperational } from './topology.js';

/** The grid states of 11.2, derived from the state (GS-1..GS-5). */
export type GridStateCode = 'GS-1' | 'GS-2' | 'GS-3' | 'GS-4' | 'GS-5';

/** The seed's names of the grid states. */
export const gridStateNames: Readonly<Record<GridStateCode, string>> = {
  'GS-1': 'Grid Links Degraded',
  'GS-2': 'VTS Operations Degraded',
  'GS-3': 'Copy Operation Disabled',
  'GS-4': "Immediate Mode Copy Completion's Deferred",
  'GS-5': 'Call Home',
};

/**
 * Which grid states hold now:
 * - GS-1 Grid Links Degraded: some grid link is down;
 * - GS-2 VTS Operations Degraded: some grid link is down or some cluster is not up;
 * - GS-3 Copy Operation Disabled: some operational cluster cannot reach another cluster for copies
 *   (down, in service, or cut off), or an operator suspended copies (CCP-7);
 * - GS-4 Immediate Mode Copy Completion's Deferred: a RUN or Sync copy could not be made and waits
 *   in the queue (CCP-6);
 * - GS-5 Call Home: a grid component (link or cluster) has failed and is not yet repaired.
 * Host links are not grid components: their failure raises nothing (FS-1).
 */
export function gridStates(state: GridState): GridStateCode[] {
  const ids = clusterIds(state.definition);
  const linkDown = Object.values(state.links).some((links) => links.some((up) => !up));
  const clusterNotUp = state.clusters.some((status) => status !== 'up');
  const clusterFailed = state.clusters.some((status) => status === 'down');
  const copyBlocked =
    state.copiesSuspended.length > 0 ||
    ids.some((a) => isOperational(state, a) && ids.some((b) => b !== a && !canCommunicate(state, a, b)));
  const immediateDeferred = state.copyQueue.some((queued) => queued.kind === 'immediate-deferred');
  const codes: GridStateCode[] = [];
  if (linkDown) codes.push('GS-1');
  if (linkDown || clusterNotUp) codes.push('GS-2');
  if (copyBlocked) codes.push('GS-3');
  if (immediateDeferred) codes.push('GS-4');
  if (linkDown || clusterFailed) codes.push('GS-5');
  return codes;
}
