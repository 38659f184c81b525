import type { ChangeReview } from './changeReview.js';
import { formatPath } from './problems.js';
import type { Style } from './style.js';
import { verdictLabel } from './verdictWords.js';

/** A change review as text for a terminal or a CI log (`tapegrid diff`). */
export function renderChangeReview(review: ChangeReview, style: Style): string {
  const lines = [style.bold(`Change review: ${review.oldFile} -> ${review.newFile}`), ''];
  const value = (item: unknown): string => (item === undefined ? '(absent)' : typeof item === 'string' ? item : JSON.stringify(item));
  lines.push(style.bold(`Fields changed (${review.fields.length})`));
  for (const field of review.fields) lines.push(`  ${field.path}: ${value(field.old)} -> ${value(field.new)}`);
  if (review.fields.length === 0) lines.push('  none');
  lines.push('', style.bold(`Validation: ${review.problemsAdded.length} problem(s) added, ${review.problemsRemoved.length} removed`));
  for (const problem of review.problemsAdded) lines.push(style.red(`  + ${problem.severity} ${formatPath(problem.path)}: ${problem.message} [${problem.code}]`));
  for (const problem of review.problemsRemoved) lines.push(style.green(`  - ${problem.severity} ${formatPath(problem.path)}: ${problem.message} [${problem.code}]`));
  lines.push('', style.bold(`Safety: ${review.verdicts.length} verdict(s) change`));
  for (const change of review.verdicts) {
    const word = (status: typeof change.old): string => (status === null ? 'not run' : verdictLabel({ status } as Parameters<typeof verdictLabel>[0]));
    const line = `  ${change.id}: ${word(change.old)} -> ${word(change.new)}  ${style.dim(`[${change.rules.join(', ')}]`)}`;
    lines.push(change.new === 'violated' ? style.red(line) : line);
    if (change.message !== undefined) lines.push(`    ${change.message}`);
    for (const step of change.trace ?? []) lines.push(`      ${step}`);
    if (change.replay !== undefined) lines.push(style.dim(`    replay: tapegrid verify ${review.newFile} --replay ${change.replay}`));
  }
  lines.push('', style.bold(`Sizing: ${review.figures.length} figure(s) move`));
  for (const figure of review.figures) {
    const side = (entry: typeof figure.old): string => (entry === null ? '(absent)' : `${entry.display} (${entry.verdict})`);
    const line = `  ${figure.title}: ${side(figure.old)} -> ${side(figure.new)}`;
    lines.push(figure.new?.verdict === 'fails' && figure.old?.verdict !== 'fails' ? style.red(line) : line);
  }
  const broken = [...(review.newlyInvalid ? ['the new file no longer validates'] : []), ...review.newlyViolated.map((id) => `breaks ${id}`), ...review.newlyMissed.map((id) => `misses the target of ${id}`)];
  lines.push('', broken.length === 0 ? style.green('The change keeps every proof and every target.') : style.red(`The change ${broken.join('; ')}.`));
  return lines.join('\n');
}
