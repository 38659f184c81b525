/**
 * Failover scenarios: the seed's eight (FS-1..FS-8) as executable data, a runner, and what-if runs of
 * any failure against any grid of 1 to 8 clusters.
 */
export type { Job, JobOutcome, Scenario, ScenarioResult, TimedEvent, VolumeReadability } from './scenario.js';
export { runScenario } from './run.js';
export { namedStates, type Effect, type SeedScenario } from './effects.js';
export { fs5ThreeClusters, seedScenarios, written } from './seed.js';
export { parseFailure, whatIfScenario, type FailureSpec, type WhatIfOptions } from './whatif.js';
export { failureRunbook, inDoubtAtFailure, type InDoubt, type Runbook, type RunbookStep } from './runbook.js';
