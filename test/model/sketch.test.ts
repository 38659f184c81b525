import { describe, expect, it } from 'vitest';
import { defineGrid, sketchCategories } from '../../model/index.js';

/**
 * The grid sketch (model/sketch.ts), the short form the property runs generate grids in: what every
 * field not given defaults to, since generated grids and tests rely on it.
 */
describe('a grid sketch', () => {
  it('fills in plain defaults: clusters CL0.. at sites of their own, tape-attached, 256 devices; two links per pair with no copy rate; one host on every cluster', () => {
    const definition = defineGrid({ clusters: 2, classes: { MC: { 0: 'RD' } } });
    expect(definition.name).toBe('sketch');
    expect(definition.clusters.map((cluster) => [cluster.id, cluster.name, cluster.site, cluster.kind, cluster.virtualDevices, cluster.cacheMB, cluster.keepCopiesInCache])).toEqual([
      [0, 'CL0', 'site-0', 'tape-attached', 256, 1e9, false],
      [1, 'CL1', 'site-1', 'tape-attached', 256, 1e9, false],
    ]);
    expect(definition.clusters[0]?.writeProtect).toEqual({ enabled: false, excludedCategories: [], ignoreFastReady: false });
    expect(definition.clusters[0]?.override).toEqual({ preferLocalForScratchMounts: false, preferLocalForPrivateMounts: false, forceLocalCopy: false });
    expect(definition.clusters[0]?.autoRemoval).toEqual({ enabled: false, removalThresholdMB: 4e6, outOfCacheMB: 1.1e6 });
    expect(definition.links).toEqual([{ between: [0, 1], count: 2, copyRateMBPerMinute: 0 }]);
    expect(definition.hosts).toEqual([{ name: 'HOST', site: 'site-0', online: [0, 1], pathsPerCluster: 2, scratchCategory: '0002', privateCategory: '000F', role: 'production' }]);
    expect(definition.managementClasses).toEqual([{ name: 'MC', copyModes: { 0: ['R', 'D'] } }]);
  });

  it('default categories: insert FF00, scratch 0002 without expire hold, private 000F, error 000E', () => {
    expect(sketchCategories).toEqual({ insert: 'FF00', scratch: [{ id: '0002', expireHoldMinutes: 0 }], private: ['000F'], error: ['000E'] });
    expect(defineGrid({ clusters: 1, classes: {} }).categories).toEqual(sketchCategories);
  });

  it('links per pair and copy rates apply to every pair unless a pair overrides them; a host takes the first scratch and private categories given', () => {
    const definition = defineGrid({
      clusters: 3,
      linksPerPair: 4,
      copyRateMBPerMinute: 50,
      pairs: { '0-2': { count: 1, copyRateMBPerMinute: 10 } },
      classes: {},
      categories: { scratch: [{ id: '0100', expireHoldMinutes: 5 }], private: ['0200'] },
      hosts: [{ name: 'DR', standby: [2] }],
    });
    expect(definition.links).toEqual([
      { between: [0, 1], count: 4, copyRateMBPerMinute: 50 },
      { between: [0, 2], count: 1, copyRateMBPerMinute: 10 },
      { between: [1, 2], count: 4, copyRateMBPerMinute: 50 },
    ]);
    expect(definition.hosts[0]).toMatchObject({ name: 'DR', standby: [2], scratchCategory: '0100', privateCategory: '0200' });
  });
});
