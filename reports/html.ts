import { gridStateNames } from '../model/index.js';
import { traceabilityLegend, verdictEvidence, verdictLabel } from './verdictWords.js';
import { formatBytes, formatSeconds, type Figure } from '../planner/index.js';
import type { ReportData } from './reportData.js';
import { escapeHtml as e, gridDiagram, policyMatrix } from './svg.js';
import { lineChart, type LineChartSpec } from './chart.js';
import { dataLostSentence } from './scenario.js';

const style = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#fff;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px}
header.generated{background:#eef2f7;border-bottom:1px solid #ccd6e2;padding:8px 24px;font-size:12px;color:#44546a}
h1{font-size:24px;margin:4px 0 0}h2{font-size:20px;border-bottom:2px solid #d9e1ea;padding-bottom:4px;margin-top:32px}h3{font-size:16px;margin-bottom:6px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}th,td{border:1px solid #d9e1ea;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f3f6fa}
.verdict-meets,.status-proven-within-scope,.holds{color:#1a7f37;font-weight:600}.verdict-at-risk{color:#9a6700;font-weight:600}.verdict-fails,.violated,.status-violated{color:#cf222e;font-weight:700}
.status-not-covered{color:#cf222e}.status-tested,.status-not-exercised{color:#6e7781}.status-random-runs{color:#9a6700}.status-checked,.status-scenario{color:#0969da}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:12px}.card{border:1px solid #d9e1ea;border-radius:8px;padding:12px;background:#fafbfc}
.card strong{display:block;font-size:18px}pre{background:#f6f8fa;border:1px solid #d9e1ea;padding:8px;overflow-x:auto;font-size:12px;white-space:pre-wrap}
svg{max-width:100%;height:auto;display:block;margin:8px 0}svg.matrix{max-width:420px}svg.diagram{max-width:760px}svg.chart{max-width:720px}.muted{color:#6e7781;font-size:12px}
.verdict-line{font-size:16px;font-weight:600;padding:8px 12px;border-radius:6px;margin:8px 0}.verdict-line.safe{background:#e8f5ec;border:1px solid #9bd3ad}.verdict-line.unsafe{background:#fdecec;border:1px solid #f0a8a8;color:#8a1c1c}
#summary h2{margin-top:16px}#summary h3{margin:10px 0 2px;font-size:15px}#summary table{margin:2px 0 6px;font-size:12.5px}#summary td,#summary th{padding:3px 6px}#summary p{margin:4px 0}ol.risks{margin:4px 0;padding-left:22px}ol.risks li{margin:2px 0}
figure.chart{margin:8px 0 16px}figure.chart figcaption{color:#6e7781;font-size:12px}
@page{margin:14mm 12mm}
@media print{header.generated{background:none;border:none;padding:0 0 6px}main{max-width:none;padding:0}body{font-size:11pt}
section{break-before:page}section#summary{break-before:auto}h2,h3{break-after:avoid}
figure.chart,svg,pre,tr,.verdict-line{break-inside:avoid}thead{display:table-header-group}
svg.chart{max-width:100%;max-height:120mm}svg.diagram{max-height:150mm}a{color:inherit;text-decoration:none}}
`;

function table(header: readonly string[], rows: readonly (readonly string[])[], raw = false): string {
  return `<table><thead><tr>${header.map((title) => `<th>${e(title)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${raw ? cell : e(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function figureRows(figures: readonly Figure[]): string {
  return table(
    ['figure', 'value', 'verdict', 'target', 'formula, inputs, what binds'],
    figures.map((figure) => [
      `<span id="figure-${e(figure.id)}">${e(figure.title)}</span>`,
      e(figure.display),
      `<span class="verdict-${e(figure.verdict)}">${e(figure.verdict)}</span>`,
      e(figure.target ?? ''),
      `${e(figure.formula)}${figure.inputs.length === 0 ? '' : `<br><span class="muted">${e(figure.inputs.map((input) => `${input.name} ${input.value}${input.defaultSource === undefined ? '' : ` (default: ${input.defaultSource})`}`).join('; '))}</span>`}${figure.binding === undefined ? '' : `<br><span class="muted">${e(figure.binding)}</span>`}`,
    ]),
    true,
  );
}

/** A chart with its title above and what binds it below, kept on one printed page. */
function chartFigure(spec: LineChartSpec, caption: string | null): string {
  return `<figure class="chart"><figcaption><strong>${e(spec.title)}</strong></figcaption>${lineChart(spec)}${caption === null ? '' : `<figcaption>${e(caption)}</figcaption>`}</figure>`;
}

/** The manager's screen: verdict, targets with margins, what to buy by when, the top three risks. */
function executiveSummaryHtml(report: ReportData): string {
  const summary = report.executive;
  const out: string[] = ['<section id="summary"><h2>Executive summary</h2>'];
  out.push(`<p class="verdict-line ${summary.verdict.safe ? 'safe' : 'unsafe'}">${e(summary.verdict.sentence)}</p>`);
  if (report.plan === null) out.push('<p class="muted">No workload is configured, so no capacity targets were judged.</p>');
  else {
    out.push('<h3>Targets</h3>');
    out.push(table(['target', 'value', 'against', 'verdict', 'margin'], summary.targets.map((target) => [`<a href="#figure-${e(target.figure)}">${e(target.title)}</a>`, e(target.value), e(target.target), `<span class="verdict-${e(target.verdict)}">${e(target.verdict)}</span>`, e(target.margin)]), true));
    if (summary.moreTargets > 0) out.push(`<p class="muted">${summary.moreTargets} more target${summary.moreTargets === 1 ? '' : 's'}, all met with a wider margin: see the plan sections below.</p>`);
    out.push('<h3>What to buy or change</h3>');
    out.push(summary.actions.length === 0 ? '<p>Nothing: what is installed meets every target, with the headroom and to the end of the growth horizon.</p>' : table(['what', 'needed', 'cost (catalog units)'], summary.actions.map((action) => [action.what, action.when, action.cost === null ? '-' : action.cost.toFixed(1)])));
  }
  out.push('<h3>Top risks</h3>');
  out.push(summary.risks.length === 0 ? '<p>None found.</p>' : `<ol class="risks">${summary.risks.map((risk) => `<li>${e(risk)}</li>`).join('')}</ol>`);
  out.push('</section>');
  return out.join('\n');
}

/** Where a rule's evidence is in this report: invariant verdicts, planner figures, what-ifs. */
function evidenceLinks(report: ReportData, row: ReportData['traceability'][number], figureIds: ReadonlySet<string>): string {
  const links = [
    ...row.properties.map((id) => (report.verification.verdicts.some((verdict) => verdict.id === id) ? `<a href="#invariant-${e(id)}">${e(id)}</a>` : e(id))),
    ...row.plannerChecks.map((id) => (figureIds.has(id) ? `<a href="#figure-${e(id)}">${e(id)}</a>` : e(id))),
    ...row.scenarios.map((id) => `<a href="#whatifs">${e(id)}</a>`),
  ];
  const tests = row.tests > 0 ? `${row.tests} test${row.tests === 1 ? '' : 's'}` : '';
  return [links.join(', '), tests].filter((part) => part !== '').join('; ');
}

/** The auditor's part: every rule with its text, its seed section, how it was shown and where. */
function traceabilityHtml(report: ReportData): string {
  const covered = report.traceability.length - report.summary.notCovered.length;
  // Computed once for the whole table: which figures the page has rows (and anchors) for.
  const figureIds = new Set(report.plan?.sections.flatMap((section) => section.figures.map((figure) => figure.id)) ?? []);
  const out: string[] = [`<section id="traceability"><h2>Traceability for an auditor</h2><p>${covered} of ${report.traceability.length} rules covered${report.summary.notCovered.length === 0 ? '.' : `; not covered: ${e(report.summary.notCovered.join(', '))}.`}</p><p class="muted">${e(traceabilityLegend.map(([status, meaning]) => `${status}: ${meaning}`).join('; '))}.</p>`];
  out.push(
    table(
      ['rule', 'what it says', 'seed', 'how it was shown', 'evidence'],
      report.traceability.map((row) => [`<span id="rule-${e(row.id)}">${e(row.id)}</span>`, e(row.text), e(row.sections.join(', ')), `<span class="status-${e(row.status)}">${e(row.status.replace(/-/g, ' '))}</span>`, evidenceLinks(report, row, figureIds)]),
      true,
    ),
  );
  out.push('</section>');
  return out.join('\n');
}

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts, no network.
 * Every text from the configuration is escaped. `generatedAt` appears only in the marked header.
 */
export function renderHtml(report: ReportData, generatedAt: string): string {
  const grid = report.grid;
  const ids = grid.clusters.map((cluster) => cluster.id);
  const notation = report.notation;
  const out: string[] = [];
  out.push('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  out.push(`<title>tapegrid report: ${e(grid.name)}</title><style>${style}</style></head><body>`);
  out.push(`<header class="generated" id="generated">Generated ${e(generatedAt)} by tapegrid ${e(report.tool.version)} from ${e(report.configFile)} (report format ${report.version}). Everything below this line is the same for the same configuration and seed.</header><main>`);
  out.push(`<h1>tapegrid report: ${e(grid.name)}</h1>`);

  out.push(executiveSummaryHtml(report));

  out.push('<section id="grid"><h2>Grid</h2>', gridDiagram(grid, notation), policyMatrix(grid));
  out.push(table(['cluster', 'name', 'site', 'kind', 'cache', 'devices'], grid.clusters.map((cluster) => [`C${cluster.id}`, cluster.name, cluster.site, cluster.kind, formatBytes(cluster.cacheMB * 1e6, notation), String(cluster.virtualDevices)])));
  out.push('</section>');

  out.push('<section id="safety"><h2>Safety verdicts</h2>');
  out.push(
    table(
      ['invariant', 'rules', 'verdict', 'evidence'],
      report.verification.verdicts.map((verdict) => [
        `<span id="invariant-${e(verdict.id)}">${e(verdict.title)}</span>`,
        e(verdict.rules.join(', ')),
        `<span class="${verdict.status === 'violated' ? 'violated' : verdict.status === 'proven-within-scope' ? 'holds' : 'muted'}">${e(verdictLabel(verdict))}</span>`,
        e(verdictEvidence(verdict, report.verification)),
      ]),
      true,
    ),
  );
  for (const [id, trace] of Object.entries(report.traces)) out.push(`<h3>Counterexample: ${e(id)}</h3><pre>${e(trace.join('\n'))}</pre>`);
  out.push('</section>');

  out.push('<section id="whatifs"><h2>Failure what-ifs</h2>');
  for (const whatIf of report.whatIfs) {
    out.push(`<h3>${e(whatIf.failure)}${whatIf.takeover === null ? '' : ` (${e(whatIf.takeover)} takeover per the runbook)`}</h3>`);
    out.push(`<p>Grid states: ${e(whatIf.result.statesRaised.filter((code) => code !== 'GS-5').map((code) => `${code} ${gridStateNames[code]}`).join(', ') || 'none')}</p>`);
    out.push(table(['job', 'outcome'], whatIf.result.jobs.map((job) => [job.name, job.outcome === 'completed' ? 'completed' : `failed: ${job.reason ?? ''}`])));
    out.push(table(['volume', ...ids.map((id) => `C${id}`)], whatIf.result.readabilityAfterFailure.map((entry) => [entry.volser, ...ids.map((id) => entry.through[id] ?? '-')])));
    out.push(`<p>${e(dataLostSentence(whatIf.result))}</p>`);
    out.push(`<ol>${whatIf.prescribedRecovery.map((stepText) => `<li>${e(stepText)}</li>`).join('')}</ol>`);
  }
  out.push('</section>');

  out.push('<section id="runbooks"><h2>Failure runbooks</h2><p class="muted">One runbook per likely failure of this grid, steps in order with their rules and seed sections.</p>');
  for (const runbook of report.runbooks) {
    out.push(`<h3>${e(runbook.failure)}</h3>`);
    out.push(`<ol>${runbook.steps.map((step) => `<li>${e(step.action)} <span class="muted">(${e(step.rules.join(', '))}; ${e(step.section)})</span></li>`).join('')}</ol>`);
    if (runbook.inDoubt.length > 0) out.push(`<p>Jobs to rerun: ${e(Number.isFinite(runbook.jobsToRerun) ? String(runbook.jobsToRerun) : 'unbounded')}.</p>`);
  }
  out.push('</section>');

  const plan = report.plan;
  if (plan !== null) {
    const bySection = new Map(plan.sections.map((section) => [section.id, section]));
    out.push('<section id="wan"><h2>WAN and RPO</h2>', figureRows(bySection.get('wan')?.figures ?? []));
    for (const chart of plan.charts) {
      if (chart.kind === 'backlog-over-day') {
        const flat = chart.hourlyBytes.every((bytes) => bytes === 0) ? "; the backlog stays at zero all day: every hour's copies finish within the hour" : '';
        out.push(
          chartFigure(
            {
              title: chart.title,
              x: { title: 'hour of the day, UTC', quantity: 'hour-of-day' },
              y: { title: 'deferred backlog', quantity: 'data' },
              series: [{ name: chart.direction, points: chart.hourlyBytes.map((bytes, hour) => [hour, bytes] as const) }],
              ...(chart.limit === null ? {} : { target: { y: chart.limit.bytes, label: chart.limit.label } }),
              notation,
            },
            `${chart.binding}${flat}${chart.growthBytesPerDay === null ? '' : `; the backlog never drains: it grows ${formatBytes(chart.growthBytesPerDay, notation)} a day (its first day is drawn)`}`,
          ),
        );
      } else if (chart.kind === 'rpo-against-bandwidth') {
        out.push(
          chartFigure(
            {
              title: chart.title,
              x: { title: 'usable copy capacity', quantity: 'bit-rate' },
              y: { title: 'RPO of the largest volume', quantity: 'duration' },
              series: [{ name: chart.direction, points: chart.points.map((point) => [point.capacityBytesPerSecond, point.rpoSeconds] as const) }],
              ...(chart.targetSeconds === null ? {} : { target: { y: chart.targetSeconds, label: `target ${formatSeconds(chart.targetSeconds)}` } }),
              notation,
            },
            null,
          ),
        );
      }
    }
    out.push('</section>');
    out.push('<section id="outage"><h2>Links broken (DR test or outage)</h2>', figureRows(bySection.get('outage')?.figures ?? []));
    for (const chart of plan.charts) {
      if (chart.kind !== 'backlog-during-break') continue;
      out.push(
        chartFigure(
          {
            title: chart.title,
            x: { title: `hours since the links broke; they return at hour ${chart.breakHours}`, quantity: 'hours', scale: 'linear' },
            y: { title: 'uncopied data', quantity: 'data' },
            series: [{ name: chart.direction, points: chart.hourlyBytes.map((bytes, hour) => [hour, bytes] as const) }],
            ...(chart.limit === null ? {} : { target: { y: chart.limit.bytes, label: chart.limit.label } }),
            notation,
          },
          chart.binding,
        ),
      );
    }
    out.push('</section>');
    out.push('<section id="cache"><h2>Cache</h2>', figureRows(bySection.get('cache')?.figures ?? []));
    for (const chart of plan.charts) {
      if (chart.kind === 'cache-fill-after-site-loss') {
        const limit = Math.max(...chart.series.map((series) => series.capacityBytes));
        const spec: LineChartSpec = { title: chart.title, x: { title: 'days after the loss', quantity: 'days', scale: 'linear' }, y: { title: 'cache used', quantity: 'data', fromZero: false }, series: chart.series.map((series) => ({ name: series.name, points: series.usedBytesByDay.map((bytes, day) => [day, bytes] as const) })), target: { y: limit, label: 'out of cache' }, notation };
        const full = chart.series.map((series) => {
          const day = series.usedBytesByDay.findIndex((bytes) => bytes >= series.capacityBytes);
          return `${series.name} ${day < 0 ? `is not full within ${series.usedBytesByDay.length - 1} days` : day === 0 ? 'is full at once' : `is full after ${day} day${day === 1 ? '' : 's'}`}`;
        });
        out.push(chartFigure(spec, `${full.join('; ')} (TVC-4, scenario 8); the axis starts near the curves, below the break mark`));
      }
    }
    out.push('</section>');
    out.push('<section id="scratch"><h2>Scratch and media</h2>', figureRows(bySection.get('scratch')?.figures ?? []), '</section>');
    out.push('<section id="recommendations"><h2>Recommendations</h2>');
    out.push(table(['what', 'installed', 'advice', 'cost', 'what binds'], plan.recommendation.choices.map((choice) => [choice.label, choice.installed, `${choice.option === null ? 'no catalog option meets the targets' : `${choice.action ?? ''} ${choice.option}`}${choice.whatIf ? ' (what-if option)' : ''}`, Number.isFinite(choice.cost) ? choice.cost.toFixed(1) : '-', choice.binds])));
    if (plan.recommendation.feasible) out.push(`<p>Total cost ${plan.recommendation.totalCost.toFixed(1)} catalog units${plan.recommendation.runnerUp === null ? '' : `; runner-up: ${e(plan.recommendation.runnerUp.option)} for ${e(plan.recommendation.runnerUp.dimension)} (total ${plan.recommendation.runnerUp.totalCost.toFixed(1)})`}.</p>`);
    out.push('</section>');
    if (plan.growth !== null) {
      out.push(`<section id="growth"><h2>Growth over ${plan.growth.horizonMonths} months</h2><p>${plan.growth.firstFailure === null ? `At ${(plan.growth.perYear * 100).toFixed(0)} % a year, every target still holds at the horizon.` : `At ${(plan.growth.perYear * 100).toFixed(0)} % a year, <strong class="violated">${e(plan.growth.firstFailure.figure.title)}</strong> fails in month ${plan.growth.firstFailure.month}.`}</p>`);
      out.push(figureRows(plan.growth.atHorizon), '</section>');
    }
    out.push('<section id="assumptions"><h2>Assumptions and defaults</h2>', table(['assumption', 'value', 'source'], plan.assumptions.map((assumption) => [assumption.name, assumption.value, assumption.source])), '</section>');
  }

  out.push(traceabilityHtml(report));
  out.push('</section></main></body></html>');
  return out.join('\n');
}
