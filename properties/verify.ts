import fc from 'fast-check';
import { step as modelStep } from '../model/index.js';
import { actionArbitrary, type Action } from './actions.js';
import { exhaustiveSearch, type ExhaustiveScope, type ExhaustiveSearch } from './exhaustive/search.js';
import { reconstructActions } from './exhaustive/trace.js';
import { actionKinds } from './exhaustive/enabled.js';
import { runActions, type RunOutcome, type StepFunction } from './explore.js';
import type { Invariant, InvariantId } from './invariant.js';
import { invariants as allInvariants } from './invariants/index.js';
import { encodeActions, parseReplay, type Replay } from './replay.js';
import { requirementInvariants } from './requirements.js';
import type { VerifySetup } from './setup.js';

/**
 * `tapegrid verify`: an exhaustive search of a bounded scope (a proof within that scope), then a random
 * layer for longer sequences (evidence, not proof). Both check every invariant after every step.
 * Verdicts say exactly which kind of evidence stands behind them.
 */

/** The exhaustive search's bounds (its volumes per host replace the setup's; the random layer keeps the setup's). */
export type ExhaustiveBounds = ExhaustiveScope;

/** Default bounds: every bundled example finishes in seconds on one core. */
export const defaultExhaustiveBounds: ExhaustiveBounds = { volumesPerHost: 1, maxDepth: 12, maxStates: 10_000, maxFailures: 2, symmetry: true };

/** Options of a verification. */
export interface VerifyOptions {
  /** The exhaustive search's bounds, or false to run the random layer alone. */
  readonly exhaustive?: ExhaustiveBounds | false;
  /** Random runs (0: the random layer is off). */
  readonly runs: number;
  readonly seed: number;
  readonly maxSteps: number;
  /**
   * Components failed at once at most in random runs (default: the exhaustive bound, else 2), so
   * both layers speak about the same failure model; raise it to explore stacked failures.
   */
  readonly maxFailures?: number;
  /** Replay one counterexample as printed under a violation. */
  readonly replay?: string;
  /** The invariants to check instead of the default set (the built-in ones and the setup's requirements). */
  readonly invariants?: readonly Invariant[];
  /** Invariants written in code, checked beside the default set. */
  readonly extraInvariants?: readonly Invariant[];
  readonly stepFunction?: StepFunction;
  /** Progress: exhaustive (states so far) or random (runs done of planned). */
  readonly onProgress?: (progress: VerifyProgress) => void;
}

/** Progress of a verification, for a progress line. */
export type VerifyProgress =
  | { readonly phase: 'exhaustive'; readonly depth: number; readonly distinct: number; readonly generated: number; readonly maxStates: number }
  | { readonly phase: 'random'; readonly done: number; readonly total: number };

/**
 * What the exhaustive search covered, as a verdict cites it: its scope and figures. `end` is
 * fixpoint (the whole reachable space within the volumes and failure bound) or the bound that stopped it.
 */
export type ExhaustiveEvidence = ExhaustiveScope & Omit<ExhaustiveSearch, 'scope' | 'violations' | 'exercised'>;

/** What the random layer covered. */
export interface RandomEvidence {
  readonly runs: number;
  readonly maxSteps: number;
  readonly seed: number;
  /** Components failed at once at most. */
  readonly maxFailures: number;
  /** Steps executed over all runs. */
  readonly stepsExplored: number;
  /** Each run enabled a random subset of action kinds (swarm testing). */
  readonly swarm: true;
}

interface VerdictBase {
  readonly id: InvariantId;
  readonly title: string;
  readonly rules: readonly string[];
}

/**
 * The verdict on one invariant, in the words every output uses:
 * - `proven-within-scope`: the exhaustive search explored every sequence of its scope and the
 *   invariant's situation arose in it; nothing violated it (random runs found nothing either);
 * - `no-counterexample`: only the random layer put it to the test, and found nothing;
 * - `violated`: a counterexample, the shortest the search found, replayable;
 * - `not-exercised`: its situation never arose (no DR test, no takeover allowed...): nothing was shown.
 */
