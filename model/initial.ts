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
    for (const cluster of [...host.online, ...(host.standby ?? [])]) paths[cluster] = host.pathsPerCluster;
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
    drTestEndsAt: null,
    disasterHosts: [],
    lostSites: [],
    fastReadyRemoved: [],
    copyExportRunning: null,
    variedOnline: [],
    gdpsPrimarySite: null,
  };
}

/**
 * A copy of the dynamic part of a state for `step` to change: everything but the volumes is copied;
 * volumes are shared and copied on first change (`mutableVolume`). The definition and the readonly
 * parts (ownership tokens, takeover settings, copy-point lists) are shared.
 * Hand-written because it is the hottest path of every exploration (structuredClone was 3x slower).
 */
export function cloneState(state: GridState): GridState {
  // Volumes are shared until the step changes one (copy-on-write, see volumes.ts).
  const volumes: GridState['volumes'] = { ...state.volumes };
  const links: GridState['links'] = {};
  for (const [key, up] of Object.entries(state.links)) links[key] = [...up];
  const hostPaths: GridState['hostPaths'] = {};
  for (const [host, paths] of Object.entries(state.hostPaths)) hostPaths[host] = { ...paths };
  const catalogs: GridState['catalogs'] = {};
  for (const [host, catalog] of Object.entries(state.catalogs)) catalogs[host] = { ...catalog };
  return {
    definition: state.definition,
    time: state.time,
    clusters: [...state.clusters],
    links,
    hostPaths,
    volumes,
    takeovers: [...state.takeovers],
    aotmTimers: state.aotmTimers.map((timer) => ({ ...timer })),
    copyQueue: state.copyQueue.map((queued) => ({ ...queued })),
    copiesSuspended: [...state.copiesSuspended],
    writeProtect: [...state.writeProtect],
    catalogs,
    drTestActive: state.drTestActive,
    drTestEndsAt: state.drTestEndsAt,
    disasterHosts: [...state.disasterHosts],
    lostSites: [...state.lostSites],
    fastReadyRemoved: [...state.fastReadyRemoved],
    copyExportRunning: state.copyExportRunning,
    variedOnline: [...state.variedOnline],
    gdpsPrimarySite: state.gdpsPrimarySite,
  };
}
