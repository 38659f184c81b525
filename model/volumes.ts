import type { GridState, VolumeState } from './state.js';

/**
 * Copy-on-write of volumes inside `step`: the next state starts by sharing every volume with the
 * previous one, and a volume is copied the first time the step changes it. A step therefore costs
 * what it touches, not the size of the grid. Code that changes a volume gets it through
 * `mutableVolume`; with `TAPEGRID_FREEZE=1` (the test suite) every volume a step produced is frozen,
 * so a change that bypasses this fails loudly instead of corrupting the previous state.
 */

const owned = new WeakMap<GridState, Set<string>>();
const freeze = typeof process !== 'undefined' && process.env.TAPEGRID_FREEZE === '1';

/** Starts tracking which volumes of `state` are its own (just copied) during a step. */
export function beginCopyOnWrite(state: GridState): void {
  owned.set(state, new Set());
}

/** Ends the step: the volumes it copied become shared from now on (frozen in tests). */
export function endCopyOnWrite(state: GridState): void {
  const mine = owned.get(state);
  owned.delete(state);
  if (!freeze || mine === undefined) return;
  for (const volser of mine) {
    const volume = state.volumes[volser];
    if (volume !== undefined) deepFreeze(volume);
  }
}

/** The volume, ready to be changed by this step (copied on first use). */
export function mutableVolume(state: GridState, volser: string): VolumeState | undefined {
  const volume = state.volumes[volser];
  const mine = owned.get(state);
  if (volume === undefined || mine === undefined || mine.has(volser)) return volume;
  const copy = cloneVolume(volume);
  state.volumes[volser] = copy;
  mine.add(volser);
  return copy;
}

/** Registers a volume the step created (insertion). */
export function adoptVolume(state: GridState, volume: VolumeState): void {
  state.volumes[volume.volser] = volume;
  owned.get(state)?.add(volume.volser);
}

/** A deep copy of a volume's mutable parts; ownership tokens and copy-point lists are shared (never changed in place). */
function cloneVolume(volume: VolumeState): VolumeState {
  const knownBy = volume.takeoverKnownBy === undefined ? {} : { takeoverKnownBy: volume.takeoverKnownBy };
  const copies: VolumeState['copies'] = {};
  for (const id in volume.copies) {
    const copy = volume.copies[id] as VolumeState['copies'][number];
    copies[id as unknown as number] = {
      dataVersion: copy.dataVersion,
      knownDataVersion: copy.knownDataVersion,
      metaVersion: copy.metaVersion,
      category: copy.category,
      managementClass: copy.managementClass,
      categorySince: copy.categorySince,
      resident: copy.resident,
      preference: copy.preference,
    };
  }
  return {
    volser: volume.volser,
    sizeMB: volume.sizeMB,
    dataParent: volume.dataParent.slice(),
    metaParent: volume.metaParent.slice(),
    copies,
    ownership: volume.ownership.slice(),
    mounts: volume.mounts.length === 0 ? [] : volume.mounts.map((mount) => ({ ...mount, syncDeferred: [...mount.syncDeferred] })),
    lastWrittenAt: volume.lastWrittenAt,
    ...knownBy,
  };
}

function deepFreeze(volume: VolumeState): void {
  for (const copy of Object.values(volume.copies)) Object.freeze(copy);
  Object.freeze(volume.copies);
  for (const mount of volume.mounts) {
    Object.freeze(mount.syncDeferred);
    Object.freeze(mount);
  }
  Object.freeze(volume.mounts);
  Object.freeze(volume.ownership);
  Object.freeze(volume.dataParent);
  Object.freeze(volume.metaParent);
  Object.freeze(volume);
}
