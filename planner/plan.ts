import { cacheFigures } from './cache.js';
import { worstVerdict, type Figure, type Verdict } from './figure.js';
import { formatSeconds, type DataNotation } from './quantityFormat.js';
import type { PlanInputs } from './inputs.js';
import { outageFigures } from './outage.js';
import { scratchFigures } from './scratch.js';
import { cheapestConfiguration, type SearchResult } from './search.js';
import { growthOutlook, type GrowthResult } from './growth.js';
import { analyseWan, wanFigures } from './wan.js';
import { planCharts, type ChartData } from './charts.js';
import { linkSummaries, type LinkSummary } from './linkSummary.js';
import { sensitivities, type Sensitivity } from './sensitivity.js';
import type { HistoryUse } from './history.js';

/** A plan: every figure by section, chart data, the purchase recommendation and the defaults used. */
export interface Plan {
  readonly grid: string;
  /** The data notation every figure of the plan is printed in. */
  readonly notation: DataNotation;
  readonly sections: readonly { readonly id: 'wan' | 'outage' | 'cache' | 'scratch'; readonly title: string; readonly figures: readonly Figure[] }[];
  readonly charts: readonly ChartData[];
  readonly recommendation: SearchResult;
  readonly verdict: Verdict;
  readonly assumptions: readonly { readonly name: string; readonly value: string; readonly source: string }[];
  /** Growth over the horizon, when the configuration gives one (PLN-4). */
  readonly growth: GrowthResult | null;
  /** Every direction that carries copies, in numbers (binding term, backlog, RPO, month growth breaks it). */
  readonly links: readonly LinkSummary[];
  /** How far each met target is from failing: more daily data, or less bandwidth. */
  readonly sensitivity: readonly Sensitivity[];
  /** The measured history the plan sized from, when one was given. */
  readonly history: HistoryUse | null;
}

/** Builds the plan (PLN-1..5 and the rules each figure names). Pure. */
export function buildPlan(inputs: PlanInputs): Plan {
  const directions = analyseWan(inputs, inputs.catalog.referenceVolumeBytes.value);
  const sections = [
    { id: 'wan' as const, title: 'WAN and RPO', figures: wanFigures(inputs, directions) },
    { id: 'outage' as const, title: 'Links broken (DR test or outage)', figures: outageFigures(inputs, directions) },
    { id: 'cache' as const, title: 'Cache', figures: cacheFigures(inputs, directions) },
    { id: 'scratch' as const, title: 'Scratch and media', figures: scratchFigures(inputs, directions) },
  ];
  const charts = planCharts(inputs, directions);
  const catalog = inputs.catalog;
  const assumptions = [
    { name: 'protocol efficiency', value: String(catalog.protocolEfficiency.value), source: catalog.protocolEfficiency.source },
    {
      name: 'route factor',
      value: inputs.links.some((link) => link.distanceKind === 'site-to-site') ? `${catalog.routeFactor.value} on site-to-site distances; fibre routes as given` : 'none: every distance is a fibre route, used as given',
      source: catalog.routeFactor.source,
    },
    { name: 'headroom', value: `${(inputs.headroom.value * 100).toFixed(0)} % more daily data than configured, for advice${inputs.headroom.defaulted ? ' (default)' : ''}`, source: inputs.headroom.defaulted ? 'tapegrid default: the 20 % "at risk" margin of PLANNING.md' : 'configured (targets.headroom)' },
    { name: 'cache at a break', value: 'disk-only clusters full to their auto-removal threshold; tape-attached ones hold their deferred backlog; or cacheOccupied', source: 'assumed: data waiting for copies stays in cache while the links are down (TVC-4, TVC-5)' },
    { name: 'RPO of a volume', value: 'queueing + the volume\'s own transfer at one stream\'s throughput', source: 'assumed: a volume is copied whole after it closes (CCP-2)' },
    { name: 'devices in path', value: String(catalog.devicesInPath.value), source: catalog.devicesInPath.source },
    { name: 'copy streams', value: String(catalog.copyStreams.value), source: catalog.copyStreams.source },
    { name: 'compression', value: `${catalog.compression.value} : 1`, source: catalog.compression.source },
    { name: 'cartridge fill', value: String(catalog.cartridgeFill.value), source: catalog.cartridgeFill.source },
    { name: 'recall time', value: `${catalog.recallSeconds.value} s`, source: catalog.recallSeconds.source },
    { name: 'retention', value: formatSeconds(catalog.retentionSeconds.value), source: catalog.retentionSeconds.source },
    { name: 'scratch safety', value: `${catalog.scratchSafetyDays.value} d`, source: catalog.scratchSafetyDays.source },
    { name: 'hourly profile', value: 'flat when no peak share or profile is given', source: catalog.peakHourShare.source },
    { name: 'link throughput', value: 'confirm with a real measurement before buying', source: 'PLANNING.md: public calculators warn to confirm link throughput' },
  ];
  const recommendation = cheapestConfiguration(inputs);
  const growth = growthOutlook(inputs);
  // A target growth breaks within the horizon fails the plan: "met today" is not what was asked.
  const verdict = worstVerdict([...sections.flatMap((section) => section.figures.map((figure) => figure.verdict)), ...(growth?.firstFailure == null ? [] : ['fails' as const])]);
  return { grid: inputs.grid, notation: inputs.notation ?? 'decimal', sections, charts, recommendation, verdict, assumptions, growth, links: linkSummaries(inputs, directions, growth), sensitivity: sensitivities(inputs), history: inputs.history ?? null };
}
