import type { GridDefinition } from '../model/index.js';
import type { VerifyResult } from '../properties/index.js';
// Straight from the formatter module: validate and verify must not load the planner.
import { formatMinutes } from '../planner/quantityFormat.js';
import type { Style } from './style.js';
import { renderTrace } from './trace.js';
import { randomSentence, scopeSentence, verdictLabel } from './verdictWords.js';

/** The text `tapegrid verify` prints: the evidence, a verdict per invariant, traces for violations, how to replay. */
export function renderVerify(result: VerifyResult, definition: GridDefinition, file: string, style: Style): string {
  const lines: string[] = [];
  const violated = result.verdicts.filter((verdict) => verdict.status === 'violated');
  lines.push(style.bold(`Verification of "${result.grid}" (${file})`));
  if (result.exhaustive !== null) {
    const evidence = result.exhaustive;
    lines.push(`exhaustive: ${scopeSentence(evidence)}`);
    lines.push(style.dim(`  ${evidence.generatedStates.toLocaleString('en-US')} transitions in ${(evidence.elapsedMs / 1000).toFixed(1)} s; fingerprint collision bound ${evidence.collisionBound.toExponential(1)}`));
    lines.push(style.dim(`  reached: actions ${evidence.coverage.actionKinds.join(', ')}; grid states ${evidence.coverage.gridStates.join(', ') || 'none'}; takeover ${evidence.coverage.takeoverSet ? 'yes' : 'no'}, write protect ${evidence.coverage.writeProtectOn ? 'yes' : 'no'}, DR test ${evidence.coverage.drTestRan ? 'yes' : 'no'}`));
  }
  if (result.random !== null) lines.push(`random: ${result.random.runs.toLocaleString('en-US')} runs of up to ${result.random.maxSteps} steps with at most ${result.random.maxFailures} failed components at once, seed ${result.random.seed}, swarm (each run enables a random subset of action kinds)`);
  lines.push('');
  for (const verdict of result.verdicts) {
    const rules = style.dim(`[${verdict.rules.join(', ')}]`);
    const label = verdictLabel(verdict).padEnd(19);
    if (verdict.status === 'violated') {
      lines.push(`${style.red(label)} ${verdict.title} ${rules}`);
      lines.push(`    ${verdict.id}: ${verdict.message}`);
      const how = verdict.foundBy === 'exhaustive' ? 'shortest counterexample of the exhaustive search' : `found by random run ${verdict.runsUntilFound ?? '?'}, shrunk ${verdict.shrinks ?? 0} time(s)`;
      lines.push(style.dim(`    ${how}, ${verdict.counterexample.steps.length} step(s):`));
      for (const line of renderTrace(definition, verdict.counterexample)) lines.push(`      ${line}`);
      const seed = verdict.foundBy === 'random' ? ` --seed ${result.random?.seed ?? 0}` : '';
      lines.push(style.dim(`    replay: tapegrid verify ${file}${seed} --replay ${verdict.replay}`));
    } else if (verdict.status === 'proven-within-scope') {
      lines.push(`${style.green(label)} ${verdict.title} ${rules}`);
    } else if (verdict.status === 'no-counterexample') {
      lines.push(`${style.yellow(label)} ${verdict.title} ${rules}`);
      lines.push(style.dim(`    ${verdict.id}: only random runs put it to the test${result.random === null ? '' : `: ${randomSentence(result.random)}`}`));
    } else {
      lines.push(`${style.dim(label)} ${verdict.title} ${rules}`);
      lines.push(style.dim(`    ${verdict.id}: its situation never arose in this configuration; nothing was shown`));
    }
  }
  lines.push('');
  if (result.random !== null) lines.push(`Deferred copies: the oldest uncopied data seen in the random runs waited ${formatMinutes(result.maxUncopiedAgeMinutes)} (CCP-2; the planner gives the bound from link capacity).`);
  lines.push(violated.length === 0 ? style.green(verifySentence(result)) : style.red(verifySentence(result)));
  return lines.join('\n');
}

/** The verification's outcome in one sentence, in the verdict words every output uses. */
export function verifySentence(result: Pick<VerifyResult, 'verdicts'>): string {
  const violated = result.verdicts.filter((verdict) => verdict.status === 'violated');
  if (violated.length > 0) return `${violated.length} of ${result.verdicts.length} invariants violated (${violated.map((verdict) => verdict.id).join(', ')}).`;
  const proven = result.verdicts.filter((verdict) => verdict.status === 'proven-within-scope').length;
  const notExercised = result.verdicts.filter((verdict) => verdict.status === 'not-exercised').length;
  const randomOnly = result.verdicts.length - proven - notExercised;
  const parts = [
    ...(proven > 0 ? [`${proven} of ${result.verdicts.length} invariants proven within scope`] : []),
    ...(randomOnly > 0 ? [`${randomOnly} with random evidence only`] : []),
    ...(notExercised > 0 ? [`${notExercised} not exercised`] : []),
  ];
  return `No violation: ${parts.join(', ')}.`;
}
