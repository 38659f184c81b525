import { gridStates, initialState, readabilityThrough, step, type ClusterId, type GridEvent, type GridState, type GridStateCode, type Observation, copySource } from '../model/index.js';
import type { Job, JobOutcome, ProductionRound, Scenario, ScenarioResult, TimedEvent, VolumeReadability } from './scenario.js';

/**
 * Runs a scenario through the model: setup, jobs mounted before the failure, the timed failures and
 * operator actions (in-flight jobs then write and unload), jobs submitted after the failure, repair,
 * and jobs after repair. Pure: the same scenario gives the same result.
 */

interface Running {
  readonly job: Job;
  readonly volser: string | null;
  readonly ioCluster: ClusterId | null;
  failure: JobOutcome['reason'];
}

class Runner {
  state: GridState;
  readonly observations: Observation[] = [];
  readonly states = new Set<GridStateCode>();
  recordStates = false;

  constructor(scenario: Scenario) {
    this.state = initialState(scenario.definition);
  }

  apply(event: GridEvent): readonly Observation[] {
    const result = step(this.state, event);
    this.state = result.state;
    this.observations.push(...result.observations);
    if (this.recordStates) for (const code of gridStates(this.state)) this.states.add(code);
    return result.observations;
  }

  /** Runs timed events in order, advancing the clock between them. */
  timeline(events: readonly TimedEvent[], start: number): void {
    let now = start;
    for (const timed of [...events].sort((a, b) => a.at - b.at)) {
      const due = start + timed.at;
      if (due > now) {
        this.apply({ type: 'advance', minutes: due - now });
        now = due;
      }
      this.apply(timed.event);
    }
  }

  mount(job: Job): Running {
    const event: GridEvent =
      job.mount.kind === 'specific'
        ? { type: 'specific-mount', host: job.host, cluster: job.cluster, volser: job.mount.volser }
        : { type: 'scratch-mount', host: job.host, cluster: job.cluster, managementClass: job.mount.managementClass, ...(job.mount.category === undefined ? {} : { category: job.mount.category }) };
    const seen = this.apply(event);
    const mounted = seen.find((observation): observation is Extract<Observation, { kind: 'mount' }> => observation.kind === 'mount');
    const refused = seen.find((observation): observation is Extract<Observation, { kind: 'refused' }> => observation.kind === 'refused');
    return { job, volser: mounted?.volser ?? null, ioCluster: mounted?.ioCluster ?? null, failure: mounted === undefined ? (refused?.reason ?? 'no-valid-copy') : null };
  }

  /** Writes (if the job writes) and unloads a mounted job; returns its outcome. */
  finish(running: Running, phase: JobOutcome['phase']): JobOutcome {
    const base = { name: running.job.name, phase, host: running.job.host, cluster: running.job.cluster, volser: running.volser, ioCluster: running.ioCluster };
    if (running.failure !== null || running.volser === null) return { ...base, outcome: 'failed', reason: running.failure, immediateDeferred: [] };
    const stillMounted = this.state.volumes[running.volser]?.mounts.some((mount) => mount.cluster === running.job.cluster) === true;
    if (!stillMounted) {
      const killed = this.observations.find((observation): observation is Extract<Observation, { kind: 'job-failed' }> => observation.kind === 'job-failed' && observation.volser === running.volser && observation.cluster === running.job.cluster);
      return { ...base, outcome: 'failed', reason: killed?.reason ?? 'cluster-down', immediateDeferred: [] };
    }
    if (running.job.write) {
      const refused = this.apply({ type: 'write', cluster: running.job.cluster, volser: running.volser, ...(running.job.sizeMB === undefined ? {} : { sizeMB: running.job.sizeMB }) }).find((observation) => observation.kind === 'refused');
      if (refused?.kind === 'refused') {
        this.apply({ type: 'rewind-unload', cluster: running.job.cluster, volser: running.volser });
        return { ...base, outcome: 'failed', reason: refused.reason, immediateDeferred: [] };
      }
    }
    const unload = this.apply({ type: 'rewind-unload', cluster: running.job.cluster, volser: running.volser }).find(
      (observation): observation is Extract<Observation, { kind: 'rewind-unload' }> => observation.kind === 'rewind-unload',
    );
    return { ...base, outcome: 'completed', reason: null, immediateDeferred: unload?.immediateDeferred ?? [] };
  }

  readability(watch: readonly string[]): VolumeReadability[] {
    return watch.map((volser) => {
      const through: Record<ClusterId, ReturnType<typeof readabilityThrough>['kind']> = {};
      for (const cluster of this.state.definition.clusters) through[cluster.id] = readabilityThrough(this.state, volser, cluster.id).kind;
      return { volser, through };
    });
  }
}

