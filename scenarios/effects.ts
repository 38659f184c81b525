import type { GridStateCode } from '../model/index.js';
import type { Scenario, ScenarioResult } from './scenario.js';

/** An effect the seed lists for a scenario, and how to see it in a result. */
export interface Effect {
  /** Short name, used in test names and reports. */
  readonly name: string;
  /** The seed's words. */
  readonly quote: string;
  readonly check: (result: ScenarioResult) => boolean;
}

/** A scenario of the seed with the effects and grid states it lists. */
export interface SeedScenario extends Scenario {
  readonly effects: readonly Effect[];
  /** Exactly the states among GS-1..GS-4 the seed lists; no other may be raised. */
  readonly expectedStates: readonly GridStateCode[];
  /** Whether the seed says call home is invoked (undefined: the seed does not say). */
  readonly callHome?: boolean;
}

/** The grid states the seed names as states (GS-5, call home, is an action, checked on its own). */
export function namedStates(result: ScenarioResult): GridStateCode[] {
  return result.statesRaised.filter((code) => code !== 'GS-5');
}

/** Effect-check helpers over a result. */
export const seen = {
  job: (result: ScenarioResult, name: string) => result.jobs.find((job) => job.name === name),
  completed: (result: ScenarioResult, ...names: string[]) => names.every((name) => result.jobs.find((job) => job.name === name)?.outcome === 'completed'),
  failed: (result: ScenarioResult, name: string, ...reasons: string[]) => {
    const job = result.jobs.find((candidate) => candidate.name === name);
    return job?.outcome === 'failed' && (reasons.length === 0 || reasons.includes(job.reason ?? ''));
  },
  /** CCP-7: no copy reached these clusters during the failure, and copies to them were left queued, unable to move. */
  copiesStopped: (result: ScenarioResult, ...clusters: number[]) => {
    const queued = result.queuedAtFailureEnd.filter((entry) => clusters.includes(entry.to));
    return !result.copiesDuringFailure.some((copy) => clusters.includes(copy.to)) && queued.length > 0 && queued.every((entry) => !entry.canMove);
  },
  readable: (result: ScenarioResult, phase: 'after-failure' | 'after-recovery', volser: string, cluster: number) =>
    (phase === 'after-failure' ? result.readabilityAfterFailure : result.readabilityAfterRecovery).find((entry) => entry.volser === volser)?.through[cluster],
};
