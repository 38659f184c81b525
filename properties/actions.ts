import fc from 'fast-check';
import { canCommunicate, classDefinedOn, devicesOnline, hostSiteLost, nextDeadline, pairKey, scratchCandidates, type ClusterId, type GridEvent, type GridState, type HostDefinition, type TakeoverMode } from '../model/index.js';
import { hostVolsers, matchesPattern, type VerifySetup } from './setup.js';

/**
 * What the explorer can do to a grid: host jobs, failures, repairs, operator actions and time.
 * Actions hold small indexes that are resolved against the state when they run, so that fast-check's
 * shrinking can drop or simplify any of them and the rest still make sense. An action that does not
 * apply (no mount to write, a takeover the runbook forbids) is skipped and leaves no trace line.
 */
export type Action =
  | { readonly kind: 'scratch-mount'; readonly host: number; readonly cluster: number; readonly managementClass: number; readonly choice?: number }
  | { readonly kind: 'specific-mount'; readonly host: number; readonly cluster: number; readonly volume: number }
  | { readonly kind: 'write'; readonly mount: number }
  | { readonly kind: 'unload'; readonly mount: number }
  | { readonly kind: 'return-to-scratch'; readonly host: number; readonly volume: number }
  | { readonly kind: 'links-fail'; readonly pair: number }
  | { readonly kind: 'link-fail'; readonly pair: number; readonly link: number }
  | { readonly kind: 'links-restore'; readonly pair: number }
  | { readonly kind: 'cluster-fail'; readonly cluster: number }
  | { readonly kind: 'cluster-restore'; readonly cluster: number }
  /** A whole site is lost with its clusters and its TSSC (11.8.1), and comes back. */
  | { readonly kind: 'site-fail'; readonly site: number }
  | { readonly kind: 'site-restore'; readonly site: number }
  | { readonly kind: 'host-link-fail'; readonly host: number; readonly cluster: number }
  | { readonly kind: 'takeover'; readonly at: number; readonly of: number; readonly mode: TakeoverMode }
  | { readonly kind: 'clear-takeover'; readonly at: number; readonly of: number }
  | { readonly kind: 'advance'; readonly minutes: number }
  /** Time passes up to the next moment something is due (an AOTM check, an expire hold's end, a copy done). */
  | { readonly kind: 'advance-to-deadline' }
  | { readonly kind: 'copy' }
  | { readonly kind: 'dr-test-begin' }
  /** The operators declare a disaster after a cluster failure: the configured DR hosts run production (DRT-7). */
  | { readonly kind: 'declare-disaster' }
  | { readonly kind: 'dr-test-end' }
  /** GDPS moves production to the other site of the sysplex, planned or after a loss (GDPS-2, GDPS-3). */
  | { readonly kind: 'gdps-switch' }
  /** An operator varies a host's standby devices online because its own clusters are down, or offline again once one is back (GDPS-4). */
  | { readonly kind: 'vary-online'; readonly host: number; readonly cluster: number }
  | { readonly kind: 'vary-offline'; readonly host: number; readonly cluster: number };

/** An action resolved against a state: the model events it stands for. */
export interface ResolvedAction {
  readonly action: Action;
  readonly events: readonly GridEvent[];
}

const index = fc.nat({ max: 15 });

