import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlanInputs, buildVerifySetup, exhaustiveBoundsOf } from '../../config/index.js';
import { loadCatalogOrReport, loadConfigOrReport } from '../load.js';
import { parseDomainRules, scanSources, traceabilityMatrix } from '../../traceability/index.js';
import { buildPlan } from '../../planner/index.js';
import { verify } from '../../properties/index.js';
import { buildReportData, type ReportWhatIf } from '../../reports/reportData.js';
import { renderHtml } from '../../reports/html.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { failureRunbook, runScenario, whatIfScenario, type FailureSpec } from '../../scenarios/index.js';
import type { GridDefinition, TakeoverMode } from '../../model/index.js';
import type { TakeoverRule } from '../../properties/index.js';
import { exitCodes, toJson, type CommandIO } from '../io.js';
import { outputFolderProblem, writeFilesSafely } from '../safeWrite.js';
import { packageRoot } from '../packageRoot.js';
import { createProgress, verifyProgressBar } from '../progress.js';

/** Help text of `tapegrid report`. */
export const reportHelp = `Usage: tapegrid report <config> --out <dir> [--force] [--seed S] [--runs N] [--catalog FILE] [--json]

Runs validation, verification, a what-if for each cluster and each site lost, and the plan, and
writes three files to <dir>:
  report.html   one self-contained page (no network, no scripts): summary, grid diagram, safety
                verdicts with traces, what-ifs, WAN and RPO with charts, scratch and media,
                recommendations, assumptions, traceability matrix
  report.md     the same as Markdown (charts as tables)
  report.json   everything as data (schema/report.schema.json)
Markdown and JSON are byte-identical for the same configuration and seed; only report.html carries
the time it was generated, in its marked header. Nothing is written outside <dir>; an existing
report is not overwritten without --force.

Options:
  --out DIR      where to write (created if missing)
  --force        overwrite report.html, report.md and report.json in DIR (other files are left alone)
  --seed S       seed of the verification (default 1, so reports are reproducible)
  --runs N       random runs of the verification, after its exhaustive search (default 200)
  --catalog FILE planning catalog (default catalog/reference.yaml)
  --json         print the report data to stdout as well

Examples:
  tapegrid report examples/three-cluster-ha-dr.yaml --out report-out
  tapegrid report my-grid.yaml --out /tmp/grid-report --force --seed 7

Exit codes: 0 written (safe and targets met), 1 written but a violation or a failed target, 2 bad input.`;

const reportFiles = ['report.html', 'report.md', 'report.json'] as const;

/** Package root, where docs/ and the sources are. */

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

/** `tapegrid report`. */
export async function runReport(file: string, options: { out?: string; force: boolean; seed?: string; runs?: string; catalog?: string; json: boolean; version: string }, io: CommandIO): Promise<number> {
  if (options.out === undefined) {
    io.err(`tapegrid report: --out <dir> is required\n\n${reportHelp}`);
    return exitCodes.badInput;
  }
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  const runs = options.runs === undefined ? 200 : Number(options.runs);
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1 || runs > 1_000_000) {
    io.err('tapegrid report: --seed and --runs expect whole numbers (runs from 1 to 1,000,000)');
    return exitCodes.badInput;
  }
  // Checked before the long verification, and again when writing (a file may appear meanwhile).
  const outProblem = outputFolderProblem(options.out, reportFiles, options.force);
  if (outProblem !== null) {
    io.err(`tapegrid report: ${outProblem}`);
    return exitCodes.badInput;
  }
  const loaded = await loadConfigOrReport(file, io);
  if (loaded === null) return exitCodes.badInput;
  if (loaded.definition.hosts.length === 0) {
    io.err(`${file}: a report needs at least one host to verify and run what-ifs`);
    return exitCodes.badInput;
  }
  const catalog = await loadCatalogOrReport(loaded, io, options.catalog);
  if (catalog === null) return exitCodes.badInput;
  const setup = buildVerifySetup(loaded);
  const progress = createProgress('verifying', process.stderr.isTTY === true);
  const measured = verify(setup, { exhaustive: exhaustiveBoundsOf(loaded.config), runs, seed, maxSteps: 40, onProgress: verifyProgressBar(progress) });
  progress.finish();
  // Time and memory figures vary from run to run; the report keeps only what the same seed reproduces.
  const verification = { ...measured, exhaustive: measured.exhaustive === null ? null : { ...measured.exhaustive, elapsedMs: 0, peakHeapBytes: 0 } };
  const planInputs = (loaded.config.workload ?? []).length === 0 ? null : buildPlanInputs(loaded.config, loaded.units, catalog.catalog);
  const plan = planInputs === null ? null : buildPlan(planInputs);
  const scenarios = whatIfs(loaded.definition, setup.runbook, setup.disasterHosts ?? []);
  const rules = parseDomainRules(readFileSync(join(packageRoot, 'docs', 'DOMAIN.md'), 'utf8'));
  const references = scanSources(packageRoot);
  const traceability = traceabilityMatrix(rules, references, {
    invariants: verification.verdicts.map((verdict) => ({ id: verdict.id, rules: verdict.rules, status: verdict.status })),
    figures: (plan?.sections ?? []).flatMap((section) => section.figures.map((figure) => ({ id: figure.id, rules: figure.rules }))),
    scenarios: scenarios.map((entry) => ({ id: entry.failure, rules: entry.failure.startsWith('Site') ? ['FS-8'] : ['FS-5'] })),
  });
  const runbooks = likelyFailures(loaded.definition).map((spec) => failureRunbook(loaded.definition, setup.runbook, planInputs, spec, setup.gdps));
  const data = buildReportData({ toolVersion: options.version, configFile: file, definition: loaded.definition, warnings: loaded.warnings, verification, whatIfs: scenarios, runbooks, plan, traceability });
  const json = `${toJson(data)}\n`;
  try {
    await writeFilesSafely(
      options.out,
      [
        { name: 'report.md', content: renderMarkdown(data) },
        { name: 'report.json', content: json },
        { name: 'report.html', content: renderHtml(data, new Date().toISOString()) },
      ],
      options.force,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`tapegrid report: ${code === 'EEXIST' ? `a report file appeared in ${options.out} during the run; nothing was replaced (use --force)` : error instanceof Error ? error.message : String(error)}`);
    return exitCodes.badInput;
  }
  if (options.json) io.out(json);
  else {
    io.out(`wrote ${reportFiles.map((name) => join(options.out ?? '', name)).join(', ')}`);
    io.out(`safe: ${data.summary.safe ? 'yes' : `no (${data.summary.violated.join(', ')})`}; targets: ${data.summary.targetsMet === null ? 'no workload' : data.summary.targetsMet ? 'met' : 'not met'}; rules not covered: ${data.summary.notCovered.length}`);
  }
  return data.summary.safe && data.summary.targetsMet !== false ? exitCodes.ok : exitCodes.failed;
}
