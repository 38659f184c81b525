import type { ClusterCopy, GridState, MountState, QueuedCopy, VolumeState } from '../../model/index.js';
import { hostVolsers, matchesPattern, type VerifySetup } from '../setup.js';

/**
 * The canonical form of a state: what the exhaustive search keys, stores and expands. Two states that
 * the model cannot tell apart map to one canonical state, which is what keeps the search finite:
 * - time: the clock is moved to 0 and every time stamp is kept relative to it; an expire hold that
 *   has run out is forgotten (or pinned at the longest expire time where Delete Expire may still act); write times keep only their order (the one thing auto-removal reads);
 *   copy-queue and mount start times are kept out (they only feed reported ages);
 * - history: of a volume's data and metadata version trees only the versions some record, mount or
 *   queued copy refers to (and the root and the newest) are kept, with their ancestry;
 * - symmetry: volumes of one host that no configured pattern tells apart are interchangeable; they
 *   are renamed in the order of their contents, so states that differ by a permutation of such
 *   volumes are one state.
 * The model treats interchangeable volumes alike except where it picks "the first" scratch volume,
 * which is why the search offers every scratch volume of the best rank (see `enabledActions`).
 */

/**
 * A time stamp relative to the clock, rounded to a millionth of a minute: `t - now` computed at two
 * different clocks differs in the last bits (1.0066 - 1 is not 0.0066 in floating point), and two
 * states that differ only there must be one state.
 */
function relativeTime(time: number, now: number): number {
  return Math.round((time - now) * 1e6) / 1e6;
}

/** Which volumes are interchangeable: each volser's class (volumes of one class may be renamed into each other). */
export interface VolumeSymmetry {
  readonly classOf: ReadonlyMap<string, string>;
}

/** The classes of interchangeable volumes of a setup (per host, split by the configured patterns). */
export function volumeSymmetry(setup: VerifySetup, enabled = true): VolumeSymmetry {
  const classOf = new Map<string, string>();
  const patterns = setup.drTest === null ? [] : [...setup.drTest.productionRejectAnyUse, ...setup.drTest.testRejectOutput];
  setup.definition.hosts.forEach((_, hostIndex) => {
    for (const volser of hostVolsers(setup, hostIndex)) {
      const bits = patterns.map((pattern) => (matchesPattern(volser, pattern) ? '1' : '0')).join('');
      classOf.set(volser, enabled ? `${hostIndex}:${bits}` : volser);
    }
  });
  return { classOf };
}

/** Keeps the referenced versions of one version tree and their ancestry, renumbered in creation order. */
function compactLineage(parent: readonly number[], referenced: Set<number>): { parent: number[]; map: Map<number, number> } {
  referenced.add(0);
  referenced.add(parent.length - 1);
  const kept = [...referenced].filter((version) => version >= 0 && version < parent.length).sort((a, b) => a - b);
  const map = new Map<number, number>();
  kept.forEach((version, index) => map.set(version, index));
  const compact = kept.map((version) => {
    let ancestor = parent[version] ?? -1;
    while (ancestor >= 0 && !map.has(ancestor)) ancestor = parent[ancestor] ?? -1;
    return ancestor < 0 ? -1 : (map.get(ancestor) ?? -1);
  });
  return { parent: compact, map };
}

/** Longest expire hold of any scratch category: a record older than that is out of every hold. */
/** The longest expire time of any scratch category, hold or Delete Expire (CAT-2, CAT-5): past it, only "expired" matters. */
function longestHold(state: GridState): number {
  return state.definition.categories.scratch.reduce((longest, category) => Math.max(longest, category.expireHoldMinutes, category.deleteExpireMinutes ?? 0), 0);
}

/**
 * A record's time in its category, relative to now. Past the longest expire time every comparison
 * the model makes gives "expired", so one value stands for all of them: null ("as inserted") where
 * the category deletes nothing, and `-holdLimit` where Delete Expire can still act on the record
 * (a cluster that was down, or that ignored fast ready under write protect, deletes later: CAT-5).
 */
function canonicalSince(state: GridState, copy: ClusterCopy, holdLimit: number): number | null {
  if (copy.categorySince === null) return null;
  const since = relativeTime(copy.categorySince, state.time);
  if (since + holdLimit > 0) return since;
  const deletes = state.definition.categories.scratch.some((category) => category.id === copy.category && (category.deleteExpireMinutes ?? 0) > 0);
  return deletes ? -holdLimit : null;
}

