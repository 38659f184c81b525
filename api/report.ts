import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlanInputs, buildVerifySetup, configDataNotation, exhaustiveBoundsOf, type LoadedConfig } from '../config/index.js';
import { packageRoot } from '../config/packageRoot.js';
import type { GridDefinition, TakeoverMode } from '../model/index.js';
import { buildPlan, type Catalog } from '../planner/index.js';
import { verify, type TakeoverRule, type VerifyProgress } from '../properties/index.js';
import { buildReportData, type ReportData, type ReportWhatIf } from '../reports/reportData.js';
import { failureRunbook, runScenario, whatIfScenario, type FailureSpec } from '../scenarios/index.js';
import { parseDomainRules, readRuleReferences, traceabilityMatrix } from '../traceability/index.js';

/**
 * Everything a planning report shows, as data (`tapegrid report` renders it to HTML, Markdown and
 * JSON): the verification with its verdicts and traces, the plan, a what-if per lost cluster and
 * site, a runbook per likely failure, and the traceability of every DOMAIN.md rule.
 */


/** The takeover the runbook lets operators set at `at` for a lost cluster: write before read. */
function runbookTakeover(runbook: readonly TakeoverRule[], at: number, of: number): TakeoverMode | null {
  const allows = (mode: TakeoverMode): boolean => runbook.some((rule) => rule.mode === mode && (rule.at === undefined || rule.at.includes(at)) && (rule.of === undefined || rule.of.includes(of)));
  return allows('write') ? 'write' : allows('read') ? 'read' : null;
}

/** The failures a report gives a runbook for: each cluster, each site of several, each pair's links. */
function likelyFailures(definition: GridDefinition): FailureSpec[] {
  const sites = [...new Set(definition.clusters.map((cluster) => cluster.site))];
  return [
    ...definition.clusters.map((cluster): FailureSpec => ({ kind: 'cluster', cluster: cluster.id })),
    ...(sites.length > 1 ? sites.map((site): FailureSpec => ({ kind: 'site', site })) : []),
    ...definition.links.map((link): FailureSpec => ({ kind: 'pair', between: link.between })),
  ];
}

function whatIfs(definition: GridDefinition, runbook: readonly TakeoverRule[], disasterHosts: readonly string[]): ReportWhatIf[] {
  if (!definition.hosts.some((host) => host.role === 'production')) return [];
  const cases: { label: string; failures: FailureSpec[]; lost: number[] }[] = definition.clusters.map((cluster) => ({ label: `Cluster C${cluster.id} (${cluster.name}) lost`, failures: [{ kind: 'cluster', cluster: cluster.id }], lost: [cluster.id] }));
  const sites = [...new Set(definition.clusters.map((cluster) => cluster.site))];
  if (sites.length > 1) {
    for (const site of sites) cases.push({ label: `Site ${site} lost`, failures: [{ kind: 'site', site }], lost: definition.clusters.filter((cluster) => cluster.site === site).map((cluster) => cluster.id) });
  }
  return cases.map((entry) => {
    const survivor = definition.clusters.find((cluster) => !entry.lost.includes(cluster.id));
    const takeover = survivor === undefined ? null : runbookTakeover(runbook, survivor.id, entry.lost[0] ?? 0);
    const scenario = whatIfScenario(definition, { failures: entry.failures, takeover, afterMinutes: 0, disasterHosts });
    return { failure: entry.label, takeover, result: runScenario(scenario), prescribedRecovery: scenario.prescribedRecovery };
  });
}

/** Options of a report. */
export interface ReportOptions {
  readonly seed: number;
  /** Random runs after the exhaustive search. */
  readonly runs: number;
  readonly toolVersion: string;
  /** The configuration file's name as the report shows it. */
  readonly configFile: string;
  readonly onProgress?: (progress: VerifyProgress) => void;
}

/** Builds the report's data for a loaded configuration and a planning catalog. */
export function assembleReport(loaded: LoadedConfig, catalog: Catalog, options: ReportOptions): ReportData {
  const setup = buildVerifySetup(loaded);
  const measured = verify(setup, {
    exhaustive: exhaustiveBoundsOf(loaded.config),
    runs: options.runs,
    seed: options.seed,
    maxSteps: 40,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  // Time and memory figures vary from run to run; the report keeps only what the same seed reproduces.
  const verification = { ...measured, exhaustive: measured.exhaustive === null ? null : { ...measured.exhaustive, elapsedMs: 0, peakHeapBytes: 0 } };
  const planInputs = (loaded.config.workload ?? []).length === 0 ? null : buildPlanInputs(loaded.config, loaded.units, catalog);
  const plan = planInputs === null ? null : buildPlan(planInputs);
  const scenarios = whatIfs(loaded.definition, setup.runbook, setup.disasterHosts ?? []);
  const rules = parseDomainRules(readFileSync(join(packageRoot, 'docs', 'DOMAIN.md'), 'utf8'));
  const references = readRuleReferences(packageRoot);
  const traceability = traceabilityMatrix(rules, references, {
    invariants: verification.verdicts.map((verdict) => ({ id: verdict.id, rules: verdict.rules, status: verdict.status })),
    figures: (plan?.sections ?? []).flatMap((section) => section.figures.map((figure) => ({ id: figure.id, rules: figure.rules }))),
    scenarios: scenarios.map((entry) => ({ id: entry.failure, rules: entry.failure.startsWith('Site') ? ['FS-8'] : ['FS-5'] })),
  });
  const runbooks = likelyFailures(loaded.definition).map((spec) => failureRunbook(loaded.definition, setup.runbook, planInputs, spec, setup.gdps));
  const data = buildReportData({ toolVersion: options.toolVersion, configFile: options.configFile, notation: configDataNotation(loaded.config), definition: loaded.definition, warnings: loaded.warnings, verification, whatIfs: scenarios, runbooks, plan, traceability });
  return data;
}
