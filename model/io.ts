import type { ClusterId } from './definition.js';
import { cacheFull } from './cache.js';
import { isScratchCategory, writeProtectApplies } from './categories.js';
import { newVersion } from './lineage.js';
import { deviceCheck } from './mount.js';
import { refused } from './observations.js';
import type { Observation } from './observations.js';
import { acquireOwnership, mountVisibleFrom } from './ownership.js';
import { propagateRecord } from './records.js';
import { enqueueCopy, placeCopy } from './copies.js';
import { adoptVolume, mutableVolume } from './volumes.js';
import type { GridState, MountState, VolumeState } from './state.js';
import { canCommunicate, clusterDefinition, clusterIds } from './topology.js';

/** Default size of a write when the event gives none: the reference 800 MiB volume, in MB. */
export const defaultWriteSizeMB = 839;

function findMount(state: GridState, volser: string, cluster: ClusterId): { volume: VolumeState; mount: MountState } | null {
  if (state.volumes[volser]?.mounts.some((candidate) => candidate.cluster === cluster) !== true) return null;
  const volume = mutableVolume(state, volser);
  const mount = volume?.mounts.find((candidate) => candidate.cluster === cluster);
  return volume === undefined || mount === undefined ? null : { volume, mount };
}

/**
 * Assumption ASM-7 (README): a Sync write with an S point unreachable fails unless `syncDeferredOnWriteFailure`.
 * A job writes its mounted volume (WP-1, OWN-4, CCP-4, TVC-4). Refused through a write-protected cluster
 * (unless the category is excluded), under read-only takeover, on a disk-only I/O cache that is full,
 * or when a Synchronous point cannot be written and sync-deferred is not allowed. A Synchronous class
 * duplexes the data to both S clusters as it is written (CCP-4).
 */
export function write(state: GridState, event: { cluster: ClusterId; volser: string; sizeMB?: number }, observations: Observation[]): void {
  const found = findMount(state, event.volser, event.cluster);
  if (found === null) {
    observations.push(refused('write', 'not-mounted', { volser: event.volser, cluster: event.cluster }));
    return;
  }
  const { volume, mount } = found;
  const record = volume.copies[event.cluster];
  if (record !== undefined && writeProtectApplies(state, event.cluster, record.category)) {
    observations.push(refused('write', 'write-protected', { volser: event.volser, cluster: event.cluster }));
    return;
  }
  if (!mount.writable) {
    const reason = mount.readOnlyReason === 'read-only-takeover' ? 'read-only-takeover' : mount.readOnlyReason === 'write-protected' ? 'write-protected' : 'read-only-mount';
    observations.push(refused('write', reason, { volser: event.volser, cluster: event.cluster }));
    return;
  }
  const token = volume.ownership.find((candidate) => candidate.cluster === event.cluster);
  if (token === undefined || token.access !== 'full') {
    observations.push(refused('write', token === undefined ? 'no-ownership' : 'read-only-takeover', { volser: event.volser, cluster: event.cluster }));
    return;
  }
  if (cacheFull(state, mount.ioCluster)) {
    observations.push(refused('write', 'cache-full', { volser: event.volser, cluster: event.cluster, detail: `C${mount.ioCluster} is out of cache` }));
    return;
  }
  const syncTargets = clusterIds(state.definition).filter((id) => mount.copyPoints[id] === 'S' && id !== mount.ioCluster);
  const unreachableSync = syncTargets.filter((id) => !canCommunicate(state, mount.ioCluster, id));
  if (unreachableSync.length > 0 && !state.definition.options.syncDeferredOnWriteFailure) {
    observations.push(refused('write', 'sync-point-unreachable', { volser: event.volser, cluster: event.cluster, detail: unreachableSync.map((id) => `C${id}`).join(',') }));
    return;
  }
  const parent = mount.writtenVersion ?? mount.parentVersion;
  const version = newVersion(volume.dataParent, parent);
  volume.sizeMB = event.sizeMB ?? defaultWriteSizeMB;
  volume.lastWrittenAt = state.time;
  mount.writtenVersion = version;
  placeCopy(state, volume, mount.ioCluster, version, 'PG1');
  const synced = syncTargets.filter((id) => !unreachableSync.includes(id));
  for (const id of synced) placeCopy(state, volume, id, version, 'PG1');
  for (const id of unreachableSync) if (!mount.syncDeferred.includes(id)) mount.syncDeferred.push(id);
  const mountRecord = volume.copies[event.cluster];
  if (mountRecord !== undefined) mountRecord.knownDataVersion = version;
  propagateRecord(state, volume, event.cluster);
  observations.push({ kind: 'write', volser: volume.volser, cluster: event.cluster, host: mount.host, dataVersion: version, ioCluster: mount.ioCluster, syncCopies: synced });
}