/** The fast-check arbitrary of one action for this setup (weights favour host I/O and failures). */
export function actionArbitrary(setup: VerifySetup): fc.Arbitrary<Action> {
  const entries: fc.WeightedArbitrary<Action>[] = [
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('scratch-mount' as const), host: index, cluster: index, managementClass: index, choice: index }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('specific-mount' as const), host: index, cluster: index, volume: index }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), mount: index }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('unload' as const), mount: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('return-to-scratch' as const), host: index, volume: index }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.constantFrom(1, 5, 20, 25, 60, 240, 1440) }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'advance-to-deadline' as const }) },
    { weight: 3, arbitrary: fc.constant({ kind: 'copy' as const }) },
  ];
  if (setup.definition.clusters.length > 1) {
    entries.push(
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('links-fail' as const), pair: index }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('link-fail' as const), pair: index, link: index }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('links-restore' as const), pair: index }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('cluster-fail' as const), cluster: index }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('cluster-restore' as const), cluster: index }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('site-fail' as const), site: index }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('site-restore' as const), site: index }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('takeover' as const), at: index, of: index, mode: fc.constantFrom<TakeoverMode>('read', 'write') }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear-takeover' as const), at: index, of: index }) },
    );
  }
  entries.push({ weight: 1, arbitrary: fc.record({ kind: fc.constant('host-link-fail' as const), host: index, cluster: index }) });
  if (setup.drTest !== null) {
    entries.push({ weight: 2, arbitrary: fc.constant({ kind: 'dr-test-begin' as const }) }, { weight: 1, arbitrary: fc.constant({ kind: 'dr-test-end' as const }) });
  }
  if ((setup.disasterHosts ?? []).length > 0) entries.push({ weight: 1, arbitrary: fc.constant({ kind: 'declare-disaster' as const }) });
  if (setup.gdps !== undefined) entries.push({ weight: 2, arbitrary: fc.constant({ kind: 'gdps-switch' as const }) });
  if (setup.definition.hosts.some((host) => (host.standby ?? []).length > 0)) {
    entries.push(
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('vary-online' as const), host: index, cluster: index }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('vary-offline' as const), host: index, cluster: index }) },
    );
  }
  return fc.oneof(...entries);
}

function pick<T>(list: readonly T[], position: number): T | undefined {
  return list.length === 0 ? undefined : list[position % list.length];
}

/**
 * Hosts that may act now: production always, the DR test host only while its test runs and before
 * its planned length has passed (11.9.7, assumption ASM-22), a DR host that took over production
 * after a disaster. In a GDPS sysplex production runs at one site's hosts at a time, the configured
 * one until GDPS switches it (GDPS-2, assumption ASM-23). Hosts at a lost site are gone with it.
 */
export function activeHosts(setup: VerifySetup, state: GridState): HostDefinition[] {
  const testRuns = state.drTestActive && (state.drTestEndsAt === null || state.time < state.drTestEndsAt);
  return setup.definition.hosts.filter(
    (host) =>
      !hostSiteLost(state, host) &&
      ((host.role === 'production' && gdpsRunsProductionAt(setup, state, host.site)) || (testRuns && setup.drTest?.host === host.name) || state.disasterHosts.includes(host.name)),
  );
}

/** Whether production runs at hosts of `site`: always outside a GDPS sysplex, at the current GDPS production site inside one (GDPS-2). */
function gdpsRunsProductionAt(setup: VerifySetup, state: GridState, site: string): boolean {
  const gdps = setup.gdps;
  if (gdps === undefined || !gdps.sites.includes(site)) return true;
  return site === (state.gdpsPrimarySite ?? gdps.production);
}

/** Whether every cluster a host has online in normal running is unusable, so that its standby devices are its way in (GDPS-4). */
function normalDevicesLost(state: GridState, host: HostDefinition): boolean {
  return host.online.every((cluster) => state.clusters[cluster] !== 'up');
}

/**
 * The events of a declared disaster: each DR host takes a copy of the production catalogs and runs production (DRT-7).
 * Assumption ASM-3 (README): a declared disaster and its DR hosts.
 */
export function disasterEvents(setup: VerifySetup): GridEvent[] {
  const events: GridEvent[] = [];
  for (const host of setup.disasterHosts ?? []) {
    for (const production of setup.definition.hosts) {
      if (production.role === 'production' && production.name !== host) events.push({ type: 'snapshot-catalog', from: production.name, to: host });
    }
    events.push({ type: 'declare-disaster', host });
  }
  return events;
}

function mountsOf(state: GridState): { volser: string; cluster: ClusterId; host: string }[] {
  return Object.values(state.volumes)
    .flatMap((volume) => volume.mounts.map((mount) => ({ volser: volume.volser, cluster: mount.cluster, host: mount.host })))
    .sort((a, b) => a.volser.localeCompare(b.volser) || a.cluster - b.cluster);
}

function pairs(setup: VerifySetup): (readonly [ClusterId, ClusterId])[] {
  return setup.definition.links.map((link) => link.between);
}

function linksOf(state: GridState, pair: readonly [ClusterId, ClusterId]): boolean[] {
  return state.links[pairKey(pair[0], pair[1])] ?? [];
}

