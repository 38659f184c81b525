/**
 * Defaults applied where the file says nothing. Each one is printed by `tapegrid validate` and
 * documented in README's configuration reference.
 */
export const configDefaults = {
  virtualDevices: 256,
  pathsPerCluster: 2,
  // Ambiguity AMB-3 (README): the seed's 20 minutes, not the later documentation's 25.
  aotmGracePeriod: '20 min',
  aotmRetryPeriod: '5 min',
  insertCategory: 'FF00',
  removalThreshold: '4 TB',
  outOfCache: '1 TiB',
  linkEfficiency: 0.85,
  copyShare: 1,
} as const;
