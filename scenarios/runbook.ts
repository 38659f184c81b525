import type { ClusterId, GridDefinition, GridEvent } from '../model/index.js';
import { analyseWan, type PlanInputs } from '../planner/index.js';
import type { GdpsSetup, TakeoverRule } from '../properties/index.js';
import type { FailureSpec } from './whatif.js';

/**
 * A recovery runbook for one failure of one grid (issue 14, 11.2.6, 11.8.1, 11.11, DRT-7, GDPS-3 to
 * GDPS-5, PLN-2): the operator's steps in order, each with its rule ids and seed section, and the
 * numbers behind them: the data in doubt at the failure and the jobs to rerun, from the configured
 * workload and link capacity. Plain data; `reports/` renders text and Markdown.
 */

/** One step of a runbook. */
export interface RunbookStep {
  readonly step: number;
  readonly action: string;
  /** Why, or what the step achieves. */
  readonly detail: string;
  readonly rules: readonly string[];
  readonly section: string;
  /**
   * What the step does to the grid and its hosts, as model events (a takeover set, devices varied
   * online, production moved): `whatif --runbook` applies them, so a test can drop a step and see the
   * recovery fail. Empty for steps outside the model (BVIR lists, reruns, class changes).
   */
  readonly events: readonly GridEvent[];
}

/** Data in doubt for one direction that copied from a lost cluster to a survivor. */
export interface InDoubt {
  readonly from: ClusterId;
  readonly to: ClusterId;
  /** Volumes whose copy to `to` was queued or in flight at the worst hour (Little's law on the fluid queue). */
  readonly volumes: number;
  readonly bytes: number;
  /** Management classes whose data travels this way (Deferred, and RUN jobs still running). */
  readonly classes: readonly string[];
}

/** The runbook. */
export interface Runbook {
  readonly failure: string;
  readonly lostClusters: readonly ClusterId[];
  readonly survivors: readonly ClusterId[];
  readonly steps: readonly RunbookStep[];
  readonly inDoubt: readonly InDoubt[];
  /** Jobs to rerun: in-doubt volumes plus jobs that were running through a lost cluster. */
  readonly jobsToRerun: number;
  /** Jobs running through the lost clusters at the failure (their volumes were not closed), when the workload states peak mounts. */
  readonly runningJobs: number | null;
}

function lostBy(spec: FailureSpec, definition: GridDefinition): ClusterId[] {
  if (spec.kind === 'cluster') return [spec.cluster];
  if (spec.kind === 'site') return definition.clusters.filter((cluster) => cluster.site === spec.site).map((cluster) => cluster.id);
  return [];
}

function describe(spec: FailureSpec, definition: GridDefinition): string {
  switch (spec.kind) {
    case 'cluster':
      return `cluster C${spec.cluster} (${definition.clusters.find((cluster) => cluster.id === spec.cluster)?.name ?? '?'}) lost`;
    case 'site':
      return `site ${spec.site} lost (${lostBy(spec, definition).map((id) => `C${id}`).join(', ')} and the TSSC there)`;
    case 'pair':
      return `all grid links C${spec.between[0]}-C${spec.between[1]} down`;
    case 'link':
      return `grid link ${spec.link + 1} C${spec.between[0]}-C${spec.between[1]} down`;
    case 'host-link':
      return `a host link ${spec.host}-C${spec.cluster} down`;
  }
}

/**
 * The data in doubt when `lost` fails, per direction from a lost cluster to a survivor: at the worst
 * hour, the fluid backlog plus what is in transfer (arrival rate x one volume's transfer time), in
 * average stored volumes, rounded up (GDPS-5, PLN-2, 11.11).
 */
