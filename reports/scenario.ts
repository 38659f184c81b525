import { gridStateNames, type GridStateCode } from '../model/index.js';
import type { Effect, Scenario, ScenarioResult } from '../scenarios/index.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';
// Straight from the formatter module: validate and verify must not load the planner.
import { formatMinutes } from '../planner/quantityFormat.js';

function states(codes: readonly GridStateCode[]): string {
  return codes.length === 0 ? 'none' : codes.map((code) => `${code} ${gridStateNames[code]}`).join(', ');
}

/**
 * The one sentence on data the failure took with it (11.11): the jobs to rerun, or that none are.
 * Shared by the terminal, Markdown and HTML renderings.
 */
export function dataLostSentence(result: Pick<ScenarioResult, 'dataLostAtFailure'>, bold: (text: string) => string = (text) => text): string {
  return result.dataLostAtFailure.length === 0
    ? `${bold('Data lost at the failure:')} none (every volume's newest data is on a cluster still running)`
    : `${bold('Data lost at the failure, jobs to rerun:')} ${result.dataLostAtFailure.join(', ')} (their newest data was only on the failed clusters: their deferred copies had not completed)`;
}

/** Why a production job failed, in an operator's words. */
const reasonWords: Readonly<Record<string, string>> = {
  'no-valid-copy': 'no valid copy',
  'no-ownership': 'no ownership',
  'owner-unreachable': 'no ownership (owner unreachable)',
  'device-offline': 'device offline',
  'cluster-down': 'cluster down',
  'cache-full': 'cache full',
  'no-scratch-owned': 'no scratch volume owned',
  'host-site-lost': 'host lost with its site',
  'read-only-takeover': 'read-only takeover',
  'data-deleted': 'data deleted',
};

/** A scenario run as text: what happened, in the seed's terms, and what to do about it. */
export function renderScenario(scenario: Scenario, result: ScenarioResult, style: Style, effects: readonly Effect[] = []): string {
  const lines: string[] = [style.bold(`${scenario.id}: ${scenario.title}`) + style.dim(`  (seed ${scenario.section}; grid "${scenario.definition.name}", ${scenario.definition.clusters.length} clusters)`), ''];
  if (scenario.seedEffects.length > 0) {
    lines.push(style.bold('The seed says'));
    for (const quote of scenario.seedEffects) lines.push(`  "${quote}"`);
    lines.push('');
  }
  lines.push(style.bold('Timeline'));
  // A step of several events (a disaster declared: catalogs copied, then the declaration) is one line.
  const once = (events: readonly { readonly at: number; readonly label: string }[]): typeof events => events.filter((timed, index, all) => all.findIndex((other) => other.label === timed.label) === index);
  for (const timed of once(scenario.failures)) lines.push(`  t+${timed.at} min: ${timed.label}`);
  if (scenario.beforeOperator !== undefined && scenario.beforeOperator.length > 0) lines.push('  t+0 min: production runs its jobs before any operator step');
  for (const timed of once(scenario.operator ?? [])) lines.push(`  t+${timed.at} min: ${timed.label}`);
  lines.push('');
  lines.push(style.bold('Jobs'));
  lines.push(
    renderTable(
      ['phase', 'job', 'through', 'volume', 'I/O cache', 'outcome'],
      result.jobs.map((job) => [
        job.phase,
        job.name,
        `C${job.cluster}`,
        job.volser ?? '-',
        job.ioCluster === null ? '-' : `C${job.ioCluster}`,
        job.outcome === 'completed'
          ? style.green(`completed${job.immediateDeferred.length > 0 ? ` (RUN copy to ${job.immediateDeferred.map((id) => `C${id}`).join(', ')} deferred)` : ''}`)
          : style.red(`failed: ${job.reason ?? ''}`),
      ]),
    ),
  );
  lines.push('');
  lines.push(`${style.bold('Grid states raised:')} ${states(result.statesRaised.filter((code) => code !== 'GS-5'))}`);
  lines.push(`${style.bold('Call home:')} ${result.callHome.length === 0 ? 'not invoked' : `invoked (${[...new Set(result.callHome)].join('; ')})`}`);
  if (result.takeoversSet.length > 0) lines.push(`${style.bold('Takeovers:')} ${result.takeoversSet.join('; ')}`);
  if (result.ownershipMoves.length > 0) lines.push(`${style.bold('Ownership moved at mount:')} ${result.ownershipMoves.map((move) => `${move.volser} C${move.from} to C${move.to}`).join(', ')} (OWN-2: no takeover needed while the owner answers)`);
  lines.push('');
  if (result.readabilityAfterFailure.length > 0) {
    const ids = scenario.definition.clusters.map((cluster) => cluster.id);
    lines.push(style.bold('Volumes after the failure') + style.dim('  (readable / needs a takeover mode / unreadable, through each cluster)'));
    lines.push(
      renderTable(
        ['volume', ...ids.map((id) => `C${id}`)],
        result.readabilityAfterFailure.map((entry) => [
          entry.volser,
          ...ids.map((id) => {
            const kind = entry.through[id];
            return kind === 'readable' ? style.green('readable') : kind === 'needs-takeover' ? style.yellow('takeover') : style.dim('no');
          }),
        ]),
      ),
    );
    lines.push('');
  }
  if (result.productionOverTime.length > 0) {
    lines.push(style.bold('Production after the failure, over time') + style.dim('  (scratch writes and reads of every watched volume by the hosts running production)'));
    lines.push(
      renderTable(
        ['when', 'completed', 'failed', 'why'],
        result.productionOverTime.map((entry) => [
          `${entry.label} (t+${formatMinutes(entry.at)})`,
          String(entry.completed),
          entry.failed === 0 ? style.green('0') : style.red(String(entry.failed)),
          entry.jobs.length === 0 ? style.yellow('no host runs production: no production host is left with devices on a survivor (declare a disaster for a DR host, DRT-7)') : entry.reasons.map((reason) => `${reasonWords[reason.reason] ?? reason.reason} ${reason.jobs}`).join(', ') || '-',
        ]),
      ),
    );
    lines.push('');
  }
  lines.push(dataLostSentence(result, style.bold));
  if (result.uncopiedAtFailure.length > 0) lines.push(`${style.bold('Copies still queued at the failure:')} ${result.uncopiedAtFailure.join(', ')} (rerun the jobs that wrote them if their only copy is lost)`);
  const failedJobs = result.jobs.filter((job) => job.outcome === 'failed' && job.phase === 'in-flight');
  if (failedJobs.length > 0) lines.push(`${style.bold('Jobs in flight to rerun:')} ${failedJobs.map((job) => `${job.name}${job.volser === null ? '' : ` (${job.volser})`}`).join('; ')}`);
  lines.push(`${style.bold('After repair:')} grid states ${states(result.statesAfterRecovery.filter((code) => code !== 'GS-5'))}`);
  if (scenario.prescribedRecovery.length > 0) {
    lines.push('', style.bold('Recovery the seed prescribes'));
    scenario.prescribedRecovery.forEach((stepText, index) => lines.push(`  ${index + 1}. ${stepText}`));
  }
  if (effects.length > 0) {
    lines.push('', style.bold('Effects the seed lists, checked'));
    for (const effect of effects) lines.push(`  ${effect.check(result) ? style.green('yes') : style.red('NO ')}  ${effect.name}`);
  }
  return lines.join('\n');
}
