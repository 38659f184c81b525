import { runEvents, type Observation } from '../model/index.js';
import { drTestBeginEvents } from './actions.js';
import { startState } from './explore.js';
import type { InvariantId } from './invariant.js';
import type { DrTestSetup, VerifySetup } from './setup.js';
import { verify, type ExhaustiveBounds, type InvariantVerdict, type VerifyOptions, type VerifyResult } from './verify.js';

/**
 * DR test plans (DRT-1..7, OWN-9, WP, CAT-4): check a plan by running production and the test
 * together, check that the test can write its own data, and show why each safeguard matters by
 * removing it and looking for the counterexample it allows.
 */

/** A step of a plan that establishes a guarantee, and how to take it away. */
export interface Safeguard {
  readonly id: string;
  /** The step in the seed's terms. */
  readonly step: string;
  /** What it is meant to guarantee, with rule ids. */
  readonly guarantee: string;
  readonly rules: readonly string[];
  readonly remove: (setup: VerifySetup) => VerifySetup;
}

function withTest(setup: VerifySetup, change: Partial<DrTestSetup>): VerifySetup {
  return setup.drTest === null ? setup : { ...setup, drTest: { ...setup.drTest, ...change } };
}

/** The safeguards this plan uses (only those present can be removed). */
export function safeguardsOf(setup: VerifySetup): Safeguard[] {
  const test = setup.drTest;
  if (test === null) return [];
  const list: Safeguard[] = [];
  const drClusters = setup.definition.clusters.filter((cluster) => test.clusters.includes(cluster.id));
  if (test.writeProtect) {
    list.push({
      id: 'selective-write-protect',
      step: 'Enable Write Protect Mode on the DR cluster (11.10.1 steps 2-3)',
      guarantee: 'the test cannot change production volumes',
      rules: ['WP-1', 'DRT-3'],
      remove: (current) => withTest(current, { writeProtect: false }),
    });
    if (drClusters.some((cluster) => cluster.writeProtect.ignoreFastReady)) {
      list.push({
        id: 'ignore-fast-ready',
        step: 'Leave "Ignore fast ready characteristics of write protected categories" selected (11.10.1 step 3)',
        guarantee: 'the test reads production volumes that production returned to scratch, instead of an empty volume',
        rules: ['WP-3', 'CAT-1', 'CAT-4'],
        remove: (current) => ({
          ...current,
          definition: {
            ...current.definition,
            clusters: current.definition.clusters.map((cluster) => (test.clusters.includes(cluster.id) ? { ...cluster, writeProtect: { ...cluster.writeProtect, ignoreFastReady: false } } : cluster)),
          },
        }),
      });
    }
    list.push({
      id: 'write-protect-exclusions',
      step: 'Exclude the DR host\'s categories (MEDIA1, MEDIA2, ERROR, PRIVATE) from write protect (11.10.1 step 5)',
      guarantee: 'the test can write its own volumes',
      rules: ['WP-2', 'WP-5', 'DRT-2'],
      remove: (current) => ({
        ...current,
        definition: {
          ...current.definition,
          clusters: current.definition.clusters.map((cluster) => (test.clusters.includes(cluster.id) ? { ...cluster, writeProtect: { ...cluster.writeProtect, excludedCategories: [] } } : cluster)),
        },
      }),
    });
  }
  if (test.productionRejectAnyUse.length > 0) {
    // Ambiguity AMB-5 (README): needed whenever the test range is inserted with the links up.
    list.push({ id: 'reject-anyuse', step: `RMM REJECT ANYUSE(${test.productionRejectAnyUse.join(', ')}) on production (11.10.2 before, step 3a)`, guarantee: 'production never uses the test range', rules: ['DRT-3'], remove: (current) => withTest(current, { productionRejectAnyUse: [] }) });
  }
  if (test.testRejectOutput.length > 0) {
    list.push({ id: 'reject-output', step: `RMM REJECT OUTPUT(${test.testRejectOutput.join(', ')}) on the DR host (11.10.2 during, step 3a)`, guarantee: 'the test only reads production cartridges', rules: ['DRT-3'], remove: (current) => withTest(current, { testRejectOutput: [] }) });
  }
  if (test.productionReturnToScratch === 'suspended') {
    list.push({ id: 'suspend-return-to-scratch', step: 'Suspend return-to-scratch (EXPROC) on production for the test (11.9.7)', guarantee: 'production does not scratch or reuse volumes the test still needs', rules: ['CAT-4', 'DRT-4'], remove: (current) => withTest(current, { productionReturnToScratch: 'running' }) });
  }
  if (test.removeFastReady.length > 0) {
    list.push({
      id: 'remove-fast-ready',
      step: `Remove the Fast Ready attribute of production scratch category ${test.removeFastReady.join(', ')} at the DR cluster for the duration of the test (11.10.4 before, step 7)`,
      guarantee: 'the DR host reads the data of a production volume that production returned to scratch during the test, not an empty volume',
      rules: ['CAT-1', 'CAT-4'],
      remove: (current) => withTest(current, { removeFastReady: [] }),
    });
  }
  if (!test.testReturnToScratch) {
    list.push({ id: 'no-housekeeping-on-test-host', step: 'Ensure RMM housekeeping and short-on-scratch procedures do not run at the DR site (11.10.2 during, step 10)', guarantee: 'the test host does not return production volumes to scratch', rules: ['DRT-4', 'CAT-4'], remove: (current) => withTest(current, { testReturnToScratch: true }) });
  }
  if (test.testManagementClass !== null) {
    list.push({ id: 'no-copy-class', step: `Direct all test writes to the No Copy class ${test.testManagementClass} (11.10.1 step 6, 11.10.2 during, steps 5-7)`, guarantee: 'no test data is copied to production clusters', rules: ['DRT-2'], remove: (current) => withTest(current, { testManagementClass: null }) });
  }
  if (test.links === 'broken') {
    if (test.takeoverWhenBroken === 'read') {
      list.push({ id: 'read-not-write-takeover', step: 'Enable Read Ownership Takeover at the DR cluster, never Write Ownership Takeover (11.9.9)', guarantee: 'the test cannot modify production volumes it reads, and no two clusters own one volume', rules: ['OWN-4', 'OWN-9', 'OWN-11'], remove: (current) => withTest(current, { takeoverWhenBroken: 'write' }) });
    }
    if (test.insertBeforeBreak) {
      list.push({ id: 'insert-before-break', step: 'Insert the test VOLSER range at the DR cluster before the links are broken (11.9.3, 11.10.3)', guarantee: 'the test can write its own volumes (insertion needs the grid)', rules: ['OWN-10', 'DRT-2'], remove: (current) => withTest(current, { insertBeforeBreak: false }) });
    }
  }
  return list;
}

