import type { GridDefinition } from '../model/index.js';
import { verdictLabel } from './verdictWords.js';
import type { Figure } from '../planner/index.js';
import type { DrPlanCheck, WhyRow } from '../properties/index.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';
import { renderTrace } from './trace.js';

/** `tapegrid drtest` as text: the verdict, counterexamples, the planner figures for the test, why each step. */
export function renderDrTest(definition: GridDefinition, file: string, check: DrPlanCheck, figures: readonly Figure[], why: readonly WhyRow[], style: Style): string {
  const lines: string[] = [style.bold(`DR test plan check: ${definition.name} (${file})`), ''];
  lines.push(check.clean ? style.green('The plan is safe: production and the test ran together without breaking any guarantee.') : style.red('The plan is NOT safe.'));
  lines.push(`  test can write its own data: ${check.canWrite.ok ? style.green('yes') : style.red('NO')} (${check.canWrite.reason})`);
  for (const verdict of check.verification.verdicts) {
    if (verdict.status !== 'violated') lines.push(`  ${verdict.status === 'proven-within-scope' ? style.green(verdictLabel(verdict)) : style.dim(verdictLabel(verdict))} ${verdict.title}`);
    else {
      lines.push(`  ${style.red('VIOLATED')} ${verdict.title}: ${verdict.message}`);
      for (const line of renderTrace(definition, verdict.counterexample)) lines.push(`      ${line}`);
    }
  }
  if (figures.length > 0) {
    lines.push('', style.bold('Planner figures for the test'));
    for (const figure of figures) lines.push(`  ${figure.verdict === 'fails' ? style.red('FAILS  ') : figure.verdict === 'at-risk' ? style.yellow('at risk') : '       '} ${figure.title}: ${figure.display}`);
  }
  if (why.length > 0) {
    lines.push('', style.bold('Why each step: remove it and see what breaks'));
    lines.push(
      renderTable(
        ['step', 'guarantees', 'without it'],
        why.map((row) => [
          row.step,
          `${row.guarantee} (${row.rules.join(', ')})`,
          row.outcome === 'redundant' ? style.dim(`not needed within scope (${check.verification.exhaustive === null ? 'random runs only' : `complete to depth ${check.verification.exhaustive.completeDepth}`})`) : `${style.red('breaks')} ${[...row.broken, ...(row.canWrite ? [] : ['test-can-write'])].join(', ')}`,
        ]),
      ),
    );
    for (const row of why) {
      if (row.counterexample !== null) {
        lines.push('', style.dim(`without "${row.safeguard}": ${row.counterexample.message}`));
        for (const line of renderTrace(definition, row.counterexample.counterexample)) lines.push(`    ${line}`);
      } else if (row.writeFailure !== null) lines.push('', style.dim(`without "${row.safeguard}": ${row.writeFailure}`));
    }
  }
  return lines.join('\n');
}
