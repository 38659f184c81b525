import type { GridDefinition } from '../model/index.js';
import { verdictLabel } from './verdictWords.js';
import type { Figure } from '../planner/index.js';
import type { DrPlanCheck, WhyRow } from '../properties/index.js';
import type { Style } from './style.js';
import { terminalColumns, wrapText } from './table.js';
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
    // One block per step, wrapped to the terminal: the step, what it guarantees, and the verifier's
    // verdict on it in the words every output uses, with the trace when removing it breaks something.
    lines.push('', style.bold('Why each step: remove it and see what breaks'));
    const scope = check.verification.exhaustive === null ? 'random runs only' : `complete to depth ${check.verification.exhaustive.completeDepth}`;
    why.forEach((row, index) => {
      lines.push('', ...wrapText(`${index + 1}. ${row.step}`, terminalColumns, 5, 2));
      lines.push(...wrapText(`guarantees: ${row.guarantee} (${row.rules.join(', ')})`, terminalColumns, 7, 5));
      if (row.outcome === 'redundant') {
        lines.push(...wrapText(style.dim(`not needed within scope (${scope}): without it every guarantee still held`), terminalColumns, 7, 5));
        return;
      }
      const broken = [...row.broken, ...(row.canWrite ? [] : ['test-can-write'])].join(', ');
      const why = row.counterexample?.message ?? row.writeFailure ?? '';
      lines.push(...wrapText(`${style.red('needed')}: without it, ${broken} breaks${why === '' ? '' : `: ${why}`}`, terminalColumns, 7, 5));
      if (row.counterexample === null) return;
      for (const line of renderTrace(definition, row.counterexample.counterexample)) {
        const own = line.length - line.trimStart().length;
        lines.push(...wrapText(line, terminalColumns, 7 + own + 5, 7 + own));
      }
    });
  }
  return lines.join('\n');
}