export type InvariantVerdict =
  | (VerdictBase & { readonly status: 'proven-within-scope' })
  | (VerdictBase & { readonly status: 'no-counterexample' })
  | (VerdictBase & { readonly status: 'not-exercised' })
  | (VerdictBase & {
      readonly status: 'violated';
      readonly foundBy: 'exhaustive' | 'random';
      readonly message: string;
      readonly counterexample: RunOutcome;
      /** Pass to `--replay` (with `--seed` for a random find) to reproduce exactly this trace. */
      readonly replay: string;
      /** Random finds: runs until the first failure and shrink steps. */
      readonly runsUntilFound?: number;
      readonly shrinks?: number;
    });

/** The result of `tapegrid verify`. */
export interface VerifyResult {
  readonly grid: string;
  readonly exhaustive: ExhaustiveEvidence | null;
  readonly random: RandomEvidence | null;
  readonly verdicts: readonly InvariantVerdict[];
  /** Largest age of data waiting for a deferred copy over the random runs (CCP-2). */
  readonly maxUncopiedAgeMinutes: number;
}

/** Swarm mask and actions of one random run. */
type RandomInput = [boolean[], Action[]];

function randomInput(setup: VerifySetup, maxSteps: number): fc.Arbitrary<RandomInput> {
  // Swarm: each kind is on with probability 3/4, so a run still does a lot while rare mixes get weight.
  const kindOn = fc.integer({ min: 0, max: 3 }).map((draw) => draw > 0);
  return fc.tuple(fc.array(kindOn, { minLength: actionKinds.length, maxLength: actionKinds.length }), fc.array(actionArbitrary(setup), { minLength: 1, maxLength: maxSteps, size: 'max' }));
}

function enabledKinds(mask: readonly boolean[]): Set<Action['kind']> {
  const enabled = new Set<Action['kind']>(actionKinds.filter((_, position) => mask[position] === true));
  // A run that enabled nothing explores everything (the swarm's "all kinds" member).
  return enabled.size === 0 ? new Set(actionKinds) : enabled;
}

function base(invariant: Invariant): VerdictBase {
  return { id: invariant.id, title: invariant.title, rules: invariant.rules };
}

/** Verifies a setup: exhaustive search, then the random layer; one verdict per invariant. */
export function verify(setup: VerifySetup, options: VerifyOptions): VerifyResult {
  const selected = options.invariants ?? [...allInvariants, ...requirementInvariants(setup), ...(options.extraInvariants ?? [])];
  const replay = options.replay === undefined ? null : parseReplay(options.replay, selected.map((invariant) => invariant.id));
  if (typeof replay === 'string') throw new Error(replay);
  if (replay !== null) return replayOne(setup, options, selected, replay);
  const bounds = options.exhaustive ?? defaultExhaustiveBounds;
  const exhaustive = bounds === false ? null : exhaustivePhase(setup, options, selected, bounds);
  if (options.runs <= 0) return exhaustive ?? combineResults(setup, selected, null, null);
  const unviolated = selected.filter((invariant) => exhaustive?.verdicts.find((verdict) => verdict.id === invariant.id)?.status !== 'violated');
  const random = randomPhase(setup, { ...options, maxFailures: options.maxFailures ?? (bounds === false ? defaultExhaustiveBounds.maxFailures : bounds.maxFailures) }, unviolated);
  return combineResults(setup, selected, exhaustive, random);
}

/**
 * One verdict per invariant from the two layers' results (either may be absent): a violation in either
 * stands (the exhaustive one first: it is the shortest); otherwise "proven within scope" where the
 * exhaustive search exercised the invariant, "no counterexample" where only random runs did, else
 * "not exercised".
 */
export function combineResults(setup: VerifySetup, selected: readonly Invariant[], exhaustive: VerifyResult | null, random: VerifyResult | null): VerifyResult {
  const verdicts = selected.map((invariant): InvariantVerdict => {
    const fromSearch = exhaustive?.verdicts.find((verdict) => verdict.id === invariant.id);
    const fromRuns = random?.verdicts.find((verdict) => verdict.id === invariant.id);
    if (fromSearch?.status === 'violated') return fromSearch;
    if (fromRuns?.status === 'violated') return fromRuns;
    if (fromSearch?.status === 'proven-within-scope') return fromSearch;
    if (fromRuns?.status === 'no-counterexample') return fromRuns;
    return { ...base(invariant), status: 'not-exercised' };
  });
  return {
    grid: setup.definition.name,
    exhaustive: exhaustive?.exhaustive ?? null,
    random: random?.random ?? null,
    verdicts,
    maxUncopiedAgeMinutes: random?.maxUncopiedAgeMinutes ?? 0,
  };
}