/** Runs a scenario. */
export function runScenario(scenario: Scenario): ScenarioResult {
  const runner = new Runner(scenario);
  for (const event of scenario.setup) runner.apply(event);
  const inFlight = scenario.inFlight.map((job) => runner.mount(job));
  const failureStart = runner.state.time;
  const beforeFailure = runner.observations.length;
  runner.recordStates = true;
  const uncopiedAtFailure = [...new Set(runner.state.copyQueue.map((queued) => queued.volser))].sort();
  runner.timeline(scenario.failures, failureStart);
  const jobs: JobOutcome[] = inFlight.map((running) => runner.finish(running, 'in-flight'));
  const productionOverTime: ProductionRound[] = [];
  if (scenario.beforeOperator !== undefined && scenario.beforeOperator.length > 0) {
    const before = scenario.beforeOperator.map((job) => runner.finish(runner.mount(job), 'before-operator'));
    productionOverTime.push(round(scenario.failures.length === 0 ? "before the operator's steps" : 'right after the failure, before any operator step', runner.state.time - failureStart, before));
  }
  runner.timeline(scenario.operator ?? [], failureStart);
  const after = scenario.afterFailure.map((job) => runner.finish(runner.mount(job), 'after-failure'));
  jobs.push(...after);
  if (scenario.rounds !== undefined) productionOverTime.push(round(scenario.operator === undefined ? 'after the failure' : "after the operator's steps", runner.state.time - failureStart, after));
  runner.recordStates = false;
  const failurePhase = runner.observations.slice(beforeFailure);
  const readabilityAfterFailure = runner.readability(scenario.watch);
  const dataLostAtFailure = scenario.watch.filter((volser) => {
    const volume = runner.state.volumes[volser];
    if (volume === undefined) return false;
    const newest = volume.dataParent.length - 1;
    return newest > 0 && !Object.entries(volume.copies).some(([id, copy]) => copy.dataVersion === newest && runner.state.clusters[Number(id)] !== 'down');
  });
  const queuedAtFailureEnd = runner.state.copyQueue.map((queued) => ({ volser: queued.volser, to: queued.to, canMove: copySource(runner.state, queued) !== null }));
  const copiesDuringFailure = failurePhase.flatMap((observation) =>
    observation.kind === 'copy' ? [{ volser: observation.volser, to: observation.to }] : observation.kind === 'rewind-unload' ? observation.runCopies.map((to) => ({ volser: observation.volser, to })) : [],
  );
  for (const later of scenario.rounds ?? []) {
    runner.timeline([{ at: later.at, event: { type: 'advance', minutes: 0 }, label: later.label }], failureStart);
    productionOverTime.push(round(later.label, runner.state.time - failureStart, later.jobs.map((job) => runner.finish(runner.mount(job), 'later'))));
  }
  runner.timeline(scenario.recovery, runner.state.time);
  for (const job of scenario.afterRecovery) jobs.push(runner.finish(runner.mount(job), 'after-recovery'));
  return {
    id: scenario.id,
    jobs,
    statesRaised: [...runner.states].sort(),
    callHome: failurePhase.filter((observation): observation is Extract<Observation, { kind: 'call-home' }> => observation.kind === 'call-home').map((observation) => observation.component),
    takeoversSet: failurePhase
      .filter((observation): observation is Extract<Observation, { kind: 'takeover-set' | 'aotm-takeover' }> => observation.kind === 'takeover-set' || observation.kind === 'aotm-takeover')
      .map((observation) => `${observation.mode} takeover at C${observation.at} for C${observation.of}`),
    ownershipMoves: failurePhase.flatMap((observation) => (observation.kind === 'ownership-transfer' ? [{ volser: observation.volser, from: observation.from, to: observation.to }] : [])),
    readabilityAfterFailure,
    readabilityAfterRecovery: runner.readability(scenario.watch),
    statesAfterRecovery: gridStates(runner.state),
    uncopiedAtFailure,
    dataLostAtFailure,
    copiesDuringFailure,
    queuedAtFailureEnd,
    productionOverTime,
  };
}

/** A round of production jobs summarised: completed, failed, and the reasons of the failures. */
function round(label: string, at: number, jobs: readonly JobOutcome[]): ProductionRound {
  const reasons = new Map<string, number>();
  for (const job of jobs) if (job.outcome === 'failed') reasons.set(job.reason ?? 'failed', (reasons.get(job.reason ?? 'failed') ?? 0) + 1);
  return {
    label,
    at,
    completed: jobs.filter((job) => job.outcome === 'completed').length,
    failed: jobs.filter((job) => job.outcome === 'failed').length,
    reasons: [...reasons].map(([reason, count]) => ({ reason, jobs: count })).sort((a, b) => b.jobs - a.jobs || a.reason.localeCompare(b.reason)),
    jobs,
  };
}