/**
 * Assumption ASM-9 (README): "fewer RUN copies" counts the I/O cache's copy; the rest is queued without GS-4.
 * Rewind-unload ends the job and applies the copy points (CCP-1..6, CCP-8):
 * RUN copies are made now, before the job ends (their size is the job's extra time); a RUN or Sync copy
 * to a cluster that cannot be reached is deferred and raises GS-4 (CCP-6); Copy Policy Override may
 * report RUN complete after fewer copies (CCP-5); Deferred copies are queued; No Copy makes none.
 */
export function rewindUnload(state: GridState, event: { cluster: ClusterId; volser: string }, observations: Observation[]): void {
  const found = findMount(state, event.volser, event.cluster);
  if (found === null) {
    observations.push(refused('rewind-unload', 'not-mounted', { volser: event.volser, cluster: event.cluster }));
    return;
  }
  const { volume, mount } = found;
  volume.mounts = volume.mounts.filter((candidate) => candidate !== mount);
  const version = mount.writtenVersion;
  const runCopies: ClusterId[] = [];
  const immediateDeferred: ClusterId[] = [];
  const overrideDeferred: ClusterId[] = [];
  const deferred: ClusterId[] = [];
  let runCopyMB = 0;
  if (version !== null) {
    const allowedRun = clusterDefinition(state.definition, event.cluster)?.override.runCopiesBeforeComplete;
    // The I/O cache holds one consistent copy already; the override counts it.
    let runBudget = allowedRun === undefined ? Number.POSITIVE_INFINITY : Math.max(0, allowedRun - 1);
    for (const id of clusterIds(state.definition)) {
      if (id === mount.ioCluster) continue;
      const point = mount.copyPoints[id] ?? 'N';
      if (point === 'R') {
        if (runBudget <= 0) {
          overrideDeferred.push(id);
          enqueueCopy(state, volume, id, version, 'override-deferred');
        } else if (canCommunicate(state, mount.ioCluster, id) && !copiesSuspendedBetween(state, mount.ioCluster, id)) {
          placeCopy(state, volume, id, version, 'PG0');
          runCopies.push(id);
          runCopyMB += volume.sizeMB;
          runBudget -= 1;
        } else {
          immediateDeferred.push(id);
          enqueueCopy(state, volume, id, version, 'immediate-deferred');
        }
      } else if (point === 'S') {
        if (mount.syncDeferred.includes(id)) {
          immediateDeferred.push(id);
          enqueueCopy(state, volume, id, version, 'immediate-deferred');
        }
      } else if (point === 'D') {
        deferred.push(id);
        enqueueCopy(state, volume, id, version, 'deferred');
      }
    }
  }
  observations.push({ kind: 'rewind-unload', volser: volume.volser, dataVersion: version, runCopies, immediateDeferred, overrideDeferred, deferred, runCopyMB });
}

function copiesSuspendedBetween(state: GridState, a: ClusterId, b: ClusterId): boolean {
  return state.copiesSuspended.includes(a) || state.copiesSuspended.includes(b);
}

/**
 * A host changes a volume's category or management class through a cluster (OWN-1, OWN-4, WP-1).
 * The cluster needs full ownership; write protect refuses changes to protected volumes; a volume
 * mounted anywhere visible is in use.
 */
export function changeAttributes(
  state: GridState,
  event: { host: string; cluster: ClusterId; volser: string; category?: string; managementClass?: string },
  operation: 'change-category' | 'change-constructs' | 'return-to-scratch',
  observations: Observation[],
): boolean {
  const fail = (reason: Parameters<typeof refused>[1], detail?: string): false => {
    observations.push(refused(operation, reason, { volser: event.volser, cluster: event.cluster, host: event.host, ...(detail === undefined ? {} : { detail }) }));
    return false;
  };
  const check = deviceCheck(state, event.host, event.cluster);
  if ('reason' in check && check.reason !== 'no-free-device') return fail(check.reason);
  const volume = mutableVolume(state, event.volser);
  const record = volume?.copies[event.cluster];
  if (volume === undefined || record === undefined) return fail('unknown-volume');
  if (event.category !== undefined && !knownCategory(state, event.category)) return fail('unknown-category', event.category);
  if (event.managementClass !== undefined && !state.definition.managementClasses.some((mc) => mc.name === event.managementClass)) {
    return fail('unknown-management-class', event.managementClass);
  }
  if (writeProtectApplies(state, event.cluster, record.category)) return fail('write-protected', record.category);
  if (mountVisibleFrom(state, volume, event.cluster)) return fail('volume-in-use');
  const ownership = acquireOwnership(state, volume, event.cluster, observations);
  if (!ownership.ok) return fail(ownership.reason);
  if (ownership.access !== 'full') return fail('read-only-takeover');
  const previousCategory = record.category;
  record.metaVersion = newVersion(volume.metaParent, record.metaVersion);
  if (event.category !== undefined && event.category !== record.category) {
    record.category = event.category;
    record.categorySince = state.time;
  }
  if (event.managementClass !== undefined) record.managementClass = event.managementClass;
  propagateRecord(state, volume, event.cluster);
  observations.push({
    kind: 'attributes-changed',
    volser: volume.volser,
    cluster: event.cluster,
    host: event.host,
    category: record.category,
    managementClass: record.managementClass,
    previousCategory,
  });
  return true;
}

