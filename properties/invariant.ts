import type { GridState, Observation } from '../model/index.js';
import type { ResolvedAction } from './actions.js';
import type { BuiltInInvariantId } from './invariantIds.js';
import type { VerifySetup } from './setup.js';

export type { BuiltInInvariantId } from './invariantIds.js';

/**
 * Stable names of invariants: the built-in ones below, or the id of a requirement or an invariant
 * written in code (properties/requirements.ts).
 */
export type InvariantId = BuiltInInvariantId | (string & Record<never, never>);

/** What an invariant sees of one step. */
export interface StepFacts {
  readonly setup: VerifySetup;
  readonly before: GridState;
  readonly after: GridState;
  readonly resolved: ResolvedAction;
  readonly observations: readonly Observation[];
}

/** A property of every reachable state (or of every step), with the rule ids it proves. */
export interface Invariant {
  readonly id: InvariantId;
  readonly title: string;
  readonly rules: readonly string[];
  /** A violation message for this step, or null. */
  readonly check: (facts: StepFacts) => string | null;
  /** A violation of the final state of a run, or null (for checks too costly for every step). */
  readonly atEnd?: (setup: VerifySetup, state: GridState) => string | null;
  /**
   * Whether this step puts the invariant's question to the test (a takeover set, a DR test running...).
   * An invariant whose situation never arose is reported "not exercised", never "proven".
   */
  readonly situation?: (facts: StepFacts) => boolean;
  /** The same for a reached state, for invariants judged on states (`atEnd`). */
  readonly endSituation?: (setup: VerifySetup, state: GridState) => boolean;
}

/** Observations of one kind. */
export function observed<K extends Observation['kind']>(observations: readonly Observation[], kind: K): Extract<Observation, { kind: K }>[] {
  return observations.filter((observation): observation is Extract<Observation, { kind: K }> => observation.kind === kind);
}
