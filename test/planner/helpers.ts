import type { Catalog, PlanInputs, PlanLink, PlanWorkload } from '../../planner/index.js';

/** A catalog with round numbers, so expectations can be worked out by hand in the tests. */
export const testCatalog: Catalog = {
  protocolEfficiency: { value: 0.85, source: 'test' },
  fibreDelaySecondsPerKm: { value: 4.9e-6, source: 'test' },
  routeFactor: { value: 1, source: 'test' },
  devicesInPath: { value: 0, source: 'test' },
  delaySecondsPerDevice: { value: 25e-6, source: 'test' },
  copyStreams: { value: 8, source: 'test' },
  maxSegmentBytes: { value: 1460, source: 'test' },
  compression: { value: 2, source: 'test' },
  cartridgeFill: { value: 0.8, source: 'test' },
  recallSeconds: { value: 250, source: 'test' },
  retentionSeconds: { value: 30 * 86400, source: 'test' },
  copyExportIntervalSeconds: { value: 86400, source: 'test' },
  exportedLimitDefault: { value: 2000, source: 'test' },
  exportedLimitMax: { value: 10000, source: 'test' },
  virtualDevicesPerCluster: { value: 256, source: 'test' },
  scratchSafetyDays: { value: 3, source: 'test' },
  drTestWriteShare: { value: 0.1, source: 'test' },
  peakHourShare: { value: 1 / 24, source: 'test' },
  referenceVolumeBytes: { value: [800 * 2 ** 20, 4000 * 2 ** 20], source: 'test' },
  linkOptions: [
    { name: '2 x 1 Gb/s', count: 2, bytesPerSecondEach: 125e6, cost: 10, whatIf: false, source: 'test' },
    { name: '2 x 10 Gb/s', count: 2, bytesPerSecondEach: 1250e6, cost: 40, whatIf: false, source: 'test' },
  ],
  cacheOptions: [
    { name: '50 TB', bytes: 50e12, cost: 50, source: 'test' },
    { name: '100 TB', bytes: 100e12, cost: 90, source: 'test' },
  ],
  drives: [
    { type: 'E08', cartridgeBytes: 10e12, bytesPerSecond: 360e6, cartridgeCost: 2.5, source: 'test' },
    { type: '60F', cartridgeBytes: 20e12, bytesPerSecond: 400e6, cartridgeCost: 3.5, source: 'test' },
  ],
};

export function link(overrides: Partial<PlanLink> = {}): PlanLink {
  return {
    between: [0, 1],
    text: '2 x 10 Gb/s',
    count: 2,
    bytesPerSecondEach: 1250e6,
    distanceMeters: 1000e3,
    distanceText: '1000 km',
    distanceKind: 'fibre-route',
    routeFactor: 1,
    roundTripSeconds: null,
    efficiency: 0.85,
    efficiencyDefaulted: false,
    copyShare: 1,
    tcpWindowBytes: null,
    streams: 8,
    streamsDefaulted: false,
    lossRate: null,
    ...overrides,
  };
}

export function workload(overrides: Partial<PlanWorkload> = {}): PlanWorkload {
  return {
    cluster: 0,
    hostBytesPerDay: 10e12,
    dailyText: '10 TB/day',
    hourlyShare: Array.from({ length: 24 }, () => 1 / 24),
    profileDefaulted: true,
    averageVolumeBytes: 4e9,
    averageVolumeText: '4 GB',
    largestVolumeBytes: 4e9,
    largestVolumeDefaulted: false,
    compression: 2,
    compressionDefaulted: false,
    classShares: { MCDEF: 1 },
    peakConcurrentMounts: null,
    ...overrides,
  };
}

/** Two clusters at two sites: C0 writes, copies deferred to C1 (RD on C0). */
export function twoSites(overrides: Partial<PlanInputs> = {}): PlanInputs {
  return {
    grid: 'test',
    clusters: [0, 1].map((id) => ({
      id,
      name: `C${id}`,
      site: id === 0 ? 'prod' : 'dr',
      kind: 'tape-attached' as const,
      cacheBytes: 100e12,
      cacheText: '100 TB',
      virtualDevices: 256,
      driveType: 'E08',
      drives: 8,
      copyExportPools: [],
      removalThresholdBytes: 4e12,
      outOfCacheBytes: 1.1e12,
      keepCopiesInCache: false,
      occupiedAtBreakBytes: null,
    })),
    links: [link()],
    workloads: [workload()],
    classes: [
      { name: 'MCDEF', copyModes: { 0: ['R', 'D'] } },
      { name: 'MCRUN', copyModes: { 0: ['R', 'R'] } },
    ],
    targets: { rpoSeconds: { MCDEF: 4 * 3600 }, drTestSeconds: null, daysResident: null },
    headroom: { value: 0, defaulted: false },
    expireHoldSeconds: 86400,
    drTest: null,
    catalog: testCatalog,
    growth: null,
    ...overrides,
  };
}