/** The exhaustive layer alone. */
function exhaustivePhase(setup: VerifySetup, options: VerifyOptions, selected: readonly Invariant[], scope: ExhaustiveScope): VerifyResult {
  const stepFunction = options.stepFunction;
  const searched = { ...setup, volumesPerHost: scope.volumesPerHost };
  const { search, nodes, symmetry } = exhaustiveSearch(searched, {
    scope,
    invariants: selected,
    ...(stepFunction === undefined ? {} : { stepFunction }),
    ...(options.onProgress === undefined ? {} : { onProgress: (progress) => options.onProgress?.({ phase: 'exhaustive', ...progress, maxStates: scope.maxStates }) }),
  });
  const { violations, exercised, scope: _scope, ...figures } = search;
  const verdicts = selected.map((invariant): InvariantVerdict => {
    const violation = violations.find((candidate) => candidate.invariant === invariant.id);
    if (violation === undefined) return { ...base(invariant), status: exercised.includes(invariant.id) ? 'proven-within-scope' : 'not-exercised' };
    const violates = (actions: readonly Action[]): boolean => runActions(searched, actions, [invariant], stepFunction).violation !== null;
    const actions = reconstructActions(searched, nodes, symmetry, violation, scope.maxFailures, stepFunction ?? modelStep, violates);
    const counterexample = runActions(searched, actions, [invariant], stepFunction);
    return {
      ...base(invariant),
      status: 'violated',
      foundBy: 'exhaustive',
      message: counterexample.violation?.message ?? violation.message,
      counterexample,
      replay: `${invariant.id}:x${scope.volumesPerHost}:${encodeActions(actions)}`,
    };
  });
  return { grid: setup.definition.name, exhaustive: { ...scope, ...figures }, random: null, verdicts, maxUncopiedAgeMinutes: 0 };
}

/**
 * The random layer alone: one run set checks every invariant after every step; a run enables a random
 * subset of action kinds (swarm testing). Rounds: each finds at most one violation, shrunk, which the
 * next round sets aside (same seed), so a replay string names the invariants its round checked.
 */
export function randomPhase(setup: VerifySetup, options: VerifyOptions, selected: readonly Invariant[]): VerifyResult {
  const stepFunction = options.stepFunction;
  const found = new Map<InvariantId, InvariantVerdict>();
  const exercised = new Set<InvariantId>();
  let maxUncopiedAgeMinutes = 0;
  let stepsExplored = 0;
  let done = 0;
  for (let round = 0; round <= selected.length; round += 1) {
    const remaining = selected.filter((invariant) => !found.has(invariant.id));
    if (remaining.length === 0) break;
    const property = fc.property(randomInput(setup, options.maxSteps), ([mask, actions]) => {
      const outcome = runActions(setup, actions, remaining, stepFunction, enabledKinds(mask), failureBound(options));
      stepsExplored += outcome.steps.length;
      for (const id of outcome.exercised) exercised.add(id);
      maxUncopiedAgeMinutes = Math.max(maxUncopiedAgeMinutes, outcome.maxUncopiedAgeMinutes);
      if (done < options.runs) {
        done += 1;
        options.onProgress?.({ phase: 'random', done, total: options.runs });
      }
      return outcome.violation === null;
    });
    const details = fc.check(property, { seed: options.seed, numRuns: options.runs });
    if (!details.failed || details.counterexample === null) break;
    const [mask, actions] = details.counterexample[0];
    const counterexample = runActions(setup, actions, remaining, stepFunction, enabledKinds(mask), failureBound(options));
    const invariant = remaining.find((candidate) => candidate.id === counterexample.violation?.invariant);
    if (invariant === undefined) break;
    found.set(invariant.id, {
      ...base(invariant),
      status: 'violated',
      foundBy: 'random',
      message: counterexample.violation?.message ?? 'violated',
      counterexample,
      replay: `${invariant.id}${remaining.length === selected.length ? '' : `/${invariantMask(selected, remaining)}`}:${details.counterexamplePath ?? ''}`,
      runsUntilFound: details.numRuns,
      shrinks: details.numShrinks,
    });
    exercised.add(invariant.id);
  }
  const verdicts = selected.map((invariant): InvariantVerdict => found.get(invariant.id) ?? { ...base(invariant), status: exercised.has(invariant.id) ? 'no-counterexample' : 'not-exercised' });
  return {
    grid: setup.definition.name,
    exhaustive: null,
    random: { runs: options.runs, maxSteps: options.maxSteps, seed: options.seed, maxFailures: failureBound(options), stepsExplored, swarm: true },
    verdicts,
    maxUncopiedAgeMinutes,
  };
}

