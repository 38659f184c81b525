import { gridStateNames } from '../model/index.js';
import { traceabilityLegend, verdictEvidence, verdictLabel } from './verdictWords.js';
import { formatBitRate, formatByteRate, formatBytes, formatSeconds } from '../planner/index.js';
import type { ReportData } from './reportData.js';
import { dataLostSentence } from './scenario.js';

/** A Markdown table cell: pipes and line breaks would break the table; angle brackets would become HTML. */
function cell(text: string | number): string {
  return String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

/** Plain text for prose lines (names from the configuration must not become Markdown or HTML). */
function text(value: string): string {
  return value.replace(/[<>]/g, (character) => (character === '<' ? '&lt;' : '&gt;')).replace(/([\\`*_[\]#|])/g, '\\$1');
}

/** The report as Markdown: the same content as the HTML, charts as tables. Deterministic. */
export function renderMarkdown(report: ReportData): string {
  const lines: string[] = [];
  const grid = report.grid;
  const ids = grid.clusters.map((cluster) => cluster.id);
  lines.push(`# tapegrid report: ${text(grid.name)}`, '', `Configuration \`${report.configFile.replace(/`/g, "'")}\`, tapegrid ${report.tool.version}, report format ${report.version}.`, '');

  const summary = report.executive;
  lines.push('## Executive summary', '');
  lines.push(`**${text(summary.verdict.sentence)}**`, '');
  if (report.plan === null) lines.push('No workload is configured, so no capacity targets were judged.', '');
  else {
    lines.push('### Targets', '', ...table(['target', 'value', 'against', 'verdict', 'margin'], summary.targets.map((target) => [target.title, target.value, target.target, target.verdict, target.margin])), '');
    if (summary.moreTargets > 0) lines.push(`${summary.moreTargets} more target${summary.moreTargets === 1 ? '' : 's'}, all met with a wider margin: see the plan sections below.`, '');
    lines.push('### What to buy or change', '');
    lines.push(...(summary.actions.length === 0 ? ['Nothing: what is installed meets every target, with the headroom and to the end of the growth horizon.'] : table(['what', 'needed', 'cost (catalog units)'], summary.actions.map((action) => [action.what, action.when, action.cost === null ? '-' : action.cost.toFixed(1)]))), '');
  }
  lines.push('### Top risks', '', ...(summary.risks.length === 0 ? ['None found.'] : summary.risks.map((risk, index) => `${index + 1}. ${text(risk)}`)), '');

  lines.push('## Grid', '');
  lines.push(...table(['cluster', 'name', 'site', 'kind', 'cache', 'devices'], grid.clusters.map((cluster) => [`C${cluster.id}`, cluster.name, cluster.site, cluster.kind, formatBytes(cluster.cacheMB * 1e6, report.notation), cluster.virtualDevices])), '');
  if (grid.links.length > 0) lines.push(...table(['pair', 'links', 'model copy rate'], grid.links.map((link) => [`C${link.between[0]}-C${link.between[1]}`, link.count, formatByteRate((link.copyRateMBPerMinute * 1e6) / 60, report.notation)])), '');
  lines.push('Copy policies (row: class as defined on a cluster; column: copy point at each cluster):', '');
  lines.push(
    ...table(
      ['class', 'defined on', ...ids.map((id) => `C${id}`)],
      grid.managementClasses.flatMap((mc) => ids.filter((id) => mc.copyModes[id] !== undefined).map((id) => [mc.name, `C${id}`, ...ids.map((target) => mc.copyModes[id]?.[target] ?? '-')])),
    ),
    '',
  );

  lines.push('## Safety verdicts', '');
  lines.push(
    ...table(
      ['invariant', 'rules', 'verdict', 'evidence'],
      report.verification.verdicts.map((verdict) => [
        verdict.title,
        verdict.rules.join(', '),
        verdictLabel(verdict),
        verdictEvidence(verdict, report.verification),
      ]),
    ),
    '',
  );
  for (const [id, trace] of Object.entries(report.traces)) lines.push(`Counterexample for \`${id}\`:`, '', '```', ...trace, '```', '');

  lines.push('## Failure what-ifs', '');
  for (const whatIf of report.whatIfs) {
    lines.push(`### ${text(whatIf.failure)}${whatIf.takeover === null ? '' : ` (${whatIf.takeover} takeover per the runbook)`}`, '');
    const failed = whatIf.result.jobs.filter((job) => job.outcome === 'failed');
    lines.push(`Grid states: ${whatIf.result.statesRaised.filter((code) => code !== 'GS-5').map((code) => `${code} ${gridStateNames[code]}`).join(', ') || 'none'}. Jobs failed: ${failed.length} of ${whatIf.result.jobs.length}.`, '');
    lines.push(...table(['job', 'outcome'], whatIf.result.jobs.map((job) => [job.name, job.outcome === 'completed' ? 'completed' : `failed: ${job.reason ?? ''}`])), '');
    lines.push(...table(['volume', ...ids.map((id) => `C${id}`)], whatIf.result.readabilityAfterFailure.map((entry) => [entry.volser, ...ids.map((id) => entry.through[id] ?? '-')])), '');
    lines.push(text(dataLostSentence(whatIf.result)), '');
    lines.push('Recovery the seed prescribes:', '', ...whatIf.prescribedRecovery.map((stepText, index) => `${index + 1}. ${text(stepText)}`), '');
  }

  lines.push('## Failure runbooks', '', 'One runbook per likely failure of this grid; each prints as an operator checklist (`tapegrid runbook --fail ... --markdown`).', '');
  for (const runbook of report.runbooks) {
    lines.push(`### ${text(runbook.failure)}`, '');
    for (const step of runbook.steps) lines.push(`- [ ] **${step.step}.** ${text(step.action)} *(${step.rules.join(', ')}; seed ${step.section})*`);
    if (runbook.inDoubt.length > 0) lines.push('', `Jobs to rerun: ${Number.isFinite(runbook.jobsToRerun) ? runbook.jobsToRerun : 'unbounded'}.`);
    lines.push('');
  }

  const plan = report.plan;
  if (plan !== null) {
    for (const section of plan.sections) {
      if (section.figures.length === 0) continue;
      lines.push(`## ${section.title}`, '');
      lines.push(
        ...table(
          ['figure', 'value', 'verdict', 'target', 'formula and inputs'],
          section.figures.map((figure) => [
            figure.title,
            figure.display,
            figure.verdict,
            figure.target ?? '',
            `${figure.formula}${figure.inputs.length === 0 ? '' : `; ${figure.inputs.map((input) => `${input.name} ${input.value}${input.defaultSource === undefined ? '' : ' (default)'}`).join(', ')}`}${figure.binding === undefined ? '' : `; ${figure.binding}`}`,
          ]),
        ),
        '',
      );
    }
    lines.push('## Charts as tables', '');
    for (const chart of plan.charts) {
      lines.push(`### ${text(chart.title)}`, '');
      if (chart.kind === 'backlog-over-day' || chart.kind === 'backlog-during-break') {
        lines.push(`${text(chart.binding)}${chart.limit === null ? '' : `; limit: ${text(chart.limit.label)}`}${chart.kind === 'backlog-over-day' && chart.growthBytesPerDay !== null ? `; never drains, grows ${formatBytes(chart.growthBytesPerDay, report.notation)} a day` : ''}${chart.kind === 'backlog-during-break' ? `; the links return at hour ${chart.breakHours}` : ''}.`, '');
        const step = chart.hourlyBytes.length > 49 ? 6 : 1;
        lines.push(...table(['hour', `${chart.direction} backlog`], chart.hourlyBytes.flatMap((bytes, hour) => (hour % step === 0 || hour === chart.hourlyBytes.length - 1 ? [[hour, formatBytes(bytes, report.notation)]] : []))), '');
      } else if (chart.kind === 'rpo-against-bandwidth') {
        lines.push(`Target: ${chart.targetSeconds === null ? 'none' : formatSeconds(chart.targetSeconds)}`, '');
        lines.push(...table(['usable capacity', 'RPO'], chart.points.map((point) => [formatBitRate(point.capacityBytesPerSecond), Number.isFinite(point.rpoSeconds) ? formatSeconds(point.rpoSeconds) : 'unbounded'])), '');
      } else {
        lines.push(...table(['day', ...chart.series.map((series) => `${series.name} (limit ${formatBytes(series.capacityBytes, report.notation)})`)], Array.from({ length: chart.series[0]?.usedBytesByDay.length ?? 0 }, (_, day) => [day, ...chart.series.map((series) => formatBytes(series.usedBytesByDay[day] ?? 0, report.notation))])), '');
      }
    }
    lines.push('## Recommendations', '');
    lines.push(...table(['what', 'installed', 'advice', 'cost', 'what binds'], plan.recommendation.choices.map((choice) => [choice.label, choice.installed, `${choice.option === null ? 'none meets the targets' : `${choice.action ?? ''} ${choice.option}`}${choice.whatIf ? ' (what-if)' : ''}`, Number.isFinite(choice.cost) ? choice.cost.toFixed(1) : '-', choice.binds])), '');
    if (plan.recommendation.feasible) lines.push(`Total cost ${plan.recommendation.totalCost.toFixed(1)} catalog units${plan.recommendation.runnerUp === null ? '' : `; runner-up: ${text(plan.recommendation.runnerUp.option)} for ${plan.recommendation.runnerUp.dimension} (total ${plan.recommendation.runnerUp.totalCost.toFixed(1)})`}.`, '');
    if (plan.growth !== null) {
      lines.push(`## Growth over ${plan.growth.horizonMonths} months`, '');
      lines.push(plan.growth.firstFailure === null ? `At ${(plan.growth.perYear * 100).toFixed(0)} % a year, every target still holds at the horizon.` : `At ${(plan.growth.perYear * 100).toFixed(0)} % a year, **${text(plan.growth.firstFailure.figure.title)}** fails in month ${plan.growth.firstFailure.month}.`, '');
      lines.push(...table(['figure at the horizon', 'value', 'verdict'], plan.growth.atHorizon.map((figure) => [figure.title, figure.display, figure.verdict])), '');
    }
    lines.push('## Assumptions and defaults', '');
    lines.push(...table(['assumption', 'value', 'source'], plan.assumptions.map((assumption) => [assumption.name, assumption.value, assumption.source])), '');
  }
  if (report.warnings.length > 0) {
    lines.push('## Configuration warnings', '', ...report.warnings.map((warning) => `- ${text(warning.path.join('.'))}: ${text(warning.message)}${warning.rule === undefined ? '' : ` (${warning.rule})`}`), '');
  }

  const covered = report.traceability.length - report.summary.notCovered.length;
  lines.push('## Traceability for an auditor', '');
  lines.push(`${covered} of ${report.traceability.length} rules covered${report.summary.notCovered.length === 0 ? '.' : `; not covered: ${report.summary.notCovered.join(', ')}.`}`, '');
  lines.push(`Status: ${traceabilityLegend.map(([status, meaning]) => `**${status}** (${meaning})`).join(', ')}.`, '');
  lines.push(
    ...table(
      ['rule', 'what it says', 'seed', 'how it was shown', 'invariants', 'planner checks', 'scenarios', 'tests'],
      report.traceability.map((row) => [row.id, row.text, row.sections.join(', '), row.status.replace(/-/g, ' '), row.properties.join(', '), row.plannerChecks.join(', '), row.scenarios.join(', '), row.tests]),
    ),
    '',
  );
  return lines.join('\n');
}
