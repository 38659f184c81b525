import { classDefinedOn, pairKey, type ClusterId, type GridDefinition, type GridEvent, type TakeoverMode } from '../model/index.js';
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

/** The seed's recovery steps for the kinds of failure involved (11.2.2 to 11.2.9). */
function prescribed(specs: readonly FailureSpec[], takeover: TakeoverMode | null): string[] {
  const steps: string[] = [];
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
}

/** Builds the scenario of a what-if on a grid. */
export function whatIfScenario(definition: GridDefinition, options: WhatIfOptions): Scenario {
  const production = definition.hosts.filter((host) => host.role === 'production');
  const setup: GridEvent[] = [];
  const inFlight: Job[] = [];
  const afterFailure: Job[] = [];
  const watch: string[] = [];
  production.forEach((host, hostIndex) => {
    const prefix = String.fromCharCode(65 + hostIndex);
    host.online.forEach((cluster, position) => {
      const names = [0, 1, 2].map((k) => `${prefix}${cluster}${String(position * 3 + k + 1).padStart(4, '0')}`);
      const managementClass = classDefinedOn(definition, cluster) ?? '';
      const data = names[0] as string;
      setup.push({ type: 'insert', cluster, volsers: names, category: host.scratchCategory });
      setup.push({ type: 'scratch-mount', host: host.name, cluster, managementClass }, { type: 'write', cluster, volser: data }, { type: 'rewind-unload', cluster, volser: data });
      watch.push(data);
      inFlight.push({ name: `${host.name} writes a scratch volume through C${cluster}`, host: host.name, cluster, mount: { kind: 'scratch', managementClass }, write: true });
    });
  });
  // Copies up to date before the failure, as in steady state.
  for (let index = 0; index < watch.length * definition.clusters.length; index += 1) setup.push({ type: 'deferred-copy' });
  // The most recent jobs: their RUN copies are made at rewind-unload, their deferred copies are still
  // queued when the failure strikes (11.11: "the jobs that created that data must be rerun").
  const backlog = Math.max(0, Math.floor(options.backlogVolumes ?? 1));
  production.forEach((host, hostIndex) => {
    const prefix = String.fromCharCode(65 + hostIndex);
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
  for (const host of production) {
    // After the failure, hosts work through the clusters that are left (11.2.6 step 2).
    for (const cluster of host.online.filter((id) => !failedClusters.has(id))) {
      afterFailure.push({ name: `${host.name} reruns a scratch write through C${cluster}`, host: host.name, cluster, mount: { kind: 'scratch', managementClass: classDefinedOn(definition, cluster) ?? '' }, write: true });
      for (const volser of watch) afterFailure.push({ name: `${host.name} reads ${volser} through C${cluster}`, host: host.name, cluster, mount: { kind: 'specific', volser }, write: false });
    }
  }
  const failed = options.failures.map((spec) => failureEvents(spec, definition));
  const fail = failed.flatMap((entry) => entry.fail);
  const takeovers: TimedEvent[] = [];
  if (options.takeover !== null) {
    const mode = options.takeover;
    for (const cluster of definition.clusters) {
      if (failedClusters.has(cluster.id)) continue;
      for (const lost of failedClusters) takeovers.push({ at: 0, event: { type: 'set-takeover', at: cluster.id, of: lost, mode }, label: `${mode} ownership takeover set at C${cluster.id} for C${lost}` });
    }
  }
  // DRT-7: with a cluster lost, the DR hosts take over production with a copy of its catalog and
  // run production's work through the clusters they have online, meeting production volumes.
  const disasterHosts = failedClusters.size === 0 ? [] : definition.hosts.filter((host) => options.disasterHosts?.includes(host.name) === true);
  const disaster: TimedEvent[] = disasterHosts.flatMap((host) => [
    ...production.map((from) => ({ at: 0, event: { type: 'snapshot-catalog', from: from.name, to: host.name } as GridEvent, label: `${host.name} gets a copy of ${from.name}'s catalog` })),
    { at: 0, event: { type: 'declare-disaster', host: host.name } as GridEvent, label: `disaster declared: ${host.name} runs production (DRT-7)` },
  ]);
  for (const host of disasterHosts) {
    for (const cluster of host.online.filter((id) => !failedClusters.has(id))) {
      // Production's scratch pool, as its catalog copy and DEVSUP settings say.
      const category = production[0]?.scratchCategory ?? host.scratchCategory;
      afterFailure.push({ name: `${host.name} (running production) writes a scratch volume through C${cluster}`, host: host.name, cluster, mount: { kind: 'scratch', managementClass: classDefinedOn(definition, cluster) ?? '', category }, write: true });
      for (const volser of watch) afterFailure.push({ name: `${host.name} (running production) reads ${volser} through C${cluster}`, host: host.name, cluster, mount: { kind: 'specific', volser }, write: false });
    }
  }
  const advance: TimedEvent[] = options.afterMinutes > 0 ? [{ at: options.afterMinutes, event: { type: 'advance', minutes: 0 }, label: `${options.afterMinutes} min pass` }] : [];
  return {
    id: 'what-if',
    title: `What if ${fail.map((timed) => timed.label).join(', ')}`,
    section: '11.2',
    seedEffects: [],
    definition,
    setup,
    inFlight,
    failures: [...fail, ...takeovers, ...disaster, ...advance],
    afterFailure,
    recovery: [
      ...failed.flatMap((entry) => entry.repair).map((timed) => ({ ...timed, at: 60 })),
      { at: 180, event: { type: 'advance', minutes: 0 }, label: 'two hours of copies after the repair' },
    ],
    afterRecovery: [],
    watch,
    prescribedRecovery: prescribed(options.failures, options.takeover),
  };
}