function renumberVolume(state: GridState, volume: VolumeState, writeRank: number, holdLimit: number): { volume: VolumeState; dataOf: (version: number) => number } {
  const dataRefs = new Set<number>();
  const metaRefs = new Set<number>();
  for (const copy of Object.values(volume.copies)) {
    if (copy.dataVersion !== null) dataRefs.add(copy.dataVersion);
    dataRefs.add(copy.knownDataVersion);
    metaRefs.add(copy.metaVersion);
  }
  for (const mount of volume.mounts) {
    dataRefs.add(mount.parentVersion);
    if (mount.writtenVersion !== null) dataRefs.add(mount.writtenVersion);
  }
  for (const queued of state.copyQueue) if (queued.volser === volume.volser) dataRefs.add(queued.dataVersion);
  const data = compactLineage(volume.dataParent, dataRefs);
  const meta = compactLineage(volume.metaParent, metaRefs);
  const dataOf = (version: number): number => data.map.get(version) ?? version;
  const copies: Record<number, ClusterCopy> = {};
  for (const id of Object.keys(volume.copies).map(Number).sort((a, b) => a - b)) {
    const copy = volume.copies[id];
    if (copy === undefined) continue;
    copies[id] = {
      dataVersion: copy.dataVersion === null ? null : dataOf(copy.dataVersion),
      knownDataVersion: dataOf(copy.knownDataVersion),
      metaVersion: meta.map.get(copy.metaVersion) ?? copy.metaVersion,
      category: copy.category,
      managementClass: copy.managementClass,
      categorySince: canonicalSince(state, copy, holdLimit),
      resident: copy.resident,
      preference: copy.preference,
    };
  }
  const mounts: MountState[] = [...volume.mounts]
    .sort((a, b) => a.cluster - b.cluster)
    .map((mount) => ({
      ...mount,
      parentVersion: dataOf(mount.parentVersion),
      writtenVersion: mount.writtenVersion === null ? null : dataOf(mount.writtenVersion),
      syncDeferred: [...mount.syncDeferred].sort((a, b) => a - b),
      startedAt: 0,
    }));
  const renumbered: VolumeState = {
    volser: volume.volser,
    sizeMB: volume.sizeMB,
    dataParent: data.parent,
    metaParent: meta.parent,
    copies,
    ownership: [...volume.ownership].sort((a, b) => a.cluster - b.cluster || (a.access < b.access ? -1 : a.access > b.access ? 1 : 0)),
    mounts,
    lastWrittenAt: -writeRank,
    ...(volume.takeoverKnownBy === undefined ? {} : { takeoverKnownBy: volume.takeoverKnownBy }),
  };
  return { volume: renumbered, dataOf };
}

/** The canonical state's key (shared exactly by states that are one canonical state) and a builder of the state. */
export interface CanonicalState {
  readonly key: string;
  /** Builds the canonical state itself (only needed for states not seen before). */
  readonly build: () => GridState;
}

/** The part of a volume's signature that depends on the volume alone. */
function volumeCore(volume: VolumeState): string {
  let text = `${volume.sizeMB};${volume.dataParent.join(',')};${volume.metaParent.join(',')};${volume.lastWrittenAt};`;
  for (const id in volume.copies) {
    const copy = volume.copies[id] as ClusterCopy;
    text += `c${id}:${copy.dataVersion ?? '-'}/${copy.knownDataVersion}/${copy.metaVersion}/${copy.category}/${copy.managementClass}/${copy.categorySince ?? '-'}/${copy.resident ? 1 : 0}${copy.preference};`;
  }
  for (const token of volume.ownership) text += `o${token.cluster}${token.access === 'full' ? 'f' : 'r'}${token.takenFrom ?? ''};`;
  if (volume.takeoverKnownBy !== undefined) text += `k${volume.takeoverKnownBy.join(',')};`;
  for (const mount of volume.mounts) {
    text += `m${mount.host}/${mount.cluster}/${mount.ioCluster}/${mount.linkIndex ?? '-'}/${mount.kind}/${mount.writable ? 1 : 0}/${mount.readOnlyReason ?? '-'}/${mount.surfaced}/${mount.parentVersion}/${mount.copyPoints.join('')}/${mount.writtenVersion ?? '-'}/${mount.syncDeferred.join(',')};`;
  }
  return text;
}

function volumeSignature(core: string, volser: string, catalogs: GridState['catalogs'], hosts: readonly string[], queue: readonly QueuedCopy[]): string {
  let text = `${core}|`;
  for (const host of hosts) text += `${catalogs[host]?.[volser] ?? '-'},`;
  text += '|';
  queue.forEach((queued, position) => {
    if (queued.volser === volser) text += `${position}>${queued.to},`;
  });
  return text;
}

/**
 * Renumbered volumes and their core signatures, remembered per volume object: a model step copies
 * only the volumes it changes, so the successors of one state share most volume objects, and each is
 * renumbered once per context (clock, write rank, queued versions) instead of once per successor.
 */
const memo = new WeakMap<VolumeState, { context: string; volume: VolumeState; dataOf: (version: number) => number; core: string }>();

function renumberRemembered(state: GridState, original: VolumeState, writeRank: number, holdLimit: number): { volume: VolumeState; dataOf: (version: number) => number; core: string } {
  let queued = '';
  for (const entry of state.copyQueue) if (entry.volser === original.volser) queued += `${entry.dataVersion},`;
  const context = `${state.time}|${writeRank}|${holdLimit}|${queued}`;
  const known = memo.get(original);
  if (known !== undefined && known.context === context) return known;
  const { volume, dataOf } = renumberVolume(state, original, writeRank, holdLimit);
  const entry = { context, volume, dataOf, core: volumeCore(volume) };
  memo.set(original, entry);
  return entry;
}

