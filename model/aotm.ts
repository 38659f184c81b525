import type { Observation } from './observations.js';
import type { GridState } from './state.js';
import { anyLinkUp, canCommunicate, clusterDefinition } from './topology.js';

/** Host-console text of AOTM's decisions, as the seed lists them (11.1). */
function takeoverMessage(at: number, of: number, mode: 'read' | 'write'): string {
  return mode === 'write'
    ? `G0009 Autonomic ownership takeover manager within library C${at} has determined that library C${of} is unavailable. The Read/Write ownership takeover mode has been enabled.`
    : `G0010 Autonomic ownership takeover manager within library C${at} determined that library C${of} is unavailable. The Read-Only ownership takeover mode has been enabled.`;
}

/**
 * OWN-8, TOP-4: after the grace period, AOTM at `at` asks the TSSCs whether `of` is down.
 * What the TSSC check can see depends on its network: an independent network (or one shared console)
 * sees the truth; a TSSC path that rides the grid links sees nothing when those links are down, and
 * takes "no reply" for "down". Only "down" enables the configured takeover mode; otherwise the check is
 * repeated after the retry period while requests keep failing.
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
    const tsscSeesPeer = aotm.tsscNetwork === 'shared-with-grid-links' ? anyLinkUp(state, timer.at, timer.of) : true;
    const judgedDown = tsscSeesPeer ? ownerActuallyDown : true;
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
        message: `AOTM at C${timer.at}: the TSSC check found C${timer.of} alive; only the grid links are down, no takeover`,
      });
      remaining.push({ ...timer, nextCheckAt: state.time + aotm.retryMinutes });
    }
  }
  state.aotmTimers = remaining;
}
