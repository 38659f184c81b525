import type { ConfigProblem, SectionPositions } from '../config/index.js';
import type { GridDefinition } from '../model/index.js';
import type { Plan } from '../planner/index.js';
import type { VerifyResult } from '../properties/index.js';
import type { ChangeReview } from './changeReview.js';
import { formatPath } from './problems.js';
import { renderTrace } from './trace.js';
import { verdictEvidence } from './verdictWords.js';

/**
 * Results of validate, verify, plan and diff as the checks a CI system shows (issue 17 item 7): one
 * case per problem, invariant, target or change, with an outcome, the rule ids, and where in the
 * configuration file the finding points. `junit.ts` and `sarif.ts` write them in those formats.
 */

/** Where a finding points: the configuration file, and a line and column in it when known. */
export interface FindingLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** One check. `warning` passes unless `--fail-on warning` made it a failure. */
export interface CiCase {
  readonly id: string;
  readonly title: string;
  readonly outcome: 'passed' | 'failed' | 'warning' | 'skipped';
  readonly message: string;
  /** More text: a counterexample trace, the evidence of a proof. */
  readonly detail?: string;
  readonly rules: readonly string[];
  readonly location: FindingLocation;
}

/** The checks of one command run. */
export interface CiReport {
  /** "tapegrid verify" and the like. */
  readonly command: string;
  readonly subject: string;
  readonly cases: readonly CiCase[];
}

type Sections = SectionPositions;

function at(file: string, sections: Sections, ...keys: readonly string[]): FindingLocation {
  for (const key of keys) {
    const position = sections[key];
    if (position !== undefined) return { file, line: position.line, column: position.column };
  }
  return { file };
}

/** The configuration section an invariant's violation is about: where a reviewer looks to fix it. */
const sectionOfInvariant: Readonly<Record<string, readonly string[]>> = {
  'no-dual-ownership': ['runbook', 'clusters'],
  'no-write-takeover-of-live-cluster': ['runbook', 'clusters'],
  'write-protect-holds': ['drTest', 'clusters'],
  'run-copies-made': ['managementClasses'],
  'survives-loss-of-one-cluster': ['managementClasses', 'targets'],
  'scratch-safety': ['categories', 'drTest'],
  'dr-test-isolation': ['drTest'],
};

/** validate: each error fails, each warning warns; one case says whether the file is valid. */
export function validateCases(file: string, problems: readonly ConfigProblem[]): CiReport {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const cases: CiCase[] = [
    { id: 'valid', title: 'the configuration is valid', outcome: errors.length === 0 ? 'passed' : 'failed', message: errors.length === 0 ? 'valid' : `${errors.length} error(s)`, rules: [], location: { file } },
    ...problems.map((problem): CiCase => ({
      id: problem.code,
      title: `${formatPath(problem.path) || '(file)'}: ${problem.code}`,
      outcome: problem.severity === 'error' ? 'failed' : 'warning',
      message: `${formatPath(problem.path) || '(file)'}: ${problem.message}${problem.expected === undefined ? '' : ` (expected ${problem.expected})`}`,
      rules: problem.rule === undefined ? [] : [problem.rule],
      location: { file, ...(problem.line === undefined ? {} : { line: problem.line }), ...(problem.column === undefined ? {} : { column: problem.column }) },
    })),
  ];
  return { command: 'tapegrid validate', subject: file, cases };
}

/** verify: a violated invariant fails with its trace; proven and random-only pass; not exercised is skipped. */
export function verifyCases(file: string, result: VerifyResult, definition: GridDefinition, sections: Sections): CiReport {
  const cases = result.verdicts.map((verdict): CiCase => {
    const location = at(file, sections, ...(sectionOfInvariant[verdict.id] ?? []));
    const base = { id: verdict.id, title: verdict.title, rules: verdict.rules, location, message: verdictEvidence(verdict, result) };
    if (verdict.status === 'violated') return { ...base, outcome: 'failed', message: verdict.message, detail: [...renderTrace(definition, verdict.counterexample), `replay: tapegrid verify ${file} --replay ${verdict.replay}`].join('\n') };
    return { ...base, outcome: verdict.status === 'not-exercised' ? 'skipped' : 'passed' };
  });
  return { command: 'tapegrid verify', subject: file, cases };
}

