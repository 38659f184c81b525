import type { ClusterId, HostDefinition } from './definition.js';
import { acquireOwnership, mountVisibleFrom, ownershipPlan } from './ownership.js';
import { refused, type Observation, type RefusalReason } from './observations.js';
import { newVersion } from './lineage.js';
import { propagateRecord } from './records.js';
import { effectiveCopyPoints, privateIoCluster, scratchIoCluster } from './selection.js';
import type { GridState, MountState, VolumeState } from './state.js';
import { firstLinkUp } from './topology.js';
import { mutableVolume } from './volumes.js';
import { expireHoldActive, isFastReadyAt, writeProtectApplies } from './categories.js';
import { deletedByExpire } from './expire.js';
import { devicesOnline, hostSiteLost } from './devices.js';

/**
 * Checks that apply to every mount: the host exists, its site is not lost (GDPS-3), it has the cluster's
 * devices online (normally, or standby devices varied online, GDPS-4) over a working host link (TOP-3), the cluster is up and not in service, and it has a free virtual device (TOP-1).
 */
export function deviceCheck(state: GridState, hostName: string, cluster: ClusterId): { host: HostDefinition } | { reason: RefusalReason } {
  const host = state.definition.hosts.find((candidate) => candidate.name === hostName);
  if (host === undefined) return { reason: 'unknown-host' };
  const definition = state.definition.clusters.find((candidate) => candidate.id === cluster);
  if (definition === undefined) return { reason: 'unknown-cluster' };
  // Assumption ASM-24 (README): a site lost as a whole takes its hosts with it.
  if (hostSiteLost(state, host)) return { reason: 'host-site-lost' };
  if (!devicesOnline(state, host).includes(cluster)) return { reason: 'device-offline' };
  const status = state.clusters[cluster];
  if (status === 'down') return { reason: 'cluster-down' };
  if (status === 'service' || status === 'service-prep') return { reason: 'cluster-in-service' };
  if ((state.hostPaths[hostName]?.[cluster] ?? 0) <= 0) return { reason: 'no-host-path' };
  const inUse = Object.values(state.volumes).reduce((count, volume) => count + volume.mounts.filter((mount) => mount.cluster === cluster).length, 0);
  if (inUse >= definition.virtualDevices) return { reason: 'no-free-device' };
  return { host };
}

function startMount(
  state: GridState,
  volume: VolumeState,
  mount: Omit<MountState, 'linkIndex' | 'writtenVersion' | 'syncDeferred' | 'startedAt'>,
  observations: Observation[],
): void {
  const linkIndex = mount.ioCluster === mount.cluster ? null : firstLinkUp(state, mount.cluster, mount.ioCluster);
  const copy = volume.copies[mount.ioCluster];
  const recall = copy !== undefined && copy.dataVersion !== null && !copy.resident && mount.surfaced === 'data';
  if (copy !== undefined && copy.dataVersion !== null) copy.resident = true;
  volume.mounts.push({ ...mount, linkIndex, writtenVersion: null, syncDeferred: [], startedAt: state.time });
  observations.push({
    kind: 'mount',
    host: mount.host,
    cluster: mount.cluster,
    volser: volume.volser,
    mountKind: mount.kind,
    ioCluster: mount.ioCluster,
    surfaced: mount.surfaced,
    writable: mount.writable,
    recall,
    dataVersion: mount.parentVersion,
  });
}

/**
 * Assumption ASM-16 (README): owned, then transferable, then taken over.
 * The volumes a scratch mount through `cluster` may be given (CAT-2, CAT-3): in the scratch category,
 * not in use, not in expire hold, and owned by the cluster or obtainable for it. `best` holds those of
 * the best rank (owned first, then transferable, then taken over with full access), by volser;
 * `candidates` counts every volume of the category, obtainable or not.
 */
export function scratchCandidates(state: GridState, cluster: ClusterId, category: string): { candidates: number; best: VolumeState[] } {
  const inCategory = Object.values(state.volumes).filter((volume) => {
    const record = volume.copies[cluster];
    return record !== undefined && record.category === category && !mountVisibleFrom(state, volume, cluster) && !expireHoldActive(state, record);
  });
  const rank = (volume: VolumeState): number => {
    const plan = ownershipPlan(state, volume, cluster);
    if (plan.kind === 'held' && plan.access === 'full') return 0;
    if (plan.kind === 'transfer') return 1;
    if (plan.kind === 'takeover' && plan.access === 'full') return 2;
    return 3;
  };
  const ranked = inCategory.map((volume) => ({ volume, rank: rank(volume) })).filter((entry) => entry.rank < 3);
  const top = Math.min(...ranked.map((entry) => entry.rank));
  const best = ranked
    .filter((entry) => entry.rank === top)
    .map((entry) => entry.volume)
    .sort((a, b) => (a.volser < b.volser ? -1 : a.volser > b.volser ? 1 : 0));
  return { candidates: inCategory.length, best };
}

