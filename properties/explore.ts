import { initialState, oldestUncopiedAge, step as modelStep, type GridEvent, type GridState, type Observation, type StepResult } from '../model/index.js';
import { preambleEvents, resolveAction, type Action, type ResolvedAction } from './actions.js';
import type { Invariant, InvariantId } from './invariant.js';
import type { VerifySetup } from './setup.js';
import { withinFailureBound } from './failureBound.js';

/** The transition function explored: the model's `step`, or a deliberately broken variant in tests. */
export type StepFunction = (state: GridState, event: GridEvent) => StepResult<GridState>;

/** One executed action of a run, as a report shows it. */
export interface TraceStep {
  readonly action: Action;
  readonly events: readonly GridEvent[];
  readonly observations: readonly Observation[];
  /** Minutes since the start, after the step. */
  readonly time: number;
}

/** A violation found in a run: which invariant, what happened, at which step. */
export interface Violation {
  readonly invariant: InvariantId;
  readonly message: string;
  /** Index into the run's steps; equal to the number of steps for an end-of-run check. */
  readonly atStep: number;
}

/** The result of running one sequence of actions. */
export interface RunOutcome {
  readonly preamble: readonly GridEvent[];
  readonly steps: readonly TraceStep[];
  readonly violation: Violation | null;
  /** Largest age in minutes of data waiting for a deferred copy, seen in this run (CCP-2). */
  readonly maxUncopiedAgeMinutes: number;
  /** Invariants whose situation arose in this run (see `Invariant.situation`). */
  readonly exercised: readonly InvariantId[];
}

/** Applies a resolved action's events in order: the state after them and every observation. */
export function applyAction(state: GridState, resolved: ResolvedAction, stepFunction: StepFunction = modelStep): { state: GridState; observations: Observation[] } {
  let current = state;
  const observations: Observation[] = [];
  for (const event of resolved.events) {
    const result = stepFunction(current, event);
    current = result.state;
    for (const observation of result.observations) observations.push(observation);
  }
  return { state: current, observations };
}

/** The state after the preamble (each host's scratch volumes inserted). */
export function startState(setup: VerifySetup, stepFunction: StepFunction = modelStep): GridState {
  let state = initialState(setup.definition);
  for (const event of preambleEvents(setup)) state = stepFunction(state, event).state;
  return state;
}

/**
 * Runs actions from the start state, checking the invariants after every step and the end-of-run
 * checks at the end; stops at the first violation. Pure apart from the step function given.
 */
export function runActions(
  setup: VerifySetup,
  actions: readonly Action[],
  invariants: readonly Invariant[],
  stepFunction: StepFunction = modelStep,
  enabledKinds: ReadonlySet<Action['kind']> | null = null,
  maxFailures = Number.POSITIVE_INFINITY,
): RunOutcome {
  let state = startState(setup, stepFunction);
  const steps: TraceStep[] = [];
  let maxUncopiedAgeMinutes = 0;
  const exercised = new Set<InvariantId>();
  const finish = (violation: Violation | null): RunOutcome => ({
    preamble: preambleEvents(setup),
    steps,
    violation,
    maxUncopiedAgeMinutes,
    exercised: invariants.filter((invariant) => exercised.has(invariant.id)).map((invariant) => invariant.id),
  });
  for (const invariant of invariants) if (invariant.endSituation?.(setup, state) === true) exercised.add(invariant.id);
  for (const action of actions) {
    // Swarm testing: a run uses only the action kinds it enabled.
    if (enabledKinds !== null && !enabledKinds.has(action.kind)) continue;
    const resolved = resolveAction(setup, state, action);
    if (resolved === null) continue;
    const before = state;
    const applied = applyAction(state, resolved, stepFunction);
    // A failure beyond the scope's bound does not happen in this run.
    if (!withinFailureBound(setup, before, applied.state, maxFailures)) continue;
    state = applied.state;
    const observations = applied.observations;
    steps.push({ action, events: resolved.events, observations, time: state.time });
    maxUncopiedAgeMinutes = Math.max(maxUncopiedAgeMinutes, oldestUncopiedAge(state));
    const facts = { setup, before, after: state, resolved, observations };
    for (const invariant of invariants) {
      if (invariant.situation?.(facts) === true || invariant.endSituation?.(setup, state) === true) exercised.add(invariant.id);
      const message = invariant.check(facts);
      if (message !== null) {
        exercised.add(invariant.id);
        return finish({ invariant: invariant.id, message, atStep: steps.length - 1 });
      }
    }
  }
  for (const invariant of invariants) {
    const message = invariant.atEnd?.(setup, state) ?? null;
    if (message !== null) {
      exercised.add(invariant.id);
      return finish({ invariant: invariant.id, message, atStep: steps.length });
    }
  }
  return finish(null);
}