/** Canonicalises a state (see the module comment). Pure: the input is not changed. */
export function canonicalize(state: GridState, symmetry: VolumeSymmetry): CanonicalState {
  const holdLimit = longestHold(state);
  const all = Object.values(state.volumes);
  // Write times keep their order and whether they are "now" (a write now ties with another write now).
  const writeTimes = [...new Set(all.map((volume) => volume.lastWrittenAt).filter((time) => time !== state.time))].sort((a, b) => b - a);
  const writeRank = (time: number): number => (time === state.time ? 0 : writeTimes.indexOf(time) + 1);
  const versionMaps = new Map<string, (version: number) => number>();
  const hosts = state.definition.hosts.map((host) => host.name);
  // Group interchangeable volumes, order each group by contents, hand out the group's names in order.
  const groups = new Map<string, { volume: VolumeState; signature: string }[]>();
  for (const original of all) {
    const { volume, dataOf, core } = renumberRemembered(state, original, writeRank(original.lastWrittenAt), holdLimit);
    versionMaps.set(original.volser, dataOf);
    const group = symmetry.classOf.get(volume.volser) ?? volume.volser;
    const members = groups.get(group) ?? [];
    members.push({ volume, signature: volumeSignature(core, original.volser, state.catalogs, hosts, state.copyQueue) });
    groups.set(group, members);
  }
  const rename = new Map<string, string>();
  const named: { name: string; volume: VolumeState; signature: string }[] = [];
  for (const members of groups.values()) {
    const names = members.map((member) => member.volume.volser).sort();
    const ordered = members.length === 1 ? members : [...members].sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
    ordered.forEach((member, position) => {
      const name = names[position] ?? member.volume.volser;
      rename.set(member.volume.volser, name);
      named.push({ name, volume: member.volume, signature: member.signature });
    });
  }
  named.sort((a, b) => (a.name < b.name ? -1 : 1));
  const nameOf = (volser: string): string => rename.get(volser) ?? volser;
  const copyQueue: QueuedCopy[] = state.copyQueue.map((queued) => ({
    ...queued,
    volser: nameOf(queued.volser),
    dataVersion: versionMaps.get(queued.volser)?.(queued.dataVersion) ?? queued.dataVersion,
    enqueuedAt: 0,
  }));
  const takeovers = [...state.takeovers].sort((a, b) => a.at - b.at || a.of - b.of);
  const aotmTimers = [...state.aotmTimers].sort((a, b) => a.at - b.at || a.of - b.of).map((timer) => ({ ...timer, since: 0, nextCheckAt: relativeTime(timer.nextCheckAt, state.time) }));
  const copiesSuspended = [...state.copiesSuspended].sort((a, b) => a - b);
  // A planned end that has passed is "over", whenever it passed: the DR host can no longer act.
  const drTestEndsAt = state.drTestEndsAt === null ? null : Math.max(0, relativeTime(state.drTestEndsAt, state.time));
  let key = JSON.stringify([state.clusters, state.links, state.hostPaths, takeovers, aotmTimers, copyQueue, copiesSuspended, state.writeProtect, state.drTestActive, drTestEndsAt, [...state.disasterHosts].sort(), state.lostSites, state.fastReadyRemoved, state.copyExportRunning, state.variedOnline, state.gdpsPrimarySite]);
  for (const entry of named) key += `#${entry.name}=${entry.signature}`;
  const build = (): GridState => {
    const volumes: GridState['volumes'] = {};
    for (const entry of named) volumes[entry.name] = entry.volume.volser === entry.name ? entry.volume : { ...entry.volume, volser: entry.name };
    const catalogs: GridState['catalogs'] = {};
    for (const host of hosts) {
      const entries = Object.entries(state.catalogs[host] ?? {}).map(([volser, entry]) => [nameOf(volser), entry] as const);
      catalogs[host] = Object.fromEntries(entries.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    }
    return {
      definition: state.definition,
      time: 0,
      clusters: [...state.clusters],
      links: Object.fromEntries(Object.entries(state.links).map(([pair, up]) => [pair, [...up]])),
      hostPaths: Object.fromEntries(Object.entries(state.hostPaths).map(([host, paths]) => [host, { ...paths }])),
      volumes,
      takeovers,
      aotmTimers,
      copyQueue,
      copiesSuspended,
      writeProtect: [...state.writeProtect],
      catalogs,
      drTestActive: state.drTestActive,
      drTestEndsAt,
      disasterHosts: [...state.disasterHosts].sort(),
      lostSites: [...state.lostSites],
      fastReadyRemoved: [...state.fastReadyRemoved],
      copyExportRunning: state.copyExportRunning,
      variedOnline: [...state.variedOnline],
      gdpsPrimarySite: state.gdpsPrimarySite,
    };
  };
  return { key, build };
}
