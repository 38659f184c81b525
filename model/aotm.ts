import type { ClusterId } from './definition.js';
import type { Observation } from './observations.js';
import type { GridState } from './state.js';
import { anyLinkUp, canCommunicate, clusterDefinition } from './topology.js';

/** Host-console text of AOTM's decisions, as the seed lists them (11.1). */
function takeoverMessage(at: number, of: number, mode: 'read' | 'write'): string {
  return mode === 'write'
    ? `G0009 Autonomic ownership takeover manager within library C${at} has determined that library C${of} is unavailable. The Read/Write ownership takeover mode has been enabled.`
    : `G0010 Autonomic ownership takeover manager within library C${at} determined that library C${of} is unavailable. The Read-Only ownership takeover mode has been enabled.`;
}

function covers(state: GridState, at: ClusterId, of: ClusterId): boolean {
  const aotm = clusterDefinition(state.definition, at)?.aotm;
  return aotm !== undefined && at !== of && (aotm.peers === undefined || aotm.peers.includes(of));
}

/**
 * Assumption ASM-5 (README): detection is the loss of communication; ASM-17: `aotm.peers` limits the peers covered.
 * OWN-8: "The grace period starts when a TS7700 detects that a remote TS7700 has failed" (11.1). A
 * cluster with AOTM detects the loss of a peer it covers when it can no longer reach it (the peer
 * failed, its site was lost, or every link between them failed), whether or not a job has asked for
 * ownership yet; the grace period runs from that moment. No timer where a takeover is already set.
 */
export function detectPeerLoss(state: GridState, observations: Observation[]): void {
  for (const cluster of state.definition.clusters) {
    const at = cluster.id;
    if (cluster.aotm === undefined || state.clusters[at] !== 'up') continue;
    for (const peer of state.definition.clusters) {
      const of = peer.id;
      if (!covers(state, at, of) || canCommunicate(state, at, of)) continue;
      if (state.aotmTimers.some((timer) => timer.at === at && timer.of === of)) continue;
      if (state.takeovers.some((setting) => setting.at === at && setting.of === of)) continue;
      const checkAt = state.time + cluster.aotm.graceMinutes;
      state.aotmTimers.push({ at, of, since: state.time, nextCheckAt: checkAt });
      observations.push({ kind: 'aotm-grace-started', at, of, checkAt });
    }
  }
}

/**
 * Assumption ASM-5 and ambiguity AMB-4 (README): the TSSC check after a site loss and on a grid-shared path.
 * OWN-8, TOP-4: when the grace period is over, AOTM at `at` asks the TSSCs whether `of` is down.
 * What the check can see depends on the consoles and their network:
 * - the TSSC of `of` was lost with its site (11.8.1: "Automatic ownership takeover ... is not
 *   possible"): no console answers for `of`, so AOTM cannot confirm and enables nothing; the operator
 *   must set a takeover through the MI;
 * - an independent network (or one shared console) sees the truth;
 * - a TSSC path that rides the grid links sees nothing when those links are down, and takes "no reply"
 *   for "down" (assumed, README: the seed's reason for TOP-4).
 * Only "down" enables the configured takeover mode; otherwise the check is repeated after the retry
 * period while `of` stays unreachable.
 */
export function evaluateAotmTimers(state: GridState, observations: Observation[]): void {
  const remaining = [];
  for (const timer of state.aotmTimers) {
    const aotm = clusterDefinition(state.definition, timer.at)?.aotm;
    if (aotm === undefined || state.clusters[timer.at] !== 'up' || canCommunicate(state, timer.at, timer.of)) continue;
    if (timer.nextCheckAt > state.time) {
      remaining.push(timer);
      continue;
    }
    const ownerStatus = state.clusters[timer.of];
    const ownerActuallyDown = ownerStatus === 'down' || ownerStatus === 'service';
    const ownerSite = clusterDefinition(state.definition, timer.of)?.site;
    const consoleLost = ownerSite !== undefined && state.lostSites.includes(ownerSite);
    const sharedPath = aotm.tsscNetwork === 'shared-with-grid-links';
    // On a shared path the console's loss changes nothing: its cluster is down, and silence reads as down anyway.
    const tsscSeesPeer = sharedPath ? anyLinkUp(state, timer.at, timer.of) : !consoleLost;
    // A shared path reads silence as "down"; an independent one cannot conclude anything from it.
    const judgedDown = tsscSeesPeer ? ownerActuallyDown : sharedPath;
    if (judgedDown) {
      state.takeovers = state.takeovers.filter((setting) => !(setting.at === timer.at && setting.of === timer.of));
      state.takeovers.push({ at: timer.at, of: timer.of, mode: aotm.mode, source: 'aotm' });
      observations.push({
        kind: 'aotm-takeover',
        at: timer.at,
        of: timer.of,
        mode: aotm.mode,
        ownerActuallyDown,
        message: takeoverMessage(timer.at, timer.of, aotm.mode),
      });
    } else {
      observations.push({
        kind: 'aotm-no-takeover',
        at: timer.at,
        of: timer.of,
        message: consoleLost
          ? `AOTM at C${timer.at}: the TSSC of C${timer.of} was lost with site ${ownerSite ?? ''}; AOTM cannot confirm that C${timer.of} is down, so no takeover: set one through the MI (11.8.1)`
          : `AOTM at C${timer.at}: the TSSC check found C${timer.of} alive; only the grid links are down, no takeover`,
      });
      remaining.push({ ...timer, nextCheckAt: state.time + aotm.retryMinutes });
    }
  }
  state.aotmTimers = remaining;
}
