import type { ClusterId, TakeoverMode } from './definition.js';
import type { Observation, RefusalReason } from './observations.js';
import { propagateRecord } from './records.js';
import type { GridState, OwnershipToken, VolumeState } from './state.js';
import { canCommunicate } from './topology.js';

/** The outcome of asking for ownership through a cluster. */
export type OwnershipOutcome =
  | { readonly ok: true; readonly access: 'full' | 'read-only'; readonly viaTakeover: boolean }
  | { readonly ok: false; readonly reason: RefusalReason; readonly owner: ClusterId | null };

/** The takeover mode in effect at `at` for `of`, if any (OWN-4, OWN-5, OWN-7). */
export function takeoverMode(state: GridState, at: ClusterId, of: ClusterId): TakeoverMode | null {
  return state.takeovers.find((setting) => setting.at === at && setting.of === of)?.mode ?? null;
}

/** Whether some mount of the volume is visible from `at` (a mount behind a partition is not). */
export function mountVisibleFrom(state: GridState, volume: VolumeState, at: ClusterId): boolean {
  return volume.mounts.some((mount) => canCommunicate(state, at, mount.cluster) || mount.cluster === at);
}

/**
 * Assumption ASM-2 (README): each cluster decides from what it can reach; survivors cut apart do not see each other's takeovers (OWN-13).
 * How `at` could get ownership of the volume, without changing anything: the decision of OWN-2..6.
 * - `at` holds a full token: nothing to do. A read-only token is upgraded if a write mode now applies.
 * - the owner answers over the grid: transfer, transparent to the host (OWN-2);
 * - the owner does not answer: a takeover mode at `at` for it (ROT gives read-only ownership, WOT full),
 *   or the owner in service (OWN-6); otherwise the request fails (OWN-3) until AOTM or an operator sets a takeover (OWN-8).
 */
export function ownershipPlan(
  state: GridState,
  volume: VolumeState,
  at: ClusterId,
):
  | { readonly kind: 'held'; readonly access: 'full' | 'read-only' }
  | { readonly kind: 'transfer'; readonly from: ClusterId }
  | { readonly kind: 'takeover'; readonly from: ClusterId; readonly access: 'full' | 'read-only' }
  | { readonly kind: 'refused'; readonly reason: RefusalReason; readonly owner: ClusterId | null } {
  const own = volume.ownership.find((token) => token.cluster === at);
  const others = volume.ownership.filter((token) => token.cluster !== at && token.access === 'full');
  if (own !== undefined && own.access === 'full') return { kind: 'held', access: 'full' };
  if (own !== undefined && own.takenFrom !== undefined) {
    const upgraded = takeoverAccess(state, at, own.takenFrom);
    return upgraded === 'full' ? { kind: 'takeover', from: own.takenFrom, access: 'full' } : { kind: 'held', access: 'read-only' };
  }
  const reachable = others.find((token) => canCommunicate(state, at, token.cluster));
  if (reachable !== undefined) return { kind: 'transfer', from: reachable.cluster };
  // A holder whose ownership `at` knows was taken over is no owner to it: `at` asks the newer holder.
  const current = others.filter((holder) => !knownTakenOver(state, volume, at, holder.cluster));
  const owner = current[0] ?? others[0];
  if (owner === undefined) return { kind: 'refused', reason: 'no-ownership', owner: null };
  // Any holder this cluster has a takeover mode for will do (after a takeover two clusters may hold it).
  for (const holder of current) {
    const access = takeoverAccess(state, at, holder.cluster);
    if (access !== null) return { kind: 'takeover', from: holder.cluster, access };
  }
  return { kind: 'refused', reason: 'owner-unreachable', owner: owner.cluster };
}

/**
 * Whether `at` knows that `holder`'s ownership of the volume was taken over with write access: some
 * other cluster holds it as taken from `holder`, and `at` is among the clusters that learnt of it or
 * can reach one that did (OWN-13: a survivor cut off from the taker does not know).
 */
