/**
 * Invariants of a grid and their exploration with fast-check: what `tapegrid verify` proves.
 * Reads the model; the model reads nothing from here.
 */
export type { Action, ResolvedAction } from './actions.js';
export { actionArbitrary, drTestBeginEvents, drTestEndEvents, preambleEvents, resolveAction, runbookAllows } from './actions.js';
export type { BuiltInInvariantId, Invariant, InvariantId, StepFacts } from './invariant.js';
export { defineInvariant, gridQueries, requirementInvariant, requirementInvariants, type GridQueries, type Requirement, type UserInvariant } from './requirements.js';
export { drTestIsolation, invariants, noDualOwnership, noWriteTakeoverOfLiveCluster, runCopiesMade, scratchSafety, survivesLossOfOneCluster, writeProtectHolds } from './invariants/index.js';
export { runActions, startState, type RunOutcome, type StepFunction, type TraceStep, type Violation } from './explore.js';
export { combineResults, defaultExhaustiveBounds, randomPhase, verify, type ExhaustiveBounds, type ExhaustiveEvidence, type InvariantVerdict, type RandomEvidence, type VerifyOptions, type VerifyProgress, type VerifyResult } from './verify.js';
export { decodeActions, encodeActions, parseReplay, type Replay } from './replay.js';
export { exhaustiveSearch, type ExhaustiveScope, type ExhaustiveSearch, type SearchCoverage } from './exhaustive/search.js';
export { canonicalize, volumeSymmetry } from './exhaustive/canonical.js';
export { enabledActions } from './exhaustive/enabled.js';
export { hostVolsers, type DrTestSetup, type GdpsSetup, type TakeoverRule, type VerifySetup } from './setup.js';
export { copyModesArbitrary, gridSketchArbitrary, safeSetupArbitrary } from './generators.js';
export { checkDrPlan, drPlanBounds, safeguardsOf, testCanWrite, whyEachStep, type DrPlanCheck, type Safeguard, type WhyRow } from './drPlan.js';
export { matchesPattern } from './setup.js';
