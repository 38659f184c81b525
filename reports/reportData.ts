import type { ConfigProblem } from '../config/index.js';
import type { TraceabilityRow } from '../traceability/index.js';
import type { GridDefinition } from '../model/index.js';
import type { DataNotation, Plan } from '../planner/index.js';
import type { VerifyResult } from '../properties/index.js';
import type { Runbook, ScenarioResult } from '../scenarios/index.js';
import { renderTrace } from './trace.js';
import { executiveSummary, type ExecutiveSummary } from './executiveSummary.js';

/** Version of the report's JSON format (schema/report.schema.json). */
export const reportFormatVersion = 1;

/** A what-if of the report: a cluster or a site lost, with the takeover the runbook allows. */
export interface ReportWhatIf {
  readonly failure: string;
  readonly takeover: 'read' | 'write' | null;
  readonly result: ScenarioResult;
  readonly prescribedRecovery: readonly string[];
}

/** Everything a report shows, as data (report.json); Markdown and HTML render it. */
export interface ReportData {
  readonly format: 'tapegrid-report';
  readonly version: typeof reportFormatVersion;
  readonly tool: { readonly name: 'tapegrid'; readonly version: string };
  readonly configFile: string;
  /** Decimal or binary data units, as the configuration wrote them; every size in the report uses it. */
  readonly notation: DataNotation;
  readonly grid: GridDefinition;
  readonly warnings: readonly ConfigProblem[];
  readonly verification: VerifyResult;
  /** Counterexample traces as readable lines, per violated invariant. */
  readonly traces: Readonly<Record<string, readonly string[]>>;
  readonly whatIfs: readonly ReportWhatIf[];
  /** One recovery runbook per likely failure: each cluster, each site, each group of links (issue 14). */
  readonly runbooks: readonly Runbook[];
  readonly plan: Plan | null;
  readonly traceability: readonly TraceabilityRow[];
  /** What a manager reads first: verdict, targets with margins, what to buy by when, top risks. */
  readonly executive: ExecutiveSummary;
  readonly summary: {
    readonly safe: boolean;
    readonly violated: readonly string[];
    readonly targetsMet: boolean | null;
    readonly failingFigures: readonly string[];
    readonly toBuy: readonly string[];
    readonly notCovered: readonly string[];
  };
}

/** Assembles the report data. Pure: the same inputs give the same data. */
export function buildReportData(input: {
  readonly toolVersion: string;
  readonly configFile: string;
  readonly notation: DataNotation;
  readonly definition: GridDefinition;
  readonly warnings: readonly ConfigProblem[];
  readonly verification: VerifyResult;
  readonly whatIfs: readonly ReportWhatIf[];
  readonly runbooks: readonly Runbook[];
  readonly plan: Plan | null;
  readonly traceability: readonly TraceabilityRow[];
}): ReportData {
  const violated = input.verification.verdicts.filter((verdict) => verdict.status === 'violated');
  const traces: Record<string, readonly string[]> = {};
  for (const verdict of violated) if (verdict.status === 'violated') traces[verdict.id] = renderTrace(input.definition, verdict.counterexample);
  const figures = input.plan?.sections.flatMap((section) => section.figures) ?? [];
  const failing = figures.filter((figure) => figure.verdict === 'fails');
  const toBuy = input.plan?.recommendation.choices.map((choice) => `${choice.label}: ${choice.option === null ? 'no catalog option meets the targets' : `${choice.action ?? ''} ${choice.option}`}`) ?? [];
  return {
    format: 'tapegrid-report',
    version: reportFormatVersion,
    tool: { name: 'tapegrid', version: input.toolVersion },
    configFile: input.configFile,
    notation: input.notation,
    grid: input.definition,
    warnings: input.warnings,
    verification: input.verification,
    traces,
    whatIfs: input.whatIfs,
    runbooks: input.runbooks,
    plan: input.plan,
    traceability: input.traceability,
    executive: executiveSummary({ verification: input.verification, traces, plan: input.plan, whatIfs: input.whatIfs }),
    summary: {
      safe: violated.length === 0,
      violated: violated.map((verdict) => verdict.id),
      // Growth that breaks a target within the horizon is a target not met, as in `plan` (issue 15).
      targetsMet: input.plan === null ? null : input.plan.verdict !== 'fails',
      failingFigures: [...failing.map((figure) => figure.title), ...(input.plan?.growth?.firstFailure == null ? [] : [`${input.plan.growth.firstFailure.figure.title} in month ${input.plan.growth.firstFailure.month} of growth`])],
      toBuy,
      notCovered: input.traceability.filter((row) => row.status === 'not-covered').map((row) => row.id),
    },
  };
}