/** While a DR test with broken links runs, the links between its clusters and production are the test's. */
function testControlsLinks(setup: VerifySetup, state: GridState, pair: readonly [ClusterId, ClusterId]): boolean {
  const test = setup.drTest;
  if (test === null || !state.drTestActive || test.links !== 'broken') return false;
  return test.clusters.includes(pair[0]) !== test.clusters.includes(pair[1]);
}

/** Whether the runbook lets an operator set this takeover now (OWN-3, OWN-9). */
export function runbookAllows(setup: VerifySetup, state: GridState, at: ClusterId, of: ClusterId, mode: TakeoverMode): boolean {
  if (at === of || canCommunicate(state, at, of)) return false;
  const ofDown = state.clusters[of] === 'down' || state.clusters[of] === 'service';
  return setup.runbook.some(
    (rule) =>
      rule.mode === mode &&
      (rule.at === undefined || rule.at.includes(at)) &&
      (rule.of === undefined || rule.of.includes(of)) &&
      (rule.when === 'owner-unreachable' || ofDown) &&
      (!state.drTestActive || rule.duringDrTest),
  );
}

/** The events that start a DR test as configured (DRT-1..4, 11.10). */
export function drTestBeginEvents(setup: VerifySetup): GridEvent[] {
  const test = setup.drTest;
  if (test === null) return [];
  const events: GridEvent[] = [test.lengthMinutes === undefined ? { type: 'begin-dr-test' } : { type: 'begin-dr-test', lengthMinutes: test.lengthMinutes }];
  for (const host of setup.definition.hosts) {
    if (host.role === 'production') events.push({ type: 'snapshot-catalog', from: host.name, to: test.host });
  }
  if (test.writeProtect) for (const cluster of test.clusters) events.push({ type: 'set-write-protect', cluster, enabled: true });
  for (const category of test.removeFastReady) for (const cluster of test.clusters) events.push({ type: 'set-fast-ready', cluster, category, enabled: false });
  if (test.links === 'broken') {
    for (const link of setup.definition.links) {
      const [a, b] = link.between;
      if (test.clusters.includes(a) !== test.clusters.includes(b)) {
        for (let position = 0; position < link.count; position += 1) events.push({ type: 'link-fail', between: link.between, link: position });
      }
    }
    if (!test.insertBeforeBreak) events.push(...testRangeInsertion(setup));
    if (test.takeoverWhenBroken !== 'none') {
      for (const at of test.clusters) {
        for (const cluster of setup.definition.clusters) {
          if (!test.clusters.includes(cluster.id)) events.push({ type: 'set-takeover', at, of: cluster.id, mode: test.takeoverWhenBroken });
        }
      }
    }
  }
  return events;
}

/** Insertion of the test range at the DR clusters (OWN-10: the DR cluster then owns it). */
function testRangeInsertion(setup: VerifySetup): GridEvent[] {
  const test = setup.drTest;
  const hostIndex = setup.definition.hosts.findIndex((host) => host.name === test?.host);
  const host = setup.definition.hosts[hostIndex];
  if (test === null || host === undefined) return [];
  const names = hostVolsers(setup, hostIndex);
  return test.clusters.flatMap((cluster, position) => {
    const share = names.filter((_, index) => index % test.clusters.length === position);
    return share.length === 0 ? [] : [{ type: 'insert', cluster, volsers: share, category: host.scratchCategory } as GridEvent];
  });
}

/** Whether the host's tape management refuses this volume for any use (RMM REJECT ANYUSE, DRT-3). */
function tmsRejectsAnyUse(setup: VerifySetup, host: HostDefinition, volser: string): boolean {
  return host.role === 'production' && setup.drTest !== null && setup.drTest.productionRejectAnyUse.some((pattern) => matchesPattern(volser, pattern));
}

/** Whether the host's tape management refuses output to this volume (RMM REJECT OUTPUT, DRT-3). */
function tmsRejectsOutput(setup: VerifySetup, hostName: string, volser: string): boolean {
  const test = setup.drTest;
  if (test === null) return false;
  if (hostName === test.host) return test.testRejectOutput.some((pattern) => matchesPattern(volser, pattern));
  const host = setup.definition.hosts.find((candidate) => candidate.name === hostName);
  return host !== undefined && tmsRejectsAnyUse(setup, host, volser);
}