/** Can the test host write its own data once the test has begun? (a deterministic drill) */
export function testCanWrite(setup: VerifySetup): { readonly ok: boolean; readonly reason: string } {
  const test = setup.drTest;
  const cluster = test?.clusters[0];
  if (test === null || cluster === undefined) return { ok: false, reason: 'no DR test configured' };
  const managementClass = test.testManagementClass ?? setup.definition.managementClasses[0]?.name ?? '';
  const begun = runEvents(startState(setup), drTestBeginEvents(setup));
  const insertRefusal = begun.trace.flatMap((entry) => entry.observations).find((observation) => observation.kind === 'refused' && observation.operation === 'insert');
  const mounted = runEvents(begun.state, [{ type: 'scratch-mount', host: test.host, cluster, managementClass }]);
  const mount = mounted.trace[0]?.observations.find((observation): observation is Extract<Observation, { kind: 'mount' }> => observation.kind === 'mount');
  if (mount === undefined) {
    const refusal = mounted.trace[0]?.observations.find((observation) => observation.kind === 'refused');
    const why = refusal?.kind === 'refused' ? refusal.reason : 'no mount';
    return { ok: false, reason: `the test host's scratch mount through C${cluster} is refused (${why})${insertRefusal?.kind === 'refused' ? `; the test range insertion was refused (${insertRefusal.reason})` : ''}` };
  }
  const written = runEvents(mounted.state, [{ type: 'write', cluster, volser: mount.volser }]);
  const refused = written.trace[0]?.observations.find((observation) => observation.kind === 'refused');
  return refused?.kind === 'refused' ? { ok: false, reason: `writing ${mount.volser} through C${cluster} is refused (${refused.reason})` } : { ok: true, reason: `the test host writes ${mount.volser} through C${cluster}` };
}

