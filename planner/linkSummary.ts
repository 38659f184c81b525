import type { ClusterId } from '../model/index.js';
import type { CapacityTerm } from './capacity.js';
import type { GrowthResult } from './growth.js';
import type { PlanInputs } from './inputs.js';
import { bindingName, directionVerdicts, linkBetween, type ClassRpo, type DirectionAnalysis } from './wan.js';

/**
 * One direction of a link as a buyer reads it (issue 15, PLN-1, PLN-2): what binds its capacity, the
 * backlog it carries (or how fast that grows when it never drains), the RPO of each class at volume
 * granularity, and the month growth first breaks one of its targets. Plain numbers; `null` where a
 * figure is unbounded or does not apply, so JSON carries no Infinity.
 */
export interface LinkSummary {
  readonly from: ClusterId;
  readonly to: ClusterId;
  readonly direction: string;
  readonly links: string;
  readonly bindingTerm: CapacityTerm;
  readonly binding: string;
  readonly capacityBytesPerSecond: number;
  readonly roundTripSeconds: number;
  readonly roundTripEstimated: boolean;
  /** Factor applied to the given distance (1 for a fibre route). */
  readonly routeFactor: number;
  readonly peakBacklogBytes: number | null;
  readonly backlogGrowthBytesPerDay: number | null;
  readonly rpo: readonly {
    readonly managementClass: string;
    readonly point: ClassRpo['point'];
    readonly rpoSeconds: number | null;
    readonly queueSeconds: number | null;
    readonly averageVolumeRpoSeconds: number | null;
    readonly targetSeconds: number | null;
    readonly verdict: ClassRpo['verdict'];
  }[];
  /** First month a target of this direction fails under the configured growth, or null. */
  readonly growthFailsInMonth: number | null;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The per-direction summary of a plan. */
export function linkSummaries(inputs: PlanInputs, directions: readonly DirectionAnalysis[], growth: GrowthResult | null): LinkSummary[] {
  return directions.map((direction) => {
    const link = linkBetween(inputs.links, direction.from, direction.to);
    const key = `.${direction.from}-${direction.to}`;
    const months = Object.entries(growth?.firstFailureMonth ?? {})
      .filter(([id]) => (id.startsWith('wan.') || id.startsWith('outage.catch-up.')) && (id.endsWith(key) || id.includes(`${key}.`)))
      .map(([, month]) => month);
    const deferred = direction.deferredBytesPerDay > 0 ? direction.deferred : null;
    return {
      from: direction.from,
      to: direction.to,
      direction: `C${direction.from}->C${direction.to}`,
      links: link?.text ?? '?',
      bindingTerm: direction.capacity.binding,
      binding: bindingName[direction.capacity.binding],
      capacityBytesPerSecond: direction.capacity.bytesPerSecond,
      roundTripSeconds: direction.capacity.roundTripSeconds,
      roundTripEstimated: direction.capacity.roundTripEstimated,
      routeFactor: link?.routeFactor ?? 1,
      peakBacklogBytes: deferred?.kind === 'bounded' ? deferred.peakBacklogBytes : null,
      backlogGrowthBytesPerDay: deferred?.kind === 'unbounded' ? deferred.growthBytesPerDay : null,
      rpo: directionVerdicts(direction, inputs.targets).map((entry) => ({
        managementClass: entry.managementClass,
        point: entry.point,
        rpoSeconds: finite(entry.rpoSeconds),
        queueSeconds: finite(entry.queueSeconds),
        averageVolumeRpoSeconds: finite(entry.averageVolumeRpoSeconds),
        targetSeconds: entry.target,
        verdict: entry.verdict,
      })),
      growthFailsInMonth: months.length === 0 ? null : Math.min(...months),
    };
  });
}
