import {
  defaultModelOptions,
  type CategoryDefinition,
  type ClusterDefinition,
  type CopyPoint,
  type GridDefinition,
  type HostDefinition,
  type LinkDefinition,
  type ModelOptions,
} from './definition.js';

/**
 * A short way to write a grid definition in code (tests, generated grids in property runs):
 * everything not given takes a plain default.
 */
export interface GridSketch {
  readonly name?: string;
  /** Number of clusters, or one partial definition per cluster (ids are their positions). */
  readonly clusters: number | readonly Partial<Omit<ClusterDefinition, 'id'>>[];
  /** Links per pair (default 2) and copy rate per pair in MB/min (default 0: explicit copies only). */
  readonly linksPerPair?: number;
  readonly copyRateMBPerMinute?: number;
  /** Override single pairs: key "0-1". */
  readonly pairs?: Readonly<Record<string, Partial<Pick<LinkDefinition, 'count' | 'copyRateMBPerMinute'>>>>;
  readonly hosts?: readonly (Partial<HostDefinition> & { readonly name: string })[];
  /** Management classes: name -> defining cluster -> letters, e.g. { MC: { 0: 'RD', 1: 'DR' } }. */
  readonly classes: Readonly<Record<string, Readonly<Record<number, string>>>>;
  readonly categories?: Partial<CategoryDefinition>;
  readonly options?: Partial<ModelOptions>;
}

/** Default categories of a sketch: insert FF00, scratch 0002 without hold, private 000F, error 000E. */
export const sketchCategories: CategoryDefinition = {
  insert: 'FF00',
  scratch: [{ id: '0002', expireHoldMinutes: 0 }],
  private: ['000F'],
  error: ['000E'],
};

/** Fills in a grid definition from a sketch. */
export function defineGrid(sketch: GridSketch): GridDefinition {
  const partials: readonly Partial<Omit<ClusterDefinition, 'id'>>[] =
    typeof sketch.clusters === 'number' ? Array.from({ length: sketch.clusters }, () => ({})) : sketch.clusters;
  const clusters: ClusterDefinition[] = partials.map((partial, id) => ({
    id,
    name: partial.name ?? `CL${id}`,
    site: partial.site ?? `site-${id}`,
    kind: partial.kind ?? 'tape-attached',
    cacheMB: partial.cacheMB ?? 1e9,
    virtualDevices: partial.virtualDevices ?? 256,
    ...(partial.aotm === undefined ? {} : { aotm: partial.aotm }),
    override: partial.override ?? { preferLocalForScratchMounts: false, preferLocalForPrivateMounts: false, forceLocalCopy: false },
    writeProtect: partial.writeProtect ?? { enabled: false, excludedCategories: [], ignoreFastReady: false },
    autoRemoval: partial.autoRemoval ?? { enabled: false, removalThresholdMB: 4e6, outOfCacheMB: 1.1e6 },
    keepCopiesInCache: partial.keepCopiesInCache ?? false,
  }));
  const links: LinkDefinition[] = [];
  for (let a = 0; a < clusters.length; a += 1) {
    for (let b = a + 1; b < clusters.length; b += 1) {
      const pair = sketch.pairs?.[`${a}-${b}`];
      links.push({
        between: [a, b],
        count: pair?.count ?? sketch.linksPerPair ?? 2,
        copyRateMBPerMinute: pair?.copyRateMBPerMinute ?? sketch.copyRateMBPerMinute ?? 0,
      });
    }
  }
  const categories = { ...sketchCategories, ...sketch.categories };
  const hosts: HostDefinition[] = (sketch.hosts ?? [{ name: 'HOST' }]).map((host) => ({
    name: host.name,
    site: host.site ?? 'site-0',
    online: host.online ?? clusters.map((cluster) => cluster.id),
    ...(host.standby === undefined ? {} : { standby: host.standby }),
    pathsPerCluster: host.pathsPerCluster ?? 2,
    scratchCategory: host.scratchCategory ?? categories.scratch[0]?.id ?? '0002',
    privateCategory: host.privateCategory ?? categories.private[0] ?? '000F',
    role: host.role ?? 'production',
  }));
  return {
    name: sketch.name ?? 'sketch',
    clusters,
    links,
    hosts,
    managementClasses: Object.entries(sketch.classes).map(([name, modes]) => {
      const copyModes: Record<number, CopyPoint[]> = {};
      for (const [cluster, letters] of Object.entries(modes)) copyModes[Number(cluster)] = [...letters] as CopyPoint[];
      return { name, copyModes };
    }),
    categories,
    options: { ...defaultModelOptions, ...sketch.options },
  };
}
