import type { GridDefinition } from './definition.js';
import type { GridState } from './state.js';
import { pairKey } from './topology.js';

/**
 * The state of a healthy grid before anything happens: every cluster up, every grid and host link up,
 * write protect as configured, no volumes (they arrive with `insert` events).
 */
export function initialState(definition: GridDefinition): GridState {
  const links: Record<string, boolean[]> = {};
  for (const link of definition.links) {
    links[pairKey(link.between[0], link.between[1])] = Array.from({ length: link.count }, () => true);
  }
  const hostPaths: GridState['hostPaths'] = {};
  const catalogs: GridState['catalogs'] = {};
  for (const host of definition.hosts) {
    const paths: Record<number, number> = {};
    for (const cluster of host.online) paths[cluster] = host.pathsPerCluster;
    hostPaths[host.name] = paths;
    catalogs[host.name] = {};
  }
  return {
    definition,
    time: 0,
    clusters: definition.clusters.map(() => 'up'),
    links,
    hostPaths,
    volumes: {},
    takeovers: [],
    aotmTimers: [],
    copyQueue: [],
    copiesSuspended: [],
    writeProtect: definition.clusters.map((cluster) => cluster.writeProtect.enabled),
    catalogs,
    drTestActive: false,
  };
}

/** A deep copy of the dynamic part of a state; the definition is shared (it never changes). */
export function cloneState(state: GridState): GridState {
  const { definition, ...dynamic } = state;
  return { definition, ...structuredClone(dynamic) };
}
