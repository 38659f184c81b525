import type { DimensionChoice, Figure, Plan, Sensitivity } from '../planner/index.js';
import type { VerifyResult } from '../properties/index.js';
import type { ReportWhatIf } from './reportData.js';
import { safetySummary } from './verdictWords.js';

/**
 * The executive summary of a report as data (issue 18 item 2): what a manager reads on one screen, in
 * this order: the verdict (safe within what scope, or the shortest way it fails, in one sentence), the
 * targets met or missed with their margin, what to buy or change and by when under the configured
 * growth (PLN-4), and the top three risks. The tool's own traceability is the auditor's, not here.
 */
export interface ExecutiveSummary {
  readonly verdict: { readonly safe: boolean; readonly sentence: string };
  /** The targets, worst first (missed, at risk, then met by smallest margin), at most `shownTargets`. */
  readonly targets: readonly SummaryTarget[];
  /** Targets with a verdict that are not listed (all met with a wider margin than those shown). */
  readonly moreTargets: number;
  readonly actions: readonly SummaryAction[];
  /** At most three, most serious first. */
  readonly risks: readonly string[];
}

/** One target of the summary. */
export interface SummaryTarget {
  readonly figure: string;
  readonly title: string;
  readonly value: string;
  readonly target: string;
  readonly verdict: 'meets' | 'at-risk' | 'fails';
  /** How far from failing: "fails at 2.4x today's daily data", or for a missed target what it misses. */
  readonly margin: string;
}

/** One thing to buy or change. */
export interface SummaryAction {
  readonly what: string;
  /** "now", "by month 14 of growth", "for the 20 % headroom", "optional: cheaper than what is installed ...", or "no catalog option meets the targets". */
  readonly when: string;
  readonly cost: number | null;
}

/** How many targets the summary lists; the rest are counted. */
export const shownTargets = 4;

/** Counterexample steps, shortest first, as the report's traces give them. */
function shortestViolation(verification: VerifyResult, traces: Readonly<Record<string, readonly string[]>>): { id: string; title: string; rules: readonly string[]; lines: readonly string[] } | null {
  const violated = verification.verdicts.flatMap((verdict) => (verdict.status === 'violated' ? [{ id: verdict.id, title: verdict.title, rules: verdict.rules, steps: verdict.counterexample.steps.length }] : []));
  const shortest = [...violated].sort((a, b) => a.steps - b.steps)[0];
  return shortest === undefined ? null : { ...shortest, lines: traces[shortest.id] ?? [] };
}

/** What a step did, without its consequences ("; ...") or a parenthesis the cut would leave open. */
function firstClause(step: string): string {
  const clause = (step.split('; ')[0] ?? '').trim();
  const opened = clause.lastIndexOf('(');
  return opened > clause.lastIndexOf(')') ? clause.slice(0, opened).trim() : clause;
}

/**
 * One sentence for the way the grid fails: the events of the shortest counterexample (each step's
 * first clause) and what went wrong, with the invariant and its rules.
 */
export function failureSentence(violation: { id: string; title: string; rules: readonly string[]; lines: readonly string[] }): string {
  const steps = violation.lines.filter((line) => /^\d+\. \[t=/.test(line) && !line.startsWith('0.')).map((line) => firstClause(line.replace(/^\d+\. \[t=[^\]]*\] /, '')));
  const outcome = violation.lines.find((line) => line.startsWith('=> '))?.slice(3).replace(/ \((after step \d+|at the end of the run)\)$/, '') ?? violation.title;
  const path = steps.length === 0 ? 'from the start' : `after ${steps.join(', then ')}`;
  return `Not safe: ${path}, ${outcome} (${violation.id}: ${violation.rules.join(', ')}; ${steps.length} step${steps.length === 1 ? '' : 's'}, the full trace is under Safety verdicts).`;
}

function marginOf(figure: Figure, sensitivity: Sensitivity | undefined): string {
  if (figure.verdict === 'fails') return `missed: ${figure.display} against ${figure.target ?? 'its target'}`;
  const parts: string[] = [];
  if (sensitivity?.failsAtDataFactor != null) parts.push(`fails at ${sensitivity.failsAtDataFactor.toFixed(sensitivity.failsAtDataFactor < 10 ? 1 : 0)}x today's daily data${sensitivity.failsAtBandwidthShare != null ? ',' : ''}`);
  if (sensitivity?.failsAtBandwidthShare != null) parts.push(`${parts.length === 0 ? 'fails' : 'or'} with ${(sensitivity.failsAtBandwidthShare * 100).toFixed(0)} % of today's bandwidth`);
  if (parts.length === 0) return figure.verdict === 'at-risk' ? 'within 20 % of the target' : 'holds beyond 1000x today\'s daily data';
  return parts.join(' ');
}

const verdictOrder = { fails: 0, 'at-risk': 1, meets: 2 } as const;

function targetsOf(plan: Plan): SummaryTarget[] {
  const sensitivity = new Map(plan.sensitivity.map((entry) => [entry.figure, entry]));
  const judged = plan.sections.flatMap((section) => section.figures).filter((figure): figure is Figure & { verdict: SummaryTarget['verdict'] } => figure.verdict !== 'info');
  const factor = (figure: Figure): number => sensitivity.get(figure.id)?.failsAtDataFactor ?? Number.POSITIVE_INFINITY;
  return [...judged]
    .sort((a, b) => verdictOrder[a.verdict] - verdictOrder[b.verdict] || factor(a) - factor(b) || a.id.localeCompare(b.id))
    .map((figure) => ({ figure: figure.id, title: figure.title, value: figure.display, target: figure.target ?? '', verdict: figure.verdict, margin: marginOf(figure, sensitivity.get(figure.id)) }));
}

