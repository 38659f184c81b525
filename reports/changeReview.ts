import type { ConfigProblem, SectionPositions } from '../config/index.js';
import type { GridDefinition } from '../model/index.js';
import type { Plan, Verdict } from '../planner/index.js';
import type { InvariantVerdict, VerifyResult } from '../properties/index.js';
import { formatPath } from './problems.js';
import { renderTrace } from './trace.js';

/**
 * What a configuration change does (`tapegrid diff`, issue 17 item 6): the fields that changed, the
 * validation problems it adds or removes, the invariants whose verdict changes (a proof that no longer
 * holds comes with its counterexample), and the plan figures that move. Plain data from the results of
 * validate, verify and plan on both files; `renderChangeReview` turns it into text.
 */

/** One configuration field that differs, by its path ("runbook.takeover[0].when"). */
export interface FieldChange {
  readonly path: string;
  /** The old value, or undefined when the field was added. */
  readonly old?: unknown;
  /** The new value, or undefined when the field was removed. */
  readonly new?: unknown;
}

/** An invariant whose verdict differs between the two files. */
export interface VerdictChange {
  readonly id: string;
  readonly title: string;
  readonly rules: readonly string[];
  readonly old: InvariantVerdict['status'] | null;
  readonly new: InvariantVerdict['status'] | null;
  /** The new counterexample, as numbered steps, when the change breaks the invariant. */
  readonly trace?: readonly string[];
  readonly message?: string;
  readonly replay?: string;
}

/** A plan figure whose value or verdict moves. */
export interface FigureChange {
  readonly id: string;
  readonly title: string;
  readonly old: { readonly display: string; readonly verdict: Verdict } | null;
  readonly new: { readonly display: string; readonly verdict: Verdict } | null;
}

/** The review of one change. */
export interface ChangeReview {
  readonly oldFile: string;
  readonly newFile: string;
  readonly fields: readonly FieldChange[];
  readonly problemsAdded: readonly ConfigProblem[];
  readonly problemsRemoved: readonly ConfigProblem[];
  readonly verdicts: readonly VerdictChange[];
  readonly figures: readonly FigureChange[];
  /** Invariants violated by the new file and not by the old one. */
  readonly newlyViolated: readonly string[];
  /** Figures that fail their target with the new file and did not with the old one. */
  readonly newlyMissed: readonly string[];
  /** Errors the new file has that the old one did not: it no longer validates. */
  readonly newlyInvalid: boolean;
}

/** One side of a change: what validate, verify and plan said about a file. */
export interface ReviewSide {
  readonly file: string;
  readonly config: unknown;
  readonly problems: readonly ConfigProblem[];
  readonly definition: GridDefinition | null;
  readonly verify: VerifyResult | null;
  readonly plan: Plan | null;
  /** Where each top-level section starts in the file, when it loaded. */
  readonly sections?: SectionPositions;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields that differ between two parsed configurations, by path; a list is compared entry by entry. */
export function fieldChanges(oldValue: unknown, newValue: unknown, path = ''): FieldChange[] {
  if (JSON.stringify(oldValue) === JSON.stringify(newValue)) return [];
  if (Array.isArray(oldValue) && Array.isArray(newValue)) {
    const length = Math.max(oldValue.length, newValue.length);
    return Array.from({ length }, (_, index) => fieldChanges(oldValue[index], newValue[index], `${path}[${index}]`)).flat();
  }
  if (isRecord(oldValue) && isRecord(newValue)) {
    const keys = [...new Set([...Object.keys(oldValue), ...Object.keys(newValue)])].sort();
    return keys.flatMap((key) => fieldChanges(oldValue[key], newValue[key], path === '' ? key : `${path}.${key}`));
  }
  return [{ path, ...(oldValue === undefined ? {} : { old: oldValue }), ...(newValue === undefined ? {} : { new: newValue }) }];
}

function problemKey(problem: ConfigProblem): string {
  return `${problem.severity}|${problem.code}|${formatPath(problem.path)}|${problem.message}`;
}

/** The review of a change from `before` to `after`. */
export function reviewChange(before: ReviewSide, after: ReviewSide): ChangeReview {
  const oldKeys = new Set(before.problems.map(problemKey));
  const newKeys = new Set(after.problems.map(problemKey));
  const problemsAdded = after.problems.filter((problem) => !oldKeys.has(problemKey(problem)));
  const problemsRemoved = before.problems.filter((problem) => !newKeys.has(problemKey(problem)));
  const oldVerdicts = new Map((before.verify?.verdicts ?? []).map((verdict) => [verdict.id, verdict]));
  const newVerdicts = new Map((after.verify?.verdicts ?? []).map((verdict) => [verdict.id, verdict]));
  const verdicts: VerdictChange[] = [];
  for (const id of [...new Set([...oldVerdicts.keys(), ...newVerdicts.keys()])]) {
    const was = oldVerdicts.get(id);
    const now = newVerdicts.get(id);
    if (was?.status === now?.status) continue;
    const base = now ?? was;
    if (base === undefined) continue;
    verdicts.push({
      id,
      title: base.title,
      rules: base.rules,
      old: was?.status ?? null,
      new: now?.status ?? null,
      ...(now?.status === 'violated' && after.definition !== null ? { trace: renderTrace(after.definition, now.counterexample), message: now.message, replay: now.replay } : {}),
    });
  }
  const oldFigures = new Map((before.plan?.sections ?? []).flatMap((section) => section.figures).map((figure) => [figure.id, figure]));
  const newFigures = new Map((after.plan?.sections ?? []).flatMap((section) => section.figures).map((figure) => [figure.id, figure]));
  const figures: FigureChange[] = [];
  for (const id of [...new Set([...oldFigures.keys(), ...newFigures.keys()])]) {
    const was = oldFigures.get(id);
    const now = newFigures.get(id);
    if (was?.display === now?.display && was?.verdict === now?.verdict) continue;
    figures.push({ id, title: (now ?? was)?.title ?? id, old: was === undefined ? null : { display: was.display, verdict: was.verdict }, new: now === undefined ? null : { display: now.display, verdict: now.verdict } });
  }
  const hadErrors = before.problems.some((problem) => problem.severity === 'error');
  return {
    oldFile: before.file,
    newFile: after.file,
    fields: fieldChanges(before.config, after.config),
    problemsAdded,
    problemsRemoved,
    verdicts,
    figures,
    newlyViolated: verdicts.filter((change) => change.new === 'violated').map((change) => change.id),
    newlyMissed: figures.filter((change) => change.new?.verdict === 'fails' && change.old?.verdict !== 'fails').map((change) => change.id),
    newlyInvalid: !hadErrors && after.problems.some((problem) => problem.severity === 'error'),
  };
}
