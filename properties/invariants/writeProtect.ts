import type { ClusterId, GridState } from '../../model/index.js';
import { observed, type Invariant } from '../invariant.js';

function excluded(state: GridState, cluster: ClusterId, category: string): boolean {
  if (category === state.definition.categories.insert) return true;
  return state.definition.clusters.find((candidate) => candidate.id === cluster)?.writeProtect.excludedCategories.includes(category) === true;
}

/** Whether `cluster` held the volume only under read ownership takeover (OWN-4). */
function readOnlyHolder(state: GridState, volser: string, cluster: ClusterId): boolean {
  const token = state.volumes[volser]?.ownership.find((candidate) => candidate.cluster === cluster);
  if (token === undefined) return false;
  if (token.access === 'read-only') return true;
  if (token.takenFrom === undefined) return false;
  const fromStatus = state.clusters[token.takenFrom];
  const mode = state.takeovers.find((setting) => setting.at === cluster && setting.of === token.takenFrom)?.mode;
  return mode === 'read' && fromStatus !== 'service' && fromStatus !== 'service-prep';
}

/**
 * WP-1..3, OWN-4: through a write-protected cluster no volume outside the excluded categories changes
 * data, category or constructs ("ignore fast ready" surfaces data but never allows a write); a volume
 * taken under read ownership takeover is never modified through the taker.
 */
export const writeProtectHolds: Invariant = {
  id: 'write-protect-holds',
  title: 'Write protect and read-only takeover stop every change',
  rules: ['WP-1', 'WP-2', 'WP-3', 'WP-4', 'OWN-4'],
  // Put to the test by a host operation while write protect or a read takeover is in effect.
  situation: ({ before, resolved }) =>
    resolved.events.some((event) => event.type === 'write' || event.type === 'scratch-mount' || event.type === 'specific-mount' || event.type === 'return-to-scratch') &&
    (before.writeProtect.some((on) => on) || before.takeovers.some((setting) => setting.mode === 'read')),
  check: ({ before, after, observations }) => {
    const changes = [
      ...observed(observations, 'write').map((write) => ({ volser: write.volser, cluster: write.cluster, what: 'data written' })),
      ...observed(observations, 'attributes-changed').map((change) => ({ volser: change.volser, cluster: change.cluster, what: `category or constructs changed (${change.previousCategory} -> ${change.category})` })),
    ];
    for (const change of changes) {
      const category = before.volumes[change.volser]?.copies[change.cluster]?.category;
      if (category !== undefined && before.writeProtect[change.cluster] === true && !excluded(before, change.cluster, category)) {
        return `${change.volser} (category ${category}) had its ${change.what} through write-protected C${change.cluster}`;
      }
      if (readOnlyHolder(after, change.volser, change.cluster)) {
        return `${change.volser} had its ${change.what} through C${change.cluster}, which holds it under read ownership takeover`;
      }
    }
    return null;
  },
};
