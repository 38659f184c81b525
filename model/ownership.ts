import type { ClusterId, TakeoverMode } from './definition.js';
import type { Observation, RefusalReason } from './observations.js';
import { propagateRecord } from './records.js';
import type { GridState, OwnershipToken, VolumeState } from './state.js';
import { canCommunicate, clusterDefinition } from './topology.js';

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
 * How `at` could get ownership of the volume, without changing anything: the decision of OWN-2..6.
 * - `at` holds a full token: nothing to do. A read-only token is upgraded if a write mode now applies.
 * - the owner answers over the grid: transfer, transparent to the host (OWN-2);
 * - the owner does not answer: a takeover mode at `at` for it (ROT gives read-only ownership, WOT full),
 *   or the owner in service (OWN-6); otherwise the request fails (OWN-3), which starts AOTM (OWN-8).
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
  const owner = others[0];
  if (owner === undefined) return { kind: 'refused', reason: 'no-ownership', owner: null };
  // Any holder this cluster has a takeover mode for will do (after a takeover two clusters may hold it).
  for (const holder of others) {
    const access = takeoverAccess(state, at, holder.cluster);
    if (access !== null) return { kind: 'takeover', from: holder.cluster, access };
  }
  return { kind: 'refused', reason: 'owner-unreachable', owner: owner.cluster };
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
 * Gets ownership of the volume for `at`, changing tokens, records and AOTM timers as the plan says.
 * Implements OWN-1..6 and starts AOTM's grace period on an unanswered request (OWN-8).
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
      observations.push({ kind: 'ownership-transfer', volser: volume.volser, from: plan.from, to: at });
      propagateRecord(state, volume, plan.from);
      return { ok: true, access: 'full', viaTakeover: false };
    }
    case 'takeover': {
      const token: OwnershipToken = { cluster: at, access: plan.access, takenFrom: plan.from };
      volume.ownership = volume.ownership.filter((existing) => existing.cluster !== at);
      volume.ownership.push(token);
      observations.push({ kind: 'ownership-takeover', volser: volume.volser, from: plan.from, to: at, access: plan.access });
      return { ok: true, access: plan.access, viaTakeover: true };
    }
    case 'refused':
      if (plan.reason === 'owner-unreachable' && plan.owner !== null) startAotmTimer(state, at, plan.owner);
      return { ok: false, reason: plan.reason, owner: plan.owner };
  }
}

/** OWN-8: the first unanswered ownership request at a cluster with AOTM starts the grace period. */
function startAotmTimer(state: GridState, at: ClusterId, of: ClusterId): void {
  const aotm = clusterDefinition(state.definition, at)?.aotm;
  if (aotm === undefined || (aotm.peers !== undefined && !aotm.peers.includes(of))) return;
  if (state.aotmTimers.some((timer) => timer.at === at && timer.of === of)) return;
  if (state.takeovers.some((setting) => setting.at === at && setting.of === of)) return;
  state.aotmTimers.push({ at, of, since: state.time, nextCheckAt: state.time + aotm.graceMinutes });
}

/** Clusters that are up (or preparing for service) and hold write-capable ownership (OWN-1, OWN-11). */
export function writeCapableOwners(state: GridState, volume: VolumeState): ClusterId[] {
  return volume.ownership
    .filter((token) => token.access === 'full' && (state.clusters[token.cluster] === 'up' || state.clusters[token.cluster] === 'service-prep'))
    .map((token) => token.cluster);
}