/**
 * A scratch (Fast Ready) mount (CAT-3): the cluster picks a volume of the host's scratch category that
 * it owns or can get ownership of, not held by expire hold (CAT-2). Write protect refuses it unless the
 * category is excluded (WP-1). The host's tape management then files the volume as private.
 */
export function scratchMount(
  state: GridState,
  event: { host: string; cluster: ClusterId; managementClass: string; category?: string; volser?: string },
  observations: Observation[],
): void {
  const check = deviceCheck(state, event.host, event.cluster);
  if ('reason' in check) {
    observations.push(refused('scratch-mount', check.reason, { cluster: event.cluster, host: event.host }));
    return;
  }
  const category = event.category ?? check.host.scratchCategory;
  if (!isFastReadyAt(state, event.cluster, category)) {
    observations.push(refused('scratch-mount', 'unknown-category', { cluster: event.cluster, host: event.host, detail: category }));
    return;
  }
  if (!state.definition.managementClasses.some((mc) => mc.name === event.managementClass)) {
    observations.push(refused('scratch-mount', 'unknown-management-class', { cluster: event.cluster, host: event.host, detail: event.managementClass }));
    return;
  }
  if (writeProtectApplies(state, event.cluster, category)) {
    observations.push(refused('scratch-mount', 'write-protected', { cluster: event.cluster, host: event.host, detail: category }));
    return;
  }
  const points = effectiveCopyPoints(state.definition, event.managementClass, event.cluster, true);
  const ioCluster = scratchIoCluster(state, event.cluster, points);
  if (ioCluster === null) {
    observations.push(refused('scratch-mount', 'cache-full', { cluster: event.cluster, host: event.host, detail: 'no usable I/O cache for this class' }));
    return;
  }
  const { candidates, best } = scratchCandidates(state, event.cluster, category);
  // The library may hand out any volume of the best rank; the model takes the one asked for, else the first.
  const picked = (event.volser === undefined ? undefined : best.find((volume) => volume.volser === event.volser)) ?? best[0];
  const chosen = picked === undefined ? undefined : mutableVolume(state, picked.volser);
  if (chosen === undefined) {
    observations.push(
      refused('scratch-mount', 'no-scratch-owned', {
        cluster: event.cluster,
        host: event.host,
        detail: `${candidates} volume(s) in category ${category}, none owned by or obtainable for C${event.cluster}`,
      }),
    );
    return;
  }
  acquireOwnership(state, chosen, event.cluster, observations);
  const record = chosen.copies[event.cluster];
  if (record === undefined) return;
  // The host files the volume as private with the requested class: a metadata change by the owner.
  record.metaVersion = newVersion(chosen.metaParent, record.metaVersion);
  record.category = check.host.privateCategory;
  record.managementClass = event.managementClass;
  record.categorySince = state.time;
  propagateRecord(state, chosen, event.cluster);
  const catalog = state.catalogs[event.host];
  if (catalog !== undefined) catalog[chosen.volser] = 'private';
  startMount(
    state,
    chosen,
    {
      host: event.host,
      cluster: event.cluster,
      ioCluster,
      kind: 'scratch',
      writable: true,
      readOnlyReason: null,
      surfaced: 'empty',
      // The new data replaces the newest version the grid knows, wherever the I/O cache is.
      parentVersion: record.knownDataVersion,
      copyPoints: points,
    },
    observations,
  );
}

/**
 * A specific mount of a named volume (OWN-2..6, TVC-1/2, CAT-1/2, WP-1/3):
 * ownership first, then the I/O cache among valid copies. A volume in a scratch category is presented
 * empty (CAT-1) unless write protect's "ignore fast ready" applies (WP-3: data shown, read-only);
 * during its expire hold it cannot be mounted at all (CAT-2); once Delete Expire deleted its data
 * everywhere, a mount that wants the data is refused (`data-deleted`, CAT-5).
 */
