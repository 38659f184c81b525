import { gridStates, step as modelStep, type GridState } from '../../model/index.js';
import { applyAction, startState, type StepFunction } from '../explore.js';
import type { Invariant, InvariantId } from '../invariant.js';
import type { VerifySetup } from '../setup.js';
import { canonicalize, volumeSymmetry, type VolumeSymmetry } from './canonical.js';
import { enabledActions } from './enabled.js';
import { collisionBound, fingerprint, FingerprintSet } from './fingerprint.js';

/**
 * Breadth-first search of every state the configuration can reach, over every action it allows
 * (`enabledActions`), each distinct canonical state expanded once. Every invariant is checked on every
 * transition (and its end-state check on every new state) in one pass. Breadth-first order makes the
 * first violation found for an invariant one of the shortest. Nodes keep a 64-bit fingerprint and the
 * index of their parent, nothing more; whole states live only on the frontier.
 */

/** The bounds of one search. */
export interface ExhaustiveScope {
  /** Scratch volumes per host (the setup's `volumesPerHost`). */
  readonly volumesPerHost: number;
  /** Longest action sequence explored. */
  readonly maxDepth: number;
  /** Distinct states at most; the search stops (incomplete at that level) when it is reached. */
  readonly maxStates: number;
  /** Components (clusters, link pairs, host paths) failed at once at most; repairs are always allowed. */
  readonly maxFailures: number;
  /** Volumes of one host that no pattern tells apart are treated as interchangeable. */
  readonly symmetry: boolean;
}

/** Where one violation of an invariant was found: the node it left from (or the node itself at an end-state check). */
export interface FoundViolation {
  readonly invariant: InvariantId;
  readonly message: string;
  readonly node: number;
  /** Fingerprint of the state the violating transition reached; null for an end-state check of `node`. */
  readonly successor: { readonly hi: number; readonly lo: number } | null;
  readonly depth: number;
}

/** What the search reached: kinds of action taken, grid states raised, modes seen. */
export interface SearchCoverage {
  readonly actionKinds: readonly string[];
  readonly gridStates: readonly string[];
  readonly takeoverSet: boolean;
  readonly writeProtectOn: boolean;
  readonly drTestRan: boolean;
}

/** Why the search ended. */
export type SearchEnd = 'fixpoint' | 'depth' | 'max-states';

/** The result of a search, plain data (without the node arrays, kept for trace reconstruction). */
export interface ExhaustiveSearch {
  readonly scope: ExhaustiveScope;
  readonly end: SearchEnd;
  /** Every sequence of at most this many actions was explored (equals maxDepth unless max-states stopped it). */
  readonly completeDepth: number;
  readonly distinctStates: number;
  /** Successors computed, keyed and looked up (transitions). */
  readonly generatedStates: number;
  /** New states per level, level 0 being the start state. */
  readonly statesPerLevel: readonly number[];
  readonly elapsedMs: number;
  readonly peakHeapBytes: number;
  /** Upper bound of the probability that a fingerprint collision hid a state. */
  readonly collisionBound: number;
  readonly coverage: SearchCoverage;
  readonly violations: readonly FoundViolation[];
  /** Invariants whose situation arose somewhere in the search. */
  readonly exercised: readonly InvariantId[];
}

/** Options of a search. */
export interface SearchOptions {
  readonly scope: ExhaustiveScope;
  readonly invariants: readonly Invariant[];
  readonly stepFunction?: StepFunction;
  /** Called now and then with the level, distinct and generated states so far. */
  readonly onProgress?: (progress: { depth: number; distinct: number; generated: number }) => void;
}

/** The search's nodes: parent index and fingerprint, for trace reconstruction. */
export interface SearchNodes {
  readonly parent: Int32Array;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly count: number;
}

class NodeStore {
  parent = new Int32Array(1 << 14);
  hi = new Uint32Array(1 << 14);
  lo = new Uint32Array(1 << 14);
  count = 0;

