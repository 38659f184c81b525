import type { GridDefinition } from '../model/index.js';
import type { VerifyResult } from '../properties/index.js';
import { formatMinutes } from './gridSummary.js';
import type { Style } from './style.js';
import { renderTrace } from './trace.js';

/** The text `tapegrid verify` prints: a verdict per invariant, traces for violations, how to replay. */
export function renderVerify(result: VerifyResult, definition: GridDefinition, file: string, style: Style): string {
  const lines: string[] = [];
  const violated = result.verdicts.filter((verdict) => verdict.status === 'violated');
  lines.push(style.bold(`Verification of "${result.grid}" (${file})`));
  lines.push(`seed ${result.seed}, ${result.runs} runs of up to ${result.maxSteps} steps per invariant`);
  lines.push('');
  for (const verdict of result.verdicts) {
    const rules = style.dim(`[${verdict.rules.join(', ')}]`);
    if (verdict.status === 'holds') {
      lines.push(`${style.green('holds   ')} ${verdict.title} ${rules}`);
      lines.push(style.dim(`         ${verdict.id}: ${verdict.runs} runs, ${verdict.stepsExplored} steps explored`));
    } else {
      lines.push(`${style.red('VIOLATED')} ${verdict.title} ${rules}`);
      lines.push(`         ${verdict.id}: ${verdict.message}`);
      lines.push(style.dim(`         found after ${verdict.runsUntilFound} run(s), shrunk ${verdict.shrinks} time(s) to ${verdict.counterexample.steps.length} step(s):`));
      for (const line of renderTrace(definition, verdict.counterexample)) lines.push(`           ${line}`);
      lines.push(style.dim(`         replay: tapegrid verify ${file} --seed ${result.seed} --replay ${verdict.replay}`));
    }
  }
  lines.push('');
  lines.push(`Deferred copies: the oldest uncopied data seen in these runs waited ${formatMinutes(result.maxUncopiedAgeMinutes)} (CCP-2; the planner gives the bound from link capacity).`);
  lines.push(
    violated.length === 0
      ? style.green(`All ${result.verdicts.length} invariants hold for this configuration in the explored runs.`)
      : style.red(`${violated.length} of ${result.verdicts.length} invariants violated.`),
  );
  return lines.join('\n');
}