function knownTakenOver(state: GridState, volume: VolumeState, at: ClusterId, holder: ClusterId): boolean {
  if (!volume.ownership.some((token) => token.takenFrom === holder && token.access === 'full' && token.cluster !== holder)) return false;
  const knownBy = volume.takeoverKnownBy ?? [];
  return knownBy.includes(at) || knownBy.some((knower) => canCommunicate(state, at, knower));
}

/** The clusters whose database records an ownership change made at `at`: `at` and every cluster it can reach. */
function learnersOfChangeAt(state: GridState, volume: VolumeState, at: ClusterId): ClusterId[] {
  const learners = new Set(volume.takeoverKnownBy ?? []);
  state.clusters.forEach((_, id) => {
    if (id === at || canCommunicate(state, at, id)) learners.add(id);
  });
  return [...learners].sort((a, b) => a - b);
}

/** What a takeover of `of`'s volumes at `at` would grant: OWN-6 service gives full access. */
function takeoverAccess(state: GridState, at: ClusterId, of: ClusterId): 'full' | 'read-only' | null {
  const status = state.clusters[of];
  if (status === 'service' || status === 'service-prep') return 'full';
  const mode = takeoverMode(state, at, of);
  if (mode === 'write') return 'full';
  if (mode === 'read') return 'read-only';
  return null;
}

/**
 * Gets ownership of the volume for `at`, changing tokens and records as the plan says.
 * Implements OWN-1..6; AOTM's grace period runs from the detection of the loss (aotm.ts, OWN-8).
 */
export function acquireOwnership(state: GridState, volume: VolumeState, at: ClusterId, observations: Observation[]): OwnershipOutcome {
  const plan = ownershipPlan(state, volume, at);
  switch (plan.kind) {
    case 'held':
      return { ok: true, access: plan.access, viaTakeover: plan.access === 'read-only' };
    case 'transfer': {
      // A volume taken over from a failed cluster stays marked as taken from it when it moves on, so
      // that the failed cluster, restored, learns its ownership is gone (OWN-7, OWN-14).
      const takenFrom = volume.ownership.find((token) => token.cluster === plan.from)?.takenFrom;
      volume.ownership = volume.ownership.filter((token) => token.cluster !== plan.from && token.cluster !== at);
      volume.ownership.push(takenFrom === undefined ? { cluster: at, access: 'full' } : { cluster: at, access: 'full', takenFrom });
      if (volume.takeoverKnownBy !== undefined) volume.takeoverKnownBy = learnersOfChangeAt(state, volume, at);
      observations.push({ kind: 'ownership-transfer', volser: volume.volser, from: plan.from, to: at });
      propagateRecord(state, volume, plan.from);
      return { ok: true, access: 'full', viaTakeover: false };
    }
    case 'takeover': {
      const token: OwnershipToken = { cluster: at, access: plan.access, takenFrom: plan.from };
      volume.ownership = volume.ownership.filter((existing) => existing.cluster !== at);
      volume.ownership.push(token);
      if (plan.access === 'full') volume.takeoverKnownBy = learnersOfChangeAt(state, volume, at);
      observations.push({ kind: 'ownership-takeover', volser: volume.volser, from: plan.from, to: at, access: plan.access });
      return { ok: true, access: plan.access, viaTakeover: true };
    }
    case 'refused':
      return { ok: false, reason: plan.reason, owner: plan.owner };
  }
}

/** Clusters that are up (or preparing for service) and hold write-capable ownership (OWN-1, OWN-11). */
export function writeCapableOwners(state: GridState, volume: VolumeState): ClusterId[] {
  return volume.ownership
    .filter((token) => token.access === 'full' && (state.clusters[token.cluster] === 'up' || state.clusters[token.cluster] === 'service-prep'))
    .map((token) => token.cluster);
}