/** plan: each figure with a target; fails fail, at risk warns. Growth's first failure fails too. */
export function planCases(file: string, plan: Plan, sections: Sections): CiReport {
  const location = at(file, sections, 'targets', 'workload');
  const cases: CiCase[] = plan.sections
    .flatMap((section) => section.figures)
    .filter((figure) => figure.verdict !== 'info')
    .map((figure) => ({
      id: figure.id,
      title: figure.title,
      outcome: figure.verdict === 'fails' ? 'failed' : figure.verdict === 'at-risk' ? 'warning' : 'passed',
      message: `${figure.title}: ${figure.display}${figure.target === undefined ? '' : ` (target ${figure.target})`}, ${figure.verdict}`,
      rules: figure.rules,
      location,
    }));
  const grows = plan.growth?.firstFailure ?? null;
  if (plan.growth !== null && plan.growth !== undefined) {
    cases.push({
      id: 'growth',
      title: `targets hold for ${plan.growth.horizonMonths} months of growth`,
      outcome: grows === null ? 'passed' : 'failed',
      message: grows === null ? `every target holds at ${(plan.growth.perYear * 100).toFixed(0)} % a year` : `${grows.figure.title} fails in month ${grows.month} at ${(plan.growth.perYear * 100).toFixed(0)} % a year`,
      rules: grows?.figure.rules ?? [],
      location: at(file, sections, 'growth', 'workload'),
    });
  }
  return { command: 'tapegrid plan', subject: file, cases };
}

/** diff: a proof the change breaks, a target it misses, or validity it loses fails; other changes pass. */
export function diffCases(review: ChangeReview, sections: Sections): CiReport {
  const file = review.newFile;
  const cases: CiCase[] = [
    ...(review.newlyInvalid ? [{ id: 'valid', title: 'the new configuration is valid', outcome: 'failed' as const, message: `${review.problemsAdded.filter((problem) => problem.severity === 'error').length} error(s) added`, rules: [], location: { file } }] : []),
    ...review.verdicts.map((change): CiCase => ({
      id: change.id,
      title: `${change.id}: ${change.old ?? 'not run'} -> ${change.new ?? 'not run'}`,
      outcome: change.new === 'violated' ? 'failed' : 'passed',
      message: change.message ?? `${change.id} is now ${change.new ?? 'not run'} (was ${change.old ?? 'not run'})`,
      ...(change.trace === undefined ? {} : { detail: change.trace.join('\n') }),
      rules: change.rules,
      location: at(file, sections, ...(sectionOfInvariant[change.id] ?? [])),
    })),
    ...review.figures.map((figure): CiCase => ({
      id: figure.id,
      title: figure.title,
      outcome: review.newlyMissed.includes(figure.id) ? 'failed' : figure.new?.verdict === 'at-risk' ? 'warning' : 'passed',
      message: `${figure.title}: ${figure.old?.display ?? '(absent)'} -> ${figure.new?.display ?? '(absent)'}`,
      rules: [],
      location: at(file, sections, 'targets', 'workload'),
    })),
  ];
  return { command: 'tapegrid diff', subject: `${review.oldFile} -> ${review.newFile}`, cases };
}

/** What makes a run fail (`--fail-on`): a violated invariant, a missed target, a warning. */
export type FailOn = 'violation' | 'target' | 'warning';

/** The cases with warnings turned into failures when `--fail-on warning` asks for it. */
export function applyFailOn(report: CiReport, failOn: ReadonlySet<FailOn>): CiReport {
  if (!failOn.has('warning')) return report;
  return { ...report, cases: report.cases.map((entry) => (entry.outcome === 'warning' ? { ...entry, outcome: 'failed' } : entry)) };
}
