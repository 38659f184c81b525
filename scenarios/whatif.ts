import { classDefinedOn, pairKey, type ClusterId, type GridDefinition, type GridEvent, type HostDefinition, type TakeoverMode } from '../model/index.js';
import type { GdpsSetup } from '../properties/index.js';
import type { Job, Scenario, TimedEvent } from './scenario.js';

/**
 * "What if" on any grid: the user's failure (a cluster, a link, all links of a pair, a site, a host
 * link) run against a workload built from the grid's hosts: each production host has written data
 * through each of its clusters and has a write and a read in flight at the failure.
 */

/** A failure as the command line names it. */
export type FailureSpec =
  | { readonly kind: 'cluster'; readonly cluster: ClusterId }
  | { readonly kind: 'link'; readonly between: readonly [ClusterId, ClusterId]; readonly link: number }
  | { readonly kind: 'pair'; readonly between: readonly [ClusterId, ClusterId] }
  | { readonly kind: 'site'; readonly site: string }
  | { readonly kind: 'host-link'; readonly host: string; readonly cluster: ClusterId };

/** Parses "C0", "cluster:0", "link:0-1", "link:0-1:2", "links:0-1", "site:dr", "hostlink:PROD:0". */
export function parseFailure(text: string, definition: GridDefinition): FailureSpec | string {
  const trimmed = text.trim();
  const clusterExists = (id: number): boolean => definition.clusters.some((cluster) => cluster.id === id);
  const pair = (value: string): readonly [number, number] | null => {
    const match = /^(\d)-(\d)$/.exec(value);
    if (match === null) return null;
    const a = Number(match[1]);
    const b = Number(match[2]);
    return clusterExists(a) && clusterExists(b) && a !== b && definition.links.some((link) => pairKey(link.between[0], link.between[1]) === pairKey(a, b)) ? [a, b] : null;
  };
  let match = /^(?:C|cluster:)(\d)$/i.exec(trimmed);
  if (match !== null) {
    const cluster = Number(match[1]);
    return clusterExists(cluster) ? { kind: 'cluster', cluster } : `no cluster ${cluster} in this grid`;
  }
  match = /^link:(\d-\d)(?::(\d+))?$/.exec(trimmed);
  if (match !== null) {
    const between = pair(match[1] ?? '');
    if (between === null) return `no grid links between the clusters of "${match[1] ?? ''}"`;
    const count = definition.links.find((link) => pairKey(link.between[0], link.between[1]) === pairKey(between[0], between[1]))?.count ?? 0;
    const link = match[2] === undefined ? 0 : Number(match[2]) - 1;
    return link >= 0 && link < count ? { kind: 'link', between, link } : `the pair has links 1 to ${count}`;
  }
  match = /^links:(\d-\d)$/.exec(trimmed);
  if (match !== null) {
    const between = pair(match[1] ?? '');
    return between === null ? `no grid links between the clusters of "${match[1] ?? ''}"` : { kind: 'pair', between };
  }
  match = /^site:(.+)$/.exec(trimmed);
  if (match !== null) {
    const site = match[1] ?? '';
    return definition.clusters.some((cluster) => cluster.site === site) ? { kind: 'site', site } : `no cluster at site "${site}" (sites: ${[...new Set(definition.clusters.map((cluster) => cluster.site))].join(', ')})`;
  }
  match = /^hostlink:([^:]+):(\d)$/.exec(trimmed);
  if (match !== null) {
    const host = definition.hosts.find((candidate) => candidate.name === match?.[1]);
    const cluster = Number(match[2]);
    return host !== undefined && host.online.includes(cluster) ? { kind: 'host-link', host: host.name, cluster } : `no host link from "${match[1] ?? ''}" to C${cluster}`;
  }
  return `"${trimmed}" is not a failure: use C0, link:0-1, link:0-1:2, links:0-1, site:NAME or hostlink:HOST:0`;
}