export function specificMount(state: GridState, event: { host: string; cluster: ClusterId; volser: string }, observations: Observation[]): void {
  const fail = (reason: RefusalReason, detail?: string): void => {
    observations.push(refused('specific-mount', reason, { volser: event.volser, cluster: event.cluster, host: event.host, ...(detail === undefined ? {} : { detail }) }));
  };
  const check = deviceCheck(state, event.host, event.cluster);
  if ('reason' in check) return fail(check.reason);
  const volume = mutableVolume(state, event.volser);
  const record = volume?.copies[event.cluster];
  if (volume === undefined || record === undefined) return fail('unknown-volume');
  if (mountVisibleFrom(state, volume, event.cluster)) return fail('volume-in-use');
  const scratch = isFastReadyAt(state, event.cluster, record.category);
  const writeProtected = writeProtectApplies(state, event.cluster, record.category);
  const cluster = state.definition.clusters.find((candidate) => candidate.id === event.cluster);
  const ignoreFastReady = scratch && writeProtected && cluster?.writeProtect.ignoreFastReady === true;
  if (scratch && !ignoreFastReady && expireHoldActive(state, record)) return fail('expire-hold', record.category);
  const surfaced = scratch && !ignoreFastReady ? 'empty' : 'data';
  // Choose the I/O cache before taking ownership, so that a refused mount leaves ownership where it was.
  let ioCluster =
    surfaced === 'empty'
      ? scratchIoCluster(state, event.cluster, effectiveCopyPoints(state.definition, record.managementClass, event.cluster, true))
      : privateIoCluster(state, volume, event.cluster);
  // CAT-5: no valid copy because Delete Expire deleted the data is a lost volume, not a missing copy.
  const noCopy = (): void => (deletedByExpire(state, volume, event.cluster) ? fail('data-deleted', record.category) : fail('no-valid-copy'));
  if (ioCluster === null && ownershipPlan(state, volume, event.cluster).kind !== 'refused') return noCopy();
  const ownership = acquireOwnership(state, volume, event.cluster, observations);
  if (!ownership.ok) return fail(ownership.reason, ownership.owner === null ? undefined : `owner C${ownership.owner}`);
  if (ioCluster === null) return noCopy();
  if (surfaced === 'data' && ioCluster !== event.cluster && cluster?.override.forceLocalCopy === true) {
    ioCluster = forceCopyToLocal(state, volume, ioCluster, event.cluster, observations);
  }
  const readOnlyReason = ignoreFastReady
    ? 'ignore-fast-ready'
    : writeProtected
      ? 'write-protected'
      : ownership.access === 'read-only'
        ? 'read-only-takeover'
        : null;
  const ioCopy = volume.copies[ioCluster];
  // An empty surface replaces the newest known version; data is read (and extended) from the I/O copy.
  const parentVersion = surfaced === 'empty' ? record.knownDataVersion : (ioCopy?.dataVersion ?? record.knownDataVersion);
  if (ownership.viaTakeover && surfaced === 'empty' && record.metaVersion !== volume.metaParent.length - 1) {
    // OWN-12: the taker's record missed a change made while it was cut off (here: the volume left scratch).
    observations.push({ kind: 'stale-read', volser: volume.volser, cluster: event.cluster, readVersion: parentVersion, newestVersion: volume.dataParent.length - 1 });
  }
  if (ownership.viaTakeover && surfaced === 'data') {
    const newest = volume.dataParent.length - 1;
    if (parentVersion !== newest) {
      observations.push({ kind: 'stale-read', volser: volume.volser, cluster: event.cluster, readVersion: parentVersion, newestVersion: newest });
    }
    if (ownership.access === 'full' && parentVersion !== newest) {
      observations.push({ kind: 'no-consistent-copy', volser: volume.volser, cluster: event.cluster });
    }
  }
  startMount(
    state,
    volume,
    {
      host: event.host,
      cluster: event.cluster,
      ioCluster,
      kind: 'specific',
      writable: readOnlyReason === null,
      readOnlyReason,
      surfaced,
      parentVersion,
      copyPoints: effectiveCopyPoints(state.definition, record.managementClass, event.cluster, false),
    },
    observations,
  );
}

/** TVC-2 "force volume copy to local": a private mount without a local valid copy copies it first. */
function forceCopyToLocal(state: GridState, volume: VolumeState, from: ClusterId, to: ClusterId, observations: Observation[]): ClusterId {
  const source = volume.copies[from];
  const target = volume.copies[to];
  if (source === undefined || target === undefined || source.dataVersion === null) return from;
  target.dataVersion = source.dataVersion;
  target.resident = true;
  target.preference = 'PG1';
  observations.push({ kind: 'copy', volser: volume.volser, dataVersion: source.dataVersion, from, to, ageMinutes: state.time - volume.lastWrittenAt });
  return to;
}
