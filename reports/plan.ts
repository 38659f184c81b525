import type { Figure, Plan, Verdict } from '../planner/index.js';
import { formatBytes } from '../planner/index.js';
import type { Style } from './style.js';
import { wrapLongLine } from './table.js';

function verdictLabel(verdict: Verdict, style: Style): string {
  switch (verdict) {
    case 'meets':
      return style.green('meets  ');
    case 'at-risk':
      return style.yellow('at risk');
    case 'fails':
      return style.red('FAILS  ');
    case 'info':
      return style.dim('info   ');
  }
}

function renderFigure(figure: Figure, style: Style): string[] {
  const lines = [`  ${verdictLabel(figure.verdict, style)}  ${figure.title}: ${style.bold(figure.display)}${figure.target === undefined ? '' : `  (target ${figure.target})`}`];
  const inputs = figure.inputs.map((input) => `${input.name} ${input.value}${input.defaultSource === undefined ? '' : ' [default]'}`).join(', ');
  lines.push(style.dim(`           = ${figure.formula}${inputs === '' ? '' : `; ${inputs}`}`));
  if (figure.binding !== undefined) lines.push(style.dim(`           ${figure.binding}`));
  return lines;
}

/** The text `tapegrid plan` prints: a section per area, the recommendation, the assumptions. */
export function renderPlan(plan: Plan, file: string, style: Style): string {
  const lines: string[] = [style.bold(`Plan for "${plan.grid}" (${file})`), ''];
  if (plan.history !== null) {
    lines.push(style.bold(`Measured history (${plan.history.file}): planned against ${plan.history.day}`));
    for (const entry of plan.history.clusters) {
      const growth = entry.growthPerYear === null ? 'trend needs 14 days' : `trend ${(entry.growthPerYear * 100).toFixed(0)} % a year`;
      const compression = entry.compression === null ? 'compression not measured' : `compression ${entry.compression.toFixed(2)} : 1`;
      lines.push(`  C${entry.cluster}: ${entry.days} days; busiest ${entry.busiestDay.date} ${formatBytes(entry.busiestDay.hostBytes, plan.notation)}; planned ${entry.plannedDay.date} ${formatBytes(entry.plannedDay.hostBytes, plan.notation)}; average ${formatBytes(entry.averageDayBytes, plan.notation)}/day; ${compression}; ${growth}`);
    }
    if (plan.history.unused.length > 0) lines.push(style.yellow(`  measured but without a workload in the configuration (not used): ${plan.history.unused.map((cluster) => `C${cluster}`).join(', ')}`));
    lines.push('');
  }
  for (const section of plan.sections) {
    if (section.figures.length === 0) continue;
    lines.push(style.bold(section.title));
    for (const figure of section.figures) lines.push(...renderFigure(figure, style));
    lines.push('');
  }
  const bars = (values: readonly number[], peak: number): string => values.map((bytes) => ' ▁▂▃▄▅▆▇█'[peak > 0 ? Math.round((Math.min(bytes, peak) / peak) * 8) : 0] ?? ' ').join('');
  const dayCharts = plan.charts.filter((chart) => chart.kind === 'backlog-over-day');
  if (dayCharts.length > 0) {
    lines.push(style.bold('Deferred backlog over the day, per direction (hours 0-23)'));
    for (const chart of dayCharts) {
      const peak = Math.max(...chart.hourlyBytes);
      // An unbounded backlog has no peak: the bars show its first day, the figure says how fast it grows.
      const tail = chart.growthBytesPerDay !== null ? `unbounded: grows ${formatBytes(chart.growthBytesPerDay, plan.notation)}/day (first day shown)` : `peak ${formatBytes(peak, plan.notation)}`;
      lines.push(`  ${chart.direction.padEnd(9)} |${bars(chart.hourlyBytes.slice(0, 24), peak)}| ${tail}`);
      lines.push(style.dim(`            ${chart.binding}${chart.limit === null ? '' : `; ${chart.limit.label}`}`));
    }
    lines.push('');
  }
  const breakCharts = plan.charts.filter((chart) => chart.kind === 'backlog-during-break');
  if (breakCharts.length > 0) {
    lines.push(style.bold('Copy backlog through the break and the catch-up (one bar per 6 h)'));
    for (const chart of breakCharts) {
      const peak = Math.max(...chart.hourlyBytes);
      const sampled = chart.hourlyBytes.filter((_, hour) => hour % 6 === 0);
      const after = chart.hourlyBytes.length - 1 - chart.breakHours;
      const drained = (chart.hourlyBytes.at(-1) ?? 0) === 0 ? `drained ${after} h later` : `not drained ${after} h later`;
      lines.push(`  ${chart.direction.padEnd(9)} |${bars(sampled, peak)}| peak ${formatBytes(peak, plan.notation)} when the links return at ${chart.breakHours} h, ${drained}`);
      lines.push(style.dim(`            ${chart.binding}${chart.limit === null ? '' : `; ${chart.limit.label}`}`));
    }
    lines.push('');
  }
  const recommendation = plan.recommendation;
  const judgedOn = `with ${(recommendation.judgedOn.headroom * 100).toFixed(0)} % headroom${recommendation.judgedOn.month > 0 ? `, at month ${recommendation.judgedOn.month} of growth` : ''}`;
  lines.push(style.bold(`What to keep, add or replace (every target met, none at risk, ${judgedOn})`));
  if (recommendation.choices.length === 0) lines.push('  nothing to choose: no copy traffic, cache target or tape-attached cluster');
  for (const choice of recommendation.choices) {
    const what = choice.option === null ? style.red('no catalog option meets the targets') : choice.action === 'keep' ? `keep ${style.bold(choice.option)} (installed)` : `${choice.action ?? ''} to ${style.bold(choice.option)} (installed: ${choice.installed})`;
    lines.push(`  ${choice.label}: ${what}${choice.whatIf ? ' (what-if option)' : ''}${Number.isFinite(choice.cost) && choice.cost > 0 ? `, cost ${choice.cost.toFixed(1)}` : ''}`);
    lines.push(style.dim(`    binds: ${choice.binds}`));
  }
  if (recommendation.feasible) {
    lines.push(`  total cost ${recommendation.totalCost.toFixed(1)} (catalog units, ${recommendation.candidatesConsidered} options judged)`);
    if (recommendation.runnerUp !== null) lines.push(`  runner-up: ${recommendation.runnerUp.option} for ${recommendation.runnerUp.dimension}, total ${recommendation.runnerUp.totalCost.toFixed(1)}`);
  }
  lines.push('');
  if (plan.growth !== null) {
    lines.push(style.bold(`Growth: ${(plan.growth.perYear * 100).toFixed(0)} % a year over ${plan.growth.horizonMonths} months`));
    lines.push(
      plan.growth.firstFailure === null
        ? style.green('  every target still holds at the horizon')
        : style.red(`  month ${plan.growth.firstFailure.month}: ${plan.growth.firstFailure.figure.title} fails (${plan.growth.firstFailure.figure.display}${plan.growth.firstFailure.figure.target === undefined ? '' : `, target ${plan.growth.firstFailure.figure.target}`})`),
    );
    for (const figure of plan.growth.atHorizon.filter((candidate) => candidate.verdict !== 'meets')) lines.push(`  at the horizon: ${figure.title}: ${figure.display} (${figure.verdict})`);
    lines.push('');
  }
  if (plan.sensitivity.length > 0) {
    lines.push(style.bold('How far each met target is from failing'));
    for (const entry of plan.sensitivity) {
      const data = entry.failsAtDataFactor === null ? 'holds to 1000x the daily data' : `fails at ${entry.failsAtDataFactor.toFixed(2)}x the daily data`;
      const bandwidth = entry.failsAtBandwidthShare === null ? '' : `, or at ${(entry.failsAtBandwidthShare * 100).toFixed(0)} % of the bandwidth`;
      lines.push(`  ${entry.title}: ${data}${bandwidth}`);
    }
    lines.push('');
  }
  lines.push(style.bold('Assumptions and defaults'));
  for (const assumption of plan.assumptions) lines.push(`  ${assumption.name}: ${assumption.value}  ${style.dim(`(${assumption.source})`)}`);
  lines.push('');
  lines.push(plan.verdict === 'fails' ? style.red(planSentence(plan)) : style.green(planSentence(plan)));
  // Free text (formulas, inputs, growth notes) wraps at 100 columns; the bar charts fit already.
  return lines.flatMap((line) => wrapLongLine(line)).join('\n');
}

/** The plan's outcome in one sentence: targets met or the figures that fail, and growth's first failure. */
export function planSentence(plan: Pick<Plan, 'sections' | 'growth' | 'verdict'>): string {
  const failing = plan.sections.flatMap((section) => section.figures).filter((figure) => figure.verdict === 'fails');
  const grows = plan.growth?.firstFailure ?? null;
  const later = grows === null ? '' : `; with ${(plan.growth?.perYear ?? 0) * 100} % growth a year, ${grows.figure.title} fails in month ${grows.month}`;
  if (failing.length > 0) return `${failing.length} figure(s) fail their target: ${failing.map((figure) => figure.title).join('; ')}${later}`;
  return grows === null ? `Every target is met${plan.verdict === 'at-risk' ? ', some within 20 % of their limit' : ''}.` : `Every target is met today${later}.`;
}

