import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import * as z from 'zod';
import type { Catalog } from '../planner/index.js';
import { packageRoot } from './packageRoot.js';
import { configError, type ConfigProblem } from './problems.js';
import type { Dimension, UnitParser } from './quantity.js';

/**
 * The reference catalog (catalog/reference.yaml): editable planning defaults, each with its source.
 * Users pass their own copy with `--catalog`.
 */

/** Path of the bundled catalog, in the package's `catalog/` folder. */
export const referenceCatalogPath = join(packageRoot, 'catalog', 'reference.yaml');

const cited = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: z.string().min(1) });

const catalogSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  network: z.strictObject({
    protocolEfficiency: cited(z.number().gt(0).max(1)),
    fibreDelayPerKm: cited(z.string()),
    routeFactor: cited(z.number().min(1).max(3)),
    devicesInPath: cited(z.int().min(0).max(100)),
    delayPerDevice: cited(z.string()),
    copyStreams: cited(z.int().min(1).max(1024)),
    maxSegmentSize: cited(z.string()),
  }),
  linkOptions: z.array(z.strictObject({ name: z.string(), links: z.string(), cost: z.number().min(0), whatIf: z.boolean().optional(), source: z.string() })).min(1),
  cacheOptions: z.array(z.strictObject({ name: z.string(), size: z.string(), cost: z.number().min(0), source: z.string() })).min(1),
  drives: z.array(z.strictObject({ type: z.string(), capacity: z.string(), rate: z.string(), cartridgeCost: z.number().min(0), source: z.string() })).min(1),
  storage: z.strictObject({
    compression: cited(z.number().min(1)),
    cartridgeFill: cited(z.number().gt(0).max(1)),
    recallSeconds: cited(z.number().min(0)),
    retention: cited(z.string()),
    copyExportInterval: cited(z.string()),
    exportedLimitDefault: cited(z.int().min(1)),
    exportedLimitMax: cited(z.int().min(1)),
    virtualDevicesPerCluster: cited(z.int().min(1)),
    scratchSafetyDays: cited(z.number().min(0)),
    drTestWriteShare: cited(z.number().min(0).max(10)),
    volumeSizes: cited(z.array(z.string()).min(1)),
    peakHourShare: cited(z.number().gt(0).max(1)),
  }),
});

/** Loads and checks a catalog file; problems carry the file's field paths. */
export async function loadCatalog(path: string, units: UnitParser): Promise<{ ok: true; catalog: Catalog } | { ok: false; problems: ConfigProblem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, problems: [configError('file-unreadable', [], `cannot read the catalog ${path}`)] };
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) return { ok: false, problems: [configError('syntax', [], `catalog syntax: ${document.errors[0]?.message ?? ''}`)] };
  const parsed = catalogSchema.safeParse(document.toJS());
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => configError('invalid-value', issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)), issue.message)) };
  }
  const problems: ConfigProblem[] = [];
  const quantity = (text: string, dimension: Dimension, path: (string | number)[]): number => {
    const result = units.quantity(text, dimension);
    if (result.ok) return result.value.value;
    problems.push(configError('invalid-unit', path, result.problem));
    return 0;
  };
  const data = parsed.data;
  const catalog: Catalog = {
    protocolEfficiency: data.network.protocolEfficiency,
    fibreDelaySecondsPerKm: { value: quantity(data.network.fibreDelayPerKm.value, 'duration', ['network', 'fibreDelayPerKm', 'value']), source: data.network.fibreDelayPerKm.source },
    routeFactor: data.network.routeFactor,
    devicesInPath: data.network.devicesInPath,
    delaySecondsPerDevice: { value: quantity(data.network.delayPerDevice.value, 'duration', ['network', 'delayPerDevice', 'value']), source: data.network.delayPerDevice.source },
    copyStreams: data.network.copyStreams,
    maxSegmentBytes: { value: quantity(data.network.maxSegmentSize.value, 'data', ['network', 'maxSegmentSize', 'value']), source: data.network.maxSegmentSize.source },
    compression: data.storage.compression,
    cartridgeFill: data.storage.cartridgeFill,
    recallSeconds: data.storage.recallSeconds,
    retentionSeconds: { value: quantity(data.storage.retention.value, 'duration', ['storage', 'retention', 'value']), source: data.storage.retention.source },
    copyExportIntervalSeconds: { value: quantity(data.storage.copyExportInterval.value, 'duration', ['storage', 'copyExportInterval', 'value']), source: data.storage.copyExportInterval.source },
    exportedLimitDefault: data.storage.exportedLimitDefault,
    exportedLimitMax: data.storage.exportedLimitMax,
    virtualDevicesPerCluster: data.storage.virtualDevicesPerCluster,
    scratchSafetyDays: data.storage.scratchSafetyDays,
    drTestWriteShare: data.storage.drTestWriteShare,
    peakHourShare: data.storage.peakHourShare,
    referenceVolumeBytes: {
      value: data.storage.volumeSizes.value.map((size, index) => quantity(size, 'data', ['storage', 'volumeSizes', 'value', index])),
      source: data.storage.volumeSizes.source,
    },
    linkOptions: data.linkOptions.map((option, index) => {
      const capacity = units.linkCapacity(option.links);
      if (!capacity.ok) problems.push(configError('invalid-unit', ['linkOptions', index, 'links'], capacity.problem));
      return {
        name: option.name,
        count: capacity.ok ? capacity.value.count : 1,
        bytesPerSecondEach: capacity.ok ? capacity.value.bytesPerSecondEach : 0,
        cost: option.cost,
        whatIf: option.whatIf ?? false,
        source: option.source,
      };
    }),
    cacheOptions: data.cacheOptions.map((option, index) => ({ name: option.name, bytes: quantity(option.size, 'data', ['cacheOptions', index, 'size']), cost: option.cost, source: option.source })),
    drives: data.drives.map((drive, index) => ({
      type: drive.type,
      cartridgeBytes: quantity(drive.capacity, 'data', ['drives', index, 'capacity']),
      bytesPerSecond: quantity(drive.rate, 'rate', ['drives', index, 'rate']),
      cartridgeCost: drive.cartridgeCost,
      source: drive.source,
    })),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, catalog };
}
