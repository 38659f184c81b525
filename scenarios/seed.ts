import { defineGrid, type GridEvent, type GridSketch } from '../model/index.js';
import { seen, type SeedScenario } from './effects.js';
import type { Job, TimedEvent } from './scenario.js';

/**
 * The eight failover scenarios of the seed (11.2.2 to 11.2.9, FS-1..FS-8) as executable scenarios.
 * The lab set-up (11.2.1): all host jobs go to Cluster 0's devices; Cluster 1's are used to recover.
 * The job mix is the seed's in spirit: specific mounts for reading and scratch mounts for writing.
 */


function volsers(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(5, '0')}`);
}

/** Setup: write each volume through `cluster` with `managementClass`, then let deferred copies finish. */
export function written(cluster: number, managementClass: string, names: readonly string[], host = 'PROD', sizeMB?: number): GridEvent[] {
  const events: GridEvent[] = [{ type: 'insert', cluster, volsers: names, category: '0002' }];
  for (const volser of names) {
    events.push(
      { type: 'scratch-mount', host, cluster, managementClass },
      { type: 'write', cluster, volser, ...(sizeMB === undefined ? {} : { sizeMB }) },
      { type: 'rewind-unload', cluster, volser },
    );
  }
  return events;
}

function read(name: string, cluster: number, volser: string, host = 'PROD'): Job {
  return { name, host, cluster, mount: { kind: 'specific', volser }, write: false };
}

function scratchWrite(name: string, cluster: number, managementClass: string, host = 'PROD'): Job {
  return { name, host, cluster, mount: { kind: 'scratch', managementClass }, write: true };
}

function modify(name: string, cluster: number, volser: string, host = 'PROD'): Job {
  return { name, host, cluster, mount: { kind: 'specific', volser }, write: true };
}

function bothLinks(a: number, b: number, at = 0, count = 2): TimedEvent[] {
  return Array.from({ length: count }, (_, link) => ({ at, event: { type: 'link-fail', between: [a, b], link } as GridEvent, label: `grid link ${link + 1} C${a}-C${b} fails` }));
}

const twoClusters: GridSketch = {
  name: 'seed lab grid (11.2.1)',
  clusters: [{ name: 'TS7700-0', site: 'lab' }, { name: 'TS7700-1', site: 'lab' }],
  classes: { MCRUN: { 0: 'RR', 1: 'RR' }, MCDEF: { 0: 'RD', 1: 'DR' }, MCLOCAL: { 0: 'RN', 1: 'NR' } },
  hosts: [{ name: 'PROD', site: 'lab', online: [0, 1] }],
};

const [D1, D2] = volsers('D', 2) as [string, string];

/** FS-1: one host link to TS7700-0 fails; an alternate path exists. */
const fs1: SeedScenario = {
  id: 'FS-1',
  title: 'Failure of a host link to a TS7700 (alternate path exists)',
  section: '11.2.2',
  seedEffects: ['All grid components continue to operate.', 'If alternate paths exist from the host to either TS7700, the host I/O operations can continue. Ownership takeover modes are not needed.', 'All data remains available.'],
  definition: defineGrid(twoClusters),
  setup: [...written(0, 'MCRUN', [D1, D2]), { type: 'insert', cluster: 0, volsers: volsers('S', 3), category: '0002' }],
  inFlight: [read('read D00001', 0, D1), scratchWrite('write scratch 1', 0, 'MCRUN')],
  failures: [{ at: 0, event: { type: 'host-link-fail', host: 'PROD', cluster: 0 }, label: 'one host link from PROD to C0 fails' }],
  afterFailure: [read('read D00002', 0, D2), scratchWrite('write scratch 2', 0, 'MCRUN')],
  recovery: [{ at: 10, event: { type: 'host-link-restore', host: 'PROD', cluster: 0 }, label: 'the host link is repaired' }],
  afterRecovery: [],
  watch: [D1, D2],
  prescribedRecovery: ['Normal error recovery procedures apply for the host channel and the intermediate equipment.', 'You must contact your IBM SSR to repair the failed connection.'],
  expectedStates: [],
  callHome: false,
  effects: [
    { name: 'all grid components continue to operate', quote: 'All grid components continue to operate.', check: (result) => result.statesRaised.length === 0 },
    { name: 'host I/O continues on the alternate path', quote: 'the host I/O operations can continue', check: (result) => seen.completed(result, 'read D00001', 'write scratch 1', 'read D00002', 'write scratch 2') },
    { name: 'no ownership takeover needed', quote: 'Ownership takeover modes are not needed.', check: (result) => result.takeoversSet.length === 0 },
    { name: 'all data remains available', quote: 'All data remains available.', check: (result) => seen.readable(result, 'after-failure', D1, 0) === 'readable' && seen.readable(result, 'after-failure', D2, 0) === 'readable' },
  ],
};

/** FS-2: both grid links fail; jobs run on TS7700-0; C0 owns two scratch volumes. */
const fs2: SeedScenario = {
  id: 'FS-2',
  title: 'Failure of both links between the clusters',
  section: '11.2.3',
  seedEffects: [
    'Jobs on virtual device addresses on TS7700 Cluster 0 continue to run because the logical volumes are using the TVC in Cluster 0.',
    'All scratch mounts to TS7700 Cluster 0 will succeed if it owns one or more volumes in the scratch category at the time of the mount operation. After the scratch volumes owned by TS7700 Cluster 0 are exhausted, scratch mounts will begin to fail.',
    'The grid enters the Grid Links Degraded state and the VTS Operations Degraded state. All copy operations are stopped. The grid enters the Copy Operation Disabled state.',
    "If the RUN Copy Consistency Point is being used, the grid also enters the Immediate Mode Copy Completion's Deferred state.",
    'Call Home support is invoked.',
  ],
  definition: defineGrid(twoClusters),
  setup: [...written(0, 'MCRUN', [D1]), { type: 'insert', cluster: 0, volsers: volsers('S', 3), category: '0002' }, { type: 'insert', cluster: 1, volsers: volsers('T', 2), category: '0002' }],
  inFlight: [read('read D00001', 0, D1), scratchWrite('write scratch 1 (RUN)', 0, 'MCRUN')],
  failures: bothLinks(0, 1),
  afterFailure: [scratchWrite('write scratch 2', 0, 'MCRUN'), scratchWrite('write scratch 3', 0, 'MCRUN'), scratchWrite('write scratch 4', 0, 'MCRUN')],
  recovery: [0, 1].map((link) => ({ at: 60, event: { type: 'link-restore', between: [0, 1], link } as GridEvent, label: `grid link ${link + 1} repaired` })),
  afterRecovery: [],
  watch: [D1],
  prescribedRecovery: ['Contact your IBM SSR for repair of the failed connection.'],
  expectedStates: ['GS-1', 'GS-2', 'GS-3', 'GS-4'],
  callHome: true,
  effects: [
    { name: 'jobs on C0 continue on its local cache', quote: 'Jobs on virtual device addresses on TS7700 Cluster 0 continue to run', check: (result) => seen.completed(result, 'read D00001', 'write scratch 1 (RUN)') },
    { name: 'scratch mounts succeed while C0 owns scratch volumes', quote: 'All scratch mounts to TS7700 Cluster 0 will succeed if it owns one or more volumes in the scratch category', check: (result) => seen.completed(result, 'write scratch 2', 'write scratch 3') },
    { name: 'then scratch mounts fail', quote: 'After the scratch volumes owned by TS7700 Cluster 0 are exhausted, scratch mounts will begin to fail.', check: (result) => seen.failed(result, 'write scratch 4', 'no-scratch-owned') },
    { name: 'all copy operations stop', quote: 'All copy operations are stopped.', check: (result) => (seen.job(result, 'write scratch 1 (RUN)')?.immediateDeferred ?? []).includes(1) },
    { name: 'call home', quote: 'Call Home support is invoked.', check: (result) => result.callHome.length > 0 },
  ],
};

const [R1, R2, R3] = volsers('R', 3) as [string, string, string];

/** Setup for remote mounts: R volumes written through C1 with No Copy on C0 (their only copy is in C1's cache). */
const onlyOnC1 = written(1, 'MCLOCAL', [R1, R2, R3]);

/** FS-3: one of two links fails during remote mounts. */
const fs3: SeedScenario = {
  id: 'FS-3',
  title: 'Failure of a link between the clusters with remote mounts',
  section: '11.2.4',
  seedEffects: [
    'Any job in progress that is using the remote link between TS7700 Cluster 0 and TS7700 Cluster 1 that was disconnected will fail.',
    'If the job is resubmitted, it will succeed by using the other link.',
    'The grid enters the Grid Links Degraded state and the VTS Operations Degraded state.',
    'Call Home support is invoked.',
  ],
  definition: defineGrid(twoClusters),
  setup: [...onlyOnC1, ...written(0, 'MCDEF', [D1])],
  inFlight: [read('remote read R00001', 0, R1)],
  failures: [{ at: 0, event: { type: 'link-fail', between: [0, 1], link: 0 }, label: 'grid link 1 C0-C1 fails' }, { at: 1, event: { type: 'deferred-copy' }, label: 'the copy queue moves' }],
  afterFailure: [read('rerun remote read R00001', 0, R1)],
  recovery: [{ at: 60, event: { type: 'link-restore', between: [0, 1], link: 0 }, label: 'grid link 1 repaired' }],
  afterRecovery: [],
  watch: [R1, D1],
  prescribedRecovery: ['Contact your IBM SSR to repair the failed connections.'],
  expectedStates: ['GS-1', 'GS-2'],
  callHome: true,
  effects: [
    { name: 'jobs using the failed link fail', quote: 'Any job in progress that is using the remote link ... that was disconnected will fail.', check: (result) => seen.failed(result, 'remote read R00001', 'link-failed') },
    { name: 'the rerun succeeds on the other link', quote: 'If the job is resubmitted, it will succeed by using the other link.', check: (result) => seen.completed(result, 'rerun remote read R00001') && seen.job(result, 'rerun remote read R00001')?.ioCluster === 1 },
    { name: 'copies continue', quote: '(the grid does not enter Copy Operation Disabled)', check: (result) => seen.readable(result, 'after-failure', D1, 1) === 'readable' },
    { name: 'call home', quote: 'Call Home support is invoked.', check: (result) => result.callHome.length > 0 },
  ],
};

/** FS-4: both links fail during remote mounts (C0 mounts using C1's cache). */
const fs4: SeedScenario = {
  id: 'FS-4',
  title: 'Failure of both links between the clusters with remote mounts',
  section: '11.2.5',
  seedEffects: [
    'Jobs on virtual device addresses on TS7700 Cluster 0 that are using TS7700 Cluster 1 as the TVC cluster will fail.',
    'Subsequent specific mount jobs that attempt to access the data through TS7700 Cluster 0 that exist only on TS7700 Cluster 1 will fail.',
    'All scratch mounts to TS7700 Cluster 0 will succeed if Cluster 0 owns one or more volumes in the scratch category ... After the scratch volumes owned by TS7700 Cluster 0 are exhausted, scratch mounts will begin to fail.',
    'All copy operations are stopped. The grid enters the Grid Links Degraded state, the VTS Operations Degraded state, and the grid enters the Copy Operation Disabled state.',
    'Call Home support is invoked.',
    'Tip: Although the data resides on TS7700-1, if it was mounted on TS7700-0 when the failure occurred, it is not accessible through the virtual device addresses on TS7700-1 because ownership transfer cannot occur.',
  ],
  definition: defineGrid(twoClusters),
  setup: [...onlyOnC1, { type: 'insert', cluster: 0, volsers: volsers('S', 1), category: '0002' }],
  inFlight: [read('remote read R00001', 0, R1)],
  failures: bothLinks(0, 1),
  afterFailure: [read('read R00002 through C0', 0, R2), scratchWrite('write scratch 1', 0, 'MCDEF'), scratchWrite('write scratch 2', 0, 'MCDEF'), read('read R00001 through C1', 1, R1)],
  recovery: [0, 1].map((link) => ({ at: 60, event: { type: 'link-restore', between: [0, 1], link } as GridEvent, label: `grid link ${link + 1} repaired` })),
  afterRecovery: [read('rerun read R00002', 0, R2)],
  watch: [R1, R2],
  prescribedRecovery: ['To recover from the failures, you must contact your IBM SSR to repair the failed connections.'],
  expectedStates: ['GS-1', 'GS-2', 'GS-3'],
  callHome: true,
  effects: [
    { name: 'jobs on C0 using C1 as the TVC fail', quote: 'Jobs ... that are using TS7700 Cluster 1 as the TVC cluster will fail.', check: (result) => seen.failed(result, 'remote read R00001', 'link-failed') },
    { name: 'specific mounts of data only on C1 fail', quote: 'Subsequent specific mount jobs ... that exist only on TS7700 Cluster 1 will fail.', check: (result) => seen.failed(result, 'read R00002 through C0') },
    { name: 'scratch mounts succeed while C0 owns scratch volumes, then fail', quote: 'All scratch mounts to TS7700 Cluster 0 will succeed if Cluster 0 owns ...', check: (result) => seen.completed(result, 'write scratch 1') && seen.failed(result, 'write scratch 2', 'no-scratch-owned') },
    { name: 'a volume mounted on C0 at the failure is not accessible through C1', quote: 'it is not accessible through the virtual device addresses on TS7700-1 because ownership transfer cannot occur', check: (result) => seen.failed(result, 'read R00001 through C1', 'owner-unreachable') },
    { name: 'call home', quote: 'Call Home support is invoked.', check: (result) => result.callHome.length > 0 },
    { name: 'after repair the data is readable again', quote: 'repair the failed connections', check: (result) => seen.completed(result, 'rerun read R00002') },
  ],
};

const [P1] = volsers('P', 1) as [string];

/** FS-5: the local cluster fails. */
function clusterLoss(id: string, title: string, sketch: GridSketch, rerunCluster: number): SeedScenario {
  return {
    id,
    title,
    section: '11.2.6',
    seedEffects: [
      'Virtual tape device addresses for TS7700 Cluster 0 will become unavailable. Jobs that were using the virtual device addresses of TS7700 Cluster 0 will fail.',
      'Scratch mounts that target volumes that are owned by the failed cluster will also fail until write ownership takeover mode is enabled. Scratch mounts that target pre-owned volumes will succeed.',
      'The grid enters the Copy Operation Disabled and VTS Operations Degraded states.',
      "If the RUN Copy Consistency Point is being used, the grid also enters the Immediate Mode Copy Completion's Deferred state.",
      'All copied data can be made accessible through TS7700 Cluster 1 through one of the takeover modes. If a takeover mode for TS7700 Cluster 0 is not enabled, data will not be accessible through TS7700 Cluster 1 even if it has a valid copy of the data if the volume is owned by TS7700 Cluster 0.',
    ],
    definition: defineGrid(sketch),
    setup: [...written(0, 'MCRUN', [D1, D2]), { type: 'insert', cluster: 0, volsers: volsers('S', 2), category: '0002' }, { type: 'insert', cluster: rerunCluster, volsers: [P1], category: '0002' }],
    inFlight: [read('read D00001', 0, D1), scratchWrite('write scratch 1', 0, 'MCRUN')],
    failures: [{ at: 0, event: { type: 'cluster-fail', cluster: 0 }, label: 'cluster C0 fails' }],
    afterFailure: [
      scratchWrite('scratch mount of a pre-owned volume (RUN)', rerunCluster, 'MCRUN'),
      scratchWrite('scratch mount of a volume owned by C0', rerunCluster, 'MCRUN'),
      read(`rerun read D00001 through C${rerunCluster}`, rerunCluster, D1),
    ],
    recovery: [{ at: 5, event: { type: 'set-takeover', at: rerunCluster, of: 0, mode: 'write' }, label: `write ownership takeover enabled at C${rerunCluster} for C0` }],
    afterRecovery: [read(`rerun read D00001 through C${rerunCluster} with takeover`, rerunCluster, D1), scratchWrite('scratch mount after write takeover', rerunCluster, 'MCRUN')],
    watch: [D1, D2],
    prescribedRecovery: [
      'Enable write or read-only ownership takeover through the MI.',
      'Rerun the failed jobs using the virtual device addresses associated with TS7700 Virtualization Engine Cluster 1.',
      'Normal error recovery procedures and repair apply for the host channels and the intermediate equipment.',
      'Contact your IBM SSR to repair the failed TS7700 cluster.',
    ],
    expectedStates: ['GS-2', 'GS-3', 'GS-4'],
    effects: [
      { name: 'jobs on C0 fail', quote: 'Jobs that were using the virtual device addresses of TS7700 Cluster 0 will fail.', check: (result) => seen.failed(result, 'read D00001', 'cluster-down') && seen.failed(result, 'write scratch 1', 'cluster-down') },
      { name: 'scratch mounts of pre-owned volumes succeed', quote: 'Scratch mounts that target pre-owned volumes will succeed.', check: (result) => seen.completed(result, 'scratch mount of a pre-owned volume (RUN)') },
      { name: 'scratch mounts of volumes owned by C0 fail until WOT', quote: 'Scratch mounts that target volumes that are owned by the failed cluster will also fail until write ownership takeover mode is enabled.', check: (result) => seen.failed(result, 'scratch mount of a volume owned by C0', 'no-scratch-owned') && seen.completed(result, 'scratch mount after write takeover') },
      { name: 'copied data not accessible without a takeover mode', quote: 'If a takeover mode for TS7700 Cluster 0 is not enabled, data will not be accessible ... even if it has a valid copy', check: (result) => seen.failed(result, `rerun read D00001 through C${rerunCluster}`, 'owner-unreachable') && seen.readable(result, 'after-failure', D1, rerunCluster) === 'needs-takeover' },
      { name: 'copied data accessible after a takeover mode', quote: 'All copied data can be made accessible through TS7700 Cluster 1 through one of the takeover modes.', check: (result) => seen.completed(result, `rerun read D00001 through C${rerunCluster} with takeover`) },
    ],
  };
}

const fs5 = clusterLoss('FS-5', 'Failure of the local cluster (C0)', twoClusters, 1);

/** FS-6: both links fail with AOTM configured on an independent TSSC network. */
const aotm = { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const };
const fs6: SeedScenario = {
  id: 'FS-6',
  title: 'Failure of both links between the clusters with Automatic Takeover',
  section: '11.2.7',
  seedEffects: [
    'Specific mount jobs subsequent to the failure using virtual device addresses on Cluster 0 that need to access volumes that are owned by Cluster 1 will fail (even if the data is local to Cluster 0). Jobs using virtual device addresses on Cluster 1 that need to access volumes that are owned by Cluster 0 will also fail.',
    'All scratch mounts to Cluster 0 will succeed as long as it owns one or more volumes in the scratch category at the time of the mount operation. After the scratch volumes owned by Cluster 0 are exhausted, scratch mounts will begin to fail.',
    'All copy operations are stopped. The grid enters the Grid Links Degraded state, the VTS Operations Degraded state, and the Copy Operation Disabled state.',
    "If the RUN Copy Consistency Point is being used, the grid also enters the Immediate Mode Copy Completion's Deferred state.",
    'Call Home support is invoked.',
  ],
  definition: defineGrid({ ...twoClusters, clusters: [{ name: 'TS7700-0', site: 'lab', aotm }, { name: 'TS7700-1', site: 'lab', aotm }] }),
  setup: [...written(1, 'MCRUN', [R1]), ...written(0, 'MCRUN', [D1]), { type: 'insert', cluster: 0, volsers: volsers('S', 1), category: '0002' }],
  inFlight: [],
  failures: [...bothLinks(0, 1), { at: 1, event: { type: 'specific-mount', host: 'PROD', cluster: 0, volser: R1 }, label: 'a job asks C0 for R00001 (owned by C1)' }, { at: 30, event: { type: 'advance', minutes: 1 }, label: 'the AOTM grace period passes' }],
  afterFailure: [read('read R00001 (owned by C1, data local) through C0', 0, R1), read('read D00001 (owned by C0) through C1', 1, D1), scratchWrite('write scratch 1 (RUN)', 0, 'MCRUN'), scratchWrite('write scratch 2', 0, 'MCRUN')],
  recovery: [0, 1].map((link) => ({ at: 60, event: { type: 'link-restore', between: [0, 1], link } as GridEvent, label: `grid link ${link + 1} repaired` })),
  afterRecovery: [read('rerun read R00001 through C0', 0, R1)],
  watch: [R1, D1],
  prescribedRecovery: ['Contact your IBM SSR for repair of the failed connections.'],
  expectedStates: ['GS-1', 'GS-2', 'GS-3', 'GS-4'],
  callHome: true,
  effects: [
    { name: 'AOTM sees both clusters alive and takes no ownership', quote: '(AOTM checks over the TSSC network whether the owner is inoperable)', check: (result) => result.takeoversSet.length === 0 },
    { name: 'specific mounts through C0 of volumes owned by C1 fail, even with local data', quote: 'need to access volumes that are owned by Cluster 1 will fail (even if the data is local to Cluster 0)', check: (result) => seen.failed(result, 'read R00001 (owned by C1, data local) through C0', 'owner-unreachable') },
    { name: 'specific mounts through C1 of volumes owned by C0 fail', quote: 'Jobs using virtual device addresses on Cluster 1 that need to access volumes that are owned by Cluster 0 will also fail.', check: (result) => seen.failed(result, 'read D00001 (owned by C0) through C1', 'owner-unreachable') },
    { name: 'scratch mounts succeed while C0 owns scratch volumes, then fail', quote: 'All scratch mounts to Cluster 0 will succeed as long as it owns ...', check: (result) => seen.completed(result, 'write scratch 1 (RUN)') && seen.failed(result, 'write scratch 2', 'no-scratch-owned') },
    { name: 'call home', quote: 'Call Home support is invoked.', check: (result) => result.callHome.length > 0 },
  ],
};

/** FS-7: three clusters; both links to the remote C2 fail. */
const threeClusters: GridSketch = {
  name: 'three-cluster grid (Figure 11-8)',
  clusters: [{ name: 'C0', site: 'production' }, { name: 'C1', site: 'production' }, { name: 'C2', site: 'remote' }],
  classes: { MCRRD: { 0: 'RRD', 1: 'RRD', 2: 'NNR' }, MCRUN: { 0: 'RRD', 1: 'RRD' } },
  hosts: [{ name: 'PROD', site: 'production', online: [0, 1] }, { name: 'BACKUP', site: 'remote', online: [2] }],
};
const fs7: SeedScenario = {
  id: 'FS-7',
  title: 'Three-cluster grid with failure on both links to Cluster 2',
  section: '11.2.8',
  seedEffects: [
    'All copy operations between Cluster 2 and rest of the clusters are stopped.',
    'All copy operations between Cluster 0 and Cluster 1 continue.',
    'The grid enters the Grid Links Degraded state, the VTS Operations Degraded state, and the Copy Operations Disabled state.',
    "If the RUN Copy Consistency Point is being used for Cluster 2, the grid also enters the Immediate Mode Copy Completion's Deferred state.",
    'Call Home support is invoked.',
  ],
  definition: defineGrid(threeClusters),
  setup: [{ type: 'insert', cluster: 0, volsers: volsers('S', 3), category: '0002' }],
  inFlight: [scratchWrite('write scratch 1 (RRD)', 0, 'MCRRD')],
  failures: [...bothLinks(0, 2), ...bothLinks(1, 2), { at: 1, event: { type: 'deferred-copy' }, label: 'the copy queue tries to move' }],
  afterFailure: [scratchWrite('write scratch 2 (RRD)', 0, 'MCRRD')],
  recovery: [0, 1].flatMap((link) => [
    { at: 60, event: { type: 'link-restore', between: [0, 2], link } as GridEvent, label: `link ${link + 1} C0-C2 repaired` },
    { at: 60, event: { type: 'link-restore', between: [1, 2], link } as GridEvent, label: `link ${link + 1} C1-C2 repaired` },
  ]),
  afterRecovery: [],
  watch: volsers('S', 2),
  prescribedRecovery: ['Contact your IBM SSR for repair of the failed connections.'],
  expectedStates: ['GS-1', 'GS-2', 'GS-3'],
  callHome: true,
  effects: [
    { name: 'copies to C2 stop', quote: 'All copy operations between Cluster 2 and rest of the clusters are stopped.', check: (result) => seen.copiesStopped(result, 2) },
    { name: 'copies between C0 and C1 continue', quote: 'All copy operations between Cluster 0 and Cluster 1 continue.', check: (result) => seen.completed(result, 'write scratch 1 (RRD)', 'write scratch 2 (RRD)') && (seen.job(result, 'write scratch 2 (RRD)')?.immediateDeferred ?? []).length === 0 },
    { name: 'call home', quote: 'Call Home support is invoked.', check: (result) => result.callHome.length > 0 },
  ],
};

/** FS-8: four-cluster hybrid; the remote site fails with the WAN up. */
const hybrid: GridSketch = {
  name: 'four-cluster hybrid (Figure 11-9)',
  clusters: [
    { name: 'TS7720-0', site: 'local', kind: 'disk-only', cacheMB: 10_000, autoRemoval: { enabled: true, removalThresholdMB: 3_000, outOfCacheMB: 1_500 } },
    { name: 'TS7720-1', site: 'local', kind: 'disk-only', cacheMB: 10_000, autoRemoval: { enabled: true, removalThresholdMB: 3_000, outOfCacheMB: 1_500 } },
    { name: 'TS7740-2', site: 'remote' },
    { name: 'TS7740-3', site: 'remote' },
  ],
  classes: { MCPART: { 0: 'RNDN', 1: 'NRND' } },
  hosts: [{ name: 'PROD', site: 'local', online: [0, 1] }],
};
const [O1, O2, O3] = volsers('O', 3) as [string, string, string];
const fs8: SeedScenario = {
  id: 'FS-8',
  title: 'Four-cluster hybrid grid: the remote site fails, WAN operational',
  section: '11.2.9',
  seedEffects: [
    'Jobs on virtual device addresses on Cluster 0 will continue to run because the logical volumes are in the TVC on Cluster 0 or Cluster 1.',
    'Jobs that access old volumes, which the automatic removal mechanisms have already removed from the production clusters, will fail.',
    'Because TS7720s cannot copy to TS7740, they might eventually become full, and all scratch mounts and specific mounts with modifications will fail.',
    'The grid enters the Copy Operation Disabled and VTS Operations Degraded states.',
    "If the RUN Copy Consistency Point is being used, the grid also enters the Immediate Mode Copy Completion's Deferred state.",
    'All copy operations for Cluster 2 and Cluster 3 are stopped.',
    'Call Home support is invoked.',
  ],
  definition: defineGrid(hybrid),
  setup: [...written(0, 'MCPART', [O1, O2, O3], 'PROD', 3_000).flatMap((event) => (event.type === 'rewind-unload' ? [event, { type: 'deferred-copy' } as GridEvent] : [event])), { type: 'insert', cluster: 0, volsers: volsers('S', 4), category: '0002' }],
  inFlight: [read('read O00003 on C0', 0, O3)],
  failures: [
    { at: 0, event: { type: 'cluster-fail', cluster: 2 }, label: 'cluster C2 (remote site) fails' },
    { at: 0, event: { type: 'cluster-fail', cluster: 3 }, label: 'cluster C3 (remote site) fails' },
  ],
  afterFailure: [
    read('read old volume O00001 (auto-removed)', 0, O1),
    { name: 'write scratch 1', host: 'PROD', cluster: 0, mount: { kind: 'scratch', managementClass: 'MCPART' }, write: true, sizeMB: 1_500 },
    { name: 'write scratch 2', host: 'PROD', cluster: 0, mount: { kind: 'scratch', managementClass: 'MCPART' }, write: true, sizeMB: 1_500 },
    { name: 'write scratch 3 (cache full)', host: 'PROD', cluster: 0, mount: { kind: 'scratch', managementClass: 'MCPART' }, write: true, sizeMB: 1_500 },
    { ...modify('modify O00003 (cache full)', 0, O3), sizeMB: 3_100 },
  ],
  recovery: [
    { at: 60, event: { type: 'cluster-restore', cluster: 2 }, label: 'C2 repaired' },
    { at: 60, event: { type: 'cluster-restore', cluster: 3 }, label: 'C3 repaired' },
  ],
  afterRecovery: [],
  watch: [O1, O3],
  prescribedRecovery: ['Normal error recovery procedures and repair apply for the host channels and the intermediate equipment.', 'To recover from the failures, you must contact your IBM SSR to repair the failed connections.'],
  expectedStates: ['GS-2', 'GS-3'],
  callHome: true,
  effects: [
    { name: 'jobs on C0 continue on the local caches', quote: 'Jobs on virtual device addresses on Cluster 0 will continue to run', check: (result) => seen.completed(result, 'read O00003 on C0') },
    { name: 'old volumes already auto-removed are unreadable', quote: 'Jobs that access old volumes, which the automatic removal mechanisms have already removed from the production clusters, will fail.', check: (result) => seen.failed(result, 'read old volume O00001 (auto-removed)', 'no-valid-copy') },
    { name: 'the disk-only clusters fill; scratch mounts and modifying mounts then fail', quote: 'they might eventually become full, and all scratch mounts and specific mounts with modifications will fail', check: (result) => seen.failed(result, 'write scratch 3 (cache full)', 'cache-full') && seen.failed(result, 'modify O00003 (cache full)', 'cache-full') },
    { name: 'copies to C2 and C3 stop', quote: 'All copy operations for Cluster 2 and Cluster 3 are stopped.', check: (result) => seen.copiesStopped(result, 2, 3) },
    { name: 'call home', quote: 'Call Home support is invoked.', check: (result) => result.callHome.length > 0 },
  ],
};

/** The eight scenarios of the seed, in order. */
export const seedScenarios: readonly SeedScenario[] = [fs1, fs2, fs3, fs4, fs5, fs6, fs7, fs8];

/** FS-5 on a three-cluster grid (RRD / RRD / NNR): C0 fails; C1 is the surviving production cluster. */
export const fs5ThreeClusters = clusterLoss('FS-5/3', 'Failure of C0 in a three-cluster grid', {
  name: 'three-cluster HA + DR',
  clusters: [{ name: 'C0', site: 'production' }, { name: 'C1', site: 'production' }, { name: 'C2', site: 'dr' }],
  classes: { MCRUN: { 0: 'RRD', 1: 'RRD', 2: 'NNR' } },
  hosts: [{ name: 'PROD', site: 'production', online: [0, 1] }],
}, 1);