  add(parent: number, hi: number, lo: number): number {
    if (this.count === this.parent.length) {
      const grow = <T extends Int32Array | Uint32Array>(array: T, make: (size: number) => T): T => {
        const bigger = make(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.parent = grow(this.parent, (size) => new Int32Array(size));
      this.hi = grow(this.hi, (size) => new Uint32Array(size));
      this.lo = grow(this.lo, (size) => new Uint32Array(size));
    }
    this.parent[this.count] = parent;
    this.hi[this.count] = hi;
    this.lo[this.count] = lo;
    this.count += 1;
    return this.count - 1;
  }
}

/** Runs the search. Returns the result and the nodes (for `reconstructTrace`). */
export function exhaustiveSearch(setup: VerifySetup, options: SearchOptions): { search: ExhaustiveSearch; nodes: SearchNodes; symmetry: VolumeSymmetry } {
  const started = performance.now();
  const stepFunction = options.stepFunction ?? modelStep;
  const { scope, invariants } = options;
  const symmetry = volumeSymmetry(setup, scope.symmetry);
  const seen = new FingerprintSet();
  const nodes = new NodeStore();
  const violations: FoundViolation[] = [];
  const violated = new Set<InvariantId>();
  const exercised = new Set<InvariantId>();
  const actionKinds = new Set<string>();
  const gridStateIds = new Set<string>();
  let takeoverSet = false;
  let writeProtectOn = false;
  let drTestRan = false;
  let generated = 0;
  let peakHeapBytes = process.memoryUsage().heapUsed;
  const statesPerLevel: number[] = [];

  const noteState = (state: GridState, node: number, depth: number): void => {
    for (const id of gridStates(state)) gridStateIds.add(id);
    if (state.takeovers.length > 0) takeoverSet = true;
    if (state.writeProtect.some((on) => on)) writeProtectOn = true;
    if (state.drTestActive) drTestRan = true;
    for (const invariant of invariants) {
      if (invariant.endSituation?.(setup, state) === true) exercised.add(invariant.id);
      if (violated.has(invariant.id) || invariant.atEnd === undefined) continue;
      const message = invariant.atEnd(setup, state);
      if (message !== null) {
        violated.add(invariant.id);
        violations.push({ invariant: invariant.id, message, node, successor: null, depth });
      }
    }
  };

  const startCanonical = canonicalize(startState(setup, stepFunction), symmetry);
  const start = { key: startCanonical.key, state: startCanonical.build() };
  const startPrint = fingerprint(start.key);
  seen.add(startPrint.hi, startPrint.lo);
  nodes.add(-1, startPrint.hi, startPrint.lo);
  noteState(start.state, 0, 0);
  statesPerLevel.push(1);
  let frontier: { state: GridState; node: number }[] = [{ state: start.state, node: 0 }];
  let depth = 0;
  let end: SearchEnd = 'fixpoint';
  let completeDepth = 0;
  let lastProgress = performance.now();
  search: while (frontier.length > 0) {
    if (depth >= scope.maxDepth) {
      end = 'depth';
      break;
    }
    const next: { state: GridState; node: number }[] = [];
    for (const { state, node } of frontier) {
      for (const resolved of enabledActions(setup, state, scope.maxFailures)) {
        const { state: after, observations } = applyAction(state, resolved, stepFunction);
        generated += 1;
        actionKinds.add(resolved.action.kind);
        const canonical = canonicalize(after, symmetry);
        const print = fingerprint(canonical.key);
        const facts = { setup, before: state, after, resolved, observations };
        for (const invariant of invariants) {
          if (invariant.situation?.(facts) === true) exercised.add(invariant.id);
          if (violated.has(invariant.id)) continue;
          const message = invariant.check(facts);
          if (message !== null) {
            violated.add(invariant.id);
            violations.push({ invariant: invariant.id, message, node, successor: print, depth: depth + 1 });
          }
        }
        if (!seen.add(print.hi, print.lo)) continue;
        const child = nodes.add(node, print.hi, print.lo);
        const built = canonical.build();
        noteState(built, child, depth + 1);
        next.push({ state: built, node: child });
        if (seen.size >= scope.maxStates) {
          end = 'max-states';
          statesPerLevel.push(next.length);
          peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
          break search;
        }
      }
      if (options.onProgress !== undefined && performance.now() - lastProgress > 200) {
        lastProgress = performance.now();
        peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
        options.onProgress({ depth: depth + 1, distinct: seen.size, generated });
      }
    }
    peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
    depth += 1;
    completeDepth = depth;
    if (next.length > 0) statesPerLevel.push(next.length);
    frontier = next;
  }
  if (end === 'fixpoint') completeDepth = Math.max(completeDepth, statesPerLevel.length - 1);
  const search: ExhaustiveSearch = {
    scope,
    end,
    completeDepth,
    distinctStates: seen.size,
    generatedStates: generated,
    statesPerLevel,
    elapsedMs: performance.now() - started,
    peakHeapBytes,
    collisionBound: collisionBound(seen.size),
    coverage: { actionKinds: [...actionKinds].sort(), gridStates: [...gridStateIds].sort(), takeoverSet, writeProtectOn, drTestRan },
    violations,
    exercised: invariants.filter((invariant) => exercised.has(invariant.id) || violated.has(invariant.id)).map((invariant) => invariant.id),
  };
  return { search, nodes: { parent: nodes.parent, hi: nodes.hi, lo: nodes.lo, count: nodes.count }, symmetry };
}
