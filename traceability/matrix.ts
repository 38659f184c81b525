import type { DomainRule } from './domainRules.js';
import type { RuleReference } from './sourceIndex.js';

/** How a rule stands in this run. */
export type CoverageStatus = 'violated' | 'proven-within-scope' | 'random-runs' | 'checked' | 'scenario' | 'not-exercised' | 'tested' | 'not-covered';

/** One row of the traceability matrix. */
export interface TraceabilityRow {
  readonly id: string;
  readonly family: string;
  readonly sections: readonly string[];
  readonly text: string;
  readonly code: readonly string[];
  readonly properties: readonly string[];
  readonly scenarios: readonly string[];
  readonly plannerChecks: readonly string[];
  readonly tests: number;
  readonly exampleTest: string | null;
  readonly status: CoverageStatus;
}

/** What this run established, by rule id. */
export interface RunCoverage {
  /** Invariant id -> its rules and its verdict for this configuration. */
  readonly invariants: readonly { readonly id: string; readonly rules: readonly string[]; readonly status: 'violated' | 'proven-within-scope' | 'no-counterexample' | 'not-exercised' }[];
  /** Planner figure ids with the rules they name. */
  readonly figures: readonly { readonly id: string; readonly rules: readonly string[] }[];
  /** Scenario ids run for this report (what-ifs) and the FS rules they exercise. */
  readonly scenarios: readonly { readonly id: string; readonly rules: readonly string[] }[];
}

/** Builds the matrix: every rule, its coverage in code and tests, and its status in this run. */
export function traceabilityMatrix(rules: readonly DomainRule[], references: readonly RuleReference[], run: RunCoverage): TraceabilityRow[] {
  return rules.map((rule) => {
    const named = references.filter((reference) => reference.rule === rule.id);
    const tests = named.filter((reference) => reference.kind === 'test');
    const invariants = run.invariants.filter((invariant) => invariant.rules.includes(rule.id));
    const figures = run.figures.filter((figure) => figure.rules.includes(rule.id));
    const scenarios = [...new Set([...named.filter((reference) => reference.kind === 'scenario').map((reference) => reference.name), ...run.scenarios.filter((scenario) => scenario.rules.includes(rule.id)).map((scenario) => scenario.id)])];
    // The strongest evidence any covering invariant gives; "not exercised" only when none was put to the test.
    const status: CoverageStatus = invariants.some((invariant) => invariant.status === 'violated')
      ? 'violated'
      : invariants.some((invariant) => invariant.status === 'proven-within-scope')
        ? 'proven-within-scope'
        : invariants.some((invariant) => invariant.status === 'no-counterexample')
          ? 'random-runs'
          : figures.length > 0
            ? 'checked'
            : run.scenarios.some((scenario) => scenario.rules.includes(rule.id))
              ? 'scenario'
              : invariants.length > 0
              ? 'not-exercised'
              : tests.length > 0
                ? 'tested'
                : 'not-covered';
    return {
      id: rule.id,
      family: rule.family,
      sections: rule.sections,
      text: rule.text,
      code: [...new Set(named.filter((reference) => reference.kind === 'model' || reference.kind === 'config' || reference.kind === 'planner').map((reference) => `${reference.file}: ${reference.name}`))].slice(0, 6),
      properties: [...new Set([...invariants.map((invariant) => invariant.id), ...named.filter((reference) => reference.kind === 'property').map((reference) => reference.name)])],
      scenarios,
      plannerChecks: [...new Set(figures.map((figure) => figure.id.split('.').slice(0, 2).join('.')))],
      tests: tests.length,
      exampleTest: tests[0]?.name ?? null,
      status,
    };
  });
}
