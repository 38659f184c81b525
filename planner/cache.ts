import { verdictAtLeast, type Figure } from './figure.js';
import { formatBytes, formatSeconds } from './quantityFormat.js';
import type { PlanInputs } from './inputs.js';
import type { DirectionAnalysis } from './wan.js';

/**
 * Cache (TVC-3..5, CCP-9, FS-8): days resident per cluster, disk-only fill time when copies to the
 * peers stop, the effective production cache of the layout, and the DR site's recall exposure.
 */

const day = 86400;

/** Stored bytes per day entering a cluster's cache: its own host writes plus copies received. */
export function dailyInflow(inputs: PlanInputs, directions: readonly DirectionAnalysis[], cluster: number): { own: number; received: number } {
  const own = inputs.workloads.filter((workload) => workload.cluster === cluster).reduce((total, workload) => total + workload.hostBytesPerDay / workload.compression, 0);
  const received = directions.filter((direction) => direction.to === cluster).reduce((total, direction) => total + direction.immediateBytesPerDay + direction.deferredBytesPerDay, 0);
  return { own, received };
}

/** Days a volume stays in cache: usable cache / daily stored inflow. */
export function daysResident(cacheBytes: number, inflowBytesPerDay: number): number {
  return inflowBytesPerDay <= 0 ? Number.POSITIVE_INFINITY : cacheBytes / inflowBytesPerDay;
}

/** FS-8: days until a disk-only cluster at its removal threshold runs out of cache when nothing can be removed. */
export function diskOnlyFillSeconds(removalThresholdBytes: number, outOfCacheBytes: number, ownBytesPerDay: number): number {
  const room = Math.max(0, removalThresholdBytes - outOfCacheBytes);
  return ownBytesPerDay <= 0 ? Number.POSITIVE_INFINITY : (room / ownBytesPerDay) * day;
}

/** The cache figures. */
export function cacheFigures(inputs: PlanInputs, directions: readonly DirectionAnalysis[]): Figure[] {
  const figures: Figure[] = [];
  for (const cluster of inputs.clusters) {
    const inflow = dailyInflow(inputs, directions, cluster.id);
    const total = inflow.own + inflow.received;
    const resident = daysResident(cluster.cacheBytes, total);
    // Days resident matter where hosts read and write (and on disk-only clusters, which have no tape).
    const judged = inputs.workloads.some((workload) => workload.cluster === cluster.id) || cluster.kind === 'disk-only';
    const target = judged ? inputs.targets.daysResident : null;
    figures.push({
      id: `cache.days-resident.${cluster.id}`,
      title: `Days resident in C${cluster.id} (${cluster.name})`,
      value: resident,
      unit: 'd',
      display: Number.isFinite(resident) ? `${resident.toFixed(1)} d` : 'no inflow',
      formula: 'usable cache / daily stored inflow (own host writes + copies received, compressed)',
      inputs: [
        { name: 'cache', value: cluster.cacheText },
        { name: 'own writes', value: `${formatBytes(inflow.own, inputs.notation)}/day` },
        { name: 'copies received', value: `${formatBytes(inflow.received, inputs.notation)}/day` },
      ],
      verdict: target === null ? 'info' : verdictAtLeast(resident, target),
      ...(target === null ? {} : { target: `at least ${target} d` }),
      rules: ['TVC-3', 'PLN-4'],
    });
    if (cluster.kind === 'disk-only' && inflow.own > 0) {
      const seconds = diskOnlyFillSeconds(cluster.removalThresholdBytes, cluster.outOfCacheBytes, inflow.own);
      figures.push({
        id: `cache.disk-only-fill.${cluster.id}`,
        title: `C${cluster.id} fills when copies to its peers stop (scenario 8)`,
        value: seconds,
        unit: 's',
        display: formatSeconds(seconds),
        formula: '(auto-removal threshold - out-of-cache level) / own daily writes, from a cluster held at its removal threshold',
        inputs: [
          { name: 'removal threshold', value: formatBytes(cluster.removalThresholdBytes, inputs.notation) },
          { name: 'out of cache below', value: formatBytes(cluster.outOfCacheBytes, inputs.notation) },
        ],
        verdict: 'info',
        rules: ['TVC-4', 'FS-8'],
      });
    }
    const copiedIn = inflow.received;
    if (cluster.kind === 'tape-attached' && !cluster.keepCopiesInCache && copiedIn > 0) {
      const averageVolume = inputs.workloads[0] === undefined ? 1 : inputs.workloads[0].averageVolumeBytes / inputs.workloads[0].compression;
      const volumes = copiedIn / Math.max(1, averageVolume);
      const recallHours = (volumes * inputs.catalog.recallSeconds.value) / 3600;
      figures.push({
        id: `cache.recall-exposure.${cluster.id}`,
        title: `Recall exposure at C${cluster.id} after a disaster (PG0 copies)`,
        value: recallHours,
        unit: 'h/d',
        display: `${volumes.toFixed(0)} volumes/day copied in as PG0; reading a day of them back needs ${recallHours.toFixed(1)} drive-hours of recalls`,
        formula: 'volumes copied in per day x recall time per volume (copies from peers are PG0 and leave the cache first)',
        inputs: [{ name: 'recall time', value: `${inputs.catalog.recallSeconds.value} s`, defaultSource: inputs.catalog.recallSeconds.source }],
        verdict: 'info',
        rules: ['CCP-9', 'TVC-3'],
      });
    }
  }
  const sites = [...new Set(inputs.workloads.map((workload) => inputs.clusters.find((cluster) => cluster.id === workload.cluster)?.site))].filter((site): site is string => site !== undefined);
  for (const site of sites) {
    const siteClusters = inputs.clusters.filter((cluster) => cluster.site === site);
    const siteCache = siteClusters.reduce((total, cluster) => total + cluster.cacheBytes, 0);
    const workloads = inputs.workloads.filter((workload) => siteClusters.some((cluster) => cluster.id === workload.cluster));
    let weighted = 0;
    let weight = 0;
    for (const workload of workloads) {
      for (const [name, share] of Object.entries(workload.classShares)) {
        const modes = inputs.classes.find((mc) => mc.name === name)?.copyModes[workload.cluster] ?? [];
        const copies = siteClusters.filter((cluster) => (modes[cluster.id] ?? 'N') !== 'N').length;
        weighted += Math.max(1, copies) * share * workload.hostBytesPerDay;
        weight += share * workload.hostBytesPerDay;
      }
    }
    const copiesPerVolume = weight > 0 ? weighted / weight : 1;
    figures.push({
      id: `cache.effective.${site}`,
      title: `Effective production cache at ${site}`,
      value: siteCache / copiesPerVolume,
      unit: 'B',
      display: `${formatBytes(siteCache / copiesPerVolume, inputs.notation)} (${formatBytes(siteCache, inputs.notation)} installed, ${copiesPerVolume.toFixed(2)} copies of each volume at the site)`,
      formula: 'cache installed at the site / copies each volume keeps at the site (R-R-D: 2, R-N-D/N-R-D: 1)',
      inputs: siteClusters.map((cluster) => ({ name: `C${cluster.id}`, value: cluster.cacheText })),
      verdict: 'info',
      rules: ['TVC-3', 'PLN-4'],
    });
  }
  return figures;
}
