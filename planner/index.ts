/**
 * The capacity planner: pure functions from PlanInputs to figures with verdicts, chart data and the
 * cheapest catalog configuration that meets every target (PLN-1..5, CCP-7/8, TVC-3..5, CAT-2/4, CE-6).
 */
export type { CacheOption, Catalog, Cited, DriveOption, LinkOption, PlanClass, PlanCluster, PlanInputs, PlanLink, PlanTargets, PlanWorkload } from './inputs.js';
export { riskMargin, verdictAtLeast, verdictAtMost, worstVerdict, type Figure, type FigureInput, type Verdict } from './figure.js';
export { dataNotationOf, formatBitRate, formatByteRate, formatBytes, formatMinutes, formatQuantity, formatSeconds, unitLadder, type DataNotation, type QuantityKind, type UnitStep } from './quantityFormat.js';
export { linkCapacity, roundTripSeconds, type CapacityTerm, type LinkCapacityResult } from './capacity.js';
export { allTraffic, trafficOf, type DirectedTraffic } from './traffic.js';
export { fluidQueue, type FluidResult } from './fluidQueue.js';
export { analyseWan, directionVerdicts, type ClassRpo, type DirectionAnalysis } from './wan.js';
export { brokenDirections, occupiedAtBreak, outageOf, timeToThrottle } from './outage.js';
export { daysResident, diskOnlyFillSeconds } from './cache.js';
export { cartridgesFor } from './scratch.js';
export { adviceInputs, bruteForce, cheapestConfiguration, grown, judgedFigures, scaleWorkload, searchDimensions, type AdviceAction, type DimensionChoice, type NeededFrom, type SearchResult } from './search.js';
export { linkSummaries, type LinkSummary } from './linkSummary.js';
export { sensitivities, type Sensitivity } from './sensitivity.js';
export { applyHistory, maxHistoryRows, parseHistory, summariseHistory, type ClusterHistory, type HistoryProblem, type HistoryRow, type HistoryUse } from './history.js';
export { buildPlan, type Plan } from './plan.js';
export { planCharts, type ChartData, type ChartLimit } from './charts.js';
export { growthOutlook, type GrowthResult } from './growth.js';