/** The events that end a DR test: protection off, links back, takeovers cleared. */
export function drTestEndEvents(setup: VerifySetup): GridEvent[] {
  const test = setup.drTest;
  if (test === null) return [];
  const events: GridEvent[] = [];
  if (test.writeProtect) for (const cluster of test.clusters) events.push({ type: 'set-write-protect', cluster, enabled: false });
  for (const category of test.removeFastReady) for (const cluster of test.clusters) events.push({ type: 'set-fast-ready', cluster, category, enabled: true });
  if (test.links === 'broken') {
    for (const at of test.clusters) {
      for (const cluster of setup.definition.clusters) if (!test.clusters.includes(cluster.id)) events.push({ type: 'clear-takeover', at, of: cluster.id });
    }
    for (const link of setup.definition.links) {
      const [a, b] = link.between;
      if (test.clusters.includes(a) !== test.clusters.includes(b)) {
        for (let position = 0; position < link.count; position += 1) events.push({ type: 'link-restore', between: link.between, link: position });
      }
    }
  }
  events.push({ type: 'clear-catalog', host: test.host }, { type: 'end-dr-test' });
  return events;
}

/**
 * The stage: each host's scratch volumes inserted, spread over its clusters; then each production
 * host writes the first half of the volumes of its first cluster (so production has data to protect
 * from the first step on), with the first class defined on that cluster.
 */
export function preambleEvents(setup: VerifySetup): GridEvent[] {
  const events: GridEvent[] = [];
  const jobs: GridEvent[] = [];
  setup.definition.hosts.forEach((host, hostIndex) => {
    const testHost = host.role === 'dr-test' && setup.drTest?.host === host.name;
    const clusters = testHost && setup.drTest !== null ? setup.drTest.clusters : host.online;
    const names = hostVolsers(setup, hostIndex);
    // A plan that inserts the test range only after breaking the links does so when the test begins.
    if (testHost && setup.drTest?.insertBeforeBreak === false) return;
    clusters.forEach((cluster, position) => {
      const share = names.filter((_, nameIndex) => nameIndex % clusters.length === position);
      if (share.length > 0) events.push({ type: 'insert', cluster, volsers: share, category: host.scratchCategory });
    });
    const first = clusters[0];
    if (host.role !== 'production' || first === undefined) return;
    const managementClass = classDefinedOn(setup.definition, first);
    if (managementClass === undefined) return;
    const atFirst = names.filter((_, nameIndex) => nameIndex % clusters.length === 0);
    for (const volser of atFirst.slice(0, Math.ceil(atFirst.length / 2))) {
      jobs.push(
        { type: 'scratch-mount', host: host.name, cluster: first, managementClass },
        { type: 'write', cluster: first, volser },
        { type: 'rewind-unload', cluster: first, volser },
      );
    }
  });
  return [...events, ...jobs, ...(setup.startInDrTest === true ? drTestBeginEvents(setup) : [])];
}

