import type { TapeLibraryDefinition } from '../model/index.js';
import type { Catalog } from '../planner/index.js';
import type { GridConfigFile } from './schema.js';

/** The physical side of each tape-attached cluster with Copy Export pools (CE-1, CE-5, CE-6, CE-9). */
export function buildTapeLibraries(config: GridConfigFile, catalog: Catalog): TapeLibraryDefinition[] {
  return config.clusters
    .filter((cluster) => cluster.kind === 'tape-attached' && (cluster.copyExport?.pools.length ?? 0) > 0)
    .map((cluster) => {
      const drive = catalog.drives.find((candidate) => candidate.type === cluster.physical?.driveType) ?? catalog.drives.at(-1);
      const secondaryPools: Record<string, number> = {};
      for (const mc of config.managementClasses) {
        const pool = mc.secondaryPool?.[String(cluster.id)];
        if (pool !== undefined) secondaryPools[mc.name] = pool;
      }
      return {
        cluster: cluster.id,
        libraryName: cluster.name,
        drives: cluster.physical?.drives ?? 0,
        ioStation: cluster.physical?.ioStation ?? true,
        pools: (cluster.physical?.pools ?? []).map((pool) => ({ id: pool.id, role: pool.role ?? 'primary', reclaimPool: pool.reclaimPool ?? pool.id })),
        copyExportPools: cluster.copyExport?.pools ?? [],
        cartridgeMB: ((drive?.cartridgeBytes ?? 1e13) * catalog.cartridgeFill.value) / 1e6,
        exportedLimit: cluster.copyExport?.exportedLimit ?? catalog.exportedLimitDefault.value,
        secondaryPools,
      };
    });
}
