import type { ClusterId } from './definition.js';
import { refused, type Observation } from './observations.js';
import { reconcileAll, reconcilePair } from './records.js';
import type { GridState, MountState } from './state.js';
import { anyLinkUp, canCommunicate, pairKey } from './topology.js';
import { mutableVolume } from './volumes.js';

/**
 * Failures and repairs of grid links, host links and clusters, and service mode (TOP-2, TOP-3,
 * OWN-6, OWN-7, GS-5). Jobs whose path is cut abend; everything else keeps its state.
 */

type JobFailure = Extract<Observation, { kind: 'job-failed' }>['reason'];

function failMounts(state: GridState, doomed: (mount: MountState) => JobFailure | null, observations: Observation[]): void {
  for (const shared of Object.values(state.volumes)) {
    // Only volumes that lose a job are copied (copy-on-write).
    if (!shared.mounts.some((mount) => doomed(mount) !== null)) continue;
    const volume = mutableVolume(state, shared.volser);
    if (volume === undefined) continue;
    const kept: MountState[] = [];
    for (const mount of volume.mounts) {
      const reason = doomed(mount);
      if (reason === null) kept.push(mount);
      else observations.push({ kind: 'job-failed', volser: volume.volser, host: mount.host, cluster: mount.cluster, reason });
    }
    volume.mounts = kept;
  }
}

/**
 * One grid link fails (TOP-2, FS-3/FS-4): a remote mount using that link abends; with another link up
 * a rerun succeeds; with all links of the pair down no remote cache access remains. Calls home (GS-5).
 */
export function linkFail(state: GridState, between: readonly [ClusterId, ClusterId], link: number, observations: Observation[]): void {
  const key = pairKey(between[0], between[1]);
  const links = state.links[key];
  if (links === undefined || links[link] === undefined) {
    observations.push(refused('link-fail', 'unknown-cluster', { detail: `no link ${link} between C${between[0]} and C${between[1]}` }));
    return;
  }
  links[link] = false;
  failMounts(
    state,
    (mount) => (mount.ioCluster !== mount.cluster && pairKey(mount.cluster, mount.ioCluster) === key && mount.linkIndex === link ? 'link-failed' : null),
    observations,
  );
  observations.push({ kind: 'call-home', component: `grid link ${link + 1} C${between[0]}-C${between[1]}` });
}

/** A grid link is repaired; if the pair could not talk before, their records are reconciled (CCP-7). */
export function linkRestore(state: GridState, between: readonly [ClusterId, ClusterId], link: number, observations: Observation[]): void {
  const links = state.links[pairKey(between[0], between[1])];
  if (links === undefined || links[link] === undefined) {
    observations.push(refused('link-restore', 'unknown-cluster', { detail: `no link ${link} between C${between[0]} and C${between[1]}` }));
    return;
  }
  const wasConnected = anyLinkUp(state, between[0], between[1]);
  links[link] = true;
  if (!wasConnected && canCommunicate(state, between[0], between[1])) reconcilePair(state, between[0], between[1], observations);
}

/**
 * A host link (FICON path) fails (TOP-3, FS-1): nothing changes while another path to that cluster
 * is up; with none left, the host's jobs on that cluster abend. Host links are not grid components.
 */
export function hostLinkFail(state: GridState, host: string, cluster: ClusterId, observations: Observation[]): void {
  const paths = state.hostPaths[host];
  if (paths === undefined || paths[cluster] === undefined) {
    observations.push(refused('host-link-fail', 'device-offline', { host, cluster }));
    return;
  }
  paths[cluster] = Math.max(0, (paths[cluster] ?? 0) - 1);
  if (paths[cluster] === 0) failMounts(state, (mount) => (mount.host === host && mount.cluster === cluster ? 'no-host-path' : null), observations);
}

/** A host link is repaired. */
export function hostLinkRestore(state: GridState, host: string, cluster: ClusterId, observations: Observation[]): void {
  const paths = state.hostPaths[host];
  const configured = state.definition.hosts.find((candidate) => candidate.name === host)?.pathsPerCluster ?? 0;
  if (paths === undefined || paths[cluster] === undefined) {
    observations.push(refused('host-link-restore', 'device-offline', { host, cluster }));
    return;
  }
  paths[cluster] = Math.min(configured, (paths[cluster] ?? 0) + 1);
}

/**
 * A cluster fails (FS-5): its devices vanish and its jobs abend, as do jobs elsewhere whose I/O cache
 * it was; it keeps its ownership tokens (nobody may take them without direction, OWN-3). Calls home.
 */
export function clusterFail(state: GridState, cluster: ClusterId, observations: Observation[]): void {
  if (state.clusters[cluster] === undefined) {
    observations.push(refused('cluster-fail', 'unknown-cluster', { cluster }));
    return;
  }
  state.clusters[cluster] = 'down';
  takeClusterOffline(state, cluster, observations);
  // Ambiguity AMB-7 (README): every component failure calls home, also in scenario FS-5.
  observations.push({ kind: 'call-home', component: `cluster C${cluster}` });
}

/**
 * Assumption ASM-6 (README): hosts at the site are not modelled as lost.
 * A whole site is lost (11.8.1: "A disaster happens at the primary site"): every operational cluster
 * there fails as by `cluster-fail`, and the site's TSSC with them, so AOTM at another site gets no
 * answer from that console and cannot enable a takeover; the operator must (OWN-8, 11.8.1).
 */
