import type { ClusterId } from '../model/index.js';
import type { PlanClass, PlanInputs, PlanWorkload } from './inputs.js';

/**
 * Copy traffic between clusters (PLN-1, CCP-1..4): for each class defined on the writing cluster,
 * host data in that class times [the target's point is R, S or D], divided by the compression
 * ratio (copies travel as stored). RUN and Sync are "immediate"; Deferred waits in the queue.
 */

/** Stored bytes per day from one cluster to another, split by how they travel. */
export interface DirectedTraffic {
  readonly from: ClusterId;
  readonly to: ClusterId;
  readonly immediateBytesPerDay: number;
  readonly deferredBytesPerDay: number;
  /** Per class: the share of this traffic and its point at the target. */
  readonly byClass: readonly { readonly managementClass: string; readonly point: 'R' | 'S' | 'D'; readonly bytesPerDay: number }[];
  /** Hourly profile of the writing cluster (weights summing to 1). */
  readonly hourlyShare: readonly number[];
}

function pointAt(managementClass: PlanClass | undefined, definedAt: ClusterId, target: ClusterId): 'R' | 'S' | 'D' | 'N' {
  return managementClass?.copyModes[definedAt]?.[target] ?? 'N';
}

/** Stored bytes per day one workload sends to `to`. */
export function trafficOf(workload: PlanWorkload, classes: readonly PlanClass[], to: ClusterId): DirectedTraffic {
  let immediate = 0;
  let deferred = 0;
  const byClass: { managementClass: string; point: 'R' | 'S' | 'D'; bytesPerDay: number }[] = [];
  for (const [name, share] of Object.entries(workload.classShares)) {
    const point = pointAt(
      classes.find((candidate) => candidate.name === name),
      workload.cluster,
      to,
    );
    if (point === 'N' || to === workload.cluster) continue;
    const bytes = (workload.hostBytesPerDay * share) / workload.compression;
    if (point === 'D') deferred += bytes;
    else immediate += bytes;
    byClass.push({ managementClass: name, point, bytesPerDay: bytes });
  }
  return { from: workload.cluster, to, immediateBytesPerDay: immediate, deferredBytesPerDay: deferred, byClass, hourlyShare: workload.hourlyShare };
}

/** Every directed flow with traffic in it. */
export function allTraffic(inputs: PlanInputs): DirectedTraffic[] {
  const flows: DirectedTraffic[] = [];
  for (const workload of inputs.workloads) {
    for (const cluster of inputs.clusters) {
      const flow = trafficOf(workload, inputs.classes, cluster.id);
      if (flow.immediateBytesPerDay > 0 || flow.deferredBytesPerDay > 0) flows.push(flow);
    }
  }
  return flows;
}
