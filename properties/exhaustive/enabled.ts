import { devicesOnline, pairKey, scratchCandidates, type GridState } from '../../model/index.js';
import { failedComponents } from '../failureBound.js';
import { activeHosts, losableSites, resolveAction, type Action, type ResolvedAction } from '../actions.js';
import type { VerifySetup } from '../setup.js';

/**
 * Every action the configuration allows in a state, each resolved to its events, without duplicates
 * (two actions that resolve to the same events are one). The actions are the random layer's own, with
 * indexes that cover every host, cluster, volume, link pair, takeover and scratch volume choice, so
 * that a trace of the exhaustive search replays through the same `resolveAction` as a random run.
 */
export function enabledActions(setup: VerifySetup, state: GridState, maxFailures = Number.POSITIVE_INFINITY): ResolvedAction[] {
  const definition = setup.definition;
  const failed = failedComponents(setup, state);
  const mayFail = failed.size < maxFailures;
  const candidates: Action[] = [];
  const hosts = activeHosts(setup, state);
  const volumes = Object.keys(state.volumes).length;
  const mounts = Object.values(state.volumes).reduce((count, volume) => count + volume.mounts.length, 0);
  hosts.forEach((host, hostIndex) => {
    const testHost = host.name === setup.drTest?.host;
    const classes = testHost && setup.drTest?.testManagementClass !== null ? 1 : definition.managementClasses.length;
    devicesOnline(state, host).forEach((cluster, clusterIndex) => {
      const choices = Math.max(1, scratchCandidates(state, cluster, host.scratchCategory).best.length);
      for (let managementClass = 0; managementClass < classes; managementClass += 1) {
        for (let choice = 0; choice < choices; choice += 1) candidates.push({ kind: 'scratch-mount', host: hostIndex, cluster: clusterIndex, managementClass, choice });
      }
      // Odd volume indexes pick among all volumes by name (see resolveAction).
      for (let volume = 0; volume < volumes; volume += 1) candidates.push({ kind: 'specific-mount', host: hostIndex, cluster: clusterIndex, volume: 2 * volume + 1 });
    });
  });
  for (let mount = 0; mount < mounts; mount += 1) candidates.push({ kind: 'write', mount }, { kind: 'unload', mount });
  definition.hosts.forEach((host, hostIndex) => {
    const privates = Object.values(state.catalogs[host.name] ?? {}).filter((entry) => entry === 'private').length;
    for (let volume = 0; volume < privates * host.online.length; volume += 1) candidates.push({ kind: 'return-to-scratch', host: hostIndex, volume });
    host.online.forEach((cluster, clusterIndex) => {
      if (mayFail || failed.has(`h${host.name}:${cluster}`)) candidates.push({ kind: 'host-link-fail', host: hostIndex, cluster: clusterIndex });
    });
  });
  if (definition.clusters.length > 1) {
    definition.links.forEach((link, pair) => {
      candidates.push({ kind: 'links-restore', pair });
      if (!mayFail && !failed.has(`l${pairKey(link.between[0], link.between[1])}`)) return;
      candidates.push({ kind: 'links-fail', pair });
      if (link.count > 1) for (let position = 0; position < link.count; position += 1) candidates.push({ kind: 'link-fail', pair, link: position });
    });
    definition.clusters.forEach((_, cluster) => {
      candidates.push({ kind: 'cluster-restore', cluster });
      if (mayFail) candidates.push({ kind: 'cluster-fail', cluster });
      definition.clusters.forEach((__, of) => {
        if (of !== cluster) candidates.push({ kind: 'takeover', at: cluster, of, mode: 'read' }, { kind: 'takeover', at: cluster, of, mode: 'write' });
      });
    });
    losableSites(setup).forEach((site, position) => {
      candidates.push({ kind: 'site-restore', site: position });
      if (mayFail || failed.has(`s${site}`)) candidates.push({ kind: 'site-fail', site: position });
    });
    for (let setting = 0; setting < state.takeovers.length; setting += 1) candidates.push({ kind: 'clear-takeover', at: setting, of: 0 });
  }
  candidates.push({ kind: 'advance-to-deadline' }, { kind: 'copy' });
  if (setup.drTest !== null) candidates.push({ kind: 'dr-test-begin' }, { kind: 'dr-test-end' });
  if ((setup.disasterHosts ?? []).length > 0) candidates.push({ kind: 'declare-disaster' });
  if (setup.gdps !== undefined) candidates.push({ kind: 'gdps-switch' });
  definition.hosts
    .filter((host) => (host.standby ?? []).length > 0)
    .forEach((host, hostIndex) => {
      (host.standby ?? []).forEach((_, cluster) => candidates.push({ kind: 'vary-online', host: hostIndex, cluster }, { kind: 'vary-offline', host: hostIndex, cluster }));
    });
  const seen = new Set<string>();
  const enabled: ResolvedAction[] = [];
  for (const action of candidates) {
    const resolved = resolveAction(setup, state, action);
    if (resolved === null) continue;
    const key = JSON.stringify(resolved.events);
    if (seen.has(key)) continue;
    seen.add(key);
    enabled.push(resolved);
  }
  return enabled;
}

/** The kinds of action the exhaustive search and the random layer explore (for coverage reports). */
export const actionKinds: readonly Action['kind'][] = [
  'scratch-mount',
  'specific-mount',
  'write',
  'unload',
  'return-to-scratch',
  'links-fail',
  'link-fail',
  'links-restore',
  'cluster-fail',
  'cluster-restore',
  'site-fail',
  'site-restore',
  'host-link-fail',
  'takeover',
  'clear-takeover',
  'advance',
  'advance-to-deadline',
  'copy',
  'dr-test-begin',
  'dr-test-end',
  'declare-disaster',
  'gdps-switch',
  'vary-online',
  'vary-offline',
];