function whenOf(choice: DimensionChoice): string {
  if (choice.option === null) return 'no catalog option meets the targets';
  const needed = choice.neededFrom;
  if (needed === null) return 'keep';
  if (needed.kind === 'now') return 'now';
  if (needed.kind === 'month') {
    if (needed.failsInMonth === needed.month) return `by month ${needed.month} of growth`;
    return `by month ${needed.month} of growth (at risk from then${needed.failsInMonth === null ? '' : `, fails in month ${needed.failsInMonth}`})`;
  }
  if (needed.kind === 'saving') return 'optional: cheaper than what is installed, which meets its targets too';
  return `for the ${(needed.headroom * 100).toFixed(0)} % headroom`;
}

/** "drive generation of C0, C1" from "drive generation of C0" and "drive generation of C1". */
function joinLabels(labels: readonly string[]): string {
  const first = labels[0] ?? '';
  if (labels.length < 2) return first;
  let shared = first.length;
  for (const label of labels) while (shared > 0 && label.slice(0, shared) !== first.slice(0, shared)) shared -= 1;
  const prefix = first.slice(0, first.lastIndexOf(' ', shared) + 1);
  return `${prefix}${labels.map((label) => label.slice(prefix.length)).join(', ')}`;
}

/** What to buy or change, one row per option and moment (the same drive generation for three clusters is one row). */
function actionsOf(plan: Plan): SummaryAction[] {
  const groups = new Map<string, { labels: string[]; change: string; when: string; cost: number | null }>();
  for (const choice of plan.recommendation.choices) {
    if (choice.action === 'keep') continue;
    const change = choice.option === null ? `nothing in the catalog meets its targets (${choice.binds})` : `${choice.action ?? ''} ${choice.option}`.trim();
    const when = whenOf(choice);
    const key = `${change}\u0000${when}`;
    const cost = Number.isFinite(choice.cost) ? choice.cost : null;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { labels: [choice.label], change, when, cost });
    else {
      group.labels.push(choice.label);
      group.cost = group.cost === null || cost === null ? null : group.cost + cost;
    }
  }
  return [...groups.values()].map((group) => ({ what: `${joinLabels(group.labels)}: ${group.change}`, when: group.when, cost: group.cost }));
}

function risksOf(input: { verification: VerifyResult; plan: Plan | null; whatIfs: readonly ReportWhatIf[]; firstViolation: string | null; targets: readonly SummaryTarget[] }): string[] {
  const risks: string[] = [];
  for (const verdict of input.verification.verdicts) if (verdict.status === 'violated' && verdict.id !== input.firstViolation) risks.push(`${verdict.title} is also violated (${verdict.id}: ${verdict.rules.join(', ')}).`);
  for (const target of input.targets) if (target.verdict === 'fails') risks.push(`${target.title} misses its target today: ${target.value} against ${target.target}.`);
  const firstFailure = input.plan?.growth?.firstFailure;
  if (input.plan?.growth != null && firstFailure != null) risks.push(`At ${(input.plan.growth.perYear * 100).toFixed(0)} % growth a year, ${firstFailure.figure.title} fails in month ${firstFailure.month}.`);
  for (const whatIf of input.whatIfs) {
    const lost = whatIf.result.dataLostAtFailure;
    if (lost.length > 0) risks.push(`${whatIf.failure}: the newest data of ${lost.length} volume${lost.length === 1 ? '' : 's'} (${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ', ...' : ''}) had not been copied yet and is lost with it; ${lost.length === 1 ? 'its job' : 'their jobs'} must be rerun.`);
  }
  for (const target of input.targets) if (target.verdict === 'at-risk') risks.push(`${target.title} is within 20 % of its target (${target.value}; target ${target.target}).`);
  const closest = input.targets.find((target) => target.verdict === 'meets');
  if (closest !== undefined && /^fails/.test(closest.margin)) risks.push(`The met target closest to failing is ${closest.title}: it ${closest.margin}.`);
  for (const verdict of input.verification.verdicts) {
    if (verdict.status === 'not-exercised') risks.push(`${verdict.title} was not exercised: its situation never arose in this configuration, so nothing was shown (${verdict.id}).`);
    if (verdict.status === 'no-counterexample') risks.push(`${verdict.title} rests on random runs only, not on a complete search (${verdict.id}).`);
  }
  return risks.slice(0, 3);
}

/** Builds the summary from the report's parts. Pure. */
export function executiveSummary(input: {
  readonly verification: VerifyResult;
  readonly traces: Readonly<Record<string, readonly string[]>>;
  readonly plan: Plan | null;
  readonly whatIfs: readonly ReportWhatIf[];
}): ExecutiveSummary {
  const violation = shortestViolation(input.verification, input.traces);
  const sentence = violation === null ? `Safe within the stated scope: ${safetySummary(input.verification)}.` : failureSentence(violation);
  const targets = input.plan === null ? [] : targetsOf(input.plan);
  return {
    verdict: { safe: violation === null, sentence },
    targets: targets.slice(0, shownTargets),
    moreTargets: Math.max(0, targets.length - shownTargets),
    actions: input.plan === null ? [] : actionsOf(input.plan),
    risks: risksOf({ verification: input.verification, plan: input.plan, whatIfs: input.whatIfs, firstViolation: violation?.id ?? null, targets }),
  };
}