export function siteFail(state: GridState, site: string, observations: Observation[]): void {
  const clusters = state.definition.clusters.filter((cluster) => cluster.site === site);
  if (clusters.length === 0 || state.lostSites.includes(site)) {
    observations.push(refused('site-fail', clusters.length === 0 ? 'unknown-site' : 'not-failed', { detail: site }));
    return;
  }
  state.lostSites = [...state.lostSites, site].sort();
  for (const cluster of clusters) {
    if (state.clusters[cluster.id] === 'down') continue;
    state.clusters[cluster.id] = 'down';
    takeClusterOffline(state, cluster.id, observations);
  }
  observations.push({ kind: 'call-home', component: `site ${site}` });
}

/** The lost site is back: its TSSC answers again, and each cluster there is restored as by `cluster-restore`. */
export function siteRestore(state: GridState, site: string, observations: Observation[]): void {
  if (!state.lostSites.includes(site)) {
    observations.push(refused('site-restore', 'not-failed', { detail: site }));
    return;
  }
  state.lostSites = state.lostSites.filter((lost) => lost !== site);
  for (const cluster of state.definition.clusters) {
    if (cluster.site === site && state.clusters[cluster.id] === 'down') clusterRestore(state, cluster.id, observations);
  }
}

function takeClusterOffline(state: GridState, cluster: ClusterId, observations: Observation[]): void {
  failMounts(state, (mount) => (mount.cluster === cluster ? 'cluster-down' : mount.ioCluster === cluster ? 'io-cluster-down' : null), observations);
  state.aotmTimers = state.aotmTimers.filter((timer) => timer.at !== cluster);
}

/**
 * Assumption ASM-1 (README): the rejoin rule and the reconciliation of taken-over volumes.
 * A failed cluster is repaired and rejoins the grid (OWN-7). It must reach every operational cluster
 * that holds a takeover mode for it or a volume taken from it; otherwise it stays down ("cannot-rejoin",
 * an assumption: a cluster that came back isolated would hold ownership a peer took over). On rejoin,
 * records are reconciled and the takeover modes for it end.
 */
export function clusterRestore(state: GridState, cluster: ClusterId, observations: Observation[]): void {
  const status = state.clusters[cluster];
  if (status === undefined) {
    observations.push(refused('cluster-restore', 'unknown-cluster', { cluster }));
    return;
  }
  if (status !== 'down') {
    observations.push(refused('cluster-restore', 'not-failed', { cluster }));
    return;
  }
  if (!rejoin(state, cluster, 'down', observations)) observations.push(refused('cluster-restore', 'cannot-rejoin', { cluster }));
}

function rejoin(state: GridState, cluster: ClusterId, previous: 'down' | 'service', observations: Observation[]): boolean {
  state.clusters[cluster] = 'up';
  const takers = new Set<ClusterId>(state.takeovers.filter((setting) => setting.of === cluster).map((setting) => setting.at));
  for (const volume of Object.values(state.volumes)) {
    for (const token of volume.ownership) if (token.takenFrom === cluster) takers.add(token.cluster);
  }
  const unreachable = [...takers].filter((taker) => state.clusters[taker] === 'up' && !canCommunicate(state, cluster, taker));
  if (unreachable.length > 0) {
    state.clusters[cluster] = previous;
    return false;
  }
  state.takeovers = state.takeovers.filter((setting) => setting.of !== cluster);
  state.aotmTimers = state.aotmTimers.filter((timer) => timer.of !== cluster);
  // OWN-14 (assumed, README): the rejoining cluster learns from the grid's database of every volume a
  // peer took over from it with full access, including from a taker that is itself down now, and
  // drops its own ownership of it; it never resumes ownership of a volume someone else took.
  for (const shared of Object.values(state.volumes)) {
    const taker = shared.ownership.find((token) => token.takenFrom === cluster && token.access === 'full' && token.cluster !== cluster);
    if (taker === undefined || !shared.ownership.some((token) => token.cluster === cluster)) continue;
    const volume = mutableVolume(state, shared.volser);
    if (volume === undefined) continue;
    volume.ownership = volume.ownership.filter((token) => token.cluster !== cluster);
    // With the stale token gone, nobody needs to remember that it is stale.
    const staleRemains = volume.ownership.some(
      (token) => token.access === 'full' && volume.ownership.some((other) => other.takenFrom === token.cluster && other.cluster !== token.cluster && other.access === 'full'),
    );
    if (!staleRemains) delete volume.takeoverKnownBy;
    observations.push({ kind: 'ownership-reconciled', volser: volume.volser, cluster, holder: taker.cluster });
  }
  reconcileAll(state, observations);
  return true;
}

/** Service preparation (OWN-6): jobs finish, no new mounts, peers may take its volumes with full access. */
export function servicePrep(state: GridState, cluster: ClusterId, observations: Observation[]): void {
  if (state.clusters[cluster] !== 'up') {
    observations.push(refused('service-prep', 'cluster-down', { cluster }));
    return;
  }
  state.clusters[cluster] = 'service-prep';
}

/** Service mode (OWN-6): the cluster is offline for repair; peers take its volumes with full access. */
export function serviceMode(state: GridState, cluster: ClusterId, observations: Observation[]): void {
  if (state.clusters[cluster] !== 'service-prep') {
    observations.push(refused('service-mode', 'not-failed', { cluster, detail: 'service mode follows service preparation' }));
    return;
  }
  state.clusters[cluster] = 'service';
  takeClusterOffline(state, cluster, observations);
}

/** The cluster leaves service and rejoins (OWN-6, OWN-7: the service takeover ends). */
export function endService(state: GridState, cluster: ClusterId, observations: Observation[]): void {
  const status = state.clusters[cluster];
  if (status === 'service-prep') {
    state.clusters[cluster] = 'up';
    return;
  }
  if (status !== 'service') {
    observations.push(refused('end-service', 'not-failed', { cluster }));
    return;
  }
  if (!rejoin(state, cluster, 'service', observations)) observations.push(refused('end-service', 'cannot-rejoin', { cluster }));
}
