import { detectPeerLoss, evaluateAotmTimers } from './aotm.js';
import { autoRemove, migratePreferenceGroupZero } from './cache.js';
import { deferredCopy, drainCopies } from './copies.js';
import type { GridEvent } from './events.js';
import { gdpsSiteSwitch, varyDevices } from './devices.js';
import { clusterFail, clusterRestore, endService, siteFail, siteRestore, hostLinkFail, hostLinkRestore, linkFail, linkRestore, serviceMode, servicePrep } from './failures.js';
import { runDeleteExpire } from './expire.js';
import { cloneState } from './initial.js';
import { beginCopyOnWrite, endCopyOnWrite } from './volumes.js';
import { changeAttributes, insert, returnToScratch, rewindUnload, write } from './io.js';
import { scratchMount, specificMount } from './mount.js';
import { refused, type Observation, type StepResult } from './observations.js';
import type { GridState } from './state.js';
import { canCommunicate, clusterIds } from './topology.js';

/**
 * The transition function: the next state and what was observed. Pure: the input state is not changed,
 * nothing is read from outside, no randomness, no clock (time moves only with `advance`).
 */
export function step(state: GridState, event: GridEvent): StepResult<GridState> {
  const next = cloneState(state);
  beginCopyOnWrite(next);
  const observations: Observation[] = [];
  apply(next, event, observations);
  detectPeerLoss(next, observations);
  for (const id of clusterIds(next.definition)) autoRemove(next, id, observations);
  endCopyOnWrite(next);
  return { state: next, observations };
}

function apply(state: GridState, event: GridEvent, observations: Observation[]): void {
  switch (event.type) {
    case 'insert':
      return insert(state, event, observations);
    case 'scratch-mount':
      return scratchMount(state, event, observations);
    case 'specific-mount':
      return specificMount(state, event, observations);
    case 'write':
      return write(state, event, observations);
    case 'rewind-unload':
      return rewindUnload(state, event, observations);
    case 'change-category':
      changeAttributes(state, event, 'change-category', observations);
      return;
    case 'change-constructs':
      changeAttributes(state, event, 'change-constructs', observations);
      return;
    case 'return-to-scratch':
      return returnToScratch(state, event, observations);
    case 'deferred-copy':
      return deferredCopy(state, event.to, observations);
    case 'link-fail':
      return linkFail(state, event.between, event.link, observations);
    case 'link-restore':
      return linkRestore(state, event.between, event.link, observations);
    case 'host-link-fail':
      return hostLinkFail(state, event.host, event.cluster, observations);
    case 'host-link-restore':
      return hostLinkRestore(state, event.host, event.cluster, observations);
    case 'cluster-fail':
      return clusterFail(state, event.cluster, observations);
    case 'cluster-restore':
      return clusterRestore(state, event.cluster, observations);
    case 'site-fail':
      return siteFail(state, event.site, observations);
    case 'site-restore':
      return siteRestore(state, event.site, observations);
    case 'service-prep':
      return servicePrep(state, event.cluster, observations);
    case 'service-mode':
      return serviceMode(state, event.cluster, observations);
    case 'end-service':
      return endService(state, event.cluster, observations);
    case 'set-takeover':
      return setTakeover(state, event, observations);
    case 'clear-takeover':
      state.takeovers = state.takeovers.filter((setting) => !(setting.at === event.at && setting.of === event.of));
      return;
    case 'set-write-protect':
      if (state.writeProtect[event.cluster] === undefined) {
        observations.push(refused('set-write-protect', 'unknown-cluster', { cluster: event.cluster }));
        return;
      }
      state.writeProtect[event.cluster] = event.enabled;
      return;
    case 'set-fast-ready':
      return setFastReady(state, event, observations);
    case 'copy-export-begin':
      // CE-4: one Copy Export at a time in a grid.
      if (state.copyExportRunning !== null) {
        observations.push(refused('copy-export-begin', 'copy-export-running', { cluster: event.cluster, detail: `list volume ${state.copyExportRunning.listVolser} at C${state.copyExportRunning.cluster}` }));
        return;
      }
      state.copyExportRunning = { cluster: event.cluster, listVolser: event.listVolser };
      return;
    case 'copy-export-end':
      state.copyExportRunning = null;
      return;
    case 'suspend-copies':
      if (!state.copiesSuspended.includes(event.cluster)) state.copiesSuspended.push(event.cluster);
      return;
    case 'resume-copies':
      state.copiesSuspended = state.copiesSuspended.filter((id) => id !== event.cluster);
      return;
    case 'snapshot-catalog':
      // Merged, so a DR host can take the point-in-time view of several production hosts (11.9.1).
      state.catalogs[event.to] = { ...(state.catalogs[event.to] ?? {}), ...(state.catalogs[event.from] ?? {}) };
      return;
    case 'clear-catalog':
      state.catalogs[event.host] = {};
      return;
    case 'begin-dr-test':
      state.drTestActive = true;
      state.drTestEndsAt = event.lengthMinutes !== undefined && event.lengthMinutes > 0 ? state.time + event.lengthMinutes : null;
      return;
    case 'end-dr-test':
      state.drTestActive = false;
      state.drTestEndsAt = null;
      return;
    case 'declare-disaster':
      // A disaster ends any DR test: the DR host's environment becomes production (DRT-7).
      state.drTestActive = false;
      state.drTestEndsAt = null;
      if (!state.disasterHosts.includes(event.host)) state.disasterHosts.push(event.host);
      return;
    case 'vary-devices':
      return varyDevices(state, event, observations);
    case 'gdps-site-switch':
      return gdpsSiteSwitch(state, event.site, observations);
    case 'advance':
      return advance(state, event.minutes, observations);
  }
}