export function inDoubtAtFailure(inputs: PlanInputs, lost: readonly ClusterId[]): InDoubt[] {
  const directions = analyseWan(inputs, inputs.catalog.referenceVolumeBytes.value).filter((direction) => lost.includes(direction.from) && !lost.includes(direction.to));
  return directions.map((direction) => {
    const writers = inputs.workloads.filter((workload) => workload.cluster === direction.from);
    const peakShare = Math.max(0, ...writers.map((workload) => Math.max(...workload.hourlyShare)));
    const arrivalPerSecond = ((direction.deferredBytesPerDay + direction.immediateBytesPerDay) * peakShare) / 3600;
    const backlog = direction.deferred.kind === 'bounded' ? direction.deferred.peakBacklogBytes : Number.POSITIVE_INFINITY;
    const bytes = backlog + arrivalPerSecond * direction.volumeTransfer.averageSeconds;
    const volume = Math.max(1, direction.volumeTransfer.averageStoredBytes);
    return {
      from: direction.from,
      to: direction.to,
      volumes: Number.isFinite(bytes) ? Math.ceil(bytes / volume) : Number.POSITIVE_INFINITY,
      bytes,
      classes: [...new Set(direction.classes.map((entry) => entry.managementClass))],
    };
  });
}

/** The runbook for `spec` on a grid, with its runbook rules and planning inputs. */
export function failureRunbook(definition: GridDefinition, rules: readonly TakeoverRule[], inputs: PlanInputs | null, spec: FailureSpec, gdps?: GdpsSetup): Runbook {
  const lost = lostBy(spec, definition);
  const survivors = definition.clusters.filter((cluster) => !lost.includes(cluster.id)).map((cluster) => cluster.id);
  const steps: Omit<RunbookStep, 'step'>[] = [];
  if (lost.length > 0) {
    const siteLost = spec.kind === 'site';
    // GDPS-3: the production site is lost with its hosts; GDPS restarts production at the other site.
    const switchTo = gdps !== undefined && spec.kind === 'site' && spec.site === gdps.production ? gdps.sites.find((site) => site !== gdps.production) : undefined;
    if (switchTo !== undefined) {
      const hosts = definition.hosts.filter((host) => host.role === 'production' && host.site === switchTo).map((host) => host.name);
      steps.push({
        action: `GDPS moves production to site ${switchTo} (${hosts.join(', ') || 'its hosts'}); no change to tape catalogs, JCL or tape management is needed.`,
        detail: 'Volumes are found by serial number from either site (11.8.1). The grid cannot move ownership from the lost cluster by itself: the takeover below is required.',
        rules: ['GDPS-3'],
        section: '11.8.1',
        events: [{ type: 'gdps-site-switch', site: switchTo }],
      });
    }
    for (const cluster of lost) {
      const takers = survivors.filter((at) => rules.some((rule) => rule.mode === 'write' && (rule.at === undefined || rule.at.includes(at)) && (rule.of === undefined || rule.of.includes(cluster))));
      const aotm = survivors.filter((at) => {
        const settings = definition.clusters.find((candidate) => candidate.id === at)?.aotm;
        return settings !== undefined && (settings.peers === undefined || settings.peers.includes(cluster)) && settings.tsscNetwork !== 'shared-with-grid-links';
      });
      if (!siteLost && aotm.length > 0) {
        const at = aotm[0] as ClusterId;
        const settings = definition.clusters.find((candidate) => candidate.id === at)?.aotm;
        steps.push({
          action: `Wait for AOTM at C${at}: it takes ${settings?.mode === 'read' ? 'read-only' : 'write'} ownership of C${cluster} after its ${settings?.graceMinutes ?? '?'}-minute grace period, once the TSSC confirms C${cluster} is down.`,
          detail: 'No operator step is needed for ownership unless AOTM reports it could not confirm the failure; then set the takeover by hand as below.',
          rules: ['OWN-8', 'TOP-4'],
          section: '11.2.7',
          events: [],
        });
      }
      const taker = takers[0];
      steps.push({
        action:
          taker === undefined
            ? `Set ownership takeover for C${cluster} at a surviving cluster: the runbook allows write takeover nowhere, so only read-only takeover is possible.`
            : `Confirm that C${cluster} is down (not merely unreachable), then set write ownership takeover for C${cluster} at C${taker} only (MI: Service and Troubleshooting, Ownership Takeover Mode).`,
        detail: siteLost
          ? `The site's TSSC went with it, so AOTM cannot confirm the failure: a manual takeover is required (GDPS-3). Set it at one survivor: two survivors with write takeover of one cluster can each change a volume.`
          : 'Write takeover of a cluster that is still running splits ownership (OWN-11); one designated survivor takes over (OWN-13).',
        rules: siteLost ? ['GDPS-3', 'OWN-5', 'OWN-13'] : ['OWN-5', 'OWN-11', 'OWN-13'],
        section: siteLost ? '11.8.1' : '11.2.6',
        events: taker === undefined ? survivors.slice(0, 1).map((at) => ({ type: 'set-takeover', at, of: cluster, mode: 'read' }) as GridEvent) : [{ type: 'set-takeover', at: taker, of: cluster, mode: 'write' }],
      });
    }
    for (const host of definition.hosts) {
      if (!host.online.some((cluster) => lost.includes(cluster))) continue;
      const remaining = host.online.filter((cluster) => survivors.includes(cluster));
      const hostLost = spec.kind === 'site' && host.site === spec.site;
      if (hostLost) continue;
      if (remaining.length === 0) {
        const standby = (host.standby ?? []).filter((cluster) => survivors.includes(cluster));
        const reachable = standby[0] ?? survivors[0];
        steps.push({
          action: `Vary online at ${host.name} the virtual devices of C${reachable ?? '?'} (they are offline in normal running), then rerun its failed jobs through them.`,
          detail:
            standby.length > 0
              ? `${host.name} had only the lost cluster's devices online (GDPS-4: vary the remote cluster's devices online, then take over).`
              : `${host.name} had only the lost cluster's devices online and the configuration lists no standby devices for it: host channels to C${reachable ?? '?'} must exist (GDPS-4, PLN-3).`,
          rules: ['GDPS-4', 'TOP-1'],
          section: '11.8.1, 11.2.6 step 2',
          events: reachable === undefined || standby.length === 0 ? [] : [{ type: 'vary-devices', host: host.name, cluster: reachable, online: true }],
        });
      } else {
        steps.push({ action: `Rerun ${host.name}'s failed jobs through C${remaining.join(', C')}, whose devices are online.`, detail: 'The jobs that were running through the lost cluster ended with an error.', rules: ['TOP-1'], section: '11.2.6 step 2', events: [] });
      }
    }
    const disasterHosts = definition.hosts.filter((host) => host.role === 'dr-test' && host.online.some((cluster) => survivors.includes(cluster)));
    if (disasterHosts.length > 0 && spec.kind === 'site') {
      steps.push({
        action: `Declare the disaster and start production on ${disasterHosts.map((host) => host.name).join(', ')} from the latest copy of production's catalogs and tape management databases.`,
        detail: 'The DR host runs production on the survivors; end any DR test first, and remove its write protect and test categories.',
        rules: ['DRT-7'],
        section: '11.11',
        events: disasterHosts.flatMap((host) => [
          ...definition.hosts.filter((production) => production.role === 'production').map((production) => ({ type: 'snapshot-catalog', from: production.name, to: host.name }) as GridEvent),
          { type: 'declare-disaster', host: host.name } as GridEvent,
        ]),
      });
    }
  }
  const inDoubt = inputs === null || lost.length === 0 ? [] : inDoubtAtFailure(inputs, lost);
  const running = inputs === null ? null : inputs.workloads.filter((workload) => lost.includes(workload.cluster) && workload.peakConcurrentMounts !== null).reduce((total, workload) => total + (workload.peakConcurrentMounts ?? 0), 0);
  const runningJobs = running === 0 && !(inputs?.workloads.some((workload) => lost.includes(workload.cluster) && workload.peakConcurrentMounts !== null) ?? false) ? null : running;
  const doubtful = inDoubt.reduce((total, entry) => total + entry.volumes, 0);
  if (lost.length > 0) {
    steps.push({
      action:
        inDoubt.length === 0
          ? 'List the volumes in doubt with BVIR for every library of the grid; no copies from the lost clusters were expected by the plan.'
          : `List the volumes in doubt with BVIR for every library of the grid: the plan expects up to ${Number.isFinite(doubtful) ? `${doubtful} volume${doubtful === 1 ? '' : 's'}` : 'an unbounded number of volumes'} whose copies from ${[...new Set(inDoubt.map((entry) => `C${entry.from}`))].join(', ')} had not completed at the worst hour.`,
      detail: 'Their latest data exists only on the lost cluster: the jobs that wrote them must be rerun (volumes with an older copy at a survivor read that older version).',
      rules: ['GDPS-5', 'PLN-2', 'CCP-2'],
      section: '11.8.2, 11.11',
      events: [],
    });
    steps.push({
      action: `Rerun the jobs that wrote the in-doubt volumes${runningJobs === null ? '' : ` and the up to ${runningJobs} jobs that were running through the lost clusters`}.`,
      detail: 'Data written after the last completed copy is lost with the cluster (RPO); rerun from the job stream or the application\'s restart points.',
      rules: ['PLN-2', 'CCP-1', 'CCP-2'],
      section: '11.11, 11.3.2',
      events: [],
    });
    const oneCopy = (inputs?.classes ?? []).filter((mc) => {
      const points = new Set<number>();
      for (const [definedAt, modes] of Object.entries(mc.copyModes)) {
        if (!survivors.includes(Number(definedAt))) continue;
        modes.forEach((letter, cluster) => {
          if (letter !== 'N' && survivors.includes(cluster)) points.add(cluster);
        });
      }
      return points.size < 2;
    });
    if (oneCopy.length > 0 && survivors.length >= 2) {
      steps.push({
        action: `Change ${oneCopy.map((mc) => mc.name).join(', ')} so that new data gets a copy point at two surviving clusters until the lost site is back.`,
        detail: 'As defined on the survivors these classes keep one copy among them: a second failure would lose new data.',
        rules: ['CCP-3', 'DRT-7'],
        section: '11.11',
        events: [],
      });
    }
    steps.push({
      action: 'When the lost clusters return, let them rejoin the grid, clear the takeover settings and let the copies catch up before ending the recovery.',
      detail: 'A returning cluster learns the takeovers made while it was away and gives up the ownership it held (OWN-7).',
      rules: ['OWN-7', 'CCP-7'],
      section: '11.2.6 step 4',
      events: [],
    });
  } else if (spec.kind === 'pair' || spec.kind === 'link') {
    steps.push({
      action: 'Do not set write ownership takeover: both clusters are still running, each cut off from the other.',
      detail: 'Write takeover of a running cluster splits ownership (OWN-11); read-only takeover is safe (OWN-4).',
      rules: ['OWN-4', 'OWN-11', 'TOP-4'],
      section: '11.2.3 to 11.2.5',
      events: [],
    });
    steps.push({ action: 'Rerun the jobs that failed on a remote mount; have the links repaired; copies resume and catch up after.', detail: 'Deferred copies queue while the links are down (GS-3).', rules: ['CCP-7', 'GS-3'], section: '11.2.8', events: [] });
  } else {
    steps.push({ action: 'Normal error recovery applies for the host channel; rerun the failed job on another path.', detail: 'The other host links to the cluster carry the work.', rules: ['TOP-1'], section: '11.2.2', events: [] });
  }
  return {
    failure: describe(spec, definition),
    lostClusters: lost,
    survivors,
    steps: steps.map((entry, index) => ({ step: index + 1, ...entry })),
    inDoubt,
    jobsToRerun: (Number.isFinite(doubtful) ? doubtful : Number.POSITIVE_INFINITY) + (runningJobs ?? 0),
    runningJobs,
  };
}
