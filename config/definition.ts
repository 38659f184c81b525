import { defaultModelOptions, type ClusterDefinition, type CopyPoint, type GridDefinition } from '../model/index.js';
import { configDefaults } from './defaults.js';
import { mustParse as requireValue, type UnitParser } from './quantity.js';
import type { GridConfigFile } from './schema.js';

export { configDefaults } from './defaults.js';

const bytesPerMB = 1e6;

/** Builds the model's grid definition from a validated file: numbers in minutes and decimal MB. */
export function buildDefinition(config: GridConfigFile, units: UnitParser): GridDefinition {
  const minutes = (text: string): number => requireValue(units.quantity(text, 'duration')).value / 60;
  const expireMinutes = (text: string | undefined): number => (text === undefined || text === 'none' ? 0 : minutes(text));
  const megabytes = (text: string): number => requireValue(units.quantity(text, 'data')).value / bytesPerMB;
  const clusters: ClusterDefinition[] = [...config.clusters]
    .sort((a, b) => a.id - b.id)
    .map((cluster) => ({
      id: cluster.id,
      name: cluster.name,
      site: cluster.site,
      kind: cluster.kind,
      cacheMB: megabytes(cluster.cache),
      virtualDevices: cluster.virtualDevices ?? configDefaults.virtualDevices,
      ...(cluster.aotm?.enabled === true
        ? {
            aotm: {
              mode: cluster.aotm.mode,
              graceMinutes: minutes(cluster.aotm.gracePeriod ?? configDefaults.aotmGracePeriod),
              retryMinutes: minutes(cluster.aotm.retryPeriod ?? configDefaults.aotmRetryPeriod),
              tsscNetwork: cluster.aotm.tsscNetwork,
              ...(cluster.aotm.peers === undefined ? {} : { peers: cluster.aotm.peers }),
            },
          }
        : {}),
      override: {
        preferLocalForScratchMounts: cluster.copyPolicyOverride?.preferLocalForScratchMounts ?? false,
        preferLocalForPrivateMounts: cluster.copyPolicyOverride?.preferLocalForPrivateMounts ?? false,
        forceLocalCopy: cluster.copyPolicyOverride?.forceLocalCopy ?? false,
        ...(cluster.copyPolicyOverride?.runCopiesBeforeComplete === undefined ? {} : { runCopiesBeforeComplete: cluster.copyPolicyOverride.runCopiesBeforeComplete }),
      },
      writeProtect: {
        enabled: cluster.writeProtect?.enabled ?? false,
        excludedCategories: cluster.writeProtect?.excludedCategories ?? [],
        ignoreFastReady: cluster.writeProtect?.ignoreFastReady ?? false,
      },
      autoRemoval: {
        enabled: cluster.kind === 'disk-only' && (cluster.autoRemoval?.enabled ?? true),
        removalThresholdMB: megabytes(cluster.autoRemoval?.removalThreshold ?? configDefaults.removalThreshold),
        outOfCacheMB: megabytes(cluster.autoRemoval?.outOfCache ?? configDefaults.outOfCache),
      },
      keepCopiesInCache: cluster.keepCopiesInCache ?? false,
    }));
  return {
    name: config.grid.name,
    clusters,
    links: (config.gridLinks ?? []).map((link) => {
      const capacity = requireValue(units.linkCapacity(link.links));
      const usableBytesPerSecond = capacity.count * capacity.bytesPerSecondEach * (link.efficiency ?? configDefaults.linkEfficiency) * (link.copyShare ?? configDefaults.copyShare);
      return {
        between: [link.between[0], link.between[1]] as const,
        count: capacity.count,
        copyRateMBPerMinute: (usableBytesPerSecond * 60) / bytesPerMB,
      };
    }),
    hosts: (config.hosts ?? []).map((host) => ({
      name: host.name,
      site: host.site,
      online: host.online,
      ...(host.standby === undefined || host.standby.length === 0 ? {} : { standby: host.standby }),
      pathsPerCluster: host.pathsPerCluster ?? configDefaults.pathsPerCluster,
      scratchCategory: host.scratchCategory,
      privateCategory: host.privateCategory,
      role: host.role ?? 'production',
    })),
    managementClasses: config.managementClasses.map((mc) => {
      const copyModes: Record<number, CopyPoint[]> = {};
      for (const [clusterKey, modes] of Object.entries(mc.copyModes)) copyModes[Number(clusterKey)] = [...modes] as CopyPoint[];
      return { name: mc.name, copyModes };
    }),
    categories: {
      insert: config.categories.insert ?? configDefaults.insertCategory,
      scratch: config.categories.scratch.map((scratch) => ({
        id: scratch.id,
        expireHoldMinutes: expireMinutes(scratch.expireHold),
        // CAT-5: the expire time deletes the data whether or not it also holds the volume.
        ...(expireMinutes(scratch.deleteExpire ?? scratch.expireHold) > 0 ? { deleteExpireMinutes: expireMinutes(scratch.deleteExpire ?? scratch.expireHold) } : {}),
        ...(scratch.clusters === undefined ? {} : { fastReadyAt: scratch.clusters }),
      })),
      private: config.categories.private ?? [],
      error: config.categories.error ?? [],
    },
    options: {
      syncDeferredOnWriteFailure: config.modelOptions?.syncDeferredOnWriteFailure ?? defaultModelOptions.syncDeferredOnWriteFailure,
      undefinedClassOtherClusters: config.modelOptions?.undefinedClassOtherClusters ?? defaultModelOptions.undefinedClassOtherClusters,
    },
  };
}