/** Replays one printed counterexample. */
function replayOne(setup: VerifySetup, options: VerifyOptions, selected: readonly Invariant[], replay: Replay): VerifyResult {
  const stepFunction = options.stepFunction;
  const invariant = selected.find((candidate) => candidate.id === replay.invariant);
  if (invariant === undefined) throw new Error(`unknown invariant ${replay.invariant}`);
  const noneFound = (): VerifyResult => ({ grid: setup.definition.name, exhaustive: null, random: null, verdicts: [{ ...base(invariant), status: 'not-exercised' }], maxUncopiedAgeMinutes: 0 });
  if (replay.kind === 'exhaustive') {
    const counterexample = runActions({ ...setup, volumesPerHost: replay.volumesPerHost }, replay.actions, [invariant], stepFunction);
    if (counterexample.violation === null) return { ...noneFound(), verdicts: [{ ...base(invariant), status: counterexample.exercised.length > 0 ? 'no-counterexample' : 'not-exercised' }] };
    return {
      grid: setup.definition.name,
      exhaustive: null,
      random: null,
      verdicts: [{ ...base(invariant), status: 'violated', foundBy: 'exhaustive', message: counterexample.violation.message, counterexample, replay: `${invariant.id}:x${replay.volumesPerHost}:${encodeActions(replay.actions)}` }],
      maxUncopiedAgeMinutes: counterexample.maxUncopiedAgeMinutes,
    };
  }
  // The round checked the invariants its mask names (all of them when there is no mask).
  const remaining = replay.mask === null ? selected : selected.filter((_, position) => (replay.mask ?? 0n) & (1n << BigInt(position)));
  const property = fc.property(randomInput(setup, options.maxSteps), ([mask, actions]) => runActions(setup, actions, remaining, stepFunction, enabledKinds(mask), failureBound(options)).violation === null);
  const details = fc.check(property, { seed: options.seed, numRuns: options.runs, path: replay.path, endOnFailure: true });
  if (!details.failed || details.counterexample === null) return noneFound();
  const [mask, actions] = details.counterexample[0];
  const counterexample = runActions(setup, actions, remaining, stepFunction, enabledKinds(mask), failureBound(options));
  return {
    grid: setup.definition.name,
    exhaustive: null,
    random: { runs: options.runs, maxSteps: options.maxSteps, seed: options.seed, maxFailures: failureBound(options), stepsExplored: counterexample.steps.length, swarm: true },
    verdicts: [
      {
        ...base(invariant),
        status: 'violated',
        foundBy: 'random',
        message: counterexample.violation?.message ?? 'violated',
        counterexample,
        replay: options.replay ?? '',
        runsUntilFound: details.numRuns,
        shrinks: details.numShrinks,
      },
    ],
    maxUncopiedAgeMinutes: counterexample.maxUncopiedAgeMinutes,
  };
}

/** Hex mask of the invariants of `subset` by their position in `all`. */
function invariantMask(all: readonly Invariant[], subset: readonly Invariant[]): string {
  let mask = 0n;
  all.forEach((invariant, position) => {
    if (subset.includes(invariant)) mask |= 1n << BigInt(position);
  });
  return mask.toString(16);
}

/** The random layer's failure bound. */
function failureBound(options: VerifyOptions): number {
  return options.maxFailures ?? defaultExhaustiveBounds.maxFailures;
}
