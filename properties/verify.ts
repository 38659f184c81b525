import fc from 'fast-check';
import { actionArbitrary, type Action } from './actions.js';
import { runActions, type RunOutcome, type StepFunction } from './explore.js';
import type { Invariant, InvariantId } from './invariant.js';
import { invariants as allInvariants } from './invariants/index.js';
import type { VerifySetup } from './setup.js';

/** Options of a verification. */
export interface VerifyOptions {
  readonly runs: number;
  readonly seed: number;
  readonly maxSteps: number;
  /** Replay one counterexample: "<invariant>:<fast-check path>", with the same seed. */
  readonly replay?: string;
  readonly invariants?: readonly Invariant[];
  readonly stepFunction?: StepFunction;
  /** Called after every run with the number of runs done and the total planned. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The verdict on one invariant. */
export type InvariantVerdict =
  | {
      readonly status: 'holds';
      readonly id: InvariantId;
      readonly title: string;
      readonly rules: readonly string[];
      readonly runs: number;
      readonly stepsExplored: number;
    }
  | {
      readonly status: 'violated';
      readonly id: InvariantId;
      readonly title: string;
      readonly rules: readonly string[];
      /** Runs until the first violation, before shrinking. */
      readonly runsUntilFound: number;
      readonly shrinks: number;
      readonly message: string;
      readonly counterexample: RunOutcome;
      /** Pass to `--replay` (with the same seed) to reproduce exactly this trace. */
      readonly replay: string;
    };

/** The result of `tapegrid verify`. */
export interface VerifyResult {
  readonly grid: string;
  readonly seed: number;
  readonly runs: number;
  readonly maxSteps: number;
  readonly verdicts: readonly InvariantVerdict[];
  /** Largest age of data waiting for a deferred copy over all explored runs (CCP-2). */
  readonly maxUncopiedAgeMinutes: number;
}

function actionsArbitrary(setup: VerifySetup, maxSteps: number): fc.Arbitrary<Action[]> {
  return fc.array(actionArbitrary(setup), { minLength: 1, maxLength: maxSteps, size: 'max' });
}

/**
 * Explores the grid under random failures, operator actions and host jobs, one fast-check run set
 * per invariant (each with the same seed, so a failure replays from seed and path alone), shrinking
 * every counterexample to a short trace.
 */
export function verify(setup: VerifySetup, options: VerifyOptions): VerifyResult {
  const selected = options.invariants ?? allInvariants;
  const replay = options.replay === undefined ? null : parseReplay(options.replay);
  const targets = replay === null ? selected : selected.filter((invariant) => invariant.id === replay.invariant);
  const verdicts: InvariantVerdict[] = [];
  let maxUncopiedAgeMinutes = 0;
  const total = targets.length * options.runs;
  let done = 0;
  for (const invariant of targets) {
    let runs = 0;
    let stepsExplored = 0;
    const property = fc.property(actionsArbitrary(setup, options.maxSteps), (actions) => {
      const outcome = runActions(setup, actions, [invariant], options.stepFunction);
      runs += 1;
      stepsExplored += outcome.steps.length;
      maxUncopiedAgeMinutes = Math.max(maxUncopiedAgeMinutes, outcome.maxUncopiedAgeMinutes);
      if (runs <= options.runs) {
        done += 1;
        options.onProgress?.(done, total);
      }
      return outcome.violation === null;
    });
    const details = fc.check(property, {
      seed: options.seed,
      numRuns: options.runs,
      ...(replay === null ? {} : { path: replay.path, endOnFailure: true }),
    });
    if (!details.failed || details.counterexample === null) {
      verdicts.push({ status: 'holds', id: invariant.id, title: invariant.title, rules: invariant.rules, runs: details.numRuns, stepsExplored });
      continue;
    }
    const counterexample = runActions(setup, details.counterexample[0], [invariant], options.stepFunction);
    verdicts.push({
      status: 'violated',
      id: invariant.id,
      title: invariant.title,
      rules: invariant.rules,
      runsUntilFound: details.numRuns,
      shrinks: details.numShrinks,
      message: counterexample.violation?.message ?? 'violated',
      counterexample,
      replay: `${invariant.id}:${details.counterexamplePath ?? ''}`,
    });
  }
  return { grid: setup.definition.name, seed: options.seed, runs: options.runs, maxSteps: options.maxSteps, verdicts, maxUncopiedAgeMinutes };
}

/** "<invariant>:<path>" to its parts. */
export function parseReplay(text: string): { invariant: InvariantId; path: string } {
  const separator = text.indexOf(':');
  if (separator < 0) throw new Error(`--replay expects "<invariant>:<path>", found "${text}"`);
  return { invariant: text.slice(0, separator) as InvariantId, path: text.slice(separator + 1) };
}