function knownCategory(state: GridState, category: string): boolean {
  const categories = state.definition.categories;
  return (
    category === categories.insert ||
    isScratchCategory(state.definition, category) ||
    categories.private.includes(category) ||
    categories.error.includes(category) ||
    state.definition.hosts.some((host) => host.privateCategory === category || host.scratchCategory === category)
  );
}

/**
 * Return-to-scratch by a host's tape management (CAT-1, CAT-2, CAT-4): the volume moves to the host's
 * scratch category (its expire hold starts) and the host's catalog records it as scratch.
 */
export function returnToScratch(state: GridState, event: { host: string; cluster: ClusterId; volser: string }, observations: Observation[]): void {
  const host = state.definition.hosts.find((candidate) => candidate.name === event.host);
  if (host === undefined) {
    observations.push(refused('return-to-scratch', 'unknown-host', { host: event.host }));
    return;
  }
  if (changeAttributes(state, { ...event, category: host.scratchCategory }, 'return-to-scratch', observations)) {
    const catalog = state.catalogs[event.host];
    if (catalog !== undefined) catalog[event.volser] = 'scratch';
  }
}

/**
 * Assumption ASM-12 (README): insertion needs every operational cluster reachable.
 * Insert volumes through the MI of a cluster (OWN-10): the inserting cluster owns them; insertion
 * needs the grid, so every operational cluster must be reachable (11.10.3 step 8). Clusters that are
 * down learn of the volumes when they rejoin.
 */
export function insert(state: GridState, event: { cluster: ClusterId; volsers: readonly string[]; category?: string }, observations: Observation[]): void {
  const status = state.clusters[event.cluster];
  if (status === undefined) {
    observations.push(refused('insert', 'unknown-cluster', { cluster: event.cluster }));
    return;
  }
  if (status !== 'up') {
    observations.push(refused('insert', 'cluster-down', { cluster: event.cluster }));
    return;
  }
  // CE-4: Copy Export and volume insertion exclude each other in a grid.
  if (state.copyExportRunning !== null) {
    observations.push(refused('insert', 'copy-export-running', { cluster: event.cluster, detail: `list volume ${state.copyExportRunning.listVolser} at C${state.copyExportRunning.cluster}` }));
    return;
  }
  const unreachable = clusterIds(state.definition).filter(
    (id) => id !== event.cluster && (state.clusters[id] === 'up' || state.clusters[id] === 'service-prep') && !canCommunicate(state, event.cluster, id),
  );
  if (unreachable.length > 0) {
    observations.push(refused('insert', 'grid-not-connected', { cluster: event.cluster, detail: unreachable.map((id) => `C${id}`).join(',') }));
    return;
  }
  const category = event.category ?? state.definition.categories.insert;
  if (!knownCategory(state, category)) {
    observations.push(refused('insert', 'unknown-category', { cluster: event.cluster, detail: category }));
    return;
  }
  for (const volser of event.volsers) {
    if (state.volumes[volser] !== undefined) {
      observations.push(refused('insert', 'duplicate-volume', { volser, cluster: event.cluster }));
      continue;
    }
    const volume: VolumeState = {
      volser,
      sizeMB: 0,
      dataParent: [-1],
      metaParent: [-1],
      copies: {
        [event.cluster]: {
          dataVersion: 0,
          knownDataVersion: 0,
          metaVersion: 0,
          category,
          managementClass: '',
          categorySince: null,
          resident: true,
          preference: 'PG1',
        },
      },
      ownership: [{ cluster: event.cluster, access: 'full' }],
      mounts: [],
      lastWrittenAt: state.time,
    };
    adoptVolume(state, volume);
    propagateRecord(state, volume, event.cluster);
    // An inserted volume is empty everywhere: every cluster that knows it holds the empty version 0.
    for (const record of Object.values(volume.copies)) record.dataVersion = 0;
  }
}