/** The verdict on a plan: the invariants with production and test running together, and the write drill. */
export interface DrPlanCheck {
  readonly verification: VerifyResult;
  readonly canWrite: { readonly ok: boolean; readonly reason: string };
  readonly clean: boolean;
}

/**
 * The exhaustive scope of DR plan checks: each plan is checked twice per safeguard removed, so the
 * scope is smaller than verify's default (one volume per host, one failure at a time).
 */
export const drPlanBounds: ExhaustiveBounds = { volumesPerHost: 1, maxDepth: 12, maxStates: 5000, maxFailures: 1, symmetry: true };

/** Checks a DR test plan. */
export function checkDrPlan(setup: VerifySetup, options: Omit<VerifyOptions, 'replay'>): DrPlanCheck {
  // Half the exploration starts with the test under way (its period is what the plan is about), half before it.
  const scoped = { exhaustive: drPlanBounds, ...options };
  const during = verify({ ...setup, startInDrTest: true }, scoped);
  const before = verify(setup, { ...scoped, seed: options.seed + 1 });
  // A violation in either half stands; otherwise the stronger evidence of the two halves.
  const strength = { violated: 4, 'proven-within-scope': 3, 'no-counterexample': 2, 'not-exercised': 1 } as const;
  const verification = {
    ...during,
    verdicts: during.verdicts.map((verdict, index) => {
      const other = before.verdicts[index] ?? verdict;
      return strength[other.status] > strength[verdict.status] ? other : verdict;
    }),
  };
  const canWrite = testCanWrite(setup);
  return { verification, canWrite, clean: canWrite.ok && verification.verdicts.every((verdict) => verdict.status !== 'violated') };
}

/** What removing one safeguard does. */
export interface WhyRow {
  readonly safeguard: string;
  readonly step: string;
  readonly guarantee: string;
  readonly rules: readonly string[];
  /** needed: its removal breaks something; redundant: nothing broke without it under this plan. */
  readonly outcome: 'needed' | 'redundant';
  readonly broken: readonly InvariantId[];
  readonly canWrite: boolean;
  /** The shortest counterexample found without it (the first broken invariant's). */
  readonly counterexample: Extract<InvariantVerdict, { status: 'violated' }> | null;
  readonly writeFailure: string | null;
}

/** Removes each safeguard in turn and reports what breaks ("why each step"). */
export function whyEachStep(setup: VerifySetup, options: Omit<VerifyOptions, 'replay'>): WhyRow[] {
  return safeguardsOf(setup).map((safeguard) => {
    const check = checkDrPlan(safeguard.remove(setup), options);
    const violated = check.verification.verdicts.filter((verdict): verdict is Extract<InvariantVerdict, { status: 'violated' }> => verdict.status === 'violated');
    const needed = violated.length > 0 || !check.canWrite.ok;
    return {
      safeguard: safeguard.id,
      step: safeguard.step,
      guarantee: safeguard.guarantee,
      rules: safeguard.rules,
      outcome: needed ? 'needed' : 'redundant',
      broken: violated.map((verdict) => verdict.id),
      canWrite: check.canWrite.ok,
      counterexample: violated[0] ?? null,
      writeFailure: check.canWrite.ok ? null : check.canWrite.reason,
    };
  });
}
