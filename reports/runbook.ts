import type { Runbook } from '../scenarios/index.js';
import { formatBytes } from '../planner/index.js';
import type { Style } from './style.js';

/**
 * A recovery runbook as an operator reads it (issue 14): numbered steps with their rule ids and seed
 * sections, then the data in doubt behind the "rerun" steps. Markdown is a checklist that prints.
 */

function doubtLines(runbook: Runbook): string[] {
  return runbook.inDoubt.map(
    (entry) =>
      `C${entry.from}->C${entry.to}: up to ${Number.isFinite(entry.volumes) ? `${entry.volumes} volume${entry.volumes === 1 ? '' : 's'}` : 'unbounded volumes'} (${Number.isFinite(entry.bytes) ? formatBytes(entry.bytes) : 'unbounded backlog'}) of ${entry.classes.join(', ')} not yet copied at the worst hour`,
  );
}

/** The text `tapegrid runbook` prints. */
export function renderRunbook(runbook: Runbook, file: string, style: Style): string {
  const lines = [style.bold(`Recovery runbook: ${runbook.failure} (${file})`), `  survivors: ${runbook.survivors.map((id) => `C${id}`).join(', ') || 'none'}`, ''];
  for (const step of runbook.steps) {
    lines.push(`  ${String(step.step).padStart(2)}. ${step.action}`);
    lines.push(style.dim(`      ${step.detail} [${step.rules.join(', ')}; ${step.section}]`));
  }
  if (runbook.inDoubt.length > 0) {
    lines.push('', style.bold('Data in doubt at the failure (from the configured workload and links)'));
    for (const line of doubtLines(runbook)) lines.push(`  ${line}`);
    lines.push(`  jobs to rerun: ${Number.isFinite(runbook.jobsToRerun) ? runbook.jobsToRerun : 'unbounded'}${runbook.runningJobs === null ? '' : ` (including ${runbook.runningJobs} running at the failure)`}`);
  }
  return lines.join('\n');
}

/** The runbook as a Markdown checklist. */
export function runbookMarkdown(runbook: Runbook, file: string): string {
  const lines = [`# Recovery runbook: ${runbook.failure}`, '', `Configuration: \`${file}\`. Survivors: ${runbook.survivors.map((id) => `C${id}`).join(', ') || 'none'}.`, ''];
  for (const step of runbook.steps) lines.push(`- [ ] **${step.step}.** ${step.action}  `, `  ${step.detail} *(${step.rules.join(', ')}; seed ${step.section})*`);
  if (runbook.inDoubt.length > 0) {
    lines.push('', '## Data in doubt at the failure', '', ...doubtLines(runbook).map((line) => `- ${line}`), '', `Jobs to rerun: **${Number.isFinite(runbook.jobsToRerun) ? runbook.jobsToRerun : 'unbounded'}**.`);
  }
  return `${lines.join('\n')}\n`;
}