function failureEvents(spec: FailureSpec, definition: GridDefinition): { fail: TimedEvent[]; repair: TimedEvent[] } {
  switch (spec.kind) {
    case 'cluster':
      return {
        fail: [{ at: 0, event: { type: 'cluster-fail', cluster: spec.cluster }, label: `cluster C${spec.cluster} fails` }],
        repair: [{ at: 0, event: { type: 'cluster-restore', cluster: spec.cluster }, label: `cluster C${spec.cluster} repaired` }],
      };
    case 'site': {
      const clusters = definition.clusters.filter((cluster) => cluster.site === spec.site);
      return {
        fail: [{ at: 0, event: { type: 'site-fail', site: spec.site }, label: `site ${spec.site} is lost (${clusters.map((cluster) => `C${cluster.id}`).join(', ')} and its TSSC)` }],
        repair: [{ at: 0, event: { type: 'site-restore', site: spec.site }, label: `site ${spec.site} is back` }],
      };
    }
    case 'link':
      return {
        fail: [{ at: 0, event: { type: 'link-fail', between: spec.between, link: spec.link }, label: `grid link ${spec.link + 1} C${spec.between[0]}-C${spec.between[1]} fails` }],
        repair: [{ at: 0, event: { type: 'link-restore', between: spec.between, link: spec.link }, label: 'the link is repaired' }],
      };
    case 'pair': {
      const count = definition.links.find((link) => pairKey(link.between[0], link.between[1]) === pairKey(spec.between[0], spec.between[1]))?.count ?? 0;
      const links = Array.from({ length: count }, (_, link) => link);
      return {
        fail: links.map((link) => ({ at: 0, event: { type: 'link-fail', between: spec.between, link } as GridEvent, label: `grid link ${link + 1} C${spec.between[0]}-C${spec.between[1]} fails` })),
        repair: links.map((link) => ({ at: 0, event: { type: 'link-restore', between: spec.between, link } as GridEvent, label: `grid link ${link + 1} repaired` })),
      };
    }
    case 'host-link': {
      const paths = definition.hosts.find((host) => host.name === spec.host)?.pathsPerCluster ?? 1;
      return {
        fail: [{ at: 0, event: { type: 'host-link-fail', host: spec.host, cluster: spec.cluster }, label: `one of ${paths} host links ${spec.host}-C${spec.cluster} fails` }],
        repair: [{ at: 0, event: { type: 'host-link-restore', host: spec.host, cluster: spec.cluster }, label: 'the host link is repaired' }],
      };
    }
  }
}

/** The seed's recovery steps for the kinds of failure involved (11.2.2 to 11.2.9, 11.8.1). */
function prescribed(specs: readonly FailureSpec[], takeover: TakeoverMode | null, switchSite?: string): string[] {
  const steps: string[] = [];
  if (switchSite !== undefined && specs.length === 0) steps.push('No manual step: volume ownership moves to the new site\'s cluster at each mount through the grid (11.8.1, GDPS-2).');
  if (specs.some((spec) => spec.kind === 'cluster' || spec.kind === 'site')) {
    steps.push(
      takeover === null ? 'Enable write or read-only ownership takeover through the MI at a surviving cluster (11.2.6 step 1).' : `Takeover: ${takeover === 'write' ? 'write' : 'read-only'} ownership takeover enabled (11.2.6 step 1).`,
      'Rerun the failed jobs using the virtual device addresses of a surviving cluster (vary them online at the host if needed) (11.2.6 step 2).',
      'Rerun jobs whose deferred copies had not completed at the failure (11.11).',
      'Normal error recovery procedures and repair apply for the host channels and the intermediate equipment (11.2.6 step 3).',
      'Contact your IBM SSR to repair the failed TS7700 cluster (11.2.6 step 4).',
    );
  }
  if (specs.some((spec) => spec.kind === 'link' || spec.kind === 'pair')) steps.push('Rerun the jobs that failed on a remote mount; contact your IBM SSR to repair the failed connections (11.2.3 to 11.2.5, 11.2.8).');
  if (specs.some((spec) => spec.kind === 'host-link')) steps.push('Normal error recovery procedures apply for the host channel and the intermediate equipment; contact your IBM SSR to repair the failed connection (11.2.2).');
  return steps;
}

/** Options of a what-if run. */
export interface WhatIfOptions {
  readonly failures: readonly FailureSpec[];
  readonly takeover: TakeoverMode | null;
  /** Minutes between the failure and the jobs submitted after it (AOTM's grace period may pass). */
  readonly afterMinutes: number;
  /**
   * Hosts that run production from a copy of the production catalog once a disaster is declared
   * (DRT-7); declared when a cluster is lost, after which they rerun production's jobs and reads.
   */
  readonly disasterHosts?: readonly string[];
  /**
   * Volumes per production mount cluster written just before the failure whose deferred copies are
   * still queued when it strikes (CCP-2, 11.11): what a real disaster loses. Default 1.
   */
  readonly backlogVolumes?: number;
  /** The GDPS sysplex the grid serves: production runs at one site's hosts (GDPS-2, ASM-23). */
  readonly gdps?: GdpsSetup;
  /** GDPS moves production to this site when the failure strikes (or with no failure: a planned switch, GDPS-2). */
  readonly switchSite?: string;
  /**
   * Operator steps applied after the failure, in order (a runbook's steps with their events): the jobs
   * then run as production would after those steps. Jobs are also run once before them.
   */
  readonly operatorSteps?: readonly { readonly label: string; readonly events: readonly GridEvent[] }[];
  /** Hours after the failure of the last round of production jobs, with the failed components still out (default 24). */
  readonly laterHours?: number;
}