/** Resolves an action against the state; null when it does not apply now. */
export function resolveAction(setup: VerifySetup, state: GridState, action: Action): ResolvedAction | null {
  const definition = setup.definition;
  const resolved = (events: GridEvent[]): ResolvedAction | null => (events.length === 0 ? null : { action, events });
  switch (action.kind) {
    case 'scratch-mount': {
      const host = pick(activeHosts(setup, state), action.host);
      const cluster = host === undefined ? undefined : pick(devicesOnline(state, host), action.cluster);
      const testClass = host !== undefined && host.name === setup.drTest?.host ? setup.drTest.testManagementClass : null;
      const mc = testClass === null ? pick(definition.managementClasses, action.managementClass)?.name : testClass;
      if (host === undefined || cluster === undefined || mc === undefined) return null;
      // Which of the equally good scratch volumes the library hands out (the model's default: the first).
      const volser = action.choice === undefined ? undefined : pick(scratchCandidates(state, cluster, host.scratchCategory).best, action.choice)?.volser;
      return resolved([{ type: 'scratch-mount', host: host.name, cluster, managementClass: mc, ...(volser === undefined ? {} : { volser }) }]);
    }
    case 'specific-mount': {
      const host = pick(activeHosts(setup, state), action.host);
      const cluster = host === undefined ? undefined : pick(devicesOnline(state, host), action.cluster);
      // Even indexes pick among volumes holding data, which is where reads and mistakes matter.
      const written = Object.values(state.volumes).filter((volume) => volume.dataParent.length > 1).map((volume) => volume.volser).sort();
      const candidates = action.volume % 2 === 0 && written.length > 0 ? written : Object.keys(state.volumes).sort();
      const volser = pick(candidates, Math.floor(action.volume / 2));
      if (host === undefined || cluster === undefined || volser === undefined || tmsRejectsAnyUse(setup, host, volser)) return null;
      return resolved([{ type: 'specific-mount', host: host.name, cluster, volser }]);
    }
    case 'write': {
      const mount = pick(mountsOf(state), action.mount);
      if (mount === undefined || tmsRejectsOutput(setup, mount.host, mount.volser)) return null;
      return resolved([{ type: 'write', cluster: mount.cluster, volser: mount.volser }]);
    }
    case 'unload': {
      const mount = pick(mountsOf(state), action.mount);
      return mount === undefined ? null : resolved([{ type: 'rewind-unload', cluster: mount.cluster, volser: mount.volser }]);
    }
    case 'return-to-scratch': {
      // DR test hosts never run return-to-scratch (DRT-4); production may be told to suspend it.
      const testHostRuns = state.drTestActive && setup.drTest?.testReturnToScratch === true;
      const candidates = definition.hosts.filter(
        (candidate) =>
          (candidate.role === 'production' && !(state.drTestActive && setup.drTest?.productionReturnToScratch === 'suspended')) ||
          (testHostRuns && candidate.name === setup.drTest?.host),
      );
      const host = pick(candidates, action.host);
      if (host === undefined) return null;
      const privates = Object.entries(state.catalogs[host.name] ?? {})
        .filter(([, entry]) => entry === 'private')
        .map(([volser]) => volser)
        .sort();
      const volser = pick(privates, action.volume);
      const cluster = pick(host.online, Math.floor(action.volume / Math.max(1, privates.length)));
      if (volser === undefined || cluster === undefined) return null;
      return resolved([{ type: 'return-to-scratch', host: host.name, cluster, volser }]);
    }
    case 'links-fail':
    case 'links-restore': {
      const pair = pick(pairs(setup), action.pair);
      if (pair === undefined || testControlsLinks(setup, state, pair)) return null;
      const up = action.kind === 'links-restore';
      const links = linksOf(state, pair);
      return resolved(
        links.flatMap((isUp, link) => (isUp === up ? [] : [{ type: up ? 'link-restore' : 'link-fail', between: pair, link } as GridEvent])),
      );
    }
    case 'link-fail': {
      const pair = pick(pairs(setup), action.pair);
      if (pair === undefined || testControlsLinks(setup, state, pair)) return null;
      const links = linksOf(state, pair);
      const link = links.length === 0 ? undefined : action.link % links.length;
      if (link === undefined || links[link] !== true) return null;
      return resolved([{ type: 'link-fail', between: pair, link }]);
    }
    case 'cluster-fail': {
      const cluster = pick(definition.clusters, action.cluster);
      return cluster === undefined || state.clusters[cluster.id] !== 'up' ? null : resolved([{ type: 'cluster-fail', cluster: cluster.id }]);
    }
    case 'cluster-restore': {
      const cluster = pick(definition.clusters, action.cluster);
      return cluster === undefined || state.clusters[cluster.id] !== 'down' ? null : resolved([{ type: 'cluster-restore', cluster: cluster.id }]);
    }
    case 'site-fail': {
      const site = pick(losableSites(setup), action.site);
      return site === undefined || state.lostSites.includes(site) ? null : resolved([{ type: 'site-fail', site }]);
    }
    case 'site-restore': {
      const site = pick(losableSites(setup), action.site);
      return site === undefined || !state.lostSites.includes(site) ? null : resolved([{ type: 'site-restore', site }]);
    }
    case 'host-link-fail': {
      const host = pick(definition.hosts, action.host);
      const cluster = host === undefined ? undefined : pick(host.online, action.cluster);
      if (host === undefined || cluster === undefined || (state.hostPaths[host.name]?.[cluster] ?? 0) === 0) return null;
      return resolved([{ type: 'host-link-fail', host: host.name, cluster }]);
    }
    case 'takeover': {
      const at = pick(definition.clusters, action.at)?.id;
      const of = pick(definition.clusters, action.of)?.id;
      if (at === undefined || of === undefined || !runbookAllows(setup, state, at, of, action.mode)) return null;
      if (state.takeovers.some((setting) => setting.at === at && setting.of === of && setting.mode === action.mode)) return null;
      return resolved([{ type: 'set-takeover', at, of, mode: action.mode }]);
    }
    case 'clear-takeover': {
      const setting = pick(state.takeovers, action.at + action.of);
      return setting === undefined ? null : resolved([{ type: 'clear-takeover', at: setting.at, of: setting.of }]);
    }
    case 'advance':
      return resolved([{ type: 'advance', minutes: action.minutes }]);
    case 'advance-to-deadline': {
      const minutes = nextDeadline(state);
      return minutes === null ? null : resolved([{ type: 'advance', minutes }]);
    }
    case 'copy':
      return state.copyQueue.length === 0 ? null : resolved([{ type: 'deferred-copy' }]);
    case 'dr-test-begin':
      return state.drTestActive || state.disasterHosts.length > 0 ? null : resolved(drTestBeginEvents(setup));
    case 'declare-disaster':
      // Once, and only when something failed: a cluster down or a pair of clusters cut apart (the
      // operators may declare a disaster for a site they merely cannot reach: that is the hazard).
      return (setup.disasterHosts ?? []).length === 0 || state.disasterHosts.length > 0 || !somethingFailed(setup, state) ? null : resolved(disasterEvents(setup));
    case 'dr-test-end':
      return state.drTestActive ? resolved(drTestEndEvents(setup)) : null;
    case 'gdps-switch': {
      const gdps = setup.gdps;
      if (gdps === undefined) return null;
      const current = state.gdpsPrimarySite ?? gdps.production;
      const other = gdps.sites.find((site) => site !== current);
      return other === undefined ? null : resolved([{ type: 'gdps-site-switch', site: other }]);
    }
    case 'vary-online':
    case 'vary-offline': {
      const standbyHosts = definition.hosts.filter((host) => (host.standby ?? []).length > 0);
      const host = pick(standbyHosts, action.host);
      const cluster = host === undefined ? undefined : pick(host.standby ?? [], action.cluster);
      if (host === undefined || cluster === undefined || hostSiteLost(state, host)) return null;
      const online = devicesOnline(state, host).includes(cluster);
      // The runbook: remote devices online only while the host's own clusters are down (GDPS-1, GDPS-4).
      if (action.kind === 'vary-online') return online || !normalDevicesLost(state, host) ? null : resolved([{ type: 'vary-devices', host: host.name, cluster, online: true }]);
      const busy = Object.values(state.volumes).some((volume) => volume.mounts.some((mount) => mount.host === host.name && mount.cluster === cluster));
      return !online || normalDevicesLost(state, host) || busy ? null : resolved([{ type: 'vary-devices', host: host.name, cluster, online: false }]);
    }
  }
}

/**
 * Sites `verify` may lose as a whole: in a grid of two sites or more, those with several clusters,
 * whose loss is one failure that takes them all (ASM-6). The loss of a one-cluster site differs from
 * its cluster's failure only in its TSSC, which can only keep AOTM from acting (11.8.1); the search
 * leaves it out to keep its depth, and `whatif --fail site:NAME` shows it.
 */
export function losableSites(setup: VerifySetup): string[] {
  const clusters = setup.definition.clusters;
  const sites = [...new Set(clusters.map((cluster) => cluster.site))].sort();
  if (sites.length < 2) return [];
  return sites.filter((site) => clusters.filter((cluster) => cluster.site === site).length > 1);
}

/** Whether a cluster is down or two clusters have every link between them down. */
function somethingFailed(setup: VerifySetup, state: GridState): boolean {
  return state.clusters.some((status) => status === 'down') || setup.definition.links.some((link) => linksOf(state, link.between).every((up) => !up));
}
