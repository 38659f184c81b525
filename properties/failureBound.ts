import { pairKey, type GridState } from '../model/index.js';
import type { VerifySetup } from './setup.js';

/**
 * The components failed now: clusters down, link pairs with a link down (not counting the links a
 * running DR test broke on purpose) and host paths lost. The scope bounds how many may be failed at
 * once, as SPIN's anchor models bound failures: the classic hazards need one or two.
 */
export function failedComponents(setup: VerifySetup, state: GridState): Set<string> {
  const failed = new Set<string>();
  // A lost site is one failure, however many clusters it held.
  for (const site of state.lostSites) failed.add(`s${site}`);
  state.clusters.forEach((status, cluster) => {
    const site = setup.definition.clusters[cluster]?.site;
    if (status === 'down' && (site === undefined || !state.lostSites.includes(site))) failed.add(`c${cluster}`);
  });
  const test = setup.drTest;
  for (const link of setup.definition.links) {
    const [a, b] = link.between;
    const key = pairKey(a, b);
    const brokenByTest = test !== null && state.drTestActive && test.links === 'broken' && test.clusters.includes(a) !== test.clusters.includes(b);
    if (!brokenByTest && (state.links[key] ?? []).some((up) => !up)) failed.add(`l${key}`);
  }
  for (const host of setup.definition.hosts) {
    for (const cluster of host.online) if ((state.hostPaths[host.name]?.[cluster] ?? 0) < host.pathsPerCluster) failed.add(`h${host.name}:${cluster}`);
  }
  return failed;
}

/**
 * Whether a step stays within the failure bound: it fails no new component beyond `maxFailures`
 * (repairs and actions on components already failed always do). Both layers of `verify` apply it, so
 * their verdicts speak about the same failure model.
 */
export function withinFailureBound(setup: VerifySetup, before: GridState, after: GridState, maxFailures: number): boolean {
  if (!Number.isFinite(maxFailures)) return true;
  const now = failedComponents(setup, after);
  if (now.size <= maxFailures) return true;
  const earlier = failedComponents(setup, before);
  return [...now].every((component) => earlier.has(component));
}
