import { verdictAtMost, type Figure } from './figure.js';
import { formatBytes, formatSeconds } from './quantityFormat.js';
import type { PlanInputs } from './inputs.js';
import { dailyInflow } from './cache.js';
import type { DirectionAnalysis } from './wan.js';

/**
 * Scratch and media (CAT-2, CAT-4, DRT-2, DRT-4, CE-6, CER-6, PLN-3): logical scratch per day, the
 * scratch pool for expire hold plus a DR test plus safety days, the DR test range, physical
 * cartridges, Copy Export cartridges and the exported count, and virtual devices at the DR site.
 */

const day = 86400;

/** Physical cartridges to hold `bytes` on a drive generation. */
export function cartridgesFor(bytes: number, cartridgeBytes: number, fill: number): number {
  return Math.ceil(bytes / (cartridgeBytes * fill));
}

/** The scratch and media figures. */
export function scratchFigures(inputs: PlanInputs, directions: readonly DirectionAnalysis[]): Figure[] {
  const figures: Figure[] = [];
  const catalog = inputs.catalog;
  const testDays = (inputs.drTest?.seconds ?? inputs.targets.drTestSeconds ?? 0) / day;
  const holdDays = inputs.expireHoldSeconds / day;
  const safetyDays = catalog.scratchSafetyDays.value;
  for (const workload of inputs.workloads) {
    const perDay = workload.hostBytesPerDay / workload.averageVolumeBytes;
    figures.push({
      id: `scratch.per-day.${workload.cluster}`,
      title: `Logical scratch used per day through C${workload.cluster}`,
      value: perDay,
      unit: 'volumes/d',
      display: `${Math.ceil(perDay)} volumes/day`,
      formula: 'daily host data / average logical volume size',
      inputs: [
        { name: 'daily host data', value: workload.dailyText },
        { name: 'average volume', value: workload.averageVolumeText },
      ],
      verdict: 'info',
      rules: ['CAT-2', 'PLN-4'],
    });
    const pool = perDay * (holdDays + testDays + safetyDays);
    figures.push({
      id: `scratch.pool.${workload.cluster}`,
      title: `Scratch pool needed for C${workload.cluster}'s workload`,
      value: pool,
      unit: 'volumes',
      display: `${Math.ceil(pool)} volumes`,
      formula: 'scratch per day x (expire hold + return-to-scratch suspended for a DR test + safety days)',
      inputs: [
        { name: 'expire hold', value: formatSeconds(inputs.expireHoldSeconds) },
        { name: 'DR test', value: `${testDays.toFixed(1)} d` },
        { name: 'safety', value: `${safetyDays} d`, defaultSource: catalog.scratchSafetyDays.source },
      ],
      verdict: 'info',
      rules: ['CAT-2', 'CAT-4', 'DRT-4'],
    });
  }
  if (inputs.drTest !== null && inputs.workloads.length > 0) {
    const production = inputs.workloads.reduce((total, workload) => total + workload.hostBytesPerDay, 0);
    const testPerDay = inputs.drTest.writesBytesPerDay ?? production * catalog.drTestWriteShare.value;
    const average = inputs.workloads[0]?.averageVolumeBytes ?? 1;
    const range = (testPerDay / average) * (inputs.drTest.seconds / day);
    figures.push({
      id: 'scratch.dr-test-range',
      title: 'DR test VOLSER range to insert at the DR cluster',
      value: range,
      unit: 'volumes',
      display: `${Math.ceil(range)} volumes`,
      formula: 'test writes per day / average volume size x test days',
      inputs: [{ name: 'test writes', value: `${formatBytes(testPerDay, inputs.notation)}/day`, ...(inputs.drTest.writesBytesPerDay === null ? { defaultSource: catalog.drTestWriteShare.source } : {}) }],
      verdict: 'info',
      rules: ['DRT-2', 'OWN-10'],
    });
  }
  for (const cluster of inputs.clusters) {
    if (cluster.kind !== 'tape-attached') continue;
    const drive = catalog.drives.find((candidate) => candidate.type === cluster.driveType) ?? catalog.drives.at(-1);
    if (drive === undefined) continue;
    const inflow = dailyInflow(inputs, directions, cluster.id);
    const held = (inflow.own + inflow.received) * (catalog.retentionSeconds.value / day);
    const cartridges = cartridgesFor(held, drive.cartridgeBytes, catalog.cartridgeFill.value);
    figures.push({
      id: `media.cartridges.${cluster.id}`,
      title: `Physical cartridges at C${cluster.id} (${drive.type})`,
      value: cartridges,
      unit: 'cartridges',
      display: `${cartridges} x ${drive.type} (${formatBytes(drive.cartridgeBytes, inputs.notation)} native) for ${formatBytes(held, inputs.notation)} held`,
      formula: 'stored data held (daily inflow x retention) / (cartridge capacity x average fill), rounded up; plus 2 scratch per active pool after a recovery (CER-6)',
      inputs: [
        { name: 'retention', value: formatSeconds(catalog.retentionSeconds.value), defaultSource: catalog.retentionSeconds.source },
        { name: 'fill', value: String(catalog.cartridgeFill.value), defaultSource: catalog.cartridgeFill.source },
        { name: 'drive', value: drive.type, ...(cluster.driveType === null ? { defaultSource: 'newest drive in the catalog (no drive type configured)' } : {}) },
      ],
      verdict: 'info',
      rules: ['CER-6', 'PLN-4'],
    });
    if (cluster.copyExportPools.length > 0) {
      const interval = catalog.copyExportIntervalSeconds.value;
      const perCycle = cartridgesFor((inflow.own + inflow.received) * (interval / day), drive.cartridgeBytes, catalog.cartridgeFill.value);
      const exported = perCycle * Math.ceil(catalog.retentionSeconds.value / interval);
      const limit = catalog.exportedLimitDefault.value;
      figures.push({
        id: `media.copy-export.${cluster.id}`,
        title: `Copy Export from C${cluster.id}: cartridges per cycle and exported in steady state`,
        value: exported,
        unit: 'cartridges',
        display: `${perCycle} per ${formatSeconds(interval)} cycle; ${exported} exported in steady state (limit ${limit}, up to ${catalog.exportedLimitMax.value})`,
        formula: 'new data per export interval / (capacity x fill), rounded up; x (retention / interval) cartridges offsite until reclaimed',
        inputs: [{ name: 'export interval', value: formatSeconds(interval), defaultSource: catalog.copyExportIntervalSeconds.source }],
        verdict: exported > catalog.exportedLimitMax.value ? 'fails' : verdictAtMost(exported, limit),
        target: `at most ${limit} (CE-6 default limit)`,
        rules: ['CE-6', 'CE-2', 'CE-13'],
      });
      figures.push({
        id: `media.copy-export-rpo.${cluster.id}`,
        title: `Recovery point of the Copy Export from C${cluster.id}`,
        value: interval,
        unit: 's',
        display: `data newer than the last export start is at risk: up to ${formatSeconds(interval)} (plus the time to carry the cartridges offsite)`,
        formula: 'export interval: volumes written after an export starts wait for the next one (CE-2, CE-3)',
        inputs: [{ name: 'export interval', value: formatSeconds(interval), defaultSource: catalog.copyExportIntervalSeconds.source }],
        verdict: 'info',
        rules: ['CE-2', 'CE-3', 'PLN-2'],
      });
      figures.push({
        id: `media.copy-export-drives.${cluster.id}`,
        title: `Physical drives at C${cluster.id} for Copy Export`,
        value: cluster.drives,
        unit: 'drives',
        display: `${cluster.drives} drives (at least 4 needed)`,
        formula: 'an export is terminated with fewer than 4 physical drives available',
        inputs: [],
        verdict: cluster.drives >= 4 ? (cluster.drives >= 5 ? 'meets' : 'at-risk') : 'fails',
        target: 'at least 4 (CE-5)',
        rules: ['CE-5'],
      });
    }
  }
  const productionSites = new Set(inputs.workloads.map((workload) => inputs.clusters.find((cluster) => cluster.id === workload.cluster)?.site));
  const drClusters = inputs.clusters.filter((cluster) => !productionSites.has(cluster.site));
  const peak = inputs.workloads.reduce((total, workload) => total + (workload.peakConcurrentMounts ?? 0), 0);
  if (drClusters.length > 0 && peak > 0) {
    const devices = drClusters.reduce((total, cluster) => total + cluster.virtualDevices, 0);
    figures.push({
      id: 'devices.dr-site',
      title: 'Virtual devices at the DR site for the critical workload',
      value: peak / devices,
      unit: 'ratio',
      display: `${peak} concurrent mounts at peak on ${devices} devices (${drClusters.map((cluster) => `C${cluster.id}`).join(', ')})`,
      formula: 'peak concurrent mounts of production / virtual devices of the DR clusters (256 each, 496 with the feature)',
      inputs: [{ name: 'devices per cluster', value: drClusters.map((cluster) => String(cluster.virtualDevices)).join(', ') }],
      verdict: verdictAtMost(peak / devices, 1),
      target: 'enough devices for the peak',
      rules: ['PLN-3', 'TOP-1'],
    });
  }
  return figures;
}
