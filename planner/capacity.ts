import type { Catalog, PlanLink } from './inputs.js';

/**
 * Usable copy capacity of one direction of a pair of clusters (PLN-1, CCP-8), the smallest of:
 * (a) count x speed x protocol efficiency x share of the WAN for copies;
 * (b) streams x TCP window / RTT (bandwidth-delay product), when a window is given;
 * (c) streams x Mathis bound (MSS / RTT) x sqrt(3/2) / sqrt(loss), when a loss rate is given.
 * Links are full duplex: each direction has this capacity.
 */

/** Which term binds. */
export type CapacityTerm = 'line-rate' | 'tcp-window' | 'packet-loss';

/** The capacity with every term, so a report can show which binds and by how much. */
export interface LinkCapacityResult {
  readonly bytesPerSecond: number;
  readonly binding: CapacityTerm;
  readonly terms: Readonly<Partial<Record<CapacityTerm, number>>>;
  readonly roundTripSeconds: number;
  readonly roundTripEstimated: boolean;
  /** Throughput of one copy stream (for job elongation, CCP-8). */
  readonly perStreamBytesPerSecond: number;
}

/**
 * Round trip: measured, or 2 x (fibre length x fibre delay + devices x device delay). The fibre
 * length is the distance as given for a fibre route, and times the route factor only for a
 * site-to-site distance (the link says which, so no figure carries an unstated factor).
 */
export function roundTripSeconds(link: Pick<PlanLink, 'distanceMeters' | 'roundTripSeconds' | 'routeFactor'>, catalog: Catalog): number {
  if (link.roundTripSeconds !== null) return link.roundTripSeconds;
  const km = link.distanceMeters / 1000;
  const oneWay = km * link.routeFactor * catalog.fibreDelaySecondsPerKm.value + catalog.devicesInPath.value * catalog.delaySecondsPerDevice.value;
  return 2 * oneWay;
}

/** Usable capacity of one direction of a link pair. */
export function linkCapacity(link: PlanLink, catalog: Catalog): LinkCapacityResult {
  const rtt = roundTripSeconds(link, catalog);
  const terms: Partial<Record<CapacityTerm, number>> = {
    'line-rate': link.count * link.bytesPerSecondEach * link.efficiency * link.copyShare,
  };
  if (link.tcpWindowBytes !== null && rtt > 0) terms['tcp-window'] = (link.streams * link.tcpWindowBytes) / rtt;
  if (link.lossRate !== null && link.lossRate > 0 && rtt > 0) {
    terms['packet-loss'] = (link.streams * (catalog.maxSegmentBytes.value / rtt) * Math.sqrt(3 / 2)) / Math.sqrt(link.lossRate);
  }
  let binding: CapacityTerm = 'line-rate';
  let bytesPerSecond = terms['line-rate'] ?? 0;
  for (const term of ['tcp-window', 'packet-loss'] as const) {
    const value = terms[term];
    if (value !== undefined && value < bytesPerSecond) {
      binding = term;
      bytesPerSecond = value;
    }
  }
  return {
    bytesPerSecond,
    binding,
    terms,
    roundTripSeconds: rtt,
    roundTripEstimated: link.roundTripSeconds === null,
    perStreamBytesPerSecond: bytesPerSecond / Math.max(1, link.streams),
  };
}
