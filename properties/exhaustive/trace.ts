import type { Action } from '../actions.js';
import { applyAction, startState, type StepFunction } from '../explore.js';
import type { VerifySetup } from '../setup.js';
import { canonicalize, type VolumeSymmetry } from './canonical.js';
import { enabledActions } from './enabled.js';
import { fingerprint } from './fingerprint.js';
import type { FoundViolation, SearchNodes } from './search.js';

/**
 * Turns a violation found by the search into the actions of a concrete run: the path of fingerprints
 * from the start to the violating node (parent pointers), then, from the real start state, at each
 * step the enabled action whose successor has the next fingerprint (as TLC rebuilds its traces).
 * The run is a real run of the model: canonical renaming never reaches the trace.
 */
export function reconstructActions(
  setup: VerifySetup,
  nodes: SearchNodes,
  symmetry: VolumeSymmetry,
  violation: FoundViolation,
  maxFailures: number,
  stepFunction: StepFunction,
  violates: (actions: readonly Action[]) => boolean,
): Action[] {
  const path: { hi: number; lo: number }[] = [];
  for (let node = violation.node; node > 0; node = nodes.parent[node] ?? 0) path.unshift({ hi: nodes.hi[node] ?? 0, lo: nodes.lo[node] ?? 0 });
  if (violation.successor !== null) path.push(violation.successor);
  let state = startState(setup, stepFunction);
  const actions: Action[] = [];
  for (const [position, target] of path.entries()) {
    const last = position === path.length - 1 && violation.successor !== null;
    const candidates = enabledActions(setup, state, maxFailures)
      .map((resolved) => ({ resolved, after: applyAction(state, resolved, stepFunction).state }))
      .filter(({ after }) => {
        const print = fingerprint(canonicalize(after, symmetry).key);
        return print.hi === target.hi && print.lo === target.lo;
      });
    // The last step must be the violating transition itself (several actions may reach one state).
    const chosen = (last ? candidates.find(({ resolved }) => violates([...actions, resolved.action])) : undefined) ?? candidates[0];
    if (chosen === undefined) throw new Error(`internal: trace reconstruction lost the path at step ${position + 1}`);
    actions.push(chosen.resolved.action);
    state = chosen.after;
  }
  return actions;
}
