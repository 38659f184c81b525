import type { Catalog, PlanInputs } from '../planner/index.js';
// Straight from the formatter module: validate reads the notation and must not load the planner.
import { dataNotationOf, type DataNotation } from '../planner/quantityFormat.js';
import { mustParse as required, type UnitParser } from './quantity.js';
import type { GridConfigFile } from './schema.js';
import { configDefaults } from './definition.js';

/** The hourly share of a day: the given profile, a peak-hour share with the rest even, or flat. */
export function hourlyShare(peakHourShare: number | undefined, profile: readonly number[] | undefined): { shares: number[]; defaulted: boolean } {
  if (profile !== undefined) {
    const total = profile.reduce((sum, weight) => sum + weight, 0);
    return { shares: profile.map((weight) => weight / total), defaulted: false };
  }
  if (peakHourShare !== undefined) {
    // The peak hour is placed at 22:00, in the batch window; the rest of the day shares the remainder evenly.
    return { shares: Array.from({ length: 24 }, (_, h) => (h === 22 ? peakHourShare : (1 - peakHourShare) / 23)), defaulted: false };
  }
  return { shares: Array.from({ length: 24 }, () => 1 / 24), defaulted: true };
}

/** Headroom when the configuration states none: plan for 20 % more data than configured (PLANNING.md's "at risk" margin). */
export const defaultHeadroom = 0.2;

/** Every text of a configuration, so the plan prints data in the notation the configuration wrote (issue 18 item 4). */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(textsOf);
  return [];
}

/** Decimal or binary: the notation of the configuration's data quantities (`dataNotationOf`). */
export function configDataNotation(config: GridConfigFile): DataNotation {
  return dataNotationOf(textsOf(config));
}

/** The planner's inputs from a validated configuration and a catalog. */
export function buildPlanInputs(config: GridConfigFile, units: UnitParser, catalog: Catalog): PlanInputs {
  const seconds = (text: string): number => required(units.quantity(text, 'duration')).value;
  const bytes = (text: string): number => required(units.quantity(text, 'data')).value;
  const rate = (text: string): number => required(units.quantity(text, 'rate')).value;
  const drTestLength = config.drTest?.length ?? config.targets?.drTestLength;
  return {
    grid: config.grid.name,
    notation: configDataNotation(config),
    clusters: [...config.clusters]
      .sort((a, b) => a.id - b.id)
      .map((cluster) => ({
        id: cluster.id,
        name: cluster.name,
        site: cluster.site,
        kind: cluster.kind,
        cacheBytes: bytes(cluster.cache),
        cacheText: cluster.cache,
        virtualDevices: cluster.virtualDevices ?? configDefaults.virtualDevices,
        driveType: cluster.physical?.driveType ?? null,
        drives: cluster.physical?.drives ?? 0,
        copyExportPools: cluster.copyExport?.pools ?? [],
        removalThresholdBytes: bytes(cluster.autoRemoval?.removalThreshold ?? configDefaults.removalThreshold),
        outOfCacheBytes: bytes(cluster.autoRemoval?.outOfCache ?? configDefaults.outOfCache),
        keepCopiesInCache: cluster.keepCopiesInCache ?? false,
        occupiedAtBreakBytes: cluster.cacheOccupied === undefined ? null : bytes(cluster.cacheOccupied),
      })),
    links: (config.gridLinks ?? []).map((link) => {
      const capacity = required(units.linkCapacity(link.links));
      return {
        between: link.between,
        text: link.links,
        count: capacity.count,
        bytesPerSecondEach: capacity.bytesPerSecondEach,
        distanceMeters: required(units.quantity(link.distance, 'length')).value,
        distanceText: link.distance,
        distanceKind: link.distanceKind ?? 'fibre-route',
        routeFactor: link.distanceKind === 'site-to-site' ? catalog.routeFactor.value : 1,
        roundTripSeconds: link.roundTrip === undefined ? null : seconds(link.roundTrip),
        efficiency: link.efficiency ?? catalog.protocolEfficiency.value,
        efficiencyDefaulted: link.efficiency === undefined,
        copyShare: link.copyShare ?? 1,
        tcpWindowBytes: link.tcpWindow === undefined ? null : bytes(link.tcpWindow),
        streams: link.streams ?? catalog.copyStreams.value,
        streamsDefaulted: link.streams === undefined,
        lossRate: link.lossRate ?? null,
      };
    }),
    workloads: (config.workload ?? []).map((workload) => {
      const profile = hourlyShare(workload.peakHourShare, workload.hourlyProfile);
      return {
        cluster: workload.cluster,
        hostBytesPerDay: rate(workload.dailyWrite) * 86400,
        dailyText: workload.dailyWrite,
        hourlyShare: profile.shares,
        profileDefaulted: profile.defaulted,
        averageVolumeBytes: bytes(workload.averageVolumeSize),
        averageVolumeText: workload.averageVolumeSize,
        largestVolumeBytes: workload.largestVolumeSize === undefined ? Math.max(bytes(workload.averageVolumeSize), ...catalog.referenceVolumeBytes.value) : bytes(workload.largestVolumeSize),
        largestVolumeDefaulted: workload.largestVolumeSize === undefined,
        compression: workload.compression ?? catalog.compression.value,
        compressionDefaulted: workload.compression === undefined,
        classShares: workload.managementClasses,
        peakConcurrentMounts: workload.peakConcurrentMounts ?? null,
      };
    }),
    classes: config.managementClasses.map((mc) => ({
      name: mc.name,
      copyModes: Object.fromEntries(Object.entries(mc.copyModes).map(([cluster, modes]) => [Number(cluster), [...modes] as ('R' | 'S' | 'D' | 'N')[]])),
    })),
    targets: {
      rpoSeconds: Object.fromEntries(Object.entries(config.targets?.rpo ?? {}).map(([name, text]) => [name, seconds(text)])),
      drTestSeconds: config.targets?.drTestLength === undefined ? null : seconds(config.targets.drTestLength),
      daysResident: config.targets?.daysResident ?? null,
    },
    headroom: { value: config.targets?.headroom ?? defaultHeadroom, defaulted: config.targets?.headroom === undefined },
    expireHoldSeconds: Math.max(0, ...config.categories.scratch.map((scratch) => (scratch.expireHold === undefined || scratch.expireHold === 'none' ? 0 : seconds(scratch.expireHold)))),
    drTest:
      config.drTest === undefined || drTestLength === undefined
        ? null
        : {
            clusters: config.drTest.clusters,
            seconds: seconds(drTestLength),
            writesBytesPerDay: config.drTest.writesPerDay === undefined ? null : rate(config.drTest.writesPerDay) * 86400,
            linksBroken: (config.drTest.links ?? 'kept') === 'broken',
          },
    catalog,
    growth: config.growth === undefined ? null : { perYear: config.growth.perYear, horizonMonths: Math.round(seconds(config.growth.horizon) / (86400 * 30.4375)) },
  };
}