/**
 * Assumption ASM-4 (README): the MI offers a takeover only for a cluster it cannot reach. Ambiguity AMB-1: WOT during a test is warned about, per 11.9.9.
 * An operator sets a takeover mode through the MI (OWN-3..5, OWN-9). The MI offers it only for a
 * cluster it cannot reach; whether that cluster is really down is what the operator must know, and
 * the observation records it. WOT during a DR test is warned about (OWN-9).
 */
function setTakeover(state: GridState, event: Extract<GridEvent, { type: 'set-takeover' }>, observations: Observation[]): void {
  if (state.clusters[event.at] === undefined || state.clusters[event.of] === undefined || event.at === event.of) {
    observations.push(refused('set-takeover', 'unknown-cluster', { cluster: event.at }));
    return;
  }
  if (canCommunicate(state, event.at, event.of)) {
    observations.push(refused('set-takeover', 'not-failed', { cluster: event.at, detail: `C${event.of} answers over the grid` }));
    return;
  }
  state.takeovers = state.takeovers.filter((setting) => !(setting.at === event.at && setting.of === event.of));
  state.takeovers.push({ at: event.at, of: event.of, mode: event.mode, source: 'operator' });
  const ofStatus = state.clusters[event.of];
  observations.push({ kind: 'takeover-set', at: event.at, of: event.of, mode: event.mode, ownerActuallyDown: ofStatus === 'down' || ofStatus === 'service' });
  if (event.mode === 'write' && state.drTestActive) {
    observations.push({ kind: 'warning', rule: 'OWN-9', message: `write ownership takeover of C${event.of} set at C${event.at} during a DR test (11.9.9: never for a test; 11.10.3 step 9 says otherwise, README AMB-1)` });
  }
}

/**
 * The Fast Ready attribute of a category on one cluster's MI (CAT-1): only a category defined as
 * scratch can carry it, and only on the clusters that define it; removing it makes that cluster treat
 * volumes of the category as private (their data is surfaced, no expire hold applies).
 */
function setFastReady(state: GridState, event: Extract<GridEvent, { type: 'set-fast-ready' }>, observations: Observation[]): void {
  const scratch = state.definition.categories.scratch.find((candidate) => candidate.id === event.category);
  if (state.clusters[event.cluster] === undefined) {
    observations.push(refused('set-fast-ready', 'unknown-cluster', { cluster: event.cluster }));
    return;
  }
  if (scratch === undefined || (scratch.fastReadyAt !== undefined && !scratch.fastReadyAt.includes(event.cluster))) {
    observations.push(refused('set-fast-ready', 'unknown-category', { cluster: event.cluster, detail: event.category }));
    return;
  }
  const key = `${event.cluster}:${event.category}`;
  const others = state.fastReadyRemoved.filter((entry) => entry !== key);
  state.fastReadyRemoved = event.enabled ? others : [...others, key].sort();
}

/** Time passes: copies drain at link rates, Delete Expire runs, AOTM timers fire, PG0 copies leave tape-attached caches. */
function advance(state: GridState, minutes: number, observations: Observation[]): void {
  if (!(minutes > 0)) return;
  drainCopies(state, minutes, observations);
  state.time += minutes;
  runDeleteExpire(state, observations);
  evaluateAotmTimers(state, observations);
  for (const id of clusterIds(state.definition)) migratePreferenceGroupZero(state, id, observations);
}
