import type { ClusterId, HostDefinition } from './definition.js';
import type { GridEvent } from './events.js';
import { refused, type Observation } from './observations.js';
import type { GridState } from './state.js';

/**
 * Which clusters' virtual devices a host has online, and GDPS's production site (11.8.1, GDPS-1 to
 * GDPS-4). A GDPS host is cabled to the remote site's cluster too, but those devices are varied offline
 * in normal running so that all I/O stays local; an operator varies them online when the local cluster
 * is down (GDPS-4). GDPS itself moves production between the sites (GDPS-2, GDPS-3); the grid only
 * sees which host mounts what.
 */

/** The key of a host's standby devices varied online, as kept in `GridState.variedOnline`. */
function variedKey(host: string, cluster: ClusterId): string {
  return `${host}:${cluster}`;
}

/** The clusters whose devices `host` has online now: those online in normal running, plus standby devices varied online (TOP-3, GDPS-4). */
export function devicesOnline(state: GridState, host: HostDefinition): ClusterId[] {
  return [...host.online, ...(host.standby ?? []).filter((cluster) => state.variedOnline.includes(variedKey(host.name, cluster)))];
}

/** Whether `host` is at a site lost as a whole: its systems went with the site (GDPS-3, 11.8.1). */
export function hostSiteLost(state: GridState, host: HostDefinition): boolean {
  return state.lostSites.includes(host.site);
}

/**
 * An operator varies a host's standby devices on a cluster online or offline (GDPS-4: "vary online
 * remote TS7740 cluster devices from the primary GDPS host"). Only devices the host is cabled to as
 * standby can be varied; devices with a job mounted cannot be varied offline.
 */
export function varyDevices(state: GridState, event: Extract<GridEvent, { type: 'vary-devices' }>, observations: Observation[]): void {
  const host = state.definition.hosts.find((candidate) => candidate.name === event.host);
  if (host === undefined) {
    observations.push(refused('vary-devices', 'unknown-host', { host: event.host }));
    return;
  }
  if (!(host.standby ?? []).includes(event.cluster)) {
    observations.push(refused('vary-devices', 'device-offline', { host: event.host, cluster: event.cluster, detail: `${event.host} has no standby devices on C${event.cluster}` }));
    return;
  }
  const key = variedKey(event.host, event.cluster);
  if (!event.online) {
    const busy = Object.values(state.volumes).some((volume) => volume.mounts.some((mount) => mount.host === event.host && mount.cluster === event.cluster));
    if (busy) {
      observations.push(refused('vary-devices', 'volume-in-use', { host: event.host, cluster: event.cluster, detail: 'a job has a volume mounted on these devices' }));
      return;
    }
  }
  const others = state.variedOnline.filter((entry) => entry !== key);
  state.variedOnline = event.online ? [...others, key].sort() : others;
  observations.push({ kind: 'devices-varied', host: event.host, cluster: event.cluster, online: event.online });
}

/**
 * GDPS moves production to `site` (GDPS-2 with the grid healthy, GDPS-3 after the primary site is lost).
 * Nothing changes in the grid: ownership follows the mounts of the new site's host (OWN-2).
 */
export function gdpsSiteSwitch(state: GridState, site: string, observations: Observation[]): void {
  if (!state.definition.hosts.some((host) => host.site === site)) {
    observations.push(refused('gdps-site-switch', 'unknown-site', { detail: site }));
    return;
  }
  state.gdpsPrimarySite = site;
  observations.push({ kind: 'site-switched', site });
}