/** Production's jobs in one round: a scratch write through each cluster the host has online, and a read of every watched volume. */
function productionJobs(hosts: readonly { readonly host: HostDefinition; readonly clusters: readonly ClusterId[]; readonly category?: string; readonly role?: string }[], definition: GridDefinition, watch: readonly string[]): Job[] {
  return hosts.flatMap(({ host, clusters, category, role }) =>
    clusters.flatMap((cluster) => [
      { name: `${host.name}${role ?? ''} writes a scratch volume through C${cluster}`, host: host.name, cluster, mount: { kind: 'scratch', managementClass: classDefinedOn(definition, cluster) ?? '', ...(category === undefined ? {} : { category }) }, write: true } as Job,
      ...watch.map((volser) => ({ name: `${host.name}${role ?? ''} reads ${volser} through C${cluster}`, host: host.name, cluster, mount: { kind: 'specific', volser }, write: false }) as Job),
    ]),
  );
}

/** Builds the scenario of a what-if on a grid. */
export function whatIfScenario(definition: GridDefinition, options: WhatIfOptions): Scenario {
  const gdps = options.gdps;
  const atGdpsSite = (host: HostDefinition, site: string): boolean => gdps === undefined || !gdps.sites.includes(host.site) || host.site === site;
  const production = definition.hosts.filter((host) => host.role === 'production');
  // In a GDPS sysplex only the production site's hosts write before the failure (ASM-23).
  const writers = production.filter((host) => atGdpsSite(host, gdps?.production ?? ''));
  const setup: GridEvent[] = [];
  const inFlight: Job[] = [];
  const watch: string[] = [];
  // Every production host's scratch pool is inserted (the standby site's too: it needs scratch volumes it owns after a switch).
  production.forEach((host, hostIndex) => {
    const prefix = String.fromCharCode(65 + hostIndex);
    const writes = writers.includes(host);
    host.online.forEach((cluster, position) => {
      const names = [0, 1, 2, 3, 4, 5].map((k) => `${prefix}${cluster}${String(position * 6 + k + 1).padStart(4, '0')}`);
      const managementClass = classDefinedOn(definition, cluster) ?? '';
      setup.push({ type: 'insert', cluster, volsers: names, category: host.scratchCategory });
      if (!writes) return;
      const data = names[0] as string;
      setup.push({ type: 'scratch-mount', host: host.name, cluster, managementClass, volser: data }, { type: 'write', cluster, volser: data }, { type: 'rewind-unload', cluster, volser: data });
      watch.push(data);
      inFlight.push({ name: `${host.name} writes a scratch volume through C${cluster}`, host: host.name, cluster, mount: { kind: 'scratch', managementClass }, write: true });
    });
  });
  // Copies up to date before the failure, as in steady state.
  for (let index = 0; index < watch.length * definition.clusters.length; index += 1) setup.push({ type: 'deferred-copy' });
  // The most recent jobs: their RUN copies are made at rewind-unload, their deferred copies are still
  // queued when the failure strikes (11.11: "the jobs that created that data must be rerun").
  const backlog = Math.max(0, Math.floor(options.backlogVolumes ?? 1));
  writers.forEach((host) => {
    const prefix = String.fromCharCode(65 + production.indexOf(host));
    host.online.forEach((cluster) => {
      const names = Array.from({ length: backlog }, (_, k) => `${prefix}B${cluster}${String(k + 1).padStart(3, '0')}`);
      if (names.length === 0) return;
      const managementClass = classDefinedOn(definition, cluster) ?? '';
      setup.push({ type: 'insert', cluster, volsers: names, category: host.scratchCategory });
      for (const volser of names) {
        setup.push({ type: 'scratch-mount', host: host.name, cluster, managementClass, volser }, { type: 'write', cluster, volser }, { type: 'rewind-unload', cluster, volser });
        watch.push(volser);
      }
    });
  });
  const failedClusters = new Set(
    options.failures.flatMap((spec) => (spec.kind === 'cluster' ? [spec.cluster] : spec.kind === 'site' ? definition.clusters.filter((cluster) => cluster.site === spec.site).map((cluster) => cluster.id) : [])),
  );
  const lostSites = new Set(options.failures.flatMap((spec) => (spec.kind === 'site' ? [spec.site] : [])));
  const failed = options.failures.map((spec) => failureEvents(spec, definition));
  const fail = failed.flatMap((entry) => entry.fail);
  const operator: TimedEvent[] = [];
  if (options.switchSite !== undefined) operator.push({ at: 0, event: { type: 'gdps-site-switch', site: options.switchSite }, label: `GDPS moves production to site ${options.switchSite} (GDPS-2)` });
  if (options.takeover !== null) {
    const mode = options.takeover;
    for (const cluster of definition.clusters) {
      if (failedClusters.has(cluster.id)) continue;
      for (const lost of failedClusters) operator.push({ at: 0, event: { type: 'set-takeover', at: cluster.id, of: lost, mode }, label: `${mode} ownership takeover set at C${cluster.id} for C${lost}` });
    }
  }
  for (const step of options.operatorSteps ?? []) for (const event of step.events) operator.push({ at: 0, event, label: step.label });
  // DRT-7: with a cluster lost, the DR hosts take over production with a copy of its catalog and
  // run production's work through the clusters they have online, meeting production volumes.
  const disasterHosts = failedClusters.size === 0 ? [] : definition.hosts.filter((host) => options.disasterHosts?.includes(host.name) === true);
  for (const host of disasterHosts) {
    if (operator.some((timed) => timed.event.type === 'declare-disaster' && timed.event.host === host.name)) continue;
    operator.push(
      ...production.map((from) => ({ at: 0, event: { type: 'snapshot-catalog', from: from.name, to: host.name } as GridEvent, label: `${host.name} gets a copy of ${from.name}'s catalog` })),
      { at: 0, event: { type: 'declare-disaster', host: host.name } as GridEvent, label: `disaster declared: ${host.name} runs production (DRT-7)` },
    );
  }
  // A disaster the operator steps declared (the runbook's DRT-7 step) puts those hosts to work too.
  const declared = operator.flatMap((timed) => (timed.event.type === 'declare-disaster' ? [timed.event.host] : []));
  for (const host of definition.hosts) if (declared.includes(host.name) && !disasterHosts.includes(host)) disasterHosts.push(host);
  // Who runs production after the operator steps, and through which devices (GDPS-2 to GDPS-4, DRT-7).
  const switched = [...operator].reverse().find((timed) => timed.event.type === 'gdps-site-switch')?.event;
  const siteAfter = switched?.type === 'gdps-site-switch' ? switched.site : (gdps?.production ?? '');
  const variedOnline = new Set(operator.flatMap((timed) => (timed.event.type === 'vary-devices' && timed.event.online ? [`${timed.event.host}:${timed.event.cluster}`] : [])));
  // A host left with no usable devices still submits its jobs, through its usual ones: they fail, and the result says why.
  const survivorsOf = (host: HostDefinition): ClusterId[] => {
    const usable = [...host.online, ...(host.standby ?? []).filter((cluster) => variedOnline.has(`${host.name}:${cluster}`))].filter((id) => !failedClusters.has(id));
    return usable.length === 0 ? [...host.online] : usable;
  };
  const runningAfter = production.filter((host) => !lostSites.has(host.site) && atGdpsSite(host, siteAfter)).map((host) => ({ host, clusters: survivorsOf(host) }));
  // Production's scratch pool, as the DR host's catalog copy and DEVSUP settings say.
  const productionCategory = production[0]?.scratchCategory;
  const drRunning = disasterHosts.map((host) => ({ host, clusters: survivorsOf(host), role: ' (running production)', ...(productionCategory === undefined ? {} : { category: productionCategory }) }));
  const afterFailure = productionJobs([...runningAfter, ...drRunning], definition, watch);
  // Right after the failure, before any operator step: production as it ran, through its usual devices.
  const beforeOperator = operator.length === 0 ? [] : productionJobs(writers.filter((host) => !lostSites.has(host.site)).map((host) => ({ host, clusters: host.online })), definition, watch);
  const laterMinutes = options.afterMinutes + 60 * (options.laterHours ?? 24);
  const advance: TimedEvent[] = options.afterMinutes > 0 ? [{ at: options.afterMinutes, event: { type: 'advance', minutes: 0 }, label: `${options.afterMinutes} min pass` }] : [];
  const title = fail.length === 0 ? operator.map((timed) => timed.label).join(', ') : fail.map((timed) => timed.label).join(', ');
  return {
    id: 'what-if',
    title: `What if ${title}`,
    section: options.switchSite !== undefined ? '11.8.1' : '11.2',
    seedEffects: [],
    definition,
    setup,
    inFlight,
    failures: [...fail, ...(beforeOperator.length === 0 ? [...operator, ...advance] : [])],
    ...(beforeOperator.length === 0 ? {} : { beforeOperator, operator: [...operator, ...advance] }),
    afterFailure,
    rounds: failedClusters.size === 0 && options.failures.length === 0 ? [] : [{ label: `${options.laterHours ?? 24} h after the failure, the failed components still out`, at: laterMinutes, jobs: afterFailure }],
    recovery: [
      ...failed.flatMap((entry) => entry.repair).map((timed) => ({ ...timed, at: laterMinutes + 60 })),
      { at: laterMinutes + 180, event: { type: 'advance', minutes: 0 }, label: 'two hours of copies after the repair' },
    ],
    afterRecovery: [],
    watch,
    prescribedRecovery: prescribed(options.failures, options.takeover, options.switchSite),
  };
}
