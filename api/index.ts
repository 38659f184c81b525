/**
 * tapegrid from code: `import { loadConfig, validate, verify, plan, whatif, buildReport } from 'tapegrid'`.
 * Results are the same data the command line prints with `--json`; bad input comes back as problems
 * with a code and a field path, never as a thrown string.
 */
import { buildPlanInputs, buildVerifySetup, exhaustiveBoundsOf, loadCatalog, loadConfig as loadConfigFile, referenceCatalogPath, type ConfigProblem, type LoadedConfig, type RejectedConfig } from '../config/index.js';
import { configError } from '../config/problems.js';
import { buildPlan, type Plan } from '../planner/index.js';
import { verify as verifySetup, type Invariant, type VerifyResult } from '../properties/index.js';
import { renderHtml } from '../reports/html.js';
import { renderMarkdown } from '../reports/markdown.js';
import type { ReportData } from '../reports/reportData.js';
import { parseFailure, runScenario, whatIfScenario, type FailureSpec, type ScenarioResult } from '../scenarios/index.js';
import { assembleReport } from './report.js';

export type { ConfigProblem, LoadedConfig, RejectedConfig, Plan, VerifyResult, ScenarioResult, ReportData, Invariant };
export { defineInvariant, gridQueries, type GridQueries, type Requirement, type UserInvariant } from '../properties/index.js';

/** Reads and validates a configuration file: `{ ok: true, config, definition, ... }` or `{ ok: false, problems }`. */
export async function loadConfig(file: string): Promise<LoadedConfig | RejectedConfig> {
  return loadConfigFile(file);
}

/** What `tapegrid validate --json` gives: every problem and warning with its path, and a summary of a valid grid. */
export interface ValidationResult {
  readonly ok: boolean;
  readonly file: string;
  readonly problems: readonly ConfigProblem[];
  readonly warnings: readonly ConfigProblem[];
}

/** Validates a configuration file. */
export async function validate(file: string): Promise<ValidationResult> {
  const loaded = await loadConfigFile(file);
  return loaded.ok ? { ok: true, file, problems: [], warnings: loaded.warnings } : { ok: false, file, problems: loaded.problems.filter((problem) => problem.severity === 'error'), warnings: loaded.problems.filter((problem) => problem.severity !== 'error') };
}

/** Options of `verify` from code; defaults are the command line's. */
export interface VerifyApiOptions {
  /** Random runs after the exhaustive search (default 100). */
  readonly runs?: number;
  readonly seed?: number;
  readonly maxSteps?: number;
  /** Invariants written in code (`defineInvariant`), explored beside the built-in ones and the configuration's requirements. */
  readonly extraInvariants?: readonly Invariant[];
  /** Replay one counterexample, as printed under a violation. */
  readonly replay?: string;
}

/**
 * Verifies a loaded configuration: the exhaustive search within the configuration's own scope, then
 * random runs; one verdict per invariant (built-in, the configuration's requirements, and `extraInvariants`).
 */
export function verify(loaded: LoadedConfig, options: VerifyApiOptions = {}): VerifyResult {
  const setup = buildVerifySetup(loaded);
  const bounds = exhaustiveBoundsOf(loaded.config);
  return verifySetup(setup, {
    exhaustive: bounds,
    maxFailures: bounds.maxFailures,
    runs: options.runs ?? 100,
    seed: options.seed ?? 1,
    maxSteps: options.maxSteps ?? 40,
    ...(options.extraInvariants === undefined ? {} : { extraInvariants: options.extraInvariants }),
    ...(options.replay === undefined ? {} : { replay: options.replay }),
  });
}

/** A plan, or why there is none. */
export type PlanOutcome = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Plans WAN, cache and scratch for a loaded configuration with the reference catalog (or `catalogFile`). */
export async function plan(loaded: LoadedConfig, options: { readonly catalogFile?: string } = {}): Promise<PlanOutcome> {
  if ((loaded.config.workload ?? []).length === 0) return { ok: false, problems: [configError('missing', ['workload'], 'a plan needs a workload section: host data written per day through each cluster')] };
  const catalog = await loadCatalog(options.catalogFile ?? referenceCatalogPath, loaded.units);
  if (!catalog.ok) return { ok: false, problems: catalog.problems };
  return { ok: true, plan: buildPlan(buildPlanInputs(loaded.config, loaded.units, catalog.catalog)) };
}

/** A what-if's outcome, or why it cannot run. */
export type WhatIfOutcome = { readonly ok: true; readonly failures: readonly FailureSpec[]; readonly result: ScenarioResult } | { readonly ok: false; readonly problem: string };

/** What happens to production when components fail (`tapegrid whatif --fail`): `fail` as on the command line, e.g. ["C0"] or ["site:production"]. */
export function whatif(loaded: LoadedConfig, options: { readonly fail: readonly string[]; readonly takeover?: 'read' | 'write' }): WhatIfOutcome {
  const failures: FailureSpec[] = [];
  for (const text of options.fail) {
    const spec = parseFailure(text, loaded.definition);
    if (typeof spec === 'string') return { ok: false, problem: `${text}: ${spec}` };
    failures.push(spec);
  }
  if (!loaded.definition.hosts.some((host) => host.role === 'production')) return { ok: false, problem: 'a what-if needs at least one production host' };
  const scenario = whatIfScenario(loaded.definition, { failures, takeover: options.takeover ?? null, afterMinutes: 0, disasterHosts: [] });
  return { ok: true, failures, result: runScenario(scenario) };
}

/** A report's data and its renderings (what `tapegrid report` writes), or why there is none. */
export type ReportOutcome = { readonly ok: true; readonly data: ReportData; readonly html: string; readonly markdown: string } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Builds the planning report of a loaded configuration. */
export async function buildReport(loaded: LoadedConfig, options: { readonly file?: string; readonly seed?: number; readonly runs?: number; readonly catalogFile?: string } = {}): Promise<ReportOutcome> {
  const catalog = await loadCatalog(options.catalogFile ?? referenceCatalogPath, loaded.units);
  if (!catalog.ok) return { ok: false, problems: catalog.problems };
  const data = assembleReport(loaded, catalog.catalog, { seed: options.seed ?? 1, runs: options.runs ?? 200, toolVersion: 'library', configFile: options.file ?? loaded.file });
  return { ok: true, data, html: renderHtml(data, new Date().toISOString()), markdown: renderMarkdown(data) };
}
